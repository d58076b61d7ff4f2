using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>
/// One step applied to a rights request by <see cref="RightsRequestWorkflow.Apply"/>: the action, who took it, when, and
/// what the action needs (reasons for an extension, the legal reason for a refusal). Build it with the static methods.
/// </summary>
public sealed record RightsRequestCommand
{
    private RightsRequestCommand(RightsRequestAction action, ActorId by, Instant at, LocalDate on)
    {
        Action = action;
        By = by;
        At = at;
        On = on;
    }

    /// <summary>The action.</summary>
    public RightsRequestAction Action { get; }

    /// <summary>Who takes it.</summary>
    public ActorId By { get; }

    /// <summary>When.</summary>
    public Instant At { get; }

    /// <summary>The date in the tenant's zone.</summary>
    public LocalDate On { get; }

    /// <summary>The reasons for an extension.</summary>
    public ImmutableArray<string> Reasons { get; private init; } = [];

    /// <summary>The legal reason for a refusal.</summary>
    public RefusalReason? Refusal { get; private init; }

    /// <summary>A note for the history (for example what the answer contained).</summary>
    public string? Note { get; private init; }

    /// <summary>Start checking the requester's identity.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">What proof was asked for.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand BeginIdentityCheck(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.BeginIdentityCheck, by, at, on) { Note = note };

    /// <summary>Record that the requester's identity is confirmed.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">How it was confirmed.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand ConfirmIdentity(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.ConfirmIdentity, by, at, on) { Note = note };

    /// <summary>Record that the identity information asked for (Art 12(6)) arrived; the relevant time moves to this day if it is later.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When it arrived.</param>
    /// <param name="on">The day it arrived, in the tenant's zone.</param>
    /// <param name="note">What arrived (for example <c>copy of passport by post</c>), never the document itself.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand ReceiveIdentityInformation(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.ReceiveIdentityInformation, by, at, on) { Note = note };

    /// <summary>Record that the fee asked for (Art 12(5) or 15(3)) was paid; the relevant time moves to this day if it is later.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When it was received.</param>
    /// <param name="on">The day it was received, in the tenant's zone.</param>
    /// <param name="note">The amount and how it was paid.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand ReceiveFee(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.ReceiveFee, by, at, on) { Note = note };

    /// <summary>Ask for clarification of a subject access request.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">What was asked.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand AskClarification(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.AskClarification, by, at, on) { Note = note };

    /// <summary>Record the requester's clarification.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">What was clarified.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand ReceiveClarification(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.ReceiveClarification, by, at, on) { Note = note };

    /// <summary>Start carrying the request out.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand Start(ActorId by, Instant at, LocalDate on) => new(RightsRequestAction.Start, by, at, on);

    /// <summary>Extend the time limit, having told the requester on <paramref name="on"/>.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date the requester was told, in the tenant's zone.</param>
    /// <param name="reasons">The reasons given.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand Extend(ActorId by, Instant at, LocalDate on, params IEnumerable<string> reasons) =>
        new(RightsRequestAction.Extend, by, at, on) { Reasons = [.. reasons ?? []] };

    /// <summary>Record that an erasure request is authorised.</summary>
    /// <param name="by">Who authorised it.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand AuthoriseErasure(ActorId by, Instant at, LocalDate on) => new(RightsRequestAction.AuthoriseErasure, by, at, on);

    /// <summary>Record the answer.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">What the answer contained.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand Complete(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.Complete, by, at, on) { Note = note };

    /// <summary>Refuse the request with its legal reason.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="article">The provision relied on.</param>
    /// <param name="reason">The reason as given to the requester.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand Refuse(ActorId by, Instant at, LocalDate on, string article, string reason) =>
        new(RightsRequestAction.Refuse, by, at, on) { Refusal = new RefusalReason(article, reason) };

    /// <summary>Record that the requester withdrew the request.</summary>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="on">The date in the tenant's zone.</param>
    /// <param name="note">How they withdrew.</param>
    /// <returns>The command.</returns>
    public static RightsRequestCommand Withdraw(ActorId by, Instant at, LocalDate on, string? note = null) =>
        new(RightsRequestAction.Withdraw, by, at, on) { Note = note };

    /// <inheritdoc />
    public bool Equals(RightsRequestCommand? other) =>
        other is not null && Action == other.Action && By == other.By && At == other.At && On == other.On &&
        Refusal == other.Refusal && Note == other.Note && Reasons.AsSpan().SequenceEqual(other.Reasons.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Action, By, At, On);
}
