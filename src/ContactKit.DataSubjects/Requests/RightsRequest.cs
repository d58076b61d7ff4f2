using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>One entry in a rights request's history. History is append-only: entries are never changed or removed.</summary>
/// <param name="Sequence">The entry's position, from 1 without gaps.</param>
/// <param name="Action">What was done.</param>
/// <param name="State">The state after it.</param>
/// <param name="By">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="On">The date in the tenant's zone, which the deadlines count from.</param>
/// <param name="Detail">Reasons, notes or the refusal's legal reason.</param>
public sealed record RightsRequestEvent(int Sequence, RightsRequestAction Action, RightsRequestState State, ActorId By, Instant At, LocalDate On, string? Detail = null);

/// <summary>An extension of the time limit: why, when the requester was told, and the new due date.</summary>
/// <param name="Reasons">The reasons given to the requester (for example the request is complex, or one of several).</param>
/// <param name="NoticeSentOn">When the requester was told; inside the first month.</param>
public sealed record RequestExtension(ImmutableArray<string> Reasons, LocalDate NoticeSentOn)
{
    /// <summary>The reasons given; empty, never a default array, when none were recorded.</summary>
    public ImmutableArray<string> Reasons { get; init; } = Reasons.IsDefault ? [] : Reasons;

    /// <inheritdoc />
    public bool Equals(RequestExtension? other) =>
        other is not null && NoticeSentOn == other.NoticeSentOn && Reasons.AsSpan().SequenceEqual(other.Reasons.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NoticeSentOn, Reasons.Length);
}

/// <summary>The legal reason a request, or part of it, was refused.</summary>
/// <param name="Article">The provision relied on, for example <c>Art 12(5)(b)</c> or <c>DPA 2018 Sch 2 para 5</c>.</param>
/// <param name="Reason">The reason as given to the requester.</param>
public sealed record RefusalReason(string Article, string Reason);

/// <summary>Who authorised an erasure request, and when; deletion is scheduled from that day.</summary>
/// <param name="By">Who authorised it.</param>
/// <param name="On">The date it was authorised, in the tenant's zone.</param>
public sealed record ErasureAuthorisation(ActorId By, LocalDate On);

/// <summary>
/// A request by a data subject (or their representative) to exercise one of their rights, with its workflow state, its
/// statutory deadlines and its append-only history. Changed only by <see cref="RightsRequestWorkflow"/>; stored by an
/// <see cref="IRightsRequestStore"/>, which assigns <see cref="Version"/>.
/// </summary>
public sealed record RightsRequest
{
    private readonly ImmutableArray<RightsRequestEvent> _history = [];

    /// <summary>The tenant the request was made to.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The request's id.</summary>
    public required RightsRequestId Id { get; init; }

    /// <summary>The data subject the request is about.</summary>
    public required DataSubjectId Subject { get; init; }

    /// <summary>The right exercised.</summary>
    public required DataSubjectRight Right { get; init; }

    /// <summary>How the request arrived, the identity check and any representative.</summary>
    public required RequestIntake Intake { get; init; }

    /// <summary>The state.</summary>
    public required RightsRequestState State { get; init; }

    /// <summary>When the request was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>The day it was received, in the tenant's zone.</summary>
    public required LocalDate ReceivedOn { get; init; }

    /// <summary>The day the requester's identity was confirmed, for the record; the time limit runs from <see cref="RelevantTime"/>.</summary>
    public LocalDate? IdentityConfirmedOn { get; init; }

    /// <summary>The day the identity information asked for last arrived (UK GDPR Art 12A(2)(b)).</summary>
    public LocalDate? IdentityInformationReceivedOn { get; init; }

    /// <summary>The day the fee asked for was received (UK GDPR Art 12A(2)(c)).</summary>
    public LocalDate? FeeReceivedOn { get; init; }

