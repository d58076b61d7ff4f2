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

        var session = new RecordingSession(started, at);
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

            var needsNotice = session.NeedsNotice(party.Role);
            untold += needsNotice ? 1 : 0;
            session.StartParty(i, needsNotice);
        }

        session.UntoldParties = untold;
        session.InBotPhase = started.BeginsWithBot;
        session.PauseReason = !started.Policy.RecordingEnabled ? UncapturedReason.RecordingDisabled
            : started.BeginsWithBot ? UncapturedReason.BotPhase
            : UncapturedReason.NotStarted;
        return session;
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
            return applied.Equals(@event) ? session : IdReused(session, @event, applied);
        }

        if (expectedVersion is { } expected && expected != session.Version)
        {
            return VersionConflict(session, expected);
        }

        if (at < session.LastChangedAt)
        {
            return OutOfOrder(session, @event, at);
        }

        var kind = @event.Kind;
        if (!RecordingTransitionTable.IsAllowed(session.State, kind))
        {
            return Illegal(session, kind);
        }

        return kind switch
        {
            RecordingEventKind.CaptureStarted => StartCapture(session, @event, at),
            RecordingEventKind.CaptureResumed => CheckTold(session, "resume") ?? Capture(session, @event, at),
            RecordingEventKind.CapturePaused => Pause(session, (CapturePaused)@event, at),
            RecordingEventKind.NoticeGiven => Tell(session, (RecordingNoticeGiven)@event, at),
            RecordingEventKind.PartyJoined => Join(session, (PartyJoined)@event, at),
            RecordingEventKind.Transferred => Transfer(session, (Transferred)@event, at),
            RecordingEventKind.HandedToPerson => Handover(session, (HandedToPerson)@event, at),
            RecordingEventKind.PartyLeft => Depart(session, @event, ((PartyLeft)@event).Party, at),
            RecordingEventKind.StopRequested => Stop(session, (StopRequested)@event, at),
            RecordingEventKind.InteractionEnded => End(session, @event, at),
            RecordingEventKind.MediaStored => Store(session, @event, ((MediaStored)@event).Media, MediaKind.Audio, at),
            RecordingEventKind.TranscriptStored => Store(session, @event, ((TranscriptStored)@event).Transcript, MediaKind.Transcript, at),
            RecordingEventKind.MediaFailed => string.IsNullOrWhiteSpace(((MediaFailed)@event).Reason)
                ? Invalid("reason", "Say why storing the media failed.")
                : Move(session, @event, at, RecordingState.Failed),
            RecordingEventKind.HoldPlaced => PlaceHold(session, (HoldPlaced)@event, at),
            RecordingEventKind.HoldReleased => ReleaseHold(session, (HoldReleased)@event, at),
            RecordingEventKind.DeletionRequested => RequestDeletion(session, (DeletionRequested)@event, at),
            RecordingEventKind.DeletionRefused => RefuseDeletion(session, (DeletionRefused)@event, at),
            RecordingEventKind.DeletionAuthorised => CheckNotHeld(session) ?? Move(session, @event, at, RecordingState.DeletionAuthorised),
            RecordingEventKind.Disposed => CheckNotHeld(session) ?? Move(session, @event, at, RecordingState.Deleted),
            _ => Illegal(session, kind),
        };
    }

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

    private static Result<RecordingSession> StartCapture(RecordingSession session, RecordingEvent @event, Instant at)
    {
        if (!session.RecordingEnabled)
        {
            return RecordingDisabled(session);
        }

        if (session.InBotPhase && !session.CaptureBotPhase)
        {
            return new ContactKitError(RecordingErrorCodes.BotPhaseNotCaptured, "The bot or IVR phase is not recorded under this policy; start capture once a person has taken over (HandedToPerson).");
        }

        return CheckTold(session, "start") ?? Capture(session, @event, at);
    }

    private static Result<RecordingSession> Capture(RecordingSession session, RecordingEvent @event, Instant at)
    {
        var next = new RecordingSession(session, @event, at)
        {
            State = RecordingState.Capturing,
            PauseReason = null,
            InSecurePause = false,
            HasCaptured = true,
        };
        return next;
    }

    private static Result<RecordingSession> Pause(RecordingSession session, CapturePaused paused, Instant at)
    {
        if (paused.Reason is not (UncapturedReason.SecurePayment or UncapturedReason.OnHold))
        {
            return InvalidPause(paused);
        }

        return new RecordingSession(session, paused, at)
        {
            State = RecordingState.Paused,
            PauseReason = paused.Reason,
            InSecurePause = paused.Reason == UncapturedReason.SecurePayment,
        };
    }

    private static Result<RecordingSession> Tell(RecordingSession session, RecordingNoticeGiven notice, Instant at)
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

        var next = new RecordingSession(session, notice, at);
        if (status.Untold)
        {
            next.UntoldParties--;
        }

        next.MarkTold(slot);
        return Settle(next);
    }

    // Kept out of Apply so that its frame holds no copies of the parties.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Result<RecordingSession> Join(RecordingSession session, PartyJoined joined, Instant at) =>
        Arrive(session, joined, joined.Party, null, at);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Result<RecordingSession> Transfer(RecordingSession session, Transferred transfer, Instant at) =>
        Arrive(session, transfer, transfer.To, transfer.From, at);

    // A party who joins needs telling unless they were told earlier in this interaction; the one transferring, if any, leaves.
    private static Result<RecordingSession> Arrive(RecordingSession session, RecordingEvent @event, in RecordingParty party, PartyId? leaving, Instant at)
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

        var joiningUntold = session.NeedsNotice(party.Role) && !joining.Told;
        var untold = session.UntoldParties + (joiningUntold ? 1 : 0);
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

        var next = new RecordingSession(session, @event, at) { UntoldParties = untold };
        next.MarkLeft(leavingSlot);
        next.MarkArrived(joiningSlot, joiningUntold);
        return Settle(next);
    }

    private static Result<RecordingSession> Handover(RecordingSession session, HandedToPerson handover, Instant at)
    {
        if (!session.InBotPhase)
        {
            return NotInBotPhase(session);
        }

        if (handover.Person.Role is not (PartyRole.Agent or PartyRole.Supervisor))
        {
            return Invalid("person", "A bot hands over to a member of staff (an agent or supervisor).");
        }

        var arrived = Arrive(session, handover, handover.Person, null, at);
        if (arrived.IsSuccess)
        {
            var next = arrived.Value;
            next.InBotPhase = false;
            if (next.PauseReason == UncapturedReason.BotPhase)
            {
                next.PauseReason = UncapturedReason.NotStarted;
            }
        }

        return arrived;
    }

    private static Result<RecordingSession> Depart(RecordingSession session, RecordingEvent @event, PartyId party, Instant at)
    {
        var slot = session.SlotOf(party);
        var status = session.FindParty(party, slot);
        if (!status.Present)
        {
            return NotPresent(party);
        }

        var next = new RecordingSession(session, @event, at);
        if (status.Untold)
        {
            next.UntoldParties--;
        }

        next.MarkLeft(slot);
        return Settle(next);
    }

    private static Result<RecordingSession> Stop(RecordingSession session, StopRequested stop, Instant at) =>
        !session.FindParty(stop.Party).Present
            ? NotPresent(stop.Party)
            : new RecordingSession(session, stop, at)
            {
                State = RecordingState.Stopped,
                PauseReason = UncapturedReason.SubjectObjection,
                InSecurePause = false,
            };

    private static RecordingSession End(RecordingSession session, RecordingEvent @event, Instant at) =>
        new(session, @event, at)
        {
            State = session.HasCaptured ? RecordingState.Processing : RecordingState.Absent,
            PauseReason = null,
            InSecurePause = false,
        };

    private static Result<RecordingSession> Store(RecordingSession session, RecordingEvent @event, RecordingMedia media, MediaKind kind, Instant at)
    {
        if (media is null || media.Kind != kind)
        {
            return WrongMedia(kind);
        }

        if (string.IsNullOrWhiteSpace(media.Location) || media.SizeBytes < 0 || !media.IsSha256)
        {
            return Invalid("media", "Stored media needs a location, a size of zero or more bytes and a SHA-256 checksum of 64 hex digits.");
        }

        return Move(session, @event, at, RecordingState.Available);
    }

    private static Result<RecordingSession> PlaceHold(RecordingSession session, HoldPlaced placed, Instant at) =>
        session.HasHold(placed.Hold)
            ? new ContactKitError(RecordingErrorCodes.HoldAlreadyPlaced, $"Legal hold '{placed.Hold}' is already on recording {session.Id}.", "hold")
            : new RecordingSession(session, placed, at) { HoldCount = session.HoldCount + 1 };

    private static Result<RecordingSession> ReleaseHold(RecordingSession session, HoldReleased released, Instant at) =>
        session.HasHold(released.Hold)
            ? new RecordingSession(session, released, at) { HoldCount = session.HoldCount - 1 }
            : new ContactKitError(RecordingErrorCodes.HoldNotPlaced, $"Legal hold '{released.Hold}' is not on recording {session.Id}, so it cannot be released.", "hold");

    private static Result<RecordingSession> RequestDeletion(RecordingSession session, DeletionRequested requested, Instant at) =>
        string.IsNullOrWhiteSpace(requested.Reason) || string.IsNullOrEmpty(requested.By.Value)
            ? Invalid("reason", "A deletion request needs who asked and why.")
            : new RecordingSession(session, requested, at) { StateBeforeDeletion = session.State, State = RecordingState.DeletionRequested };

    private static Result<RecordingSession> RefuseDeletion(RecordingSession session, DeletionRefused refused, Instant at) =>
        string.IsNullOrWhiteSpace(refused.Reason) || string.IsNullOrEmpty(refused.By.Value)
            ? Invalid("reason", "A refusal needs who refused and why.")
            : Move(session, refused, at, session.StateBeforeDeletion);

    private static Result<RecordingSession> Move(RecordingSession session, RecordingEvent @event, Instant at, RecordingState state) =>
        new RecordingSession(session, @event, at) { State = state };

    private static ContactKitError? CheckNotHeld(RecordingSession session) =>
        session.IsHeld
            ? new ContactKitError(RecordingErrorCodes.RecordingHeld, $"Recording {session.Id} is under {session.HoldCount} legal hold(s) and cannot be deleted; release every hold first.")
            : null;

    // Capture pauses by itself while a present party is untold, and resumes by itself once the last one is told or leaves.
    private static RecordingSession Settle(RecordingSession next)
    {
        if (!next.NoticeRequired)
        {
            return next;
        }

        if (next.State == RecordingState.Capturing && next.UntoldParties > 0)
        {
            next.State = RecordingState.Paused;
            next.PauseReason = UncapturedReason.MissingNotice;
        }
        else if (next.State == RecordingState.Paused && next.PauseReason == UncapturedReason.MissingNotice && next.UntoldParties == 0)
        {
            next.State = RecordingState.Capturing;
            next.PauseReason = null;
        }

        return next;
    }

    private static ContactKitError? CheckTold(RecordingSession session, string verb) =>
        session.NoticeRequired && session.UntoldParties > 0 ? NotTold(session, verb) : null;

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
