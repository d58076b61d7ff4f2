namespace ContactKit.EntityFrameworkCore;

/// <summary>The head of a recording session: its version (the concurrency token) and when it last changed.</summary>
internal sealed class RecordingSessionRow
{
    public const string Table = "contactkit_recording_sessions";

    public required string Tenant { get; set; }

    public required string Recording { get; set; }

    public long Version { get; set; }

    /// <summary>When the last accepted event happened, in ticks since the Unix epoch.</summary>
    public long LastChangedAt { get; set; }

    /// <summary>When the open secure-payment pause began, in ticks since the Unix epoch; null when none is open.</summary>
    public long? SecurePauseSince { get; set; }
}

/// <summary>One accepted event of a session's log, in the published JSON contract. Append-only: never updated.</summary>
internal sealed class RecordingEventRow
{
    public const string Table = "contactkit_recording_events";

    public required string Tenant { get; set; }

    public required string Recording { get; set; }

    public long Version { get; set; }

    public required string EventId { get; set; }

    public int ContractVersion { get; set; }

    public required string Json { get; set; }
}
