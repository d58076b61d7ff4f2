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

/// <summary>One thing a subject told us about direct marketing, as JSON in the consent contract, numbered per subject from 1. Append-only.</summary>
internal sealed class MarketingEventRow
{
    public const string Table = "contactkit_marketing_events";

    public required string Tenant { get; set; }

    public required string Subject { get; set; }

    public int Position { get; set; }

    public int ContractVersion { get; set; }

    public required string Json { get; set; }
}

/// <summary>
/// The latest screening of one number on one calling list against the TPS and CTPS registers. Replaced by a later
/// screening; the date is kept as its day number, so that dates compare as numbers on every provider.
/// </summary>
internal sealed class TelephoneScreeningRow
{
    public const string Table = "contactkit_telephone_screenings";

    public required string Tenant { get; set; }

    public required string List { get; set; }

    /// <summary>The number's E.164 digits, country code first.</summary>
    public long Number { get; set; }

    /// <summary>The registers it was found on (<c>TelephonePreferenceRegisters</c> flags).</summary>
    public int Registers { get; set; }

    /// <summary>The screening's date as <see cref="DateOnly.DayNumber"/>.</summary>
    public int ScreenedOn { get; set; }

    public long Version { get; set; }
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

        modelBuilder.Entity<MarketingEventRow>(e =>
        {
            e.ToTable(MarketingEventRow.Table);
            e.HasKey(r => new { r.Tenant, r.Subject, r.Position });
            e.Property(r => r.Position).ValueGeneratedNever();
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Subject, 128);
            e.Property(r => r.Json).IsRequired();
        });

        modelBuilder.Entity<TelephoneScreeningRow>(e =>
        {
            e.ToTable(TelephoneScreeningRow.Table);
            e.HasKey(r => new { r.Tenant, r.List, r.Number });
            e.Property(r => r.Number).ValueGeneratedNever();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.List, r.ScreenedOn }); // what goes stale is a range of dates
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.List, Identifier.MaxLength);
        });
    }
}
