using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactKit.EntityFrameworkCore;

/// <summary>Adds ContactKit's tables to an EF Core model: one configuration per entity, snake-case table and column names.</summary>
internal static partial class ContactKitModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable(AuditEntryRow.Table);
            e.HasKey(r => new { r.Tenant, r.Sequence });
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.HasIndex(r => new { r.Tenant, r.ResourceKind, r.ResourceId, r.Sequence });
            e.HasIndex(r => new { r.Tenant, r.Subject, r.Sequence });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Action, 200);
            Text(e, r => r.ResourceKind, 100);
            Text(e, r => r.ResourceId, 200);
            Text(e, r => r.Subject, Identifier.MaxLength);
            e.Property(r => r.Json).IsRequired();
        });

        modelBuilder.Entity<RecordingSessionRow>(e =>
        {
            e.ToTable(RecordingSessionRow.Table);
            e.HasKey(r => new { r.Tenant, r.Recording });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.SecurePauseSince }); // the deadline watch's open secure pauses
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Recording, Identifier.MaxLength);
        });

        modelBuilder.Entity<RecordingEventRow>(e =>
        {
            e.ToTable(RecordingEventRow.Table);
            e.HasKey(r => new { r.Tenant, r.Recording, r.Version });
            e.Property(r => r.Version).ValueGeneratedNever();
            e.HasIndex(r => new { r.Tenant, r.Recording, r.EventId }).IsUnique();
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Recording, Identifier.MaxLength);
            Text(e, r => r.EventId, 128);
            e.Property(r => r.Json).IsRequired();
        });

        ConfigureConsent(modelBuilder);
        ConfigureRightsRequests(modelBuilder);
        ConfigureRetention(modelBuilder);
        ConfigureInteractions(modelBuilder);
        SnakeCaseColumns(modelBuilder);
    }

    // Further entities are configured in the files beside this one, with their rows.
    static partial void ConfigureConsent(ModelBuilder modelBuilder);

    static partial void ConfigureRightsRequests(ModelBuilder modelBuilder);

    static partial void ConfigureRetention(ModelBuilder modelBuilder);

    static partial void ConfigureInteractions(ModelBuilder modelBuilder);

    internal static void Text<T>(EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, string?>> property, int length)
        where T : class => entity.Property(property).HasMaxLength(length);

    // Column names in snake case, so that the raw SQL kept beside the stores reads the same on every provider.
    private static void SnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || !table.StartsWith("contactkit_", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
