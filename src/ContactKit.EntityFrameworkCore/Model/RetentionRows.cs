using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// One retained item with its plan, its claim and its disposal, in columns (the item has no published JSON contract);
/// only the triggers, a small map of trigger name to instant, are JSON. Instants are ticks since the Unix epoch.
/// </summary>
internal sealed class RetainedItemRow
{
    public const string Table = "contactkit_retained_items";

    public required string Tenant { get; set; }

    public required string Id { get; set; }

    public required string RecordClass { get; set; }

    public long CreatedAt { get; set; }

    public string? ResourceKind { get; set; }

    public string? ResourceId { get; set; }

    public string? Subject { get; set; }

    public string? Interaction { get; set; }

    public string? CaseId { get; set; }

    public string? ClassChangedFrom { get; set; }

    public long? ClassChangedAt { get; set; }

    public string? ClassChangeReason { get; set; }

    /// <summary>The triggers other than creation, as a JSON object of trigger name to ticks.</summary>
    public required string Triggers { get; set; }

    /// <summary>The planned disposal instant; <see langword="null"/> while unknown (never due).</summary>
    public long? DisposeAt { get; set; }

    public string? Action { get; set; }

    public string? RuleName { get; set; }

    /// <summary>
    /// How many active holds reach the item (by its id, subject, interaction or case). Raised and lowered when a hold is
    /// placed or released, counted again when the item is saved; claims look only at items where it is 0.
    /// </summary>
    public int HoldCount { get; set; }

    public bool IsDisposed { get; set; }

    public long? DisposedAt { get; set; }

    public string? DisposedBy { get; set; }

    public string? ClaimedBy { get; set; }

    public long? ClaimExpiresAt { get; set; }

    public long? DestructionStartedAt { get; set; }

    /// <summary>The item's version, the concurrency token: raised by saves, by beginning destruction and by disposal.</summary>
    public long Version { get; set; }
}

/// <summary>One legal hold, active until released; numbered per tenant in the order placed.</summary>
internal sealed class LegalHoldRow
{
    public const string Table = "contactkit_legal_holds";

    public required string Tenant { get; set; }

    public required string Id { get; set; }

    /// <summary>The order the tenant's holds were placed in, from 1.</summary>
    public long Position { get; set; }

    /// <summary>What the hold covers: <c>item</c>, <c>subject</c>, <c>interaction</c> or <c>case</c>.</summary>
    public required string TargetScope { get; set; }

    public required string TargetId { get; set; }

    public required string Reason { get; set; }

    public required string PlacedBy { get; set; }

    public long PlacedAt { get; set; }

    public bool IsActive { get; set; }

    public string? ReleasedBy { get; set; }

    public long? ReleasedAt { get; set; }

    /// <summary>The hold's version, the concurrency token: 1 when placed, 2 once released.</summary>
    public long Version { get; set; }
}

internal static partial class ContactKitModel
{
    static partial void ConfigureRetention(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RetainedItemRow>(e =>
        {
            e.ToTable(RetainedItemRow.Table);
            e.HasKey(r => new { r.Tenant, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();

            // Claiming is a range scan of this index: equality on tenant, not disposed and no hold, then disposal order.
            e.HasIndex(r => new { r.Tenant, r.IsDisposed, r.HoldCount, r.DisposeAt, r.Id });

            // Placing or releasing a hold finds the items it reaches through these.
            e.HasIndex(r => new { r.Tenant, r.Subject });
            e.HasIndex(r => new { r.Tenant, r.Interaction });
            e.HasIndex(r => new { r.Tenant, r.CaseId });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.RecordClass, 64);
            Text(e, r => r.ResourceKind, 100);
            Text(e, r => r.ResourceId, 200);
            Text(e, r => r.Subject, 128);
            Text(e, r => r.Interaction, 128);
            Text(e, r => r.CaseId, 128);
            Text(e, r => r.ClassChangedFrom, 64);
            Text(e, r => r.Action, 32);
            Text(e, r => r.RuleName, 200);
            Text(e, r => r.DisposedBy, 128);
            Text(e, r => r.ClaimedBy, 128);
            e.Property(r => r.Triggers).IsRequired();
        });

        modelBuilder.Entity<LegalHoldRow>(e =>
        {
            e.ToTable(LegalHoldRow.Table);
            e.HasKey(r => new { r.Tenant, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.Position }).IsUnique();

            // The active holds on a target are one index seek.
            e.HasIndex(r => new { r.Tenant, r.TargetScope, r.TargetId, r.IsActive });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.TargetScope, 16);
            Text(e, r => r.TargetId, 128);
            Text(e, r => r.PlacedBy, 128);
            Text(e, r => r.ReleasedBy, 128);
            e.Property(r => r.Reason).IsRequired();
        });
    }
}
