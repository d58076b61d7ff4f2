using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// One recording session: the capture of one interaction's audio or transcript and its stored life, as an immutable value.
/// Each accepted event gives a new session that points back at the one before, so the history, the segment timeline,
/// the parties and the holds are all read from the chain of accepted events and never copied.
/// </summary>
/// <remarks>Create one with <see cref="RecordingLifecycle.Begin"/> and move it on with <see cref="RecordingLifecycle.Apply"/>.</remarks>
public sealed class RecordingSession
{
    // Kept small on purpose: one session is allocated per accepted event, and allocating it is a large part of the cost
    // of a transition. The interaction's fixed facts live in the InteractionStarted event at the start of the chain.
    private readonly SessionFacts _facts;

    // The latest session, at or before this one, whose event brought a party never seen before (the first session for the
    // parties it started with): following these finds a party's slot without visiting any other event.
    private readonly RecordingSession _arrivals;

    internal RecordingSession(InteractionStarted started, Instant at, in SessionFacts facts)
    {
        LastChangedAt = at;
        LastEvent = started;
        _facts = facts;
        _arrivals = this;
    }

    // Inlined into the lifecycle, so that building the next session costs no call of its own.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal RecordingSession(RecordingSession previous, RecordingEvent @event, Instant at, in SessionFacts facts)
    {
        Previous = previous;
        LastChangedAt = at;
        LastEvent = @event;
        _facts = facts;
        _arrivals = facts.BroughtNewParty ? this : previous._arrivals;
    }

    /// <summary>The tenant the session belongs to.</summary>
    public TenantId Tenant => Started.Tenant;

    /// <summary>The recording's id.</summary>
    public RecordingId Id => Started.Recording;

    /// <summary>The channel: a call's audio and a chat's transcript follow the same lifecycle.</summary>
    public Channel Channel => Started.Channel;

    /// <summary>The tenant's policy, fixed when the interaction started.</summary>
    public RecordingPolicy Policy => Started.Policy;

    /// <summary>The version: 1 after <see cref="InteractionStarted"/>, and one more for each accepted event.</summary>
    public long Version => _facts.Version;

    /// <summary>Where the session stands.</summary>
    public RecordingState State => _facts.State;

    /// <summary>Why nothing is being captured now, while the interaction is live and not capturing; otherwise <see langword="null"/>.</summary>
    public UncapturedReason? PauseReason => _facts.PauseReason;

    /// <summary>Whether the bot or IVR phase is still running (no person has taken over).</summary>
    public bool InBotPhase => _facts.InBotPhase;

    /// <summary>Whether anything has been captured.</summary>
    public bool HasCaptured => _facts.HasCaptured;

    /// <summary>How many present callers and third parties have not been told about recording.</summary>
    public int UntoldParties => _facts.UntoldParties;

    /// <summary>How many legal holds are on the recording.</summary>
    public int HoldCount => _facts.HoldCount;

    /// <summary>Whether a legal hold is on the recording, which blocks every path to deletion.</summary>
    public bool IsHeld => HoldCount > 0;

    /// <summary>When the open secure-payment pause began, if one is open.</summary>
    public Instant? SecurePauseSince
    {
        get
        {
            for (var node = this; node is not null && _facts.InSecurePause; node = node.Previous)
            {
                if (node.Kind == RecordingEventKind.CapturePaused)
                {
                    return node.LastChangedAt;
                }
            }

            return null;
        }
    }

    // What a transition starts from; a transition changes a copy, never the session's own.
    internal ref readonly SessionFacts Facts => ref _facts;

    /// <summary>When the interaction started.</summary>
    public Instant StartedAt => Root.LastChangedAt;

    /// <summary>When the interaction ended, once it has.</summary>
    public Instant? EndedAt
    {
        get
        {
            for (var node = this; node is not null; node = node.Previous)
            {
                if (node.Kind == RecordingEventKind.InteractionEnded)
                {
                    return node.LastChangedAt;
                }
            }

            return null;
        }
    }

