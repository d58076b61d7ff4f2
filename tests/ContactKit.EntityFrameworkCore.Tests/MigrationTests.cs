using ContactKit.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>The migrations that ship with the package: they match the model, and they are how a host gets its schema.</summary>
public sealed class MigrationTests
{
    [SkippableFact]
    public void ShippedMigrations_OnEachProvider_DescribeTheWholeModel()
    {
        using var sqlite = new ContactKitSqliteContext(new DbContextOptionsBuilder<ContactKitSqliteContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new ContactKitPostgresContext(new DbContextOptionsBuilder<ContactKitPostgresContext>().UseNpgsql("Host=localhost").Options);

        // A model change with no migration fails here: run `bash eng/migrations.sh <Name>` (docs/storage.md).
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite migrations do not match the model.");
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL migrations do not match the model.");
    }

    [SkippableFact]
    public async Task MigrateContactKitAsync_NewSqliteFile_CreatesEveryTableAndAgainChangesNothing()
    {
        using var folder = new TemporaryFolder();
        await using var services = Host($"Data Source={folder.File("contactkit.db")}");

        await services.MigrateContactKitAsync();
        await services.MigrateContactKitAsync();

        await using var context = await services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var tables = await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.All(ModelTables(context), table => Assert.Contains(table, tables));
    }

    [SkippableFact]
    public async Task GenerateContactKitMigrationScript_SqliteScriptAppliedByHand_GivesAWorkingSchemaWithNothingPending()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("by-hand.db");
        await using var services = Host($"Data Source={path}");

        var script = services.GenerateContactKitMigrationScript();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = script;
            await command.ExecuteNonQueryAsync();
        }

        await using var context = await services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var store = services.GetRequiredService<IRetentionStore>();
        var tenant = TenantId.Parse("council");
        Assert.Empty(await store.ReadAllAsync(tenant).ToListAsync());
    }

    internal static IEnumerable<string> ModelTables(DbContext context) =>
        context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();

    private static ServiceProvider Host(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(o => o.UseSqlite(connectionString));
        return services.BuildServiceProvider();
    }

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("contactkit-migrations-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_path, recursive: true);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    private const int LongestId = 128; // the longest id ContactKit accepts
    [SkippableFact]
    public async Task MigrateContactKitAsync_NewPostgresDatabase_AppliesEveryMigrationAndAgainChangesNothing()
    {
        var database = postgres.Database(nameof(PostgresMigrationTests)); // migrated when first used, as a host does at start-up
        await database.Services.MigrateContactKitAsync();

        await using var context = database.NewContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
        var tables = await context.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.All(MigrationTests.ModelTables(context), table => Assert.Contains(table, tables));
    }

    [SkippableFact]
    public async Task Columns_LongestIdsTheVocabularyAllows_AreStoredWhole()
    {
        // PostgreSQL enforces column lengths: a tenant, subject or recording id of the longest allowed length fits.
        var services = postgres.Database(nameof(PostgresMigrationTests)).Services;
        var tenant = TenantId.Parse(new string('t', LongestId));
        var subject = DataSubjectId.Parse(new string('s', LongestId));
        var audit = services.GetRequiredService<IAuditTrail>();

        await audit.AppendAsync(new AuditEntry
        {
            Tenant = tenant, OccurredAt = NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0), Actor = ActorId.Parse("officer"), Action = "subject.viewed",
            Resource = ResourceRef.Recording(RecordingId.Parse(new string('r', LongestId))), Subject = subject,
        });

        Assert.Single(await audit.ReadBySubjectAsync(tenant, subject).ToListAsync());
    }

    [SkippableFact]
    public void GenerateContactKitMigrationScript_Postgres_IsIdempotent()
    {
        var script = postgres.Database(nameof(PostgresMigrationTests)).Services.GenerateContactKitMigrationScript();

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE contactkit_retained_items", script, StringComparison.Ordinal);
    }
}
