using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>Whether an item is erased or kept.</summary>
public enum ErasureVerdict
{
    /// <summary>Erased by <see cref="ErasureDecision.EraseBy"/>.</summary>
    Erase = 1,

    /// <summary>Kept, for the reason and under the article given.</summary>
    Keep = 2,

    /// <summary>
    /// Neither erased nor kept on the tenant's own authority: the tenant holds the item as a processor for a client
    /// (<see cref="PersonalDataItem.HeldAsProcessor"/>), so the request is referred to the client, the controller, which
    /// decides it; the tenant then acts on the client's instructions.
    /// </summary>
    Refer = 3,
}

/// <summary>The decision on one item of an erasure request.</summary>
/// <param name="Item">The item.</param>
/// <param name="Verdict">Erase, keep, or refer to the controller.</param>
/// <param name="Article">The article relied on: <c>Art 17(1)</c> for erasure, the exemption for keeping.</param>
/// <param name="Reason">Why, in words the requester can read.</param>
/// <param name="EraseBy">The last day for the erasure; <see langword="null"/> when kept.</param>
public sealed record ErasureDecision(PersonalDataItem Item, ErasureVerdict Verdict, string Article, string Reason, LocalDate? EraseBy);

/// <summary>
/// Decides an erasure request item by item. An item under a legal hold, or kept for legal claims, is kept under
/// Art 17(3)(e); an item the schedule keeps for a legal obligation, or held on a basis to which erasure does not apply (a legal obligation, a public task; see
/// <see cref="RightsByLawfulBasis"/>) is kept under Art 17(3)(b); every other item is erased within the tenant's deletion
/// period from the day the request was authorised. An item the tenant holds as a processor for a client is referred to
/// the client before anything else is decided: whether it goes is the controller's decision, not the processor's.
/// </summary>
public static class ErasureDecider
{
    /// <summary>Decides one item.</summary>
    /// <param name="item">The item.</param>
    /// <param name="facts">What the retention schedule and holds say about it.</param>
    /// <param name="eraseBy">The last day for erasure: the authorisation day plus the tenant's deletion period.</param>
    /// <returns>The decision.</returns>
    public static ErasureDecision Decide(PersonalDataItem item, RetentionFacts facts, LocalDate eraseBy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(facts);
        if (item.HeldAsProcessor)
        {
            return new(item, ErasureVerdict.Refer, "Art 28(3)(e)", "referred to our client, the controller we hold it for, who decides the request; we act on their instructions and help them answer it", null);
        }

        var filed = facts.RecordClass is null ? string.Empty : $" (record class '{facts.RecordClass}')";
        var because = string.IsNullOrWhiteSpace(facts.Reason) ? string.Empty : $": {facts.Reason}";
        if (facts.ActiveHold is { } hold)
        {
            return new(item, ErasureVerdict.Keep, "Art 17(3)(e)", $"kept under legal hold {hold}{filed} because it may be needed for legal claims{because}", null);
        }

        if (facts.KeptForLegalClaims)
        {
            return new(item, ErasureVerdict.Keep, "Art 17(3)(e)", $"kept{filed} because it is needed to establish, exercise or defend legal claims{because}", null);
        }

        if (facts.KeptForLegalObligation)
        {
            return new(item, ErasureVerdict.Keep, "Art 17(3)(b)", $"kept{filed} because the retention schedule keeps it to comply with a legal obligation{because}", null);
        }

        var rule = RightsByLawfulBasis.Lookup(DataSubjectRight.Erasure, item.LawfulBasis);
        if (!rule.Applies)
        {
            return new(item, ErasureVerdict.Keep, rule.Article, $"kept{filed} because {rule.Reason}{because}", null);
        }

        return new(item, ErasureVerdict.Erase, "Art 17(1)", $"erased: held on {item.LawfulBasis.Article()} and nothing requires keeping it", eraseBy);
    }
}

/// <summary>An authorised erasure request's decisions, item by item.</summary>
public sealed record ErasurePlan
{
    private readonly ImmutableArray<ErasureDecision> _decisions = [];

    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The data subject.</summary>
    public required DataSubjectId Subject { get; init; }

    /// <summary>The request.</summary>
    public required RightsRequestId Request { get; init; }

    /// <summary>Who authorised the request; the erasure's audit entries name them.</summary>
    public required ActorId AuthorisedBy { get; init; }

    /// <summary>The day the request was authorised.</summary>
    public required LocalDate AuthorisedOn { get; init; }

    /// <summary>The last day for the erasures: the authorisation day plus the tenant's deletion period, on a working day.</summary>
    public required LocalDate EraseBy { get; init; }

