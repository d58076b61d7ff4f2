namespace ContactKit.Recording;

/// <summary>The kinds of event a recording session accepts; the transition table is keyed by state and kind.</summary>
public enum RecordingEventKind
{
    /// <summary><see cref="InteractionStarted"/>.</summary>
    InteractionStarted = 1,

    /// <summary><see cref="RecordingNoticeGiven"/>.</summary>
    NoticeGiven,

    /// <summary><see cref="PartyJoined"/>.</summary>
    PartyJoined,

    /// <summary><see cref="PartyLeft"/>.</summary>
    PartyLeft,

    /// <summary><see cref="HandedToPerson"/>.</summary>
    HandedToPerson,

    /// <summary><see cref="CaptureStarted"/>.</summary>
    CaptureStarted,

    /// <summary><see cref="CapturePaused"/>.</summary>
    CapturePaused,

    /// <summary><see cref="CaptureResumed"/>.</summary>
    CaptureResumed,

    /// <summary><see cref="StopRequested"/>.</summary>
    StopRequested,

    /// <summary><see cref="Transferred"/>.</summary>
    Transferred,

    /// <summary><see cref="InteractionEnded"/>.</summary>
    InteractionEnded,

    /// <summary><see cref="MediaStored"/>.</summary>
    MediaStored,

    /// <summary><see cref="TranscriptStored"/>.</summary>
    TranscriptStored,

    /// <summary><see cref="MediaFailed"/>.</summary>
    MediaFailed,

    /// <summary><see cref="DeletionRequested"/>.</summary>
    DeletionRequested,

    /// <summary><see cref="DeletionAuthorised"/>.</summary>
    DeletionAuthorised,

    /// <summary><see cref="DeletionRefused"/>.</summary>
    DeletionRefused,

    /// <summary><see cref="Disposed"/>.</summary>
    Disposed,

    /// <summary><see cref="RecordingConsentGiven"/>.</summary>
    ConsentGiven,

    /// <summary><see cref="RecordingConsentRefused"/>.</summary>
    ConsentRefused,

    /// <summary><see cref="CardDataSeen"/>.</summary>
    CardDataSeen,
}
