using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// One recording session as it stands now: an immutable snapshot of the capture of one interaction and its stored life.
/// The events that led here are kept apart, in the session's log (<see cref="RecordedEvent"/>); the snapshot holds only
/// what the rules read, so applying an event costs the same however long the history is.
/// </summary>
/// <remarks>
/// Create one with <see cref="RecordingLifecycle.Begin"/>, move it on with <see cref="RecordingLifecycle.Apply"/>, and
/// rebuild it from a log with <see cref="RecordingLifecycle.Replay"/>. Two sessions are equal when every field is.
/// </remarks>
public sealed record RecordingSession
{
    /// <summary>How many of the latest accepted events a session keeps, to recognise a retried delivery without its log.</summary>
    public const int RecentEventCount = 16;

    internal RecordingSession(InteractionStarted started, Instant at)
    {
        Tenant = started.Tenant;
        Id = started.Recording;
        Interaction = started.Interaction;
        Channel = started.Channel;
        Policy = started.Policy;
        Version = 1;
        State = RecordingTransitionTable.Initial;
        StartedAt = at;
        LastChangedAt = at;
        InBotPhase = started.BeginsWithBot;
        RecentEvents = [started];
    }

    /// <summary>The tenant the session belongs to.</summary>
    public TenantId Tenant { get; }

    /// <summary>The interaction the recording belongs to, when it was started as part of one (<see cref="InteractionStarted.Interaction"/>).</summary>
    public InteractionId? Interaction { get; }

    /// <summary>The recording's id.</summary>
    public RecordingId Id { get; }

    /// <summary>The channel: a call's audio and a chat's transcript follow the same lifecycle.</summary>
    public Channel Channel { get; }

    /// <summary>The tenant's policy, fixed when the interaction started.</summary>
    public RecordingPolicy Policy { get; }

    /// <summary>The version: 1 after <see cref="InteractionStarted"/>, and one more for each accepted event.</summary>
    public long Version { get; internal init; }

    /// <summary>Where the session stands.</summary>
    public RecordingState State { get; internal init; }

    /// <summary>When the interaction started.</summary>
    public Instant StartedAt { get; }

    /// <summary>When the interaction ended, once it has.</summary>
    public Instant? EndedAt { get; internal init; }

    /// <summary>When the last accepted event happened.</summary>
    public Instant LastChangedAt { get; internal init; }

    /// <summary>Whether the bot or IVR phase is still running (no person has taken over).</summary>
    public bool InBotPhase { get; internal init; }

    /// <summary>Whether anything has been captured.</summary>
    public bool HasCaptured { get; internal init; }

    /// <summary>
    /// Why capture is held back, each with when it began: pauses asked for (<see cref="UncapturedReason.SecurePayment"/>,
    /// <see cref="UncapturedReason.OnHold"/>), which close only with a <see cref="CaptureResumed"/> for that reason, and
    /// pauses the lifecycle keeps by itself while a present party lacks a notice (<see cref="UncapturedReason.MissingNotice"/>)
    /// or a consent (<see cref="UncapturedReason.MissingConsent"/>). Capture runs only while none is open.
    /// </summary>
    public ImmutableArray<OpenPause> OpenPauses { get; internal init; } = [];

    /// <summary>Everyone who has taken part, once each in the order they first joined, with what they were told or agreed to.</summary>
    public ImmutableArray<PartyPresence> Parties { get; internal init; } = [];

    /// <summary>The media and transcripts stored for the session, in the order they were stored.</summary>
    public ImmutableArray<RecordingMedia> Media { get; internal init; } = [];


    /// <summary>The deletion of the recording so far (request, decision and disposal), or <see langword="null"/> if none was ever asked for.</summary>
    public DeletionRecord? Deletion { get; internal init; }

    /// <summary>Why capture stopped for good, once it has: <see cref="UncapturedReason.SubjectObjection"/> or <see cref="UncapturedReason.ConsentRefused"/>.</summary>
    public UncapturedReason? StoppedBecause { get; internal init; }

