using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// A tenant's recording policy, fixed for an interaction when it starts. <see cref="RecordingService"/> takes it from the
/// tenant's plan in <see cref="RecordingOptions"/> (<see cref="RecordingOptions.PolicyFor(TenantId)"/>); the pure
/// <see cref="RecordingLifecycle"/> receives it in <see cref="InteractionStarted"/>.
/// </summary>
/// <param name="RecordingEnabled">Whether the tenant's plan includes recording; when not, nothing is ever captured.</param>
/// <param name="NoticeRequired">Whether every caller and third party (and, unless <see cref="StaffToldByEmployment"/>, every member of staff) must be told before capture. A party who needs explicit consent needs it whatever this says.</param>
/// <param name="CaptureBotPhase">Whether the bot or IVR phase may be captured.</param>
/// <param name="MaxSecurePause">How long a secure-payment pause may stay open before it is flagged.</param>
public sealed record RecordingPolicy(bool RecordingEnabled, bool NoticeRequired, bool CaptureBotPhase, Duration MaxSecurePause)
{
    /// <summary>Recording on, notice required, bot phase not captured, secure pauses flagged after ten minutes.</summary>
    public static RecordingPolicy Default { get; } = new(true, true, false, Duration.FromMinutes(10));

    /// <summary>
    /// Whether agents and supervisors count as told through their terms of employment (the default). A tenant whose
    /// policy tells every party on the call sets it to <see langword="false"/>: staff then need the notice too.
    /// </summary>
    public bool StaffToldByEmployment { get; init; } = true;

    /// <summary>Whether a party in this role must be given the recording notice under this policy.</summary>
    /// <param name="role">The party's role.</param>
    /// <returns><see langword="true"/> for callers and third parties, and for staff unless <see cref="StaffToldByEmployment"/>.</returns>
    public bool NoticeNeededBy(PartyRole role) => role.NeedsNotice(StaffToldByEmployment);
}

/// <summary>A stored artefact of a session: audio or transcript.</summary>
/// <param name="Kind">Audio or transcript.</param>
/// <param name="Location">Where the media store keeps it.</param>
/// <param name="SizeBytes">Its size in bytes.</param>
/// <param name="Sha256">The SHA-256 checksum of its bytes, as 64 hex digits.</param>
/// <param name="Length">How long the audio lasts, when known.</param>
public sealed record RecordingMedia(MediaKind Kind, string Location, long SizeBytes, string Sha256, Duration? Length = null);

/// <summary>
/// One stretch removed from a transcript before it was stored: its type and, where the transcript has word timings, the
/// stretch of the recording it was said in (so the audio can be muted there too). The value itself is never kept.
/// </summary>
/// <param name="Entity">The type of value, as a snake_case key (<c>card_number</c>, <c>security_code</c>, ...).</param>
/// <param name="AudioStart">Where it starts, from the start of the recording, when known.</param>
/// <param name="AudioEnd">Where it ends, from the start of the recording, when known.</param>
public sealed record TranscriptRedaction(string Entity, Duration? AudioStart = null, Duration? AudioEnd = null);
