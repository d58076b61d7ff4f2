using System.Runtime.CompilerServices;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// The recording lifecycle: a pure function from (session, event, instant) to the next session or a refusal with a
/// stable code. It reads no clock and no configuration; the tenant's policy travels in the session.
/// </summary>
public static class RecordingLifecycle
{
    /// <summary>Starts a session from the first event of an interaction.</summary>
    /// <param name="started">The event.</param>
    /// <param name="at">When the interaction started.</param>
    /// <returns>The session at version 1, not capturing, or a refusal (<see cref="RecordingErrorCodes.InvalidEvent"/>).</returns>
    public static Result<RecordingSession> Begin(InteractionStarted started, Instant at)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (started.Policy is null)
        {
            return Invalid("policy", "An interaction needs the tenant's recording policy; build it with RecordingOptions.PolicyFor(tenant).");
        }

        if (string.IsNullOrEmpty(started.Tenant.Value) || string.IsNullOrEmpty(started.Recording.Value))
        {
            return Invalid("tenant", "An interaction needs a tenant and a recording id.");
        }

        if (started.Parties.IsDefaultOrEmpty)
        {
            return Invalid("parties", "An interaction needs at least one party (usually the caller) with a jurisdiction.");
        }

        var facts = new SessionFacts(started);
        var parties = started.Parties;
        var untold = 0;
        for (var i = 0; i < parties.Length; i++)
        {
            ref readonly var party = ref parties.ItemRef(i);
            if (CheckParty(party) is { } invalid)
            {
                return InvalidParty(invalid, i);
            }

            for (var j = 0; j < i; j++)
            {
                if (parties[j].Id == party.Id)
                {
                    return ListedTwice(party, i);
                }
            }

            var needsNotice = facts.NeedsNotice(party.Role);
            untold += needsNotice ? 1 : 0;
            facts.StartParty(i, needsNotice);
        }

