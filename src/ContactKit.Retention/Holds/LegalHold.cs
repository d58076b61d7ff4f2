using NodaTime;

namespace ContactKit.Retention;

/// <summary>What a legal hold covers.</summary>
public enum HoldScope
{
    /// <summary>One item.</summary>
    Item,

    /// <summary>Every item about one person.</summary>
    Subject,

    /// <summary>Every item from one interaction.</summary>
    Interaction,

    /// <summary>Every item of one case.</summary>
    Case,
}

/// <summary>The scope and id a hold applies to.</summary>
/// <param name="Scope">The scope.</param>
/// <param name="Id">The id of the item, subject, interaction or case.</param>
public readonly record struct HoldTarget(HoldScope Scope, string Id)
{
    /// <summary>Holds one item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The target.</returns>
    public static HoldTarget ForItem(RetainedItemId item) => new(HoldScope.Item, item.Value);

    /// <summary>Holds every item about a person.</summary>
    /// <param name="subject">The person.</param>
    /// <returns>The target.</returns>
    public static HoldTarget ForSubject(DataSubjectId subject) => new(HoldScope.Subject, subject.Value);

    /// <summary>Holds every item of an interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>The target.</returns>
    public static HoldTarget ForInteraction(InteractionId interaction) => new(HoldScope.Interaction, interaction.Value);

    /// <summary>Holds every item of a case.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The target.</returns>
    public static HoldTarget ForCase(CaseId @case) => new(HoldScope.Case, @case.Value);

    /// <summary>Whether the target reaches <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Covers(RetainedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Scope switch
        {
            HoldScope.Item => item.Id.Value == Id,
            HoldScope.Subject => item.Subject?.Value == Id,
            HoldScope.Interaction => item.Interaction?.Value == Id,
            HoldScope.Case => item.Case?.Value == Id,
            _ => false,
        };
    }

    /// <summary>The targets that can reach <paramref name="item"/>: its own id and, where set, its subject, interaction and case.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Between one and four targets.</returns>
    public static IEnumerable<HoldTarget> Reaching(RetainedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        yield return ForItem(item.Id);
        if (item.Subject is { } subject)
        {
            yield return ForSubject(subject);
        }

        if (item.Interaction is { } interaction)
        {
            yield return ForInteraction(interaction);
        }

        if (item.Case is { } @case)
        {
            yield return ForCase(@case);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scope.ToString().ToLowerInvariant()}/{Id}";
}

/// <summary>
/// A legal hold: while active it stops every item it covers from being disposed of, with no end date. Releasing it
/// lets the items follow their schedules again.
/// </summary>
public sealed record LegalHold
{
    /// <summary>The hold's id.</summary>
    public required LegalHoldId Id { get; init; }

    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>What it covers.</summary>
    public required HoldTarget Target { get; init; }

    /// <summary>Why it was placed (for example the litigation or investigation).</summary>
    public required string Reason { get; init; }

    /// <summary>Who placed it.</summary>
    public required ActorId PlacedBy { get; init; }

    /// <summary>When it was placed.</summary>
    public required Instant PlacedAt { get; init; }

    /// <summary>Who released it, once released.</summary>
    public ActorId? ReleasedBy { get; init; }

    /// <summary>When it was released, once released.</summary>
    public Instant? ReleasedAt { get; init; }

    /// <summary>Whether the hold still applies.</summary>
    public bool IsActive => ReleasedAt is null;
}
