using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>One consent record of the ledger, as JSON in the consent contract, numbered per tenant. Append-only.</summary>
internal sealed class ConsentRecordRow
{
    public const string Table = "contactkit_consent_records";

    public required string Tenant { get; set; }

    public long Sequence { get; set; }

    public required string Id { get; set; }

    public required string Subject { get; set; }

    public int ContractVersion { get; set; }

    public required string Json { get; set; }
}

/// <summary>
/// What one consent record covers: a purpose (with an empty category) or a purpose and a data category. The latest
/// record for a subject and purpose is the one index seek on this table. Append-only, written with its record.
/// </summary>
internal sealed class ConsentCoverageRow
{
    public const string Table = "contactkit_consent_coverage";

    public required string Tenant { get; set; }

    public required string Subject { get; set; }

    public required string Purpose { get; set; }

    public required string Category { get; set; }

    public long Sequence { get; set; }
}

internal static partial class ContactKitModel
{
    static partial void ConfigureConsent(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsentRecordRow>(e =>
        {
            e.ToTable(ConsentRecordRow.Table);
            e.HasKey(r => new { r.Tenant, r.Sequence });
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.HasIndex(r => new { r.Tenant, r.Id }).IsUnique();
            e.HasIndex(r => new { r.Tenant, r.Subject, r.Sequence });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.Subject, 128);
            e.Property(r => r.Json).IsRequired();
        });

        modelBuilder.Entity<ConsentCoverageRow>(e =>
        {
            e.ToTable(ConsentCoverageRow.Table);
            e.HasKey(r => new { r.Tenant, r.Subject, r.Purpose, r.Category, r.Sequence });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Subject, 128);
            Text(e, r => r.Purpose, 128);
            Text(e, r => r.Category, 200);
        });
    }
}
