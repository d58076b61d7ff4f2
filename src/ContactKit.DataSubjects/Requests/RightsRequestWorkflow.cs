using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using ContactKit.Calendars;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.DataSubjects;

/// <summary>One allowed move of the rights-request workflow.</summary>
/// <param name="From">The state before.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The state after.</param>
public readonly record struct RightsRequestTransition(RightsRequestState From, RightsRequestAction Action, RightsRequestState To);

/// <summary>
/// The rights-request workflow: a pure function from (request, command) to the changed request or a typed refusal. It
/// keeps the statutory deadlines up to date, counted from the relevant time (UK GDPR Art 12A(2): the latest of receiving
/// the request, the identity information asked for and the fee asked for), and a deadline never moves earlier. Steps are
/// taken in date order: a step dated before the previous one, or a clarification received before it was asked, is
/// refused (<see cref="DataSubjectsErrorCodes.StepOutOfOrder"/>). The transition table is data
/// (<see cref="Transitions"/>) and can be drawn with <see cref="ToMermaid"/>. A tenant that promises a shorter period
/// (<see cref="DataSubjectsOptions.TenantResponsePromises"/>) gets the earlier of its promise and the statutory month as
/// the due date; an extension still follows the law.
/// </summary>
/// <param name="calendars">Each tenant's calendar and statutory deadlines (ContactKit.Calendars).</param>
public sealed class RightsRequestWorkflow(ITenantCalendars calendars)
{
    private readonly Func<TenantId, RightsResponsePromise?> _promises = static _ => null;

    /// <summary>Creates the workflow with the tenants' promises to answer sooner than the statutory month.</summary>
    /// <param name="calendars">Each tenant's calendar and statutory deadlines (ContactKit.Calendars).</param>
    /// <param name="options">The options holding <see cref="DataSubjectsOptions.TenantResponsePromises"/>.</param>
    public RightsRequestWorkflow(ITenantCalendars calendars, IOptions<DataSubjectsOptions> options)
        : this(calendars)
    {
        ArgumentNullException.ThrowIfNull(options);
        _promises = tenant => options.Value.ResponsePromiseFor(tenant);
    }

    private static readonly RightsRequestState[] Open =
    [
        RightsRequestState.Received, RightsRequestState.VerifyingIdentity, RightsRequestState.AwaitingClarification,
        RightsRequestState.InProgress, RightsRequestState.Extended,
    ];

    // Where a fee asked for can arrive: before the request is answered, and not once it is extended.
    private static readonly RightsRequestState[] FeeStates =
    [
        RightsRequestState.Received, RightsRequestState.VerifyingIdentity, RightsRequestState.AwaitingClarification, RightsRequestState.InProgress,
    ];

    private readonly ITenantCalendars _calendars = calendars ?? throw new ArgumentNullException(nameof(calendars));

    /// <summary>Every allowed move. Completed, refused and withdrawn requests have none: they never reopen.</summary>
    public static ImmutableArray<RightsRequestTransition> Transitions { get; } =
    [
        new(RightsRequestState.Received, RightsRequestAction.BeginIdentityCheck, RightsRequestState.VerifyingIdentity),
        new(RightsRequestState.Received, RightsRequestAction.ConfirmIdentity, RightsRequestState.InProgress),
        new(RightsRequestState.Received, RightsRequestAction.AskClarification, RightsRequestState.AwaitingClarification),
        new(RightsRequestState.Received, RightsRequestAction.Start, RightsRequestState.InProgress),
        new(RightsRequestState.VerifyingIdentity, RightsRequestAction.ReceiveIdentityInformation, RightsRequestState.VerifyingIdentity),
        new(RightsRequestState.VerifyingIdentity, RightsRequestAction.ConfirmIdentity, RightsRequestState.InProgress),
        new(RightsRequestState.VerifyingIdentity, RightsRequestAction.AskClarification, RightsRequestState.AwaitingClarification),
        new(RightsRequestState.AwaitingClarification, RightsRequestAction.ReceiveClarification, RightsRequestState.InProgress),
        new(RightsRequestState.InProgress, RightsRequestAction.AskClarification, RightsRequestState.AwaitingClarification),
        new(RightsRequestState.InProgress, RightsRequestAction.Extend, RightsRequestState.Extended),
        new(RightsRequestState.InProgress, RightsRequestAction.AuthoriseErasure, RightsRequestState.InProgress),
        new(RightsRequestState.InProgress, RightsRequestAction.Complete, RightsRequestState.Completed),
        new(RightsRequestState.Extended, RightsRequestAction.AuthoriseErasure, RightsRequestState.Extended),
        new(RightsRequestState.Extended, RightsRequestAction.Complete, RightsRequestState.Completed),
        .. FeeStates.Select(s => new RightsRequestTransition(s, RightsRequestAction.ReceiveFee, s)),
        .. Open.Select(s => new RightsRequestTransition(s, RightsRequestAction.Refuse, RightsRequestState.Refused)),
        .. Open.Select(s => new RightsRequestTransition(s, RightsRequestAction.Withdraw, RightsRequestState.Withdrawn)),
    ];

