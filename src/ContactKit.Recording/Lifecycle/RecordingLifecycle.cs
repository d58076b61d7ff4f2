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
        var untold = 0;
        for (var i = 0; i < started.Parties.Length; i++)
        {
            var party = started.Parties[i];
            if (string.IsNullOrEmpty(party.Id.Value) || string.IsNullOrEmpty(party.Jurisdiction.Value) || !Enum.IsDefined(party.Role))
            {
                return Invalid($"parties[{i}]", "Each party needs an id, a role and a jurisdiction.");
            }

            for (var j = 0; j < i; j++)
            {
                if (started.Parties[j].Id == party.Id)
                {
                    return new ContactKitError(RecordingErrorCodes.PartyAlreadyPresent, $"Party '{party.Id}' is listed twice; list each party once.", $"parties[{i}]");
                }
            }

            untold += party.Role.NeedsNotice() ? 1 : 0;
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
        if (session.FindApplied(@event.Id) is { } applied)
        {
            return applied.Equals(@event)
                ? session
                : new ContactKitError(RecordingErrorCodes.EventIdReused, $"Event id '{@event.Id}' was already used for a different {applied.Kind} event in recording {session.Id}; give each event its own id.", "id");
        }

        if (expectedVersion is { } expected && expected != session.Version)
        {
            return Errors.VersionConflict($"recording session {session.Id}", expected, session.Version);
        }

        if (at < session.LastChangedAt)
        {
            return new ContactKitError(RecordingErrorCodes.EventOutOfOrder, $"The {@event.Kind} event is dated {at} but recording {session.Id} last changed at {session.LastChangedAt}; apply events in the order they happened.", "at");
        }

        if (!RecordingTransitionTable.IsAllowed(session.State, @event.Kind))
        {
            return Illegal(session, @event.Kind);
        }

        var error = Check(session, @event);
        if (error is not null)
        {
            return error;
        }

        var next = new RecordingSession(session, @event, at);
        Effect(next, @event, at);
        return next;
    }

    private static ContactKitError? Check(RecordingSession session, RecordingEvent @event)
    {
        var policy = session.Policy;
        switch (@event)
        {
            case CaptureStarted:
                if (!policy.RecordingEnabled)
                {
                    return new ContactKitError(RecordingErrorCodes.RecordingDisabled, $"Recording is not part of tenant '{session.Tenant}''s plan, so nothing may be captured; enable it on the plan first.");
                }

                if (session.InBotPhase && !policy.CaptureBotPhase)
                {
                    return new ContactKitError(RecordingErrorCodes.BotPhaseNotCaptured, "The bot or IVR phase is not recorded under this policy; start capture once a person has taken over (HandedToPerson).");
                }

                return CheckTold(session, "start");
            case CaptureResumed:
                return CheckTold(session, "resume");
            case CapturePaused paused:
                return paused.Reason is UncapturedReason.SecurePayment or UncapturedReason.OnHold
                    ? null
                    : new ContactKitError(RecordingErrorCodes.InvalidPauseReason, $"A pause may be asked for a secure payment or a hold, not '{paused.Reason}'; a missing notice pauses by itself and a stop request stops capture.", "reason");
            case RecordingNoticeGiven notice:
                if (string.IsNullOrWhiteSpace(notice.NoticeVersion) || string.IsNullOrEmpty(notice.Notice.Value) || !Enum.IsDefined(notice.Method))
                {
                    return Invalid("noticeVersion", "A notice event needs the notice, its version and how it was given.");
                }

                return session.FindParty(notice.Party).Present ? null : NotPresent(notice.Party);
            case PartyJoined joined:
                return CheckJoining(session, joined.Party);
            case PartyLeft left:
                return session.FindParty(left.Party).Present ? null : NotPresent(left.Party);
            case StopRequested stop:
                return session.FindParty(stop.Party).Present ? null : NotPresent(stop.Party);
            case HandedToPerson handover:
                if (!session.InBotPhase)
                {
                    return new ContactKitError(RecordingErrorCodes.NotInBotPhase, $"Recording {session.Id} is not in a bot or IVR phase, so there is nothing to hand over; report a new person with PartyJoined or Transferred.");
                }

                return handover.Person.Role is PartyRole.Agent or PartyRole.Supervisor
                    ? CheckJoining(session, handover.Person)
                    : Invalid("person", "A bot hands over to a member of staff (an agent or supervisor).");
            case Transferred transfer:
                if (transfer.From is { } from && !session.FindParty(from).Present)
                {
                    return NotPresent(from);
                }

                return CheckJoining(session, transfer.To);
            case MediaStored stored:
                return CheckMedia(stored.Media, MediaKind.Audio);
            case TranscriptStored transcript:
                return CheckMedia(transcript.Transcript, MediaKind.Transcript);
            case MediaFailed failed:
                return string.IsNullOrWhiteSpace(failed.Reason) ? Invalid("reason", "Say why storing the media failed.") : null;
            case HoldPlaced placed:
                return session.HasHold(placed.Hold)
                    ? new ContactKitError(RecordingErrorCodes.HoldAlreadyPlaced, $"Legal hold '{placed.Hold}' is already on recording {session.Id}.", "hold")
                    : null;
            case HoldReleased released:
                return session.HasHold(released.Hold)
                    ? null
                    : new ContactKitError(RecordingErrorCodes.HoldNotPlaced, $"Legal hold '{released.Hold}' is not on recording {session.Id}, so it cannot be released.", "hold");
            case DeletionRequested requested:
                return string.IsNullOrWhiteSpace(requested.Reason) || string.IsNullOrEmpty(requested.By.Value)
                    ? Invalid("reason", "A deletion request needs who asked and why.")
                    : null;
            case DeletionRefused refused:
                return string.IsNullOrWhiteSpace(refused.Reason) || string.IsNullOrEmpty(refused.By.Value)
                    ? Invalid("reason", "A refusal needs who refused and why.")
                    : null;
            case DeletionAuthorised:
            case Disposed:
                return session.IsHeld
                    ? new ContactKitError(RecordingErrorCodes.RecordingHeld, $"Recording {session.Id} is under {session.HoldCount} legal hold(s) and cannot be deleted; release every hold first.")
                    : null;
            default:
                return null;
        }
    }

    private static void Effect(RecordingSession next, RecordingEvent @event, Instant at)
    {
        switch (@event)
        {
            case CaptureStarted:
            case CaptureResumed:
                next.State = RecordingState.Capturing;
                next.PauseReason = null;
                next.SecurePauseSince = null;
                next.HasCaptured = true;
                break;
            case CapturePaused paused:
                next.State = RecordingState.Paused;
                next.PauseReason = paused.Reason;
                next.SecurePauseSince = paused.Reason == UncapturedReason.SecurePayment ? at : null;
                break;
            case StopRequested:
                next.State = RecordingState.Stopped;
                next.PauseReason = UncapturedReason.SubjectObjection;
                next.SecurePauseSince = null;
                break;
            case RecordingNoticeGiven notice:
                var status = next.Previous!.FindParty(notice.Party);
                if (!status.Told && status.Party.Role.NeedsNotice())
                {
                    next.UntoldParties--;
                }

                Settle(next);
                break;
            case PartyJoined joined:
                Join(next, joined.Party);
                Settle(next);
                break;
            case PartyLeft left:
                Leave(next, left.Party);
                Settle(next);
                break;
            case HandedToPerson handover:
                Join(next, handover.Person);
                next.InBotPhase = false;
                if (next.PauseReason == UncapturedReason.BotPhase)
                {
                    next.PauseReason = UncapturedReason.NotStarted;
                }

                break;
            case Transferred transfer:
                if (transfer.From is { } from)
                {
                    Leave(next, from);
                }

                Join(next, transfer.To);
                Settle(next);
                break;
            case InteractionEnded:
                next.State = next.HasCaptured ? RecordingState.Processing : RecordingState.Absent;
                next.PauseReason = null;
                next.SecurePauseSince = null;
                next.EndedAt = at;
                break;
            case MediaStored:
            case TranscriptStored:
                next.State = RecordingState.Available;
                break;
            case MediaFailed:
                next.State = RecordingState.Failed;
                break;
            case HoldPlaced:
                next.HoldCount++;
                break;
            case HoldReleased:
                next.HoldCount--;
                break;
            case DeletionRequested:
                next.StateBeforeDeletion = next.State;
                next.State = RecordingState.DeletionRequested;
                break;
            case DeletionAuthorised:
                next.State = RecordingState.DeletionAuthorised;
                break;
            case DeletionRefused:
                next.State = next.StateBeforeDeletion;
                break;
            case Disposed:
                next.State = RecordingState.Deleted;
                break;
        }
    }

    // A party who joins needs telling unless they were told earlier in this interaction.
    private static void Join(RecordingSession next, RecordingParty party)
    {
        if (party.Role.NeedsNotice() && !next.Previous!.FindParty(party.Id).Told)
        {
            next.UntoldParties++;
        }
    }

    private static void Leave(RecordingSession next, PartyId party)
    {
        var status = next.Previous!.FindParty(party);
        if (status.Party.Role.NeedsNotice() && !status.Told)
        {
            next.UntoldParties--;
        }
    }

    // Capture pauses by itself while a present party is untold, and resumes by itself once the last one is told or leaves.
    private static void Settle(RecordingSession next)
    {
        if (!next.Policy.NoticeRequired)
        {
            return;
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
    }

    private static ContactKitError? CheckTold(RecordingSession session, string verb) =>
        session.Policy.NoticeRequired && session.UntoldParties > 0
            ? new ContactKitError(RecordingErrorCodes.NoticeNotGiven, $"Capture cannot {verb}: {session.UntoldParties} present party(ies) have not been told that recording{session.Id} is recorded; give them the recording notice first.")
            : null;

    private static ContactKitError? CheckJoining(RecordingSession session, RecordingParty party)
    {
        if (string.IsNullOrEmpty(party.Id.Value) || string.IsNullOrEmpty(party.Jurisdiction.Value) || !Enum.IsDefined(party.Role))
        {
            return Invalid("party", "A joining party needs an id, a role and a jurisdiction.");
        }

        return session.FindParty(party.Id).Present
            ? new ContactKitError(RecordingErrorCodes.PartyAlreadyPresent, $"Party '{party.Id}' is already present in recording {session.Id}.", "party")
            : null;
    }

    private static ContactKitError? CheckMedia(RecordingMedia media, MediaKind kind)
    {
        if (media is null || media.Kind != kind)
        {
            return Invalid("media", $"The event needs {kind} media.");
        }

        if (string.IsNullOrWhiteSpace(media.Location) || media.SizeBytes < 0 || !IsSha256(media.Sha256))
        {
            return Invalid("media", "Stored media needs a location, a size of zero or more bytes and a SHA-256 checksum of 64 hex digits.");
        }

        return null;
    }

    private static bool IsSha256(string? text)
    {
        if (text is null || text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

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

    private static ContactKitError NotPresent(PartyId party) =>
        new(RecordingErrorCodes.PartyNotPresent, $"Party '{party}' is not present in the interaction; report them joining first.", "party");

    private static ContactKitError Invalid(string field, string message) => new(RecordingErrorCodes.InvalidEvent, message, field);
}