    /// <summary>When the last accepted event happened.</summary>
    public Instant LastChangedAt { get; }

    /// <summary>The last accepted event.</summary>
    public RecordingEvent LastEvent { get; }

    internal RecordingSession? Previous { get; }

    internal RecordingEventKind Kind => _facts.Kind;

    /// <summary>Every accepted event in order, each with the version and state it produced.</summary>
    public IReadOnlyList<RecordedEvent> History
    {
        get
        {
            var nodes = Chain();
            var history = ImmutableArray.CreateBuilder<RecordedEvent>(nodes.Length);
            foreach (var node in nodes)
            {
                history.Add(new RecordedEvent(node.Version, node.LastChangedAt, node.LastEvent, node.State, node.PauseReason));
            }

            return history.MoveToImmutable();
        }
    }

    /// <summary>The ids of every accepted event.</summary>
    public ImmutableHashSet<EventId> AppliedEventIds
    {
        get
        {
            var ids = ImmutableHashSet.CreateBuilder<EventId>();
            for (var node = this; node is not null; node = node.Previous)
            {
                ids.Add(node.LastEvent.Id);
            }

            return ids.ToImmutable();
        }
    }

    /// <summary>The legal holds on the recording now.</summary>
    public ImmutableHashSet<LegalHoldId> Holds
    {
        get
        {
            var holds = ImmutableHashSet.CreateBuilder<LegalHoldId>();
            foreach (var node in Chain())
            {
                if (node.LastEvent is HoldPlaced placed)
                {
                    holds.Add(placed.Hold);
                }
                else if (node.LastEvent is HoldReleased released)
                {
                    holds.Remove(released.Hold);
                }
            }

            return holds.ToImmutable();
        }
    }

    /// <summary>The media and transcripts stored for the session, in the order they were stored.</summary>
    public ImmutableArray<RecordingMedia> Media
    {
        get
        {
            var media = ImmutableArray.CreateBuilder<RecordingMedia>();
            foreach (var node in Chain())
            {
                if (node.LastEvent is MediaStored stored)
                {
                    media.Add(stored.Media);
                }
                else if (node.LastEvent is TranscriptStored transcript)
                {
                    media.Add(transcript.Transcript);
                }
            }

            return media.ToImmutable();
        }
    }

    /// <summary>
    /// Everyone who took part, in the order they joined (a party who left and came back appears twice), each with how they
    /// were first told about recording during the interaction, when and by which notice.
    /// </summary>
    public ImmutableArray<PartyPresence> Parties
    {
        get
        {
            var parties = new List<PartyPresence>();
            foreach (var node in Chain())
            {
                var at = node.LastChangedAt;
                switch (node.LastEvent)
                {
                    case InteractionStarted started:
                        foreach (var party in started.Parties)
                        {
                            Arrive(parties, party, at);
                        }

                        break;
                    case PartyJoined joined:
                        Arrive(parties, joined.Party, at);
                        break;
                    case HandedToPerson handover:
                        Arrive(parties, handover.Person, at);
                        break;
                    case Transferred transfer:
                        if (transfer.From is { } from)
                        {
                            Depart(parties, from, at);
                        }

                        Arrive(parties, transfer.To, at);
                        break;
                    case PartyLeft left:
                        Depart(parties, left.Party, at);
                        break;
                    case RecordingNoticeGiven notice:
                        var evidence = new NoticeEvidence(notice.Notice, notice.NoticeVersion, notice.Method, at);
                        for (var i = 0; i < parties.Count; i++)
                        {
                            if (parties[i].Party.Id == notice.Party && parties[i].Notice is null)
                            {
                                parties[i] = parties[i] with { Notice = evidence };
                            }
                        }

                        break;
                }
            }

            return [.. parties];
        }
    }

