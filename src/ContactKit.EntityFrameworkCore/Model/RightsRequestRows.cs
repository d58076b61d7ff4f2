using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>One rights request with its history, as JSON in the data-subjects contract, versioned.</summary>
internal sealed class RightsRequestRow
{
    public const string Table = "contactkit_rights_requests";

    public required string Tenant { get; set; }

    public required string Id { get; set; }

    /// <summary>The order the tenant's requests were added in, from 1.</summary>
    public long Position { get; set; }

    public required string Subject { get; set; }

    public bool IsOpen { get; set; }

    /// <summary>The statutory due date, as an ISO date (<c>yyyy-MM-dd</c>), which sorts as the dates do.</summary>
    public required string DueOn { get; set; }

    public long Version { get; set; }

    public int ContractVersion { get; set; }

    public required string Json { get; set; }
}

internal static partial class ContactKitModel
{
    static partial void ConfigureRightsRequests(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<RightsRequestRow>(e =>
        {
            e.ToTable(RightsRequestRow.Table);
            e.HasKey(r => new { r.Tenant, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.Position }).IsUnique();
            e.HasIndex(r => new { r.Tenant, r.Subject, r.Position });
            e.HasIndex(r => new { r.Tenant, r.IsOpen, r.DueOn });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.Subject, 128);
            Text(e, r => r.DueOn, 10);
            e.Property(r => r.Json).IsRequired();
        });
}
