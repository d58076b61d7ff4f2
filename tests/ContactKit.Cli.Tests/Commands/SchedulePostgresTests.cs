using ContactKit.EntityFrameworkCore.Tests;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Cli.Tests.Commands;

/// <summary>
/// <c>schedule dry-run</c> against a real PostgreSQL database written by ContactKit.EntityFrameworkCore's stores, on the
/// private server the EF Core tests' fixture starts (or the one <c>CONTACTKIT_POSTGRES</c> names).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchedulePostgresTests(PostgresFixture postgres)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 9, 0);
    private static readonly TenantId Tenant = TenantId.Parse("example-council");

    [SkippableFact]
    public async Task DryRun_PostgresConnectionString_CountsWhatThePolicyMovesAndChangesNothing()
    {
        var database = postgres.Database(nameof(SchedulePostgresTests));
        database.Fresh<IRetentionStore>();
        await SeedAsync(database.ConnectionString);
        var before = await StoredAsync(database);

        var result = await CliRun.RunAsync(
            e => e with { Clock = new FakeClock(Now) },
            "schedule", "dry-run", CliRun.Policy("schedule.policy.json"), "--database", database.ConnectionString, "--json", "--allow-shortening");
        var json = result.Json;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(3, json.GetProperty("items").GetInt32());
        Assert.Equal(1, json.GetProperty("earlier").GetInt32());
        Assert.Equal(1, json.GetProperty("later").GetInt32());
        Assert.Equal(1, json.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, await StoredAsync(database));
    }

    [SkippableFact]
    public async Task DryRun_ServerRefusesTheConnection_ExitsTwoWithoutRepeatingTheConnectionString()
    {
        var refused = "Host=127.0.0.1;Port=1;Database=none;Username=nobody;Password=not-this-one;Timeout=5";

        var result = await CliRun.RunAsync("schedule", "dry-run", CliRun.Policy("schedule.policy.json"), "--database", refused);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("contactkit: error: --database (the PostgreSQL database) cannot be read as a ContactKit store: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-this-one", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(string connectionString)
    {
        var older = new RetentionSchedule
        {
            Name = "older",
            Rules = [Rule(RecordClass.Enquiry, 3), Rule(RecordClass.Complaint, 1), Rule(RecordClass.CaseRecord, 6)],
        };
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddContactKit().AddRetention(o => o.Schedule = older).AddEntityFrameworkCoreStores(o => o.UseNpgsql(connectionString));
        await using var provider = services.BuildServiceProvider();
        var tracking = provider.GetRequiredService<RetentionService>();
        foreach (var (id, recordClass) in new[] { ("enq-1", RecordClass.Enquiry), ("cmp-1", RecordClass.Complaint), ("case-1", RecordClass.CaseRecord) })
        {
            var tracked = await tracking.TrackAsync(new RetainedItem { Tenant = Tenant, Id = RetainedItemId.Parse(id), RecordClass = recordClass, CreatedAt = Now - Duration.FromDays(30) });
            Assert.True(tracked.IsSuccess);
        }
    }

    // What a write would change: each item's disposal instant, rule and version.
    private static async Task<List<(RetainedItemId, Instant?, string?, long)>> StoredAsync(PostgresDatabase database)
    {
        var items = new List<(RetainedItemId, Instant?, string?, long)>();
        await foreach (var item in database.Services.GetRequiredService<IRetentionStore>().ReadAllAsync(Tenant))
        {
            items.Add((item.Id, item.DisposeAt, item.RuleName, item.Version));
        }

        return items;
    }

    private static RetentionRule Rule(RecordClass recordClass, int years) => new()
    {
        Name = $"{recordClass}.created",
        RecordClass = recordClass,
        Trigger = RetentionTrigger.Created,
        Period = Period.FromYears(years),
        Action = DisposalAction.Delete,
        Reason = RetentionReason.LegitimateInterests,
    };
}