    /// <summary>
    /// The timeline of the interaction: stretches captured and not captured, each uncaptured one with its reason, in order.
    /// The last segment is open (no end) while the interaction is live.
    /// </summary>
    public ImmutableArray<RecordingSegment> Segments
    {
        get
        {
            var segments = ImmutableArray.CreateBuilder<RecordingSegment>();
            var nodes = Chain();
            var maxSecurePause = ((InteractionStarted)nodes[0].LastEvent).Policy.MaxSecurePause;
            RecordingSegment? open = null;
            foreach (var node in nodes)
            {
                if (!node.State.IsLive())
                {
                    if (open is { } last)
                    {
                        segments.Add(Close(last, node.LastChangedAt, maxSecurePause));
                        open = null;
                    }

                    continue;
                }

                var captured = node.State == RecordingState.Capturing;
                var reason = captured ? null : node.PauseReason;
                if (open is { } current && current.Captured == captured && current.Reason == reason)
                {
                    continue;
                }

                if (open is { } previous)
                {
                    segments.Add(Close(previous, node.LastChangedAt, maxSecurePause));
                }

                open = new RecordingSegment(node.LastChangedAt, null, captured, reason, false);
            }

            if (open is { } stillOpen)
            {
                segments.Add(stillOpen);
            }

            return segments.ToImmutable();
        }
    }

    /// <summary>The deletion of the recording so far (request, decision and disposal), or <see langword="null"/> if none was ever asked for.</summary>
    public DeletionRecord? Deletion
    {
        get
        {
            DeletionRecord? record = null;
            foreach (var node in Chain())
            {
                var at = node.LastChangedAt;
                record = node.LastEvent switch
                {
                    DeletionRequested requested => new DeletionRecord(requested.By, requested.Reason, at, null, null, null, null),
                    DeletionAuthorised authorised when record is not null => record with { DecidedBy = authorised.By, DecidedAt = at, Authorised = true },
                    DeletionRefused refused when record is not null => record with { DecidedBy = refused.By, DecidedAt = at, Authorised = false, RefusalReason = refused.Reason },
                    Disposed disposed when record is not null => record with { DisposedBy = disposed.By, DisposedAt = at },
                    _ => record,
                };
            }

            return record;
        }
    }

    /// <summary>Whether an event with this id has been accepted.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns><see langword="true"/> when it is in the history.</returns>
    public bool HasApplied(EventId eventId) => (IdFilter & FilterBit(eventId)) != 0 && FindApplied(eventId) is not null;

    /// <summary>Whether a secure-payment pause has been open longer than the policy allows.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns><see langword="true"/> when a secure pause is open and older than <see cref="RecordingPolicy.MaxSecurePause"/>.</returns>
    public bool IsSecurePauseOverdue(Instant now) => SecurePauseSince is { } since && now - since > Policy.MaxSecurePause;

    /// <summary>Returns a short description such as <c>recording rec-1 v4 Paused (SecurePayment)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        PauseReason is { } reason ? $"recording {Id} v{Version} {State} ({reason})" : $"recording {Id} v{Version} {State}";

    internal uint IdFilter => _facts.IdFilter;

    internal RecordingEvent? FindApplied(EventId eventId)
    {
        for (var node = this; node is not null; node = node.Previous)
        {
            if (node.LastEvent.Id == eventId)
            {
                return node.LastEvent;
            }
        }

        return null;
    }

    internal bool HasHold(LegalHoldId hold)
    {
        for (var node = this; node is not null; node = node.Previous)
        {
            if (node.LastEvent is HoldReleased released && released.Hold == hold)
            {
                return false;
            }

            if (node.LastEvent is HoldPlaced placed && placed.Hold == hold)
            {
                return true;
            }
        }

        return false;
    }