    // Declared after Transitions: static initialisers run in source order.
    private static readonly FrozenDictionary<(RightsRequestState, RightsRequestAction), RightsRequestState> Table =
        Transitions.ToFrozenDictionary(t => (t.From, t.Action), t => t.To);

    /// <summary>Whether a state is final: completed, refused or withdrawn.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> when final.</returns>
    public static bool IsFinal(RightsRequestState state) =>
        state is RightsRequestState.Completed or RightsRequestState.Refused or RightsRequestState.Withdrawn;

    /// <summary>The transition table as a Mermaid state diagram.</summary>
    /// <returns>The diagram text, one line per transition.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n    [*] --> Received\n");
        foreach (var t in Transitions)
        {
            text.Append("    ").Append(t.From).Append(" --> ").Append(t.To).Append(" : ").Append(t.Action).Append('\n');
        }

        foreach (var final in new[] { RightsRequestState.Completed, RightsRequestState.Refused, RightsRequestState.Withdrawn })
        {
            text.Append("    ").Append(final).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    /// <summary>Logs a new request: checks the intake and sets its deadlines.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The request id.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="right">The right exercised.</param>
    /// <param name="intake">How it arrived, the identity check and any representative.</param>
    /// <param name="by">Who logged it.</param>
    /// <param name="at">When it was received.</param>
    /// <param name="on">The day it was received in the tenant's zone.</param>
    /// <returns>The request in state <see cref="RightsRequestState.Received"/>, or the intake's error.</returns>
    public Result<RightsRequest> Receive(TenantId tenant, RightsRequestId id, DataSubjectId subject, DataSubjectRight right, RequestIntake intake, ActorId by, Instant at, LocalDate on)
    {
        if (intake is null)
        {
            return Errors.Required(nameof(intake));
        }

        if (!Enum.IsDefined(right))
        {
            return new ContactKitError(DataSubjectsErrorCodes.InvalidRequest, $"{Errors.Excerpt(right.ToString())} is not a data-subject right.", "right");
        }

        if (intake.Validate() is { } error)
        {
            return error;
        }

        var start = RightsRequestClock.Start(on);
        var deadlines = _calendars.DeadlinesFor(tenant);
        var d = deadlines.ForRightsRequest(start);
        var detail = intake.Representative is { } rep ? $"made by {rep.Relationship} on the subject's behalf" : null;
        return new RightsRequest
        {
            Tenant = tenant,
            Id = id,
            Subject = subject,
            Right = right,
            Intake = intake,
            State = RightsRequestState.Received,
            ReceivedAt = at,
            ReceivedOn = on,
            DueOn = Promised(tenant, deadlines, start, d.Due),
            ExtensionNoticeDueOn = d.ExtensionNoticeDue,
            History = [new RightsRequestEvent(1, RightsRequestAction.Receive, RightsRequestState.Received, by, at, on, detail)],
        };
    }

    /// <summary>Applies a command.</summary>
    /// <param name="request">The request.</param>
    /// <param name="command">The command.</param>
    /// <returns>The changed request with one more history event, or the refusal.</returns>
    public Result<RightsRequest> Apply(RightsRequest request, RightsRequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(command);
        if (!Table.TryGetValue((request.State, command.Action), out var to))
        {
            return IllegalTransition(request, command.Action);
        }

        if (OutOfOrder(request, command) is { } outOfOrder)
        {
            return outOfOrder;
        }

        var changed = command.Action switch
        {
            RightsRequestAction.AskClarification when request.Right != DataSubjectRight.Access =>
                new ContactKitError(DataSubjectsErrorCodes.ClarificationOnlyForAccess, $"Clarification can be asked only of a subject access request, and this is a request for {request.Right}; carry it out as made or contact the requester without stopping the clock.", "action"),
            RightsRequestAction.AskClarification => RequestClocks.Of(request).Map(clock => request with
            {
                ClarificationRequestedOn = command.On,
                ClarificationReceivedOn = null,
                EarlierClarificationDays = RequestClocks.FinishedWaitDays(clock),
            }),
            RightsRequestAction.ReceiveClarification => request with { ClarificationReceivedOn = command.On },
            RightsRequestAction.ConfirmIdentity => request with { IdentityConfirmedOn = request.IdentityConfirmedOn ?? command.On },
            RightsRequestAction.ReceiveIdentityInformation => request with { IdentityInformationReceivedOn = command.On },
            RightsRequestAction.ReceiveFee when request.FeeReceivedOn is not null =>
                new ContactKitError(DataSubjectsErrorCodes.InvalidRequest, $"The fee for rights request {Errors.Excerpt(request.Id.Value)} was already received on {request.FeeReceivedOn.Value.Iso()}; record one fee per request.", "action"),
            RightsRequestAction.ReceiveFee => request with { FeeReceivedOn = command.On },
            RightsRequestAction.Extend => Extend(request, command),
            RightsRequestAction.AuthoriseErasure when request.Right != DataSubjectRight.Erasure =>
                new ContactKitError(DataSubjectsErrorCodes.InvalidRequest, $"Only an erasure request is authorised for deletion; this is a request for {request.Right}.", "action"),
            RightsRequestAction.AuthoriseErasure => request with { ErasureAuthorisation = request.ErasureAuthorisation ?? new ErasureAuthorisation(command.By, command.On) },
            RightsRequestAction.Refuse when command.Refusal is null || string.IsNullOrWhiteSpace(command.Refusal.Article) || string.IsNullOrWhiteSpace(command.Refusal.Reason) =>
                new ContactKitError(DataSubjectsErrorCodes.RefusalNeedsReason, "A refusal must give the provision relied on (for example 'Art 12(5)(b)') and the reason as told to the requester.", "refusal"),
            RightsRequestAction.Refuse => request with { Refusal = command.Refusal },
            _ => Result<RightsRequest>.Success(request),
        };

        return changed.Then(r => Advance(r, command, to));
    }

    // Steps are recorded in the order they happened: never dated before the step before them, and a clarification never
    // before it was asked for. The time limit counts from these dates, so a step out of order would move it.
    private static ContactKitError? OutOfOrder(RightsRequest request, RightsRequestCommand command)
    {
        var last = request.History.IsDefaultOrEmpty ? null : request.History[^1];
        var lastOn = last?.On ?? request.ReceivedOn;
        if (command.Action == RightsRequestAction.ReceiveClarification && request.ClarificationRequestedOn is { } asked && command.On < asked)
        {
            return new ContactKitError(
                DataSubjectsErrorCodes.StepOutOfOrder,
                $"The clarification is dated {command.On.Iso()}, before it was asked for on {asked.Iso()}; record the day it actually arrived.",
                "on");
        }

        if (command.On < lastOn || command.On < request.ReceivedOn)
        {
            return new ContactKitError(
                DataSubjectsErrorCodes.StepOutOfOrder,
                $"The {command.Action} step is dated {command.On.Iso()}, before the previous step on {LocalDate.Max(lastOn, request.ReceivedOn).Iso()}; steps are recorded in the order they happened.",
                "on");
        }

        var lastAt = last?.At ?? request.ReceivedAt;
        if (command.At < lastAt || command.At < request.ReceivedAt)
        {
            return new ContactKitError(
                DataSubjectsErrorCodes.StepOutOfOrder,
                $"The {command.Action} step happened at {InstantPattern.ExtendedIso.Format(command.At)}, before the previous step at {InstantPattern.ExtendedIso.Format(Instant.Max(lastAt, request.ReceivedAt))}; steps are recorded in the order they happened.",
                "at");
        }

        return null;
    }

    private static ContactKitError IllegalTransition(RightsRequest request, RightsRequestAction action)
    {
        var allowed = Transitions.Where(t => t.From == request.State).Select(t => t.Action.ToString()).ToList();
        var hint = IsFinal(request.State)
            ? $"a {request.State.ToString().ToLowerInvariant()} request is final and never reopens; log a new request instead"
            : $"from {request.State} the allowed actions are {string.Join(", ", allowed)}";
        return new ContactKitError(DataSubjectsErrorCodes.IllegalTransition, $"Rights request {Errors.Excerpt(request.Id.Value)} cannot {action} while {request.State}: {hint}.", "state");
    }

    private static Result<RightsRequest> Extend(RightsRequest request, RightsRequestCommand command)
    {
        if (command.Reasons.IsDefaultOrEmpty || command.Reasons.Any(string.IsNullOrWhiteSpace))
        {
            return new ContactKitError(DataSubjectsErrorCodes.InvalidExtension, "An extension must give the requester its reasons (for example that the request is complex or one of several).", "reasons");
        }

        if (command.On > request.ExtensionNoticeDueOn)
        {
            return new ContactKitError(DataSubjectsErrorCodes.InvalidExtension, $"An extension must be notified within the first month, by {request.ExtensionNoticeDueOn.Iso()}; it is now {command.On.Iso()}, too late to extend.", "on");
        }

        return request with { Extension = new RequestExtension(command.Reasons, command.On) };
    }

    private Result<RightsRequest> Advance(RightsRequest request, RightsRequestCommand command, RightsRequestState to)
    {
        var detail = command.Action switch
        {
            RightsRequestAction.Extend => string.Join("; ", command.Reasons),
            RightsRequestAction.Refuse => $"{command.Refusal!.Article}: {command.Refusal.Reason}",
            _ => command.Note,
        };
        var next = request with
        {
            State = to,
            ClosedOn = IsFinal(to) ? command.On : request.ClosedOn,
            History = request.History.Add(new RightsRequestEvent(request.History.Length + 1, command.Action, to, command.By, command.At, command.On, detail)),
        };
        return next.IsClockRunning ? WithDeadlines(next) : next;
    }

    // The deadlines are counted by ContactKit.Calendars from the request's clock, which holds every clarification wait so far.
    private Result<RightsRequest> WithDeadlines(RightsRequest request) =>
        RequestClocks.Of(request).Map(clock =>
        {
            var deadlines = _calendars.DeadlinesFor(request.Tenant);
            var d = deadlines.ForRightsRequest(clock);
            var due = request.Extension is null ? Promised(request.Tenant, deadlines, clock, d.Due) : d.ExtendedDue;

            // A deadline never moves earlier: a later calculation can only keep or postpone it.
            return request with
            {
                DueOn = LocalDate.Max(request.DueOn, due),
                ExtensionNoticeDueOn = LocalDate.Max(request.ExtensionNoticeDueOn, d.ExtensionNoticeDue),
            };
        });

    // The earlier of the tenant's promise and the statutory due date. The promise runs from the relevant time, later by
    // every day of a clarification wait inside it (the day of asking and the day of the answer both left out, as for the
    // statutory month), and moves to the next working day when it ends on a weekend or bank holiday.
    private LocalDate Promised(TenantId tenant, StatutoryDeadlines deadlines, in RightsRequestClock clock, LocalDate statutory)
    {
        if (_promises(tenant) is not { Days: > 0 } promise)
        {
            return statutory;
        }

        var start = clock.RelevantTime;
        var end = clock.Extended(promise.WorkingDays ? deadlines.Calendar.AddWorkingDays(start, promise.Days) : start.PlusDays(promise.Days));
        return LocalDate.Min(statutory, deadlines.Calendar.OnOrNextWorkingDay(end));
    }
}