    /// <summary>
    /// The relevant time the time limit runs from (UK GDPR Art 12A(2)): the latest of the day the request was received,
    /// the day the identity information asked for arrived and the day the fee asked for was received.
    /// </summary>
    public LocalDate RelevantTime => LocalDate.Max(ReceivedOn, LocalDate.Max(IdentityInformationReceivedOn ?? ReceivedOn, FeeReceivedOn ?? ReceivedOn));

    /// <summary>The day clarification was last asked for (subject access only).</summary>
    public LocalDate? ClarificationRequestedOn { get; init; }

    /// <summary>The day the clarification was received.</summary>
    public LocalDate? ClarificationReceivedOn { get; init; }

    /// <summary>The days of earlier, finished clarification waits, which do not count towards the time limit.</summary>
    public int EarlierClarificationDays { get; init; }

    /// <summary>The day the answer is due. It never moves earlier.</summary>
    public required LocalDate DueOn { get; init; }

    /// <summary>The last day on which an extension can be notified (the end of the first month).</summary>
    public required LocalDate ExtensionNoticeDueOn { get; init; }

    /// <summary>The extension, if one was made.</summary>
    public RequestExtension? Extension { get; init; }

    /// <summary>The refusal's legal reason, when refused.</summary>
    public RefusalReason? Refusal { get; init; }

    /// <summary>The authorisation of an erasure request.</summary>
    public ErasureAuthorisation? ErasureAuthorisation { get; init; }

    /// <summary>The day the request was completed, refused or withdrawn.</summary>
    public LocalDate? ClosedOn { get; init; }

    /// <summary>The version assigned by the store: 1 when first stored, one more on every update; 0 before storing.</summary>
    public long Version { get; init; }

    /// <summary>Every event, oldest first.</summary>
    public ImmutableArray<RightsRequestEvent> History
    {
        get => _history;
        init => _history = value.IsDefault ? [] : value;
    }

    /// <summary>Whether the request is still open (not completed, refused or withdrawn).</summary>
    public bool IsOpen => !RightsRequestWorkflow.IsFinal(State);

    /// <summary>Whether the deadline clock is running: open and not waiting for clarification.</summary>
    public bool IsClockRunning => IsOpen && State != RightsRequestState.AwaitingClarification;

    /// <summary>Whether the request is open, its clock running, and its due date before <paramref name="today"/>.</summary>
    /// <param name="today">Today in the tenant's zone.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(LocalDate today) => IsClockRunning && DueOn < today;

    /// <summary>Whether the request is open, its clock running, and due within <paramref name="days"/> days of <paramref name="today"/> (not yet overdue).</summary>
    /// <param name="today">Today in the tenant's zone.</param>
    /// <param name="days">How many days ahead counts as soon.</param>
    /// <returns><see langword="true"/> when due soon.</returns>
    public bool IsDueSoon(LocalDate today, int days) => IsClockRunning && DueOn >= today && DueOn <= today.PlusDays(days);

    /// <inheritdoc />
    public bool Equals(RightsRequest? other) =>
        other is not null && Tenant == other.Tenant && Id == other.Id && Subject == other.Subject && Right == other.Right &&
        Intake == other.Intake && State == other.State && ReceivedAt == other.ReceivedAt && ReceivedOn == other.ReceivedOn &&
        IdentityConfirmedOn == other.IdentityConfirmedOn && IdentityInformationReceivedOn == other.IdentityInformationReceivedOn &&
        FeeReceivedOn == other.FeeReceivedOn && ClarificationRequestedOn == other.ClarificationRequestedOn &&
        ClarificationReceivedOn == other.ClarificationReceivedOn && EarlierClarificationDays == other.EarlierClarificationDays && DueOn == other.DueOn && ExtensionNoticeDueOn == other.ExtensionNoticeDueOn &&
        Extension == other.Extension && Refusal == other.Refusal && ErasureAuthorisation == other.ErasureAuthorisation &&
        ClosedOn == other.ClosedOn && Version == other.Version && History.AsSpan().SequenceEqual(other.History.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Id, State, Version, History.Length);
}
