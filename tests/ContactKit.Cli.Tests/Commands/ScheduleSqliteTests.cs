using System.Security.Cryptography;
using ContactKit.EntityFrameworkCore;
using ContactKit.Retention;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Cli.Tests.Commands;

/// <summary><c>schedule dry-run</c> against a real SQLite file written by ContactKit.EntityFrameworkCore's stores.</summary>
public sealed class ScheduleSqliteTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 9, 0);
    private static readonly TenantId Tenant = TenantId.Parse("example-council");
    private readonly TempFile _database = TempFile.Write(string.Empty, "contactkit.db");

    [Fact]
    public async Task DryRun_SqliteFile_CountsWhatThePolicyMovesAndLeavesTheFileAsItWas()
    {
        await SeedAsync();
        var before = SHA256.HashData(File.ReadAllBytes(_database.Path));

        var result = await CliRun.RunAsync(
            e => e with { Clock = new FakeClock(Now) },
            "schedule", "dry-run", CliRun.Policy("schedule.policy.json"), "--database", _database.Path, "--json");
        var json = result.Json;

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(3, json.GetProperty("items").GetInt32());
        Assert.Equal("retroactive", json.GetProperty("mode").GetString());
        Assert.Equal(0, json.GetProperty("earlier").GetInt32()); // the enquiry the policy would bring forward keeps its date
        Assert.Equal(1, json.GetProperty("kept_by_no_shortening").GetInt32());
        Assert.Equal(1, json.GetProperty("later").GetInt32());
        Assert.Equal(2, json.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(_database.Path)));
    }

    [Fact]
    public async Task DryRun_SqliteFileWithoutContactKitTables_ExitsTwoNamingTheFile()
    {
        var result = await CliRun.RunAsync("schedule", "dry-run", CliRun.Policy("schedule.policy.json"), "--database", _database.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"contactkit: error: --database {_database.Path} cannot be read as a ContactKit store: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }

    // Enquiries kept 3 years, complaints 1 and case records 6, as a host running that schedule stored them.
    private async Task SeedAsync()
    {
        var older = new RetentionSchedule
        {
            Name = "older",
            Rules = [Rule(RecordClass.Enquiry, 3), Rule(RecordClass.Complaint, 1), Rule(RecordClass.CaseRecord, 6)],
        };
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddContactKit().AddRetention(o => o.Schedule = older).AddEntityFrameworkCoreStores(o => o.UseSqlite($"Data Source={_database.Path}"));
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateContactKitAsync();

        var tracking = provider.GetRequiredService<RetentionService>();
        foreach (var (id, recordClass) in new[] { ("enq-1", RecordClass.Enquiry), ("cmp-1", RecordClass.Complaint), ("case-1", RecordClass.CaseRecord) })
        {
            var tracked = await tracking.TrackAsync(new RetainedItem { Tenant = Tenant, Id = RetainedItemId.Parse(id), RecordClass = recordClass, CreatedAt = Now - Duration.FromDays(30) });
            Assert.True(tracked.IsSuccess);
        }

        SqliteConnection.ClearAllPools();
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
