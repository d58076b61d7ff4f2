using System.Buffers;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>A party to an interaction.</summary>
/// <param name="Id">The party's id within the interaction.</param>
/// <param name="Role">The part they play.</param>
/// <param name="Jurisdiction">Where they are, which decides the notice they need.</param>
public readonly record struct RecordingParty(PartyId Id, PartyRole Role, Jurisdiction Jurisdiction);

/// <summary>
/// A tenant's recording policy, fixed for an interaction when it starts. The machine receives it as a value and
/// never reads configuration itself; <see cref="RecordingOptions.PolicyFor(TenantId)"/> builds it from options.
/// </summary>
/// <param name="RecordingEnabled">Whether the tenant's plan includes recording; when not, nothing is ever captured.</param>
/// <param name="NoticeRequired">Whether every caller and third party (and, unless <see cref="StaffToldByEmployment"/>, every member of staff) must be told before capture.</param>
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
/// <param name="Sha256">The SHA-256 checksum of its bytes, as 64 lower-case hex digits.</param>
/// <param name="Length">How long the audio lasts, when known.</param>
public sealed record RecordingMedia(MediaKind Kind, string Location, long SizeBytes, string Sha256, Duration? Length = null)
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string _sha256 = Sha256;

    /// <summary>The SHA-256 checksum of its bytes, as 64 lower-case hex digits.</summary>
    public string Sha256
    {
        get => _sha256;
        init
        {
            _sha256 = value;
            IsSha256 = IsHexChecksum(value);
        }
    }

    // Whether the checksum is 64 hex digits, worked out once when it is set rather than each time the media is stored.
    internal bool IsSha256 { get; private init; } = IsHexChecksum(Sha256);

    private static bool IsHexChecksum(string? sha256) => sha256 is { Length: 64 } && !sha256.AsSpan().ContainsAnyExcept(HexDigits);
}