    // The party's slot, or -1 when they never took part in the interaction.
    internal int SlotOf(PartyId party)
    {
        var id = party.Value;
        for (var node = _arrivals; ; node = node.Previous!._arrivals)
        {
            if (node.Previous is null)
            {
                var parties = ((InteractionStarted)node.LastEvent).Parties;
                for (var i = 0; i < parties.Length; i++)
                {
                    if (parties[i].Id.Value == id)
                    {
                        return i;
                    }
                }

                return -1;
            }

            var arrived = node.Kind switch
            {
                RecordingEventKind.PartyJoined => ((PartyJoined)node.LastEvent).Party.Id,
                RecordingEventKind.HandedToPerson => ((HandedToPerson)node.LastEvent).Person.Id,
                _ => ((Transferred)node.LastEvent).To.Id,
            };
            if (arrived.Value == id)
            {
                return node._facts.Parties - 1;
            }
        }
    }

    // What the session says about a party now, read from the bits of their slot.
    internal PartyStatus FindParty(PartyId party, int slot) =>
        slot < 0 ? default
        : slot < SessionFacts.MaskSlots ? _facts.Party(slot)
        : WalkParty(party);

    internal PartyStatus FindParty(PartyId party) => FindParty(party, SlotOf(party));

    // For parties beyond the bits: walks back from the newest event. The first join or departure found says whether the
    // party is present (and, for a join, in which role), and any notice to them anywhere in the interaction counts as told.
    internal PartyStatus WalkParty(PartyId party)
    {
        var id = party.Value;
        var seen = false;
        var present = false;
        var needsNotice = false;
        var told = false;
        for (var node = this; node is not null; node = node.Previous)
        {
            var @event = node.LastEvent;
            switch (node.Kind)
            {
                case RecordingEventKind.NoticeGiven:
                    told |= ((RecordingNoticeGiven)@event).Party.Value == id;
                    break;
                case RecordingEventKind.PartyLeft:
                    Left(((PartyLeft)@event).Party.Value);
                    break;
                case RecordingEventKind.PartyJoined:
                    Joined(((PartyJoined)@event).Party);
                    break;
                case RecordingEventKind.HandedToPerson:
                    Joined(((HandedToPerson)@event).Person);
                    break;
                case RecordingEventKind.Transferred:
                    var transfer = (Transferred)@event;
                    Joined(transfer.To);
                    if (transfer.From is { } from)
                    {
                        Left(from.Value);
                    }

                    break;
                case RecordingEventKind.InteractionStarted:
                    var parties = ((InteractionStarted)@event).Parties;
                    for (var i = 0; i < parties.Length; i++)
                    {
                        Joined(parties[i]);
                    }

                    break;
            }

            if (seen && told)
            {
                break;
            }
        }

        return new PartyStatus(present, told, present && needsNotice && !told);

        void Joined(in RecordingParty joined)
        {
            if (!seen && joined.Id.Value == id)
            {
                seen = true;
                present = true;
                needsNotice = _facts.NeedsNotice(joined.Role);
            }
        }

        void Left(string left)
        {
            if (!seen && left == id)
            {
                seen = true;
            }
        }
    }

    // One bit of 32 per event id, from its last characters: an id whose bit is clear in a session's filter was never
    // applied to it, and the chain is not walked.
    internal static uint FilterBit(EventId id)
    {
        var text = id.Value;
        var n = text.Length;
        var mix = n >= 2 ? text[n - 1] + (text[n - 2] * 7) + (n * 13) : n;
        return 1u << (mix & 31);
    }

    // The first session of the chain, whose event is the InteractionStarted that fixed the tenant, ids and policy.
    private RecordingSession Root
    {
        get
        {
            var node = this;
            while (node.Previous is { } previous)
            {
                node = previous;
            }

            return node;
        }
    }

    private InteractionStarted Started => (InteractionStarted)Root.LastEvent;

    internal RecordingSession[] Chain()
    {
        var nodes = new RecordingSession[Version];
        for (var node = this; node is not null; node = node.Previous)
        {
            nodes[node.Version - 1] = node;
        }

        return nodes;
    }

