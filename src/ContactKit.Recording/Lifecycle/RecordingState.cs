namespace ContactKit.Recording;

/// <summary>Where a recording session stands. The first four are the live interaction; the rest are its stored life.</summary>
public enum RecordingState
{
    /// <summary>The interaction is live but nothing is captured: the bot or IVR phase, the queue, or before capture starts.</summary>
    NotCapturing = 1,

    /// <summary>The interaction is live and being captured (audio for a call, the transcript for a chat).</summary>
    Capturing = 2,

    /// <summary>Capture has started but one or more pauses are open (<see cref="RecordingSession.OpenPauses"/>); it resumes when none is.</summary>
    Paused = 3,

    /// <summary>Capture is over for the rest of the interaction and cannot restart (a stop request, or a refused consent); a new capture is a new session.</summary>
    Stopped = 4,

    /// <summary>The interaction has ended with something captured; the media is being stored.</summary>
    Processing = 5,

    /// <summary>The media (and transcript, if any) is stored and can be accessed by those authorised.</summary>
    Available = 6,

    /// <summary>The interaction ended with nothing captured: there is no media, only the session's metadata.</summary>
    Absent = 7,

    /// <summary>Storing the media failed; the metadata says why.</summary>
    Failed = 8,

    /// <summary>Someone asked for the recording to be deleted; the request waits for a decision.</summary>
    DeletionRequested = 9,

    /// <summary>Deletion was authorised and waits for disposal.</summary>
    DeletionAuthorised = 10,

    /// <summary>A tombstone: the media is gone; who deleted it, when and why are kept.</summary>
    Deleted = 11,
}

/// <summary>Why a stretch of an interaction was not captured.</summary>
public enum UncapturedReason
{
    /// <summary>The caller was talking to a bot or IVR, which the policy leaves unrecorded.</summary>
    BotPhase = 1,

    /// <summary>A person was present but capture had not been started.</summary>
    NotStarted = 2,

    /// <summary>The tenant's plan does not include recording.</summary>
    RecordingDisabled = 3,

    /// <summary>Card details were being taken.</summary>
    SecurePayment = 4,

    /// <summary>The caller was on hold.</summary>
    OnHold = 5,

    /// <summary>The subject asked for recording to stop.</summary>
    SubjectObjection = 6,

    /// <summary>A present party had not been told that the interaction is recorded.</summary>
    MissingNotice = 7,

    /// <summary>A present party whose jurisdiction needs explicit consent had not yet given it.</summary>
    MissingConsent = 8,

    /// <summary>A party refused consent to recording, so nothing more of the interaction is captured.</summary>
    ConsentRefused = 9,
}

/// <summary>How a party answered when asked to consent to recording.</summary>
public enum ConsentAnswerMethod
{
    /// <summary>A key press on the telephone keypad, in answer to a prompt.</summary>
    KeyPress = 1,

    /// <summary>A spoken answer (yes or no), heard by the agent or a speech recogniser.</summary>
    Spoken = 2,

    /// <summary>A reply or button in a chat window.</summary>
    ChatReply = 3,
}

/// <summary>How a party was told that the interaction is recorded.</summary>
public enum NoticeMethod
{
    /// <summary>A recorded announcement played on the line (for example in the auto attendant).</summary>
    Announcement = 1,

    /// <summary>A banner or message shown in a chat window.</summary>
    Banner = 2,

    /// <summary>Read out by the agent from a script.</summary>
    AgentScript = 3,
}

/// <summary>What a stored artefact of a session holds.</summary>
public enum MediaKind
{
    /// <summary>The audio of a call.</summary>
    Audio = 1,

    /// <summary>A transcript: of a chat, or of a call's speech.</summary>
    Transcript = 2,
}

/// <summary>Extensions that state facts about the lifecycle's values.</summary>
public static class RecordingValueExtensions
{
    /// <summary>Whether the interaction is still live (not yet ended).</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for not capturing, capturing, paused and stopped.</returns>
    public static bool IsLive(this RecordingState state) => state is >= RecordingState.NotCapturing and <= RecordingState.Stopped;

    // The notice rule under a policy: callers and third parties always, staff unless told through their employment.
    internal static bool NeedsNotice(this PartyRole role, bool staffToldByEmployment) => role is PartyRole.Caller or PartyRole.ThirdParty || !staffToldByEmployment;
}
