namespace ContactKit.Recording;

/// <summary>
/// The stable error codes of ContactKit.Recording (<c>CK0100</c> to <c>CK0199</c>), each listed in <c>docs/errors.md</c>.
/// A stale version is refused with the shared <see cref="ErrorCodes.VersionConflict"/> (<c>CK0009</c>).
/// </summary>
public static class RecordingErrorCodes
{
    /// <summary>The event is not allowed in the session's state (see the transition table).</summary>
    public const string IllegalTransition = "CK0100";

    /// <summary>Capture was asked for but the tenant's plan does not include recording.</summary>
    public const string RecordingDisabled = "CK0101";

    /// <summary>Capture would start while a present party has not been told about recording.</summary>
    public const string NoticeNotGiven = "CK0102";

    /// <summary>Capture was asked for during the bot or IVR phase, which the policy leaves unrecorded.</summary>
    public const string BotPhaseNotCaptured = "CK0103";

    /// <summary>A pause was asked for with a reason other than a secure payment or a hold.</summary>
    public const string InvalidPauseReason = "CK0104";

    /// <summary>The event names a party who is not present in the interaction.</summary>
    public const string PartyNotPresent = "CK0105";

    /// <summary>The event brings in a party who is already present.</summary>
    public const string PartyAlreadyPresent = "CK0106";

    /// <summary>A handover to a person was reported when no bot or IVR phase was running.</summary>
    public const string NotInBotPhase = "CK0107";

    /// <summary>A legal hold in the one hold registry (<see cref="ILegalHoldAuthority"/>) covers the recording, so it cannot be deleted.</summary>
    public const string RecordingHeld = "CK0108";

    /// <summary>The event is dated before the session's last accepted event.</summary>
    public const string EventOutOfOrder = "CK0111";

    /// <summary>The event id was already used for a different event in this session.</summary>
    public const string EventIdReused = "CK0112";

    /// <summary>The event is missing a value or holds one outside its rule.</summary>
    public const string InvalidEvent = "CK0113";

    /// <summary>Capture would start while a present party whose jurisdiction needs explicit consent has not given it.</summary>
    public const string ConsentNotGiven = "CK0114";

    /// <summary>A pause was asked for with a reason whose pause is already open.</summary>
    public const string PauseAlreadyOpen = "CK0115";

    /// <summary>A resume named a pause that is not open.</summary>
    public const string PauseNotOpen = "CK0116";

    /// <summary>A store was asked to save a session that is not exactly one version on from the one it holds, or whose event does not match it.</summary>
    public const string SaveNotNextVersion = "CK0117";

    /// <summary>Access to a recording was refused: no rule grants it to the role for that use and purpose.</summary>
    public const string AccessDenied = "CK0120";

    /// <summary>Access to a recording was asked for without stating the business need.</summary>
    public const string BusinessNeedRequired = "CK0121";

    /// <summary>Access was asked for to a recording that has been deleted or is being deleted.</summary>
    public const string RecordingDeleted = "CK0122";

    /// <summary>Stored media no longer matches the checksum taken when it was stored.</summary>
    public const string MediaChecksumMismatch = "CK0123";

    /// <summary>The media asked for is not one of the recording's own media, so opening it is refused whatever the grant.</summary>
    public const string MediaNotOfRecording = "CK0180";

    /// <summary>A recording access request is malformed (a default id, no purpose, or not exactly one kind of use) and was refused before any decision.</summary>
    public const string InvalidAccessRequest = "CK0181";
}