    /// <summary>
    /// The latest accepted events, oldest first, at most <see cref="RecentEventCount"/>: an event with one of their ids is
    /// recognised as a retry (the same event changes nothing, a different one is refused). Older ids are recognised by the
    /// store, which holds the whole log.
    /// </summary>
    public ImmutableArray<RecordingEvent> RecentEvents { get; internal init; } = [];

    /// <summary>The last accepted event.</summary>
    public RecordingEvent LastEvent => RecentEvents[^1];

    /// <summary>Why nothing is being captured now, while the interaction is live and not capturing; otherwise <see langword="null"/>.</summary>
    public UncapturedReason? PauseReason => State switch
    {
        RecordingState.Stopped => StoppedBecause,
        RecordingState.Paused => IsOpen(UncapturedReason.SecurePayment) ? UncapturedReason.SecurePayment
            : IsOpen(UncapturedReason.OnHold) ? UncapturedReason.OnHold
            : IsOpen(UncapturedReason.MissingConsent) ? UncapturedReason.MissingConsent
            : UncapturedReason.MissingNotice,
        RecordingState.NotCapturing => IsOpen(UncapturedReason.SecurePayment) ? UncapturedReason.SecurePayment
            : IsOpen(UncapturedReason.OnHold) ? UncapturedReason.OnHold
            : !Policy.RecordingEnabled ? UncapturedReason.RecordingDisabled
            : InBotPhase ? UncapturedReason.BotPhase
            : UncapturedReason.NotStarted,
        _ => null,
    };

    /// <summary>
    /// What every party present now must have before capture: the strictest <see cref="RecordingParty.Requirement"/>
    /// among the parties present (staff included), so that one party whose jurisdiction needs explicit consent means
    /// every present party the policy says must be told has to give it. It is taken again whenever the present parties
    /// change (<see cref="PartyJoined"/>, <see cref="PartyLeft"/>, <see cref="Transferred"/>, <see cref="HandedToPerson"/>):
    /// a party who has left no longer counts. <see cref="CaptureRequirement.None"/> when nobody is present.
    /// </summary>
    public CaptureRequirement EveryoneNeeds
    {
        get
        {
            var strictest = CaptureRequirement.None;
            foreach (var presence in Parties)
            {
                if (presence.IsPresent && presence.Party.Requirement > strictest)
                {
                    strictest = presence.Party.Requirement;
                }
            }

            return strictest;
        }
    }

    /// <summary>
    /// How many present parties still need the recording notice: parties who must be told under the policy, while nobody
    /// present needs explicit consent, and who have neither been told nor consented (a party who consented counts as told).
    /// </summary>
    public int UntoldParties => CountLacking(CaptureNeed.Notice);

    /// <summary>
    /// How many present parties still need to give explicit consent: while any party present needs it
    /// (<see cref="EveryoneNeeds"/>), every present party the policy says must be told and who has not agreed.
    /// </summary>
    public int UnconsentedParties => CountLacking(CaptureNeed.Consent);


    /// <summary>When the open secure-payment pause began, if one is open.</summary>
    public Instant? SecurePauseSince => OpenPauses.FirstOrDefault(p => p.Reason == UncapturedReason.SecurePayment)?.Since;

    /// <summary>Whether a secure-payment pause has been open longer than the policy allows.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns><see langword="true"/> when a secure pause is open and older than <see cref="RecordingPolicy.MaxSecurePause"/>.</returns>
    public bool IsSecurePauseOverdue(Instant now) => SecurePauseSince is { } since && now - since > Policy.MaxSecurePause;

