using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Cli.Tests.Commands;

/// <summary>
/// <c>schedule dry-run</c> over a store seeded under an older schedule (enquiries kept 3 years, complaints 1, case
/// records 6) while the policy says 2, 2 and 6; the store is the in-memory one behind the tool's store seam.
/// </summary>
public sealed class ScheduleCommandTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 9, 0);
    private static readonly TenantId Tenant = TenantId.Parse("example-council");
    private static readonly string Policy = CliRun.Policy("schedule.policy.json");

    [Fact]
    public async Task DryRun_OlderScheduleInStore_CountsRetroactivelyByDefaultWithoutShortening()
    {
        var store = await SeedAsync();

        var result = await DryRunAsync(store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            Dry run of {0} (example-council privacy policy), retroactive, over 4 stored items of tenant example-council, at 2026-12-03T09:00:00Z:
              unchanged           3  (2 the policy would bring forward keep their date: shortening is not allowed; --allow-shortening moves them)
              earlier             0
              later               1
              held                0
              due now             0
              record class     items unchanged   earlier     later      held
              case_record          1         1         0         0         0
              complaint            1         0         0         1         0
              enquiry              2         2         0         0         0
            Nothing was changed.
            """.Replace("{0}", Policy, StringComparison.Ordinal),
            result.Output.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DryRun_AllowShortening_CountsTheEnquiryPastTwoYearsAsDueNow()
    {
        var store = await SeedAsync();

        var result = await DryRunAsync(store, "--allow-shortening", "--json");
        var json = result.Json;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Policy, json.GetProperty("file").GetString());
        Assert.Equal("example-council", json.GetProperty("tenant").GetString());
        Assert.Equal("example-council privacy policy", json.GetProperty("schedule").GetString());
        Assert.Equal("2026-12-03T09:00:00Z", json.GetProperty("evaluated_at").GetString());
        Assert.Equal("retroactive", json.GetProperty("mode").GetString());
        Assert.True(json.GetProperty("shortening_allowed").GetBoolean());
        Assert.Equal(4, json.GetProperty("items").GetInt32());
        Assert.Equal(1, json.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, json.GetProperty("earlier").GetInt32());
        Assert.Equal(1, json.GetProperty("later").GetInt32());
        Assert.Equal(0, json.GetProperty("kept_by_no_shortening").GetInt32());
        Assert.Equal(1, json.GetProperty("become_due").GetInt32());
        var enquiries = json.GetProperty("by_record_class").GetProperty("enquiry");
        Assert.Equal((2, 2, 0, 0), (enquiries.GetProperty("items").GetInt32(), enquiries.GetProperty("earlier").GetInt32(), enquiries.GetProperty("unchanged").GetInt32(), enquiries.GetProperty("held").GetInt32()));
    }

    [Fact]
    public async Task DryRun_FutureOnly_CountsEveryStoredItemAsKeepingItsDate()
    {
        var store = await SeedAsync();

        var result = await DryRunAsync(store, "--future-only");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(", future only, over 4 stored items", result.Output, StringComparison.Ordinal);
        Assert.Contains("  unchanged           4  (3 keep a date the policy would change: the change is future only)", result.Output, StringComparison.Ordinal);
        Assert.Contains("  earlier             0", result.Output, StringComparison.Ordinal);
        Assert.Contains("  later               0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_FutureOnlyJson_NamesTheModeAndCountsWhatItKeeps()
    {
        var store = await SeedAsync();

        var json = (await DryRunAsync(store, "--future-only", "--json")).Json;

        Assert.Equal("future_only", json.GetProperty("mode").GetString());
        Assert.Equal(4, json.GetProperty("unchanged").GetInt32());
        Assert.Equal(3, json.GetProperty("kept_by_future_only").GetInt32());
        Assert.Equal(0, json.GetProperty("become_due").GetInt32());
    }

    [Fact]
    public async Task DryRun_FutureOnlyWithAllowShortening_ExitsTwoNamingBothOptions()
    {
        var store = await SeedAsync();

        var result = await DryRunAsync(store, "--future-only", "--allow-shortening");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--allow-shortening has no effect with --future-only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_HeldEnquiryWithShortening_KeepsItsDateAndIsCountedHeld()
    {
        var store = await SeedAsync(holdEnquiry: true);

        var json = (await DryRunAsync(store, "--allow-shortening", "--json")).Json;

        Assert.Equal(1, json.GetProperty("held").GetInt32());
        Assert.Equal(1, json.GetProperty("earlier").GetInt32());
        Assert.Equal(1, json.GetProperty("kept_by_hold").GetInt32());
        Assert.Equal(1, json.GetProperty("by_record_class").GetProperty("enquiry").GetProperty("held").GetInt32());
    }

    [Fact]
    public async Task DryRun_ChangesNoStoredItem()
    {
        var store = await SeedAsync();
        var before = await ReadAllAsync(store);

        await DryRunAsync(store, "--allow-shortening");

        Assert.Equal(before, await ReadAllAsync(store));
    }

    [Fact]
    public async Task DryRun_StandardErrorIsATerminal_ShowsHowManyItemsWereRead()
    {
        var store = await SeedAsync(extraEnquiries: 2500);

        var result = await DryRunAsync(store, e => e with { ErrorIsTerminal = true });

        Assert.Contains("\rReading stored items: 1,000", result.Error, StringComparison.Ordinal);
        Assert.Contains("\rReading stored items: 2,000", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("\rReading stored items: 2,504, done.", result.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_StandardErrorRedirected_ShowsNoProgress()
    {
        var store = await SeedAsync(extraEnquiries: 2500);

        var result = await DryRunAsync(store, e => e with { ErrorIsTerminal = false });

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task DryRun_NoDatabase_ExitsTwoNamingTheOption()
    {
        var result = await CliRun.RunAsync("schedule", "dry-run", Policy);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_SqliteFileMissing_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "contactkit-no-such-store.db");

        var result = await CliRun.RunAsync("schedule", "dry-run", Policy, "--database", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"contactkit: error: --database {missing} does not exist;", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_MalformedConnectionString_ExitsTwoWithoutRepeatingIt()
    {
        var result = await CliRun.RunAsync("schedule", "dry-run", Policy, "--database", "Hots=db;Passwrd=secret");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--database is not a PostgreSQL connection string", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_UnknownTimeZone_ExitsTwo()
    {
        var store = await SeedAsync();

        var result = await DryRunAsync(store, "--time-zone", "Europe/Atlantis");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--time-zone Europe/Atlantis is not an IANA time zone id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PolicyKeepingRecordsAsLongAsNeeded_RunsWithTheirYearlyReview()
    {
        var store = await SeedAsync();

        // Bath's contact records are kept "as long as needed": a review a year after the interaction, which no stored
        // item of another tenant is touched by.
        var result = await CliRun.RunAsync(
            e => e with
            {
                Clock = new FakeClock(Now),
                Stores = (builder, _) =>
                {
                    builder.Services.AddSingleton(store.Retention).AddSingleton(store.Audit);
                    return null;
                },
            },
            ["schedule", "dry-run", CliRun.Sample("bath-contact-centre.policy.json"), "--database", "in-memory", "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("bath-nes", result.Json.GetProperty("tenant").GetString());
        Assert.Equal(0, result.Json.GetProperty("items").GetInt32());
    }

    private static Task<CliResult> DryRunAsync(InMemoryStores store, params string[] extra) => DryRunAsync(store, e => e, extra);

    private static Task<CliResult> DryRunAsync(InMemoryStores store, Func<CliEnvironment, CliEnvironment> configure, params string[] extra) =>
        CliRun.RunAsync(
            e => configure(e with
            {
                Clock = new FakeClock(Now),
                Stores = (builder, _) =>
                {
                    builder.Services.AddSingleton(store.Retention).AddSingleton(store.Audit);
                    return null;
                },
            }),
            ["schedule", "dry-run", Policy, "--database", "in-memory", .. extra]);

    // Items tracked under the older schedule, as a host running it would have stored them.
    private static async Task<InMemoryStores> SeedAsync(int extraEnquiries = 0, bool holdEnquiry = false)
    {
        var older = new RetentionSchedule
        {
            Name = "older",
            Rules =
            [
                Rule(RecordClass.Enquiry, Period.FromYears(3)),
                Rule(RecordClass.Complaint, Period.FromYears(1)),
                Rule(RecordClass.CaseRecord, Period.FromYears(6)),
            ],
        };
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));
        services.AddContactKit().AddRetention(o => o.Schedule = older).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var tracking = provider.GetRequiredService<RetentionService>();
        await tracking.TrackAsync(Item("enq-1", RecordClass.Enquiry, Now - Duration.FromDays(30))); // 3 years -> 2: earlier
        await tracking.TrackAsync(Item("enq-2", RecordClass.Enquiry, Now - Duration.FromDays(900))); // past 2 years: earlier, due now
        await tracking.TrackAsync(Item("cmp-1", RecordClass.Complaint, Now - Duration.FromDays(30))); // 1 year -> 2: later
        await tracking.TrackAsync(Item("case-1", RecordClass.CaseRecord, Now - Duration.FromDays(30))); // 6 years both: unchanged
        for (var i = 0; i < extraEnquiries; i++)
        {
            await tracking.TrackAsync(Item($"enq-x{i}", RecordClass.Enquiry, Now - Duration.FromDays(30)));
        }

        if (holdEnquiry)
        {
            await tracking.PlaceHoldAsync(Tenant, HoldTarget.ForItem(RetainedItemId.Parse("enq-1")), "complaint under investigation", ActorId.Parse("legal-team"));
        }

        return new InMemoryStores(provider.GetRequiredService<IRetentionStore>(), provider.GetRequiredService<IAuditTrail>());
    }

    private static RetentionRule Rule(RecordClass recordClass, Period period) => new()
    {
        Name = $"{recordClass}.created",
        RecordClass = recordClass,
        Trigger = RetentionTrigger.Created,
        Period = period,
        Action = DisposalAction.Delete,
        Reason = RetentionReason.LegitimateInterests,
    };

    private static RetainedItem Item(string id, RecordClass recordClass, Instant created) => new()
    {
        Tenant = Tenant,
        Id = RetainedItemId.Parse(id),
        RecordClass = recordClass,
        CreatedAt = created,
    };

    private static async Task<List<StoredRetainedItem>> ReadAllAsync(InMemoryStores store)
    {
        var items = new List<StoredRetainedItem>();
        await foreach (var item in store.Retention.ReadAllAsync(Tenant))
        {
            items.Add(item);
        }

        return items;
    }

    internal sealed record InMemoryStores(IRetentionStore Retention, IAuditTrail Audit);
}
