namespace ContactKit.Recording;

/// <summary>What someone wants to do with a recording.</summary>
[Flags]
public enum RecordingAccessKind
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Listen to or view it in place.</summary>
    Play = 1,

    /// <summary>Take a copy of the file.</summary>
    Download = 2,

    /// <summary>Send it outside the system (for example to a data subject who asked for a copy, or to a court).</summary>
    Export = 4,
}

/// <summary>A request to use a recording.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Recording">The recording.</param>
/// <param name="Actor">Who asks.</param>
/// <param name="Role">The role they act in, as named in <see cref="RecordingAccessRule.Role"/>.</param>
/// <param name="Kind">Play, download or export (one of them).</param>
/// <param name="Purpose">What for.</param>
/// <param name="BusinessNeed">The business need, in words a reviewer can read; access is refused without one.</param>
public sealed record RecordingAccessRequest(TenantId Tenant, RecordingId Recording, ActorId Actor, string Role, RecordingAccessKind Kind, Purpose Purpose, string? BusinessNeed);

/// <summary>The answer to a <see cref="RecordingAccessRequest"/>.</summary>
/// <param name="Request">The request.</param>
/// <param name="Refusal">Why it was refused; <see langword="null"/> when granted.</param>
public sealed record RecordingAccessDecision(RecordingAccessRequest Request, ContactKitError? Refusal)
{
    /// <summary>Whether access was granted.</summary>
    public bool IsGranted => Refusal is null;
}

/// <summary>Decides who may play, download or export a recording and for which purpose.</summary>
public interface IRecordingAccessPolicy
{
    /// <summary>Decides a request. Anyone not granted by a rule is refused.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision.</returns>
    RecordingAccessDecision Decide(RecordingAccessRequest request);
}