    /// <summary>Whether a pause for this reason is open.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns><see langword="true"/> when it is among <see cref="OpenPauses"/>.</returns>
    public bool IsOpen(UncapturedReason reason)
    {
        foreach (var pause in OpenPauses)
        {
            if (pause.Reason == reason)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(RecordingSession? other) =>
        other is not null && (ReferenceEquals(this, other) || (
            Tenant == other.Tenant && Id == other.Id && Channel == other.Channel && Policy == other.Policy &&
            Version == other.Version && State == other.State && StartedAt == other.StartedAt && EndedAt == other.EndedAt &&
            LastChangedAt == other.LastChangedAt && InBotPhase == other.InBotPhase && HasCaptured == other.HasCaptured &&
            StoppedBecause == other.StoppedBecause && StateBeforeDeletion == other.StateBeforeDeletion && Deletion == other.Deletion &&
            OpenPauses.SequenceEqual(other.OpenPauses) && Parties.SequenceEqual(other.Parties) && Media.SequenceEqual(other.Media) &&
            Interaction == other.Interaction && RecentEvents.SequenceEqual(other.RecentEvents)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Id, Version, State, LastChangedAt);

    /// <summary>Returns a short description such as <c>recording rec-1 v4 Paused (SecurePayment)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        PauseReason is { } reason ? $"recording {Id} v{Version} {State} ({reason})" : $"recording {Id} v{Version} {State}";

    // The state to return to if a deletion request is refused.
    internal RecordingState StateBeforeDeletion { get; init; }

    // What a party must have before capture, under this session's policy, when the strictest requirement among the
    // parties present is `everyone`.
    private CaptureNeed Needs(RecordingParty party, CaptureRequirement everyone) =>
        !Policy.NoticeNeededBy(party.Role) ? CaptureNeed.Nothing
        : everyone == CaptureRequirement.ExplicitConsent ? CaptureNeed.Consent
        : Policy.NoticeRequired ? CaptureNeed.Notice
        : CaptureNeed.Nothing;

    // How many present parties need this and lack it; a party who consented counts as told.
    private int CountLacking(CaptureNeed need)
    {
        var everyone = EveryoneNeeds;
        var count = 0;
        foreach (var presence in Parties)
        {
            var consented = presence.Consent is { Given: true };
            var lacking = need == CaptureNeed.Notice ? presence.Notice is null && !consented : !consented;
            count += presence.IsPresent && lacking && Needs(presence.Party, everyone) == need ? 1 : 0;
        }

        return count;
    }

    internal int IndexOf(PartyId party)
    {
        for (var i = 0; i < Parties.Length; i++)
        {
            if (Parties[i].Party.Id == party)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A pause that is open, and since when.</summary>
/// <param name="Reason">Why capture is held back.</param>
/// <param name="Since">When the pause began.</param>
public sealed record OpenPause(UncapturedReason Reason, Instant Since);

/// <summary>How a party was told that the interaction is recorded.</summary>
/// <param name="Notice">The notice or announcement.</param>
/// <param name="Version">Its version.</param>
/// <param name="Method">How it was given.</param>
/// <param name="At">When.</param>
public sealed record NoticeEvidence(PrivacyNoticeId Notice, string Version, NoticeMethod Method, Instant At);

/// <summary>A party's answer when asked to consent to recording, with where it can be checked.</summary>
/// <param name="Given">Whether they agreed.</param>
/// <param name="Method">How they answered.</param>
/// <param name="Evidence">Where the answer can be checked (the prompt and digit, the offset in the audio).</param>
/// <param name="At">When.</param>
public sealed record ConsentAnswer(bool Given, ConsentAnswerMethod Method, string Evidence, Instant At);

/// <summary>A party's part in the interaction: when they joined, whether they are still present, what they were told and agreed to.</summary>
/// <param name="Party">The party, with role, jurisdiction and what they need before capture (as they last joined).</param>
/// <param name="JoinedAt">When they first joined.</param>
/// <param name="LeftAt">When they last left; <see langword="null"/> while they are present.</param>
/// <param name="Notice">How they were first told about recording, or <see langword="null"/> if never.</param>
/// <param name="Consent">Their answer when asked to consent, or <see langword="null"/> if never asked.</param>
public sealed record PartyPresence(RecordingParty Party, Instant JoinedAt, Instant? LeftAt, NoticeEvidence? Notice, ConsentAnswer? Consent = null)
{
    /// <summary>Whether the party is present now.</summary>
    public bool IsPresent => LeftAt is null;
}

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

// What a party must have before capture under a session's policy.
internal enum CaptureNeed
{
    Nothing,
    Notice,
    Consent,
}
