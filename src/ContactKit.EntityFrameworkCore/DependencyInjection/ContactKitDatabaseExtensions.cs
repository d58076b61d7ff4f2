using ContactKit;
using ContactKit.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Applies the migrations that ship with ContactKit.EntityFrameworkCore to the database of ContactKit's own context
/// (<see cref="ContactKitDbContext"/>, registered by <c>AddEntityFrameworkCoreStores(o =&gt; o.UseSqlite(...))</c> or
/// <c>o.UseNpgsql(...)</c>), or gives their SQL for a database administrator to apply. A host that adds ContactKit's
/// tables to its own context (<c>modelBuilder.UseContactKit()</c>) makes and applies its own migrations instead.
/// </summary>
public static class ContactKitDatabaseExtensions
{
    /// <summary>
    /// Brings the database up to the schema of this release, applying the migrations it has not had yet; a database
    /// already up to date is left as it is. Call it once at start-up, before the stores are used.
    /// </summary>
    /// <param name="services">The host's services, with ContactKit's EF Core stores registered over <see cref="ContactKitDbContext"/>.</param>
    /// <param name="cancellationToken">Cancels the migration between steps.</param>
    /// <returns>A task that completes once the schema is current.</returns>
    /// <exception cref="ContactKitException"><see cref="EntityFrameworkCoreErrorCodes.UnsupportedProvider"/> when the context uses a provider ContactKit ships no migrations for.</exception>
    public static async Task MigrateContactKitAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var context = MigrationContext(services);
        await using (context.ConfigureAwait(false))
        {
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The SQL that brings a database of the context's provider to the schema of this release. On PostgreSQL it is
    /// idempotent (each migration runs only where the migrations history table says it has not), so it takes a database
    /// of any earlier release, or an empty one; SQLite cannot run such a script, so there it takes an empty database.
    /// </summary>
    /// <param name="services">The host's services, with ContactKit's EF Core stores registered over <see cref="ContactKitDbContext"/>.</param>
    /// <returns>The script.</returns>
    /// <exception cref="ContactKitException"><see cref="EntityFrameworkCoreErrorCodes.UnsupportedProvider"/> when the context uses a provider ContactKit ships no migrations for.</exception>
    public static string GenerateContactKitMigrationScript(this IServiceProvider services)
    {
        using var context = MigrationContext(services);
        var options = context is ContactKitPostgresContext ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default;
        return context.Database.GetService<IMigrator>().GenerateScript(options: options);
    }

    // The provider's own context, on the connection the host configured for ContactKit's context.
    private static ContactKitDbContext MigrationContext(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var configured = services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContext();
        var connection = configured.Database.GetConnectionString();
        return configured.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => new ContactKitSqliteContext(new DbContextOptionsBuilder<ContactKitSqliteContext>().UseSqlite(connection).Options),
            "Npgsql.EntityFrameworkCore.PostgreSQL" => new ContactKitPostgresContext(new DbContextOptionsBuilder<ContactKitPostgresContext>().UseNpgsql(connection).Options),
            var other => throw new ContactKitException(new ContactKitError(
                EntityFrameworkCoreErrorCodes.UnsupportedProvider,
                $"ContactKit ships migrations for SQLite and PostgreSQL, not for the provider {other ?? "(none)"}; add ContactKit's tables to a context of your own with modelBuilder.UseContactKit() and make its migrations with dotnet ef.",
                "provider")),
        };
    }
}