    private static RecordingSegment Close(RecordingSegment segment, Instant end, Duration maxSecurePause) =>
        segment with
        {
            End = end,
            OverLimit = segment.Reason == UncapturedReason.SecurePayment && end - segment.Start > maxSecurePause,
        };

    // A party who rejoins keeps the notice given to them earlier in the interaction.
    private static void Arrive(List<PartyPresence> parties, RecordingParty party, Instant at)
    {
        var earlier = parties.FindLast(p => p.Party.Id == party.Id);
        parties.Add(new PartyPresence(party, at, null, earlier?.Notice));
    }

    private static void Depart(List<PartyPresence> parties, PartyId party, Instant at)
    {
        var index = parties.FindLastIndex(p => p.Party.Id == party && p.LeftAt is null);
        if (index >= 0)
        {
            parties[index] = parties[index] with { LeftAt = at };
        }
    }
}

/// <summary>An accepted event in a session's history.</summary>
/// <param name="Version">The session's version after it.</param>
/// <param name="At">When it happened.</param>
/// <param name="Event">The event.</param>
/// <param name="State">The state it led to.</param>
/// <param name="PauseReason">Why nothing was captured after it, while live and not capturing.</param>
public sealed record RecordedEvent(long Version, Instant At, RecordingEvent Event, RecordingState State, UncapturedReason? PauseReason);

/// <summary>How a party was told that the interaction is recorded.</summary>
/// <param name="Notice">The notice or announcement.</param>
/// <param name="Version">Its version.</param>
/// <param name="Method">How it was given.</param>
/// <param name="At">When.</param>
public sealed record NoticeEvidence(PrivacyNoticeId Notice, string Version, NoticeMethod Method, Instant At);

/// <summary>A party's time in the interaction.</summary>
/// <param name="Party">The party, with role and jurisdiction.</param>
/// <param name="JoinedAt">When they joined.</param>
/// <param name="LeftAt">When they left, if they left before the end.</param>
/// <param name="Notice">How they were first told about recording, or <see langword="null"/> if never.</param>
public sealed record PartyPresence(RecordingParty Party, Instant JoinedAt, Instant? LeftAt, NoticeEvidence? Notice);

/// <summary>A stretch of an interaction that was captured, or not captured for a reason.</summary>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended; <see langword="null"/> while it is still running.</param>
/// <param name="Captured">Whether it was captured.</param>
/// <param name="Reason">Why it was not captured; <see langword="null"/> for a captured segment.</param>
/// <param name="OverLimit">Whether it is a secure-payment pause that lasted longer than the policy allows.</param>
public readonly record struct RecordingSegment(Instant Start, Instant? End, bool Captured, UncapturedReason? Reason, bool OverLimit);

/// <summary>The deletion of a recording: the request, the decision and the disposal, with who and when.</summary>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="Reason">Why.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="DecidedBy">Who authorised or refused it.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Authorised">Whether it was authorised; <see langword="null"/> while undecided.</param>
/// <param name="DisposedAt">When the media was disposed of.</param>
public sealed record DeletionRecord(ActorId RequestedBy, string Reason, Instant RequestedAt, ActorId? DecidedBy, Instant? DecidedAt, bool? Authorised, Instant? DisposedAt)
{
    /// <summary>Why the request was refused, if it was.</summary>
    public string? RefusalReason { get; init; }

    /// <summary>Who or what disposed of the media.</summary>
    public ActorId? DisposedBy { get; init; }
}

/// <summary>What the chain of events says about one party now.</summary>
/// <param name="Present">Whether the party is present.</param>
/// <param name="Told">Whether the party has been told about recording during the interaction.</param>
/// <param name="Untold">Whether the party is present, in a role that must be told (a caller or third party), and has not been told.</param>
internal readonly record struct PartyStatus(bool Present, bool Told, bool Untold);
