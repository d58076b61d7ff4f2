using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// The recording lifecycle: a pure function from (session, event, instant) to the next session or a refusal with a
/// stable code. It reads no clock and no configuration; the tenant's policy travels in the session. Its cost depends on
/// the session's present facts (its parties, its open pauses), never on the length of its history.
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

        if (started.Parties.IsEmpty)
        {
            return Invalid("parties", "An interaction needs at least one party (usually the caller) with a jurisdiction.");
        }

        var parties = ImmutableArray.CreateBuilder<PartyPresence>(started.Parties.Length);
        for (var i = 0; i < started.Parties.Length; i++)
        {
            var party = started.Parties[i];
            if (CheckParty(party) is { } invalid)
            {
                return invalid.ForField($"parties[{i}]");
            }

            if (parties.Any(p => p.Party.Id == party.Id))
            {
                return new ContactKitError(RecordingErrorCodes.PartyAlreadyPresent, $"Party {Errors.Excerpt(party.Id.Value)} is listed twice; list each party once.", $"parties[{i}]");
            }

            parties.Add(new PartyPresence(party, at, null, null));
        }

        var session = new RecordingSession(started, at) { Parties = parties.MoveToImmutable() };
        return Settle(session, at);
    }

    /// <summary>
    /// Applies an event. An event whose id is among the session's <see cref="RecordingSession.RecentEvents"/> returns the
    /// session unchanged when it is the same event, and is refused (<see cref="RecordingErrorCodes.EventIdReused"/>) when
    /// it is not; an event the transition table or a rule does not allow is refused with a code, and the session is untouched.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="event">The event.</param>
    /// <param name="at">When it happened; not before the session's last event.</param>
    /// <param name="expectedVersion">The version the caller based the event on; a different current version is refused with <c>CK0009</c>.</param>
    /// <returns>The next session (version one higher), the same session for a retried event, or the refusal.</returns>
    public static Result<RecordingSession> Apply(RecordingSession session, RecordingEvent @event, Instant at, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var recent in session.RecentEvents)
        {
            if (recent.Id == @event.Id)
            {
                return recent.Equals(@event) ? session : IdReused(session, @event, recent);
            }
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

        var decided = Decide(session, @event, at);
        if (decided.IsFailure)
        {
            return decided;
        }

        var next = decided.Value with
        {
            Version = session.Version + 1,
            LastChangedAt = at,
            RecentEvents = Remember(session.RecentEvents, @event),
        };
        return next.State.IsLive() ? Settle(next, at) : next;
    }

    /// <summary>
    /// Rebuilds a session from its log: the first event must be <see cref="InteractionStarted"/> at version 1, and each
    /// later one the next version. The result equals the session that was built live from the same events.
    /// </summary>
    /// <param name="events">The log, in version order.</param>
    /// <returns>The session, or the first refusal (a gap or repeat in the versions gives <c>CK0009</c>; a repeated event id <c>CK0112</c>).</returns>
    public static Result<RecordingSession> Replay(IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        RecordingSession? session = null;
        var seen = new HashSet<EventId>();
        foreach (var recorded in events)
        {
            ArgumentNullException.ThrowIfNull(recorded);
            var expected = (session?.Version ?? 0) + 1;
            if (recorded.Version != expected || recorded.Event is null)
            {
                return Errors.VersionConflict($"recording log of {session?.Id.ToString() ?? "a session"}", expected - 1, recorded.Version - 1);
            }

            if (!seen.Add(recorded.Event.Id))
            {
                return new ContactKitError(RecordingErrorCodes.EventIdReused, $"Event id {Errors.Excerpt(recorded.Event.Id.Value)} appears twice in the log; a log holds each event once.", "id");
            }

            Result<RecordingSession> next;
            if (session is null)
            {
                next = recorded.Event is InteractionStarted started
                    ? Begin(started, recorded.At)
                    : Invalid("events", "A recording log begins with InteractionStarted.");
            }
            else
            {
                next = Apply(session, recorded.Event, recorded.At, session.Version);
            }

            if (next.IsFailure)
            {
                return next;
            }

            session = next.Value;
        }

        return session is null ? Invalid("events", "A recording log holds at least the InteractionStarted event.") : session;
    }

    // The rule for the event's kind: the session changed by the event (version and time are set by Apply), or a refusal.
    private static Result<RecordingSession> Decide(RecordingSession session, RecordingEvent @event, Instant at) =>
        @event switch
        {
            CaptureStarted => StartCapture(session),
            CapturePaused paused => Pause(session, paused, at),
            CaptureResumed resumed => Resume(session, resumed),
            RecordingNoticeGiven notice => Tell(session, notice, at),
            RecordingConsentGiven consent => Answer(session, consent.Party, new ConsentAnswer(true, consent.Method, consent.Evidence, at)),
            RecordingConsentRefused refusal => Answer(session, refusal.Party, new ConsentAnswer(false, refusal.Method, refusal.Evidence, at)),
            PartyJoined joined => Arrive(session, joined.Party, null, at),
            Transferred transfer => Arrive(session, transfer.To, transfer.From, at),
            HandedToPerson handover => Handover(session, handover, at),
            PartyLeft left => Depart(session, left.Party, at),
            StopRequested stop => Stop(session, stop),
            InteractionEnded => session with
            {
                State = session.HasCaptured ? RecordingState.Processing : RecordingState.Absent,
                EndedAt = at,
                OpenPauses = [],
            },
            MediaStored stored => Store(session, stored.Media, MediaKind.Audio),
            TranscriptStored transcript => transcript.Redactions.Any(r => string.IsNullOrWhiteSpace(r.Entity) || r.AudioEnd < r.AudioStart)
                ? Invalid("redactions", "Each redaction needs its type, and cannot end before it starts.")
                : Store(session, transcript.Transcript, MediaKind.Transcript),
            CardDataSeen seen => seen.Count < 1 ? Invalid("count", "Say how many card numbers were seen (at least one).") : session,
            MediaFailed failed => string.IsNullOrWhiteSpace(failed.Reason)
                ? Invalid("reason", "Say why storing the media failed.")
                : session with { State = RecordingState.Failed },
            DeletionRequested requested => RequestDeletion(session, requested, at),
            DeletionRefused refused => string.IsNullOrWhiteSpace(refused.Reason) || string.IsNullOrEmpty(refused.By.Value)
                ? Invalid("reason", "A refusal needs who refused and why.")
                : session with
                {
                    State = session.StateBeforeDeletion,
                    Deletion = session.Deletion! with { DecidedBy = refused.By, DecidedAt = at, Authorised = false, RefusalReason = refused.Reason },
                },
            DeletionAuthorised authorised => (Result<RecordingSession>)(session with
            {
                State = RecordingState.DeletionAuthorised,
                Deletion = session.Deletion! with { DecidedBy = authorised.By, DecidedAt = at, Authorised = true },
            }),
            Disposed disposed => (Result<RecordingSession>)(session with
            {
                State = RecordingState.Deleted,
                Deletion = session.Deletion! with { DisposedBy = disposed.By, DisposedAt = at },
            }),
            _ => Illegal(session, @event.Kind),
        };

    // Capture starts once the plan, the bot phase and every present party allow it; a pause already asked for holds it back.
    private static Result<RecordingSession> StartCapture(RecordingSession session)
    {
        if (!session.Policy.RecordingEnabled)
        {
            return new ContactKitError(RecordingErrorCodes.RecordingDisabled, $"Recording is not on the plan of tenant {session.Tenant}, so nothing may be captured; enable it on the plan first.");
        }

        if (session.InBotPhase && !session.Policy.CaptureBotPhase)
        {
            return new ContactKitError(RecordingErrorCodes.BotPhaseNotCaptured, "The bot or IVR phase is not recorded under this policy; start capture once a person has taken over (HandedToPerson).");
        }

        if (session.UnconsentedParties > 0)
        {
            return new ContactKitError(RecordingErrorCodes.ConsentNotGiven, $"Capture cannot start in recording {session.Id}: {session.UnconsentedParties} present party(ies) must give explicit consent first; record their answer with RecordingConsentGiven.");
        }

        if (session.UntoldParties > 0)
        {
            return new ContactKitError(RecordingErrorCodes.NoticeNotGiven, $"Capture cannot start in recording {session.Id}: {session.UntoldParties} present party(ies) have not been told that the interaction is recorded; give them the recording notice first.");
        }

        // Paused for now: settling the session makes it Capturing unless a pause is already open.
        return session with { State = RecordingState.Paused };
    }

    // A pause asked for opens in any live state; the same reason cannot be open twice.
    private static Result<RecordingSession> Pause(RecordingSession session, CapturePaused paused, Instant at)
    {
        if (paused.Reason is not (UncapturedReason.SecurePayment or UncapturedReason.OnHold))
        {
            return new ContactKitError(RecordingErrorCodes.InvalidPauseReason, $"A pause may be asked for a secure payment or a hold, not {Errors.Excerpt(paused.Reason.ToString())}; a missing notice or consent pauses by itself and a stop request stops capture.", "reason");
        }

        if (session.IsOpen(paused.Reason))
        {
            return new ContactKitError(RecordingErrorCodes.PauseAlreadyOpen, $"A {paused.Reason} pause is already open in recording {session.Id}; close it with CaptureResumed before opening another.", "reason");
        }

        var state = session.State == RecordingState.Capturing ? RecordingState.Paused : session.State;
        return session with { State = state, OpenPauses = session.OpenPauses.Add(new OpenPause(paused.Reason, at)) };
    }

    // Only the pause named ends; capture resumes (in Settle) once none is open.
    private static Result<RecordingSession> Resume(RecordingSession session, CaptureResumed resumed)
    {
        if (resumed.Reason is not (UncapturedReason.SecurePayment or UncapturedReason.OnHold))
        {
            return new ContactKitError(RecordingErrorCodes.InvalidPauseReason, $"Only a pause asked for (SecurePayment or OnHold) can be closed, not {Errors.Excerpt(resumed.Reason.ToString())}; a missing notice or consent closes by itself once the party has it.", "reason");
        }

        var index = IndexOfPause(session.OpenPauses, resumed.Reason);
        return index < 0
            ? new ContactKitError(RecordingErrorCodes.PauseNotOpen, $"No {resumed.Reason} pause is open in recording {session.Id}, so there is nothing to resume.", "reason")
            : session with { OpenPauses = session.OpenPauses.RemoveAt(index) };
    }

    private static Result<RecordingSession> Tell(RecordingSession session, RecordingNoticeGiven notice, Instant at)
    {
        if (string.IsNullOrWhiteSpace(notice.NoticeVersion) || string.IsNullOrEmpty(notice.Notice.Value) || !Enum.IsDefined(notice.Method))
        {
            return Invalid("noticeVersion", "A notice event needs the notice, its version and how it was given.");
        }

        var index = IndexOfPresent(session, notice.Party);
        if (index < 0)
        {
            return NotPresent(notice.Party);
        }

        var presence = session.Parties[index];
        return presence.Notice is not null
            ? session
            : session with { Parties = session.Parties.SetItem(index, presence with { Notice = new NoticeEvidence(notice.Notice, notice.NoticeVersion, notice.Method, at) }) };
    }

    // A consent answer is kept with its evidence; a refusal stops capture for the rest of the interaction.
    private static Result<RecordingSession> Answer(RecordingSession session, PartyId party, ConsentAnswer answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Evidence) || !Enum.IsDefined(answer.Method))
        {
            return Invalid("evidence", "A consent answer needs how it was given and its evidence (for example the prompt and the key pressed).");
        }

        var index = IndexOfPresent(session, party);
        if (index < 0)
        {
            return NotPresent(party);
        }

        var parties = session.Parties.SetItem(index, session.Parties[index] with { Consent = answer });
        return answer.Given
            ? session with { Parties = parties }
            : session with { Parties = parties, State = RecordingState.Stopped, StoppedBecause = session.StoppedBecause ?? UncapturedReason.ConsentRefused };
    }

    // A party who joins keeps what they were told or agreed to earlier in this interaction; the one transferring, if any, leaves.
    private static Result<RecordingSession> Arrive(RecordingSession session, RecordingParty party, PartyId? leaving, Instant at)
    {
        if (CheckParty(party) is { } invalid)
        {
            return invalid;
        }

        var index = session.IndexOf(party.Id);
        if (index >= 0 && session.Parties[index].IsPresent)
        {
            return new ContactKitError(RecordingErrorCodes.PartyAlreadyPresent, $"Party {Errors.Excerpt(party.Id.Value)} is already present in recording {session.Id}.", "party");
        }

        var parties = session.Parties;
        if (leaving is { } from)
        {
            var leaver = IndexOfPresent(session, from);
            if (leaver < 0)
            {
                return NotPresent(from);
            }

            parties = parties.SetItem(leaver, parties[leaver] with { LeftAt = at });
        }

        parties = index < 0
            ? parties.Add(new PartyPresence(party, at, null, null))
            : parties.SetItem(index, parties[index] with { Party = party, LeftAt = null });
        return session with { Parties = parties };
    }

    private static Result<RecordingSession> Handover(RecordingSession session, HandedToPerson handover, Instant at)
    {
        if (!session.InBotPhase)
        {
            return new ContactKitError(RecordingErrorCodes.NotInBotPhase, $"Recording {session.Id} is not in a bot or IVR phase, so there is nothing to hand over; report a new person with PartyJoined or Transferred.");
        }

        if (handover.Person.Role is not (PartyRole.Agent or PartyRole.Supervisor))
        {
            return Invalid("person", "A bot hands over to a member of staff (an agent or supervisor).");
        }

        var arrived = Arrive(session, handover.Person, null, at);
        return arrived.IsFailure ? arrived : arrived.Value with { InBotPhase = false };
    }

    private static Result<RecordingSession> Depart(RecordingSession session, PartyId party, Instant at)
    {
        var index = IndexOfPresent(session, party);
        return index < 0 ? NotPresent(party) : session with { Parties = session.Parties.SetItem(index, session.Parties[index] with { LeftAt = at }) };
    }

    private static Result<RecordingSession> Stop(RecordingSession session, StopRequested stop) =>
        IndexOfPresent(session, stop.Party) < 0
            ? NotPresent(stop.Party)
            : session with { State = RecordingState.Stopped, StoppedBecause = session.StoppedBecause ?? UncapturedReason.SubjectObjection };

    private static Result<RecordingSession> Store(RecordingSession session, RecordingMedia media, MediaKind kind)
    {
        if (media is null || media.Kind != kind)
        {
            return Invalid("media", $"The event needs {kind} media.");
        }

        if (string.IsNullOrWhiteSpace(media.Location) || media.SizeBytes < 0 || !IsSha256(media.Sha256))
        {
            return Invalid("media", "Stored media needs a location, a size of zero or more bytes and a SHA-256 checksum of 64 hex digits.");
        }

        return session with { State = RecordingState.Available, Media = session.Media.Add(media) };
    }

    private static Result<RecordingSession> RequestDeletion(RecordingSession session, DeletionRequested requested, Instant at) =>
        string.IsNullOrWhiteSpace(requested.Reason) || string.IsNullOrEmpty(requested.By.Value)
            ? Invalid("reason", "A deletion request needs who asked and why.")
            : session with
            {
                StateBeforeDeletion = session.State,
                State = RecordingState.DeletionRequested,
                Deletion = new DeletionRecord(requested.By, requested.Reason, at, null, null, null, null),
            };

    // The pauses the lifecycle keeps by itself follow the parties present, and the state follows the open pauses:
    // capture runs only while none is open. A pause asked for is never closed here.
    private static RecordingSession Settle(RecordingSession session, Instant at)
    {
        var pauses = session.OpenPauses;
        pauses = Keep(pauses, UncapturedReason.MissingNotice, session.UntoldParties > 0, at);
        pauses = Keep(pauses, UncapturedReason.MissingConsent, session.UnconsentedParties > 0, at);
        var state = session.State is RecordingState.Capturing or RecordingState.Paused
            ? pauses.IsEmpty ? RecordingState.Capturing : RecordingState.Paused
            : session.State;
        var captured = session.HasCaptured || state == RecordingState.Capturing;
        if (pauses == session.OpenPauses && state == session.State && captured == session.HasCaptured)
        {
            return session;
        }

        return session with
        {
            OpenPauses = pauses,
            State = state,
            HasCaptured = captured,
        };
    }

    private static ImmutableArray<OpenPause> Keep(ImmutableArray<OpenPause> pauses, UncapturedReason reason, bool open, Instant at)
    {
        var index = IndexOfPause(pauses, reason);
        return open && index < 0 ? pauses.Add(new OpenPause(reason, at))
            : !open && index >= 0 ? pauses.RemoveAt(index)
            : pauses;
    }

    // The window of recent events: the oldest falls out once it is full.
    private static ImmutableArray<RecordingEvent> Remember(ImmutableArray<RecordingEvent> recent, RecordingEvent @event)
    {
        var keep = Math.Min(recent.Length, RecordingSession.RecentEventCount - 1);
        var window = new RecordingEvent[keep + 1];
        recent.AsSpan()[(recent.Length - keep)..].CopyTo(window);
        window[keep] = @event;
        return ImmutableCollectionsMarshal.AsImmutableArray(window);
    }

    private static int IndexOfPause(ImmutableArray<OpenPause> pauses, UncapturedReason reason)
    {
        for (var i = 0; i < pauses.Length; i++)
        {
            if (pauses[i].Reason == reason)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfPresent(RecordingSession session, PartyId party)
    {
        var index = session.IndexOf(party);
        return index >= 0 && session.Parties[index].IsPresent ? index : -1;
    }

    private static ContactKitError? CheckParty(RecordingParty party) =>
        string.IsNullOrEmpty(party.Id.Value) || party.Jurisdiction is { Value: null or "" } || !Enum.IsDefined(party.Role) || !Enum.IsDefined(party.Requirement)
            ? Invalid("party", "A party needs an id, a role, a valid jurisdiction or none, and what they need before capture (nothing, a notice or explicit consent).")
            : null;

    private static bool IsSha256(string? sha256) => sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigit);

    private static ContactKitError IdReused(RecordingSession session, RecordingEvent @event, RecordingEvent applied) =>
        new(RecordingErrorCodes.EventIdReused, $"Event id {Errors.Excerpt(@event.Id.Value)} was already used for a different {applied.Kind} event in recording {session.Id}; give each event its own id.", "id");

    private static ContactKitError Illegal(RecordingSession session, RecordingEventKind kind)
    {
        var hint = session.State switch
        {
            RecordingState.Stopped when session.StoppedBecause == UncapturedReason.ConsentRefused => " A party refused consent, so capture cannot start or resume in this interaction.",
            RecordingState.Stopped => " A party asked for recording to stop, so capture cannot restart in this interaction.",
            RecordingState.Deleted => " The recording is deleted; only its tombstone remains.",
            _ when !session.State.IsLive() && kind is <= RecordingEventKind.Transferred or RecordingEventKind.ConsentGiven or RecordingEventKind.ConsentRefused => " The interaction has ended.",
            _ => string.Empty,
        };
        return new ContactKitError(RecordingErrorCodes.IllegalTransition, $"A {kind} event is not allowed while recording {session.Id} is {session.State}.{hint}", "kind");
    }

    private static ContactKitError NotPresent(PartyId party) =>
        new(RecordingErrorCodes.PartyNotPresent, $"Party {Errors.Excerpt(party.Value)} is not present in the interaction; report them joining first.", "party");

    private static ContactKitError Invalid(string field, string message) => new(RecordingErrorCodes.InvalidEvent, message, field);
}