        facts.UntoldParties = untold;
        return new RecordingSession(started, at, facts);
    }

    /// <summary>
    /// Applies an event. An event whose id the session already accepted returns the session unchanged; an event the
    /// transition table or a rule does not allow is refused with a code, and the session is untouched.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="event">The event.</param>
    /// <param name="at">When it happened; not before the session's last event.</param>
    /// <param name="expectedVersion">The version the caller based the event on; a different current version is refused with <c>CK0009</c>.</param>
    /// <returns>The next session (version one higher) or the refusal.</returns>
    public static Result<RecordingSession> Apply(RecordingSession session, RecordingEvent @event, Instant at, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(@event);
        var filterBit = @event.IdFilterBit;
        if ((session.IdFilter & filterBit) != 0 && session.FindApplied(@event.Id) is { } applied)
        {
            return Replayed(session, @event, applied);
        }

        // The rule for the event changes a copy of the facts, or refuses; the next session is built once, from the copy.
        var next = session.Facts;
        next.Advance(@event.Kind, filterBit);
        var refusal = Refusal(session, @event, at, expectedVersion) ?? Decide(session, @event, ref next);
        return refusal is null ? new RecordingSession(session, @event, at, next) : refusal;
    }

    // Whether the event may be applied at all: the caller's version, the order of events and the transition table.
    private static ContactKitError? Refusal(RecordingSession session, RecordingEvent @event, Instant at, long? expectedVersion) =>
        expectedVersion is { } expected && expected != session.Version ? VersionConflict(session, expected)
        : at < session.LastChangedAt ? OutOfOrder(session, @event, at)
        : !RecordingTransitionTable.IsAllowed(session.State, @event.Kind) ? Illegal(session, @event.Kind)
        : null;

    // The rule for the event's kind: it either refuses, or changes the facts of the next session and returns null.
    private static ContactKitError? Decide(RecordingSession session, RecordingEvent @event, ref SessionFacts next) =>
        @event.Kind switch
        {
            RecordingEventKind.CaptureStarted => StartCapture(session, ref next),
            RecordingEventKind.CaptureResumed => CheckTold(session, "resume") ?? Capture(ref next),
            RecordingEventKind.CapturePaused => Pause((CapturePaused)@event, ref next),
            RecordingEventKind.NoticeGiven => Tell(session, (RecordingNoticeGiven)@event, ref next),
            RecordingEventKind.PartyJoined => Join(session, (PartyJoined)@event, ref next),
            RecordingEventKind.Transferred => Transfer(session, (Transferred)@event, ref next),
            RecordingEventKind.HandedToPerson => Handover(session, (HandedToPerson)@event, ref next),
            RecordingEventKind.PartyLeft => Depart(session, ((PartyLeft)@event).Party, ref next),
            RecordingEventKind.StopRequested => Stop(session, (StopRequested)@event, ref next),
            RecordingEventKind.InteractionEnded => End(ref next),
            RecordingEventKind.MediaStored => Store(((MediaStored)@event).Media, MediaKind.Audio, ref next),
            RecordingEventKind.TranscriptStored => Store(((TranscriptStored)@event).Transcript, MediaKind.Transcript, ref next),
            RecordingEventKind.MediaFailed => string.IsNullOrWhiteSpace(((MediaFailed)@event).Reason)
                ? Invalid("reason", "Say why storing the media failed.")
                : Move(ref next, RecordingState.Failed),
            RecordingEventKind.HoldPlaced => PlaceHold(session, (HoldPlaced)@event, ref next),
            RecordingEventKind.HoldReleased => ReleaseHold(session, (HoldReleased)@event, ref next),
            RecordingEventKind.DeletionRequested => RequestDeletion((DeletionRequested)@event, ref next),
            RecordingEventKind.DeletionRefused => RefuseDeletion((DeletionRefused)@event, ref next),
            RecordingEventKind.DeletionAuthorised => CheckNotHeld(session) ?? Move(ref next, RecordingState.DeletionAuthorised),
            RecordingEventKind.Disposed => CheckNotHeld(session) ?? Move(ref next, RecordingState.Deleted),
            _ => Illegal(session, @event.Kind),
        };

    // An event applied again changes nothing; a different event under the same id is refused.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Result<RecordingSession> Replayed(RecordingSession session, RecordingEvent @event, RecordingEvent applied) =>
        applied.Equals(@event) ? session : IdReused(session, @event, applied);

    // The refusals below are built out of line: their messages need stack space that the accepted path should not pay for.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError InvalidParty(ContactKitError invalid, int index) => invalid.ForField($"parties[{index}]");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError ListedTwice(RecordingParty party, int index) =>
        new(RecordingErrorCodes.PartyAlreadyPresent, $"Party '{party.Id}' is listed twice; list each party once.", $"parties[{index}]");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError IdReused(RecordingSession session, RecordingEvent @event, RecordingEvent applied) =>
        new(RecordingErrorCodes.EventIdReused, $"Event id '{@event.Id}' was already used for a different {applied.Kind} event in recording {session.Id}; give each event its own id.", "id");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError VersionConflict(RecordingSession session, long expected) =>
        Errors.VersionConflict($"recording session {session.Id}", expected, session.Version);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError OutOfOrder(RecordingSession session, RecordingEvent @event, Instant at) =>
        new(RecordingErrorCodes.EventOutOfOrder, $"The {@event.Kind} event is dated {at} but recording {session.Id} last changed at {session.LastChangedAt}; apply events in the order they happened.", "at");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError RecordingDisabled(RecordingSession session) =>
        new(RecordingErrorCodes.RecordingDisabled, $"Recording is not on the plan of tenant '{session.Tenant}', so nothing may be captured; enable it on the plan first.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError InvalidPause(CapturePaused paused) =>
        new(RecordingErrorCodes.InvalidPauseReason, $"A pause may be asked for a secure payment or a hold, not '{paused.Reason}'; a missing notice pauses by itself and a stop request stops capture.", "reason");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError AlreadyPresent(RecordingSession session, PartyId party) =>
        new(RecordingErrorCodes.PartyAlreadyPresent, $"Party '{party}' is already present in recording {session.Id}.", "party");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError NotInBotPhase(RecordingSession session) =>
        new(RecordingErrorCodes.NotInBotPhase, $"Recording {session.Id} is not in a bot or IVR phase, so there is nothing to hand over; report a new person with PartyJoined or Transferred.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError NotTold(RecordingSession session, string verb) =>
        new(RecordingErrorCodes.NoticeNotGiven, $"Capture cannot {verb} in recording {session.Id}: {session.UntoldParties} present caller(s) or third party(ies) have not been told that the interaction is recorded; give them the recording notice first.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError WrongMedia(MediaKind kind) => Invalid("media", $"The event needs {kind} media.");

    // Each rule below either refuses, or changes the facts of the next session and returns null.
    private static ContactKitError? StartCapture(RecordingSession session, ref SessionFacts next)
    {
        if (!session.Facts.RecordingEnabled)
        {
            return RecordingDisabled(session);
        }

        if (session.InBotPhase && !session.Facts.CaptureBotPhase)
        {
            return new ContactKitError(RecordingErrorCodes.BotPhaseNotCaptured, "The bot or IVR phase is not recorded under this policy; start capture once a person has taken over (HandedToPerson).");
        }

        return CheckTold(session, "start") ?? Capture(ref next);
    }

    private static ContactKitError? Capture(ref SessionFacts next)
    {
        next.State = RecordingState.Capturing;
        next.PauseReason = null;
        next.InSecurePause = false;
        next.HasCaptured = true;
        return null;
    }

    private static ContactKitError? Pause(CapturePaused paused, ref SessionFacts next)
    {
        if (paused.Reason is not (UncapturedReason.SecurePayment or UncapturedReason.OnHold))
        {
            return InvalidPause(paused);
        }

        next.State = RecordingState.Paused;
        next.PauseReason = paused.Reason;
        next.InSecurePause = paused.Reason == UncapturedReason.SecurePayment;
        return null;
    }

    private static ContactKitError? Tell(RecordingSession session, RecordingNoticeGiven notice, ref SessionFacts next)
    {
        if (string.IsNullOrWhiteSpace(notice.NoticeVersion) || string.IsNullOrEmpty(notice.Notice.Value) || !IsKnown(notice.Method))
        {
            return Invalid("noticeVersion", "A notice event needs the notice, its version and how it was given.");
        }

        var slot = session.SlotOf(notice.Party);
        var status = session.FindParty(notice.Party, slot);
        if (!status.Present)
        {
            return NotPresent(notice.Party);
        }

        next.UntoldParties -= status.Untold ? 1 : 0;
        next.MarkTold(slot);
        next.Settle();
        return null;
    }

    // Kept out of Decide so that its frame holds no copies of the parties.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError? Join(RecordingSession session, PartyJoined joined, ref SessionFacts next) =>
        Arrive(session, joined.Party, null, ref next);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError? Transfer(RecordingSession session, Transferred transfer, ref SessionFacts next) =>
        Arrive(session, transfer.To, transfer.From, ref next);

    // A party who joins needs telling unless they were told earlier in this interaction; the one transferring, if any, leaves.
    private static ContactKitError? Arrive(RecordingSession session, in RecordingParty party, PartyId? leaving, ref SessionFacts next)
    {
        var error = CheckParty(party);
        if (error is not null)
        {
            return error;
        }

        var joiningSlot = session.SlotOf(party.Id);
        var joining = session.FindParty(party.Id, joiningSlot);
        if (joining.Present)
        {
            return AlreadyPresent(session, party.Id);
        }

        var joiningUntold = next.NeedsNotice(party.Role) && !joining.Told;
        var untold = next.UntoldParties + (joiningUntold ? 1 : 0);
        var leavingSlot = -1;
        if (leaving is { } from)
        {
            leavingSlot = session.SlotOf(from);
            var status = session.FindParty(from, leavingSlot);
            if (!status.Present)
            {
                return NotPresent(from);
            }

            untold -= status.Untold ? 1 : 0;
        }

        next.UntoldParties = untold;
        next.MarkLeft(leavingSlot);
        next.MarkArrived(joiningSlot, joiningUntold);
        next.Settle();
        return null;
    }

    private static ContactKitError? Handover(RecordingSession session, HandedToPerson handover, ref SessionFacts next)
    {
        if (!session.InBotPhase)
        {
            return NotInBotPhase(session);
        }

        if (handover.Person.Role is not (PartyRole.Agent or PartyRole.Supervisor))
        {
            return Invalid("person", "A bot hands over to a member of staff (an agent or supervisor).");
        }

        if (Arrive(session, handover.Person, null, ref next) is { } refused)
        {
            return refused;
        }

        next.InBotPhase = false;
        if (next.PauseReason == UncapturedReason.BotPhase)
        {
            next.PauseReason = UncapturedReason.NotStarted;
        }

        return null;
    }

    private static ContactKitError? Depart(RecordingSession session, PartyId party, ref SessionFacts next)
    {
        var slot = session.SlotOf(party);
        var status = session.FindParty(party, slot);
        if (!status.Present)
        {
            return NotPresent(party);
        }

        next.UntoldParties -= status.Untold ? 1 : 0;
        next.MarkLeft(slot);
        next.Settle();
        return null;
    }

    private static ContactKitError? Stop(RecordingSession session, StopRequested stop, ref SessionFacts next)
    {
        if (!session.FindParty(stop.Party).Present)
        {
            return NotPresent(stop.Party);
        }

        next.State = RecordingState.Stopped;
        next.PauseReason = UncapturedReason.SubjectObjection;
        next.InSecurePause = false;
        return null;
    }

    private static ContactKitError? End(ref SessionFacts next)
    {
        next.State = next.HasCaptured ? RecordingState.Processing : RecordingState.Absent;
        next.PauseReason = null;
        next.InSecurePause = false;
        return null;
    }

    private static ContactKitError? Store(RecordingMedia media, MediaKind kind, ref SessionFacts next)
    {
        if (media is null || media.Kind != kind)
        {
            return WrongMedia(kind);
        }

        if (string.IsNullOrWhiteSpace(media.Location) || media.SizeBytes < 0 || !media.IsSha256)
        {
            return Invalid("media", "Stored media needs a location, a size of zero or more bytes and a SHA-256 checksum of 64 hex digits.");
        }

        return Move(ref next, RecordingState.Available);
    }

    private static ContactKitError? PlaceHold(RecordingSession session, HoldPlaced placed, ref SessionFacts next)
    {
        if (session.HasHold(placed.Hold))
        {
            return new ContactKitError(RecordingErrorCodes.HoldAlreadyPlaced, $"Legal hold '{placed.Hold}' is already on recording {session.Id}.", "hold");
        }

        next.HoldCount++;
        return null;
    }

    private static ContactKitError? ReleaseHold(RecordingSession session, HoldReleased released, ref SessionFacts next)
    {
        if (!session.HasHold(released.Hold))
        {
            return new ContactKitError(RecordingErrorCodes.HoldNotPlaced, $"Legal hold '{released.Hold}' is not on recording {session.Id}, so it cannot be released.", "hold");
        }

        next.HoldCount--;
        return null;
    }

    private static ContactKitError? RequestDeletion(DeletionRequested requested, ref SessionFacts next)
    {
        if (string.IsNullOrWhiteSpace(requested.Reason) || string.IsNullOrEmpty(requested.By.Value))
        {
            return Invalid("reason", "A deletion request needs who asked and why.");
        }

        next.StateBeforeDeletion = next.State;
        return Move(ref next, RecordingState.DeletionRequested);
    }

    private static ContactKitError? RefuseDeletion(DeletionRefused refused, ref SessionFacts next) =>
        string.IsNullOrWhiteSpace(refused.Reason) || string.IsNullOrEmpty(refused.By.Value)
            ? Invalid("reason", "A refusal needs who refused and why.")
            : Move(ref next, next.StateBeforeDeletion);

    private static ContactKitError? Move(ref SessionFacts next, RecordingState state)
    {
        next.State = state;
        return null;
    }

    private static ContactKitError? CheckNotHeld(RecordingSession session) =>
        session.IsHeld
            ? new ContactKitError(RecordingErrorCodes.RecordingHeld, $"Recording {session.Id} is under {session.HoldCount} legal hold(s) and cannot be deleted; release every hold first.")
            : null;

    private static ContactKitError? CheckTold(RecordingSession session, string verb) =>
        session.Facts.NoticeRequired && session.UntoldParties > 0 ? NotTold(session, verb) : null;

    private static ContactKitError? CheckParty(in RecordingParty party) =>
        string.IsNullOrEmpty(party.Id.Value) || string.IsNullOrEmpty(party.Jurisdiction.Value) || !IsKnown(party.Role)
            ? Invalid("party", "A party needs an id, a role and a jurisdiction.")
            : null;

    private static bool IsKnown(PartyRole role) => role is >= PartyRole.Caller and <= PartyRole.ThirdParty;

    private static bool IsKnown(NoticeMethod method) => method is >= NoticeMethod.Announcement and <= NoticeMethod.AgentScript;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError Illegal(RecordingSession session, RecordingEventKind kind)
    {
        var hint = session.State switch
        {
            RecordingState.Stopped => " A party asked for recording to stop, so capture cannot restart in this interaction.",
            RecordingState.Deleted => " The recording is deleted; only its tombstone remains.",
            _ when !session.State.IsLive() && kind <= RecordingEventKind.Transferred => " The interaction has ended.",
            _ => string.Empty,
        };
        return new ContactKitError(RecordingErrorCodes.IllegalTransition, $"A {kind} event is not allowed while recording {session.Id} is {session.State}.{hint}", "kind");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContactKitError NotPresent(PartyId party) =>
        new(RecordingErrorCodes.PartyNotPresent, $"Party '{party}' is not present in the interaction; report them joining first.", "party");

    private static ContactKitError Invalid(string field, string message) => new(RecordingErrorCodes.InvalidEvent, message, field);
}