    /// <summary>One decision per item found.</summary>
    public ImmutableArray<ErasureDecision> Decisions
    {
        get => _decisions;
        init => _decisions = value.IsDefault ? [] : value;
    }

    /// <summary>The items to erase.</summary>
    public IEnumerable<ErasureDecision> ToErase => Decisions.Where(d => d.Verdict == ErasureVerdict.Erase);

    /// <summary>The items kept, with the reasons.</summary>
    public IEnumerable<ErasureDecision> ToKeep => Decisions.Where(d => d.Verdict == ErasureVerdict.Keep);

    /// <summary>The items held as a processor for a client, referred to the client rather than erased.</summary>
    public IEnumerable<ErasureDecision> ToRefer => Decisions.Where(d => d.Verdict == ErasureVerdict.Refer);

    /// <inheritdoc />
    public bool Equals(ErasurePlan? other) =>
        other is not null && Tenant == other.Tenant && Subject == other.Subject && Request == other.Request &&
        AuthorisedBy == other.AuthorisedBy && AuthorisedOn == other.AuthorisedOn && EraseBy == other.EraseBy && Decisions.AsSpan().SequenceEqual(other.Decisions.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Request, Decisions.Length);
}

/// <summary>An item a source failed to erase, with its error.</summary>
/// <param name="Decision">The decision that called for erasure.</param>
/// <param name="Error">Why the source could not erase it.</param>
public sealed record ErasureFailure(ErasureDecision Decision, ContactKitError Error);

/// <summary>The answer to an erasure request: what was erased, what was kept and why, and anything that failed.</summary>
public sealed record ErasureAnswer
{
    /// <summary>The plan carried out.</summary>
    public required ErasurePlan Plan { get; init; }

    /// <summary>When the erasures were carried out.</summary>
    public required Instant CarriedOutAt { get; init; }

    /// <summary>The items erased.</summary>
    public required ImmutableArray<ErasureDecision> Erased { get; init; }

    /// <summary>The items kept, each with its article and reason: those the plan kept and those held since it was made.</summary>
    public required ImmutableArray<ErasureDecision> Kept { get; init; }

    /// <summary>The items a source failed to erase; they stay due by <see cref="ErasurePlan.EraseBy"/>.</summary>
    public required ImmutableArray<ErasureFailure> Failed { get; init; }

    /// <summary>The items held as a processor for a client, referred to the client (the controller) rather than erased; empty when there are none.</summary>
    public ImmutableArray<ErasureDecision> Referred
    {
        get => field.IsDefault ? [] : field;
        init;
    }

    /// <summary>The answer in plain English, for the letter to the requester.</summary>
    /// <returns>The text, one item per line.</returns>
    public string ToReadableText()
    {
        var text = new StringBuilder();
        text.Append($"Erasure request {Plan.Request}, authorised on {Plan.AuthorisedOn.Iso()}, to be complete by {Plan.EraseBy.Iso()}.\n");
        text.Append($"Erased ({Erased.Length}):\n");
        foreach (var d in Erased)
        {
            text.Append($"  - {Describe(d.Item)}\n");
        }

        text.Append($"Kept ({Kept.Length}):\n");
        foreach (var d in Kept)
        {
            text.Append($"  - {Describe(d.Item)}: {d.Reason} ({d.Article})\n");
        }

        if (Referred.Length > 0)
        {
            text.Append($"Passed to our client, who decides ({Referred.Length}):\n");
            foreach (var d in Referred)
            {
                text.Append($"  - {Describe(d.Item)}: {d.Reason} ({d.Article})\n");
            }
        }

        if (Failed.Length > 0)
        {
            text.Append($"Not yet erased, to be retried before {Plan.EraseBy.Iso()} ({Failed.Length}):\n");
            foreach (var f in Failed)
            {
                text.Append($"  - {Describe(f.Decision.Item)}: {f.Error.Message}\n");
            }
        }

        return text.ToString();
    }

    private static string Describe(PersonalDataItem item) =>
        item.Description is null ? $"{item.Category} in {item.Source} ({item.ItemId})" : $"{item.Description} ({item.Category} in {item.Source})";

    /// <inheritdoc />
    public bool Equals(ErasureAnswer? other) =>
        other is not null && Plan == other.Plan && CarriedOutAt == other.CarriedOutAt &&
        Erased.AsSpan().SequenceEqual(other.Erased.AsSpan()) && Kept.AsSpan().SequenceEqual(other.Kept.AsSpan()) && Failed.AsSpan().SequenceEqual(other.Failed.AsSpan()) &&
        Referred.AsSpan().SequenceEqual(other.Referred.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Plan, CarriedOutAt, Erased.Length, Kept.Length);
}
