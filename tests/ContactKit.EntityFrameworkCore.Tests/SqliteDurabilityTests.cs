using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>A host chooses how its embedded SQLite database waits for the disk, and every store's connection follows it.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private readonly string _folder = Directory.CreateTempSubdirectory("contactkit-durability-").FullName;

    [SkippableTheory]
    [InlineData(SqliteDurability.Normal, 1)]
    [InlineData(SqliteDurability.Full, 2)] // SQLite's own default, unchanged
    public async Task UseSqliteDurability_StoresWriteAndReadBack_EachConnectionHasTheWriteAheadLogAndTheChosenWait(SqliteDurability durability, long synchronous)
    {
        var path = Path.Combine(_folder, $"{durability}.db");
        await using (var services = Host(path, durability))
        {
            await services.MigrateContactKitAsync();
            await services.GetRequiredService<IAuditTrail>().AppendAsync(Entry("first"));

            await using var context = await services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContextAsync();
            await context.Database.OpenConnectionAsync();
            Assert.Equal("wal", await PragmaAsync(context, "journal_mode")); // as EF Core creates a SQLite database
            Assert.Equal(synchronous, await PragmaAsync(context, "synchronous"));
        }

        SqliteConnection.ClearAllPools();

        // What was committed is there for a host opened afterwards, whatever its own choice.
        await using var reopened = Host(path, SqliteDurability.Full);
        Assert.Equal(["first"], (await reopened.GetRequiredService<IAuditTrail>().ReadByTenantAsync(Tenant).ToListAsync()).Select(e => e.Action));
    }

    [SkippableFact]
    public void UseSqliteDurability_UndefinedValue_IsRefusedNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DbContextOptionsBuilder().UseSqliteDurability((SqliteDurability)7));

        Assert.Equal("durability", error.ParamName);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ServiceProvider Host(string path, SqliteDurability durability)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(o => o.UseSqlite($"Data Source={path}").UseSqliteDurability(durability));
        return services.BuildServiceProvider();
    }

    private static async Task<object?> PragmaAsync(DbContext context, string name)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return await command.ExecuteScalarAsync();
    }

    private static AuditEntry Entry(string action) => new()
    {
        Tenant = Tenant,
        OccurredAt = Instant.FromUtc(2026, 3, 2, 9, 0),
        Actor = ActorId.Parse("officer"),
        Action = action,
        Resource = ResourceRef.Recording(RecordingId.Parse("rec-1")),
    };
}
