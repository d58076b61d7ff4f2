namespace ContactKit.EntityFrameworkCore;

/// <summary>One audit entry: the entry as JSON, with the columns the trail is read by. Append-only: never updated.</summary>
internal sealed class AuditEntryRow
{
    public const string Table = "contactkit_audit_entries";

    public required string Tenant { get; set; }

    public long Sequence { get; set; }

    /// <summary>When it happened, in ticks since the Unix epoch.</summary>
    public long OccurredAt { get; set; }

    public required string Action { get; set; }

    public required string ResourceKind { get; set; }

    public required string ResourceId { get; set; }

    public string? Subject { get; set; }

    public int ContractVersion { get; set; }

    public required string Json { get; set; }
}
