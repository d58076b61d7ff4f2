namespace ContactKit;

/// <summary>
/// The one authority on legal holds, for the packages that must never destroy what a hold covers but do not keep holds
/// themselves (the recording lifecycle's deletion path among them). There is one registry of holds in a ContactKit
/// host, ContactKit.Retention's; <c>AddInteractions()</c> registers the implementation that reads it, so a hold placed
/// there on an item, a data subject, an interaction or a case reaches every recording it covers.
/// </summary>
/// <remarks>
/// Implementations must answer from the registry as it is at the moment of the call, never from a copy taken earlier:
/// a hold placed a moment ago must stop a deletion now.
/// </remarks>
public interface ILegalHoldAuthority
{
    /// <summary>Finds an active legal hold that covers a recording.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording.</param>
    /// <param name="interaction">The interaction the recording belongs to, when known: holds on it, its case and its subjects reach the recording.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The first active hold found, or <see cref="HoldStatus.NotHeld"/>.</returns>
    ValueTask<HoldStatus> FindHoldAsync(TenantId tenant, RecordingId recording, InteractionId? interaction, CancellationToken cancellationToken = default);
}

/// <summary>Whether a legal hold covers something, and if so which hold and why.</summary>
public sealed record HoldStatus
{
    /// <summary>No active hold covers it.</summary>
    public static HoldStatus NotHeld { get; } = new();

    /// <summary>The hold, when one covers it.</summary>
    public LegalHoldId? Hold { get; init; }

    /// <summary>Why the hold was placed (for example the litigation), when one covers it.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether a hold covers it.</summary>
    public bool IsHeld => Hold is not null;

    /// <summary>A status naming the hold that covers it.</summary>
    /// <param name="hold">The hold.</param>
    /// <param name="reason">Why it was placed.</param>
    /// <returns>The status.</returns>
    public static HoldStatus HeldBy(LegalHoldId hold, string reason) => new() { Hold = hold, Reason = reason };
}
