using System.Diagnostics.CodeAnalysis;
using ContactKit.Consent;
using CsCheck;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="ICallingListScreeningStore"/> must show: a number keeps its latest screening whatever
/// the order screenings arrive in, lists and tenants never meet, a withdrawn list is gone, and what goes stale agrees with
/// a <see cref="MarketingCallIndex"/> built from the same screenings. Inherit it and return a fresh, empty store from
/// <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class CallingListScreeningStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly LocalDate Today = new(2026, 3, 31);
    private static readonly TelephoneNumber[] Numbers = [.. Enumerable.Range(1, 4).Select(i => TelephoneNumber.Parse($"07700 90000{i}"))];
    private static int _generatedTenants;

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract ICallingListScreeningStore CreateStore();

    /// <summary>How many generated sequences the property test checks; a store over a database may check fewer.</summary>
    protected virtual int GeneratedSequences => 2_000;

    /// <summary>A later screening replaces what a number's last one said; an earlier one, arriving late, changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task RecordAsync_LaterThenEarlierScreening_KeepsTheLater()
    {
        var store = CreateStore();
        var number = Numbers[0];

        await store.RecordAsync(TenantA, "spring", [new(number, TelephonePreferenceRegisters.None, Today.PlusDays(-30))]);
        await store.RecordAsync(TenantA, "spring", [new(number, TelephonePreferenceRegisters.Tps, Today)]);
        var late = await store.RecordAsync(TenantA, "spring", [new(number, TelephonePreferenceRegisters.None, Today.PlusDays(-10))]);

        Assert.Equal(1, late.Value);
        Assert.Equal(new TelephoneScreening(number, TelephonePreferenceRegisters.Tps, Today), (await store.GetAsync(TenantA, "spring", number)).Value);
    }

    /// <summary>A number given twice in one write keeps its later screening, and the list reads back by number.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task RecordAsync_OneWriteNamingANumberTwice_KeepsTheLaterAndReadsByNumber()
    {
        var store = CreateStore();

        await store.RecordAsync(TenantA, "spring", [
            new(Numbers[2], TelephonePreferenceRegisters.Ctps, Today),
            new(Numbers[0], TelephonePreferenceRegisters.Tps, Today),
            new(Numbers[0], TelephonePreferenceRegisters.None, Today.PlusDays(-1)),
        ]);

        var read = await store.ReadAsync(TenantA, "spring").ToListAsync();

        Assert.Equal([new(Numbers[0], TelephonePreferenceRegisters.Tps, Today), new TelephoneScreening(Numbers[2], TelephonePreferenceRegisters.Ctps, Today)], read);
    }

    /// <summary>A list name that is not an id, or a screening with no number, is refused naming the field, and nothing of the write is kept.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task RecordAsync_InvalidNameOrScreening_RefusedAndNothingRecorded()
    {
        var store = CreateStore();

        var badName = await store.RecordAsync(TenantA, "spring list!", [new(Numbers[0], TelephonePreferenceRegisters.None, Today)]);
        var badScreening = await store.RecordAsync(TenantA, "spring", [new(Numbers[0], TelephonePreferenceRegisters.None, Today), new(default, TelephonePreferenceRegisters.None, Today)]);
        var badRegisters = await store.RecordAsync(TenantA, "spring", [new(Numbers[0], (TelephonePreferenceRegisters)4, Today)]);

        Assert.Equal((ErrorCodes.InvalidId, "calling list name"), (badName.Error?.Code, badName.Error?.Field));
        Assert.Equal((ConsentErrorCodes.InvalidScreening, "screenings[1].Number"), (badScreening.Error?.Code, badScreening.Error?.Field));
        Assert.Equal((ConsentErrorCodes.InvalidScreening, "screenings[0].Registers"), (badRegisters.Error?.Code, badRegisters.Error?.Field));
        Assert.Empty(await store.ReadListsAsync(TenantA).ToListAsync());
    }

    /// <summary>One tenant never reads another's screenings, and one list never another's, even for the same number and name.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reads_OtherTenantOrList_NeverSeeTheScreenings()
    {
        var store = CreateStore();
        await store.RecordAsync(TenantA, "spring", [new(Numbers[0], TelephonePreferenceRegisters.Tps, Today)]);
        await store.RecordAsync(TenantB, "autumn", [new(Numbers[1], TelephonePreferenceRegisters.None, Today)]);

        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantB, "spring", Numbers[0])).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantA, "autumn", Numbers[0])).Error?.Code);
        Assert.Empty(await store.ReadAsync(TenantB, "spring").ToListAsync());
        Assert.Equal(["spring"], await store.ReadListsAsync(TenantA).ToListAsync());
        Assert.Equal(0, (await store.GoingStaleAsync(TenantB, "spring", Today.PlusDays(27), 5, 28)).Count);
    }

    /// <summary>Withdrawing a list removes its screenings and nothing else; withdrawing it again finds nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task WithdrawAsync_RemovesThatListOnly()
    {
        var store = CreateStore();
        await store.RecordAsync(TenantA, "spring", [new(Numbers[0], TelephonePreferenceRegisters.None, Today)]);
        await store.RecordAsync(TenantA, "summer", [new(Numbers[0], TelephonePreferenceRegisters.None, Today)]);
        await store.RecordAsync(TenantB, "spring", [new(Numbers[0], TelephonePreferenceRegisters.None, Today)]);

        Assert.True(await store.WithdrawAsync(TenantA, "spring"));
        Assert.False(await store.WithdrawAsync(TenantA, "spring"));

        Assert.Equal(["summer"], await store.ReadListsAsync(TenantA).ToListAsync());
        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantA, "spring", Numbers[0])).Error?.Code);
        Assert.True((await store.GetAsync(TenantB, "spring", Numbers[0])).IsSuccess);
    }

    /// <summary>Screenings 20, 25 and 40 days old with a 28-day validity and a 5-day window: the 25-day one goes stale in 4 days.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GoingStaleAsync_ScreeningsOfSeveralAges_CountsThoseValidTodayThatLapseInTheWindow()
    {
        var store = CreateStore();
        await store.RecordAsync(TenantA, "spring", [
            new(Numbers[0], TelephonePreferenceRegisters.None, Today.PlusDays(-20)),
            new(Numbers[1], TelephonePreferenceRegisters.Tps, Today.PlusDays(-25)),
            new(Numbers[2], TelephonePreferenceRegisters.None, Today.PlusDays(-40)),
        ]);

        var stale = await store.GoingStaleAsync(TenantA, "spring", Today, withinDays: 5, validityDays: 28);

        Assert.Equal(new ScreeningsGoingStale(1, Today.PlusDays(4)), stale);
    }

    /// <summary>Eight threads screening one number on different days at once leave the latest screening, every time.</summary>
    [SkippableFact]
    public void RecordAsync_OneNumberFromEightThreads_TheLatestScreeningWins()
    {
        const int threads = 8;
        var store = CreateStore();
        for (var round = 0; round < 10; round++)
        {
            var list = $"round-{round}";
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                var recorded = store.RecordAsync(TenantA, list, [new(Numbers[0], (TelephonePreferenceRegisters)(t % 3), Today.PlusDays(-t))]).AsTask().GetAwaiter().GetResult();
                Assert.True(recorded.IsSuccess);
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            Assert.Equal(new TelephoneScreening(Numbers[0], TelephonePreferenceRegisters.None, Today), store.GetAsync(TenantA, list, Numbers[0]).AsTask().GetAwaiter().GetResult().Value);
        }
    }

    /// <summary>
    /// For generated sequences of writes (screenings of four numbers on two lists of two tenants, dated over 40 days, in
    /// any order) and withdrawals, after every step each number's screening, each list's screenings, the lists, and what
    /// goes stale agree with a model of the rules and with a <see cref="MarketingCallIndex"/> built from it.
    /// </summary>
    [SkippableFact]
    public void Store_GeneratedWritesAndWithdrawals_AgreeWithTheModelAfterEveryStep()
    {
        string[] lists = ["spring", "autumn"];
        var screening = Gen.Select(Gen.Int[0, Numbers.Length - 1], Gen.Int[0, 3], Gen.Int[0, 40]);
        var step = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 9], screening.Array[0, 3]);
        var check = Gen.Select(Gen.Int[0, 45], Gen.Int[0, 10], Gen.Int[0, 30]);
        var store = CreateStore();
        Gen.Select(step.Array[1, 6], check).Sample(t =>
        {
            var (steps, (ahead, window, validity)) = t;
            var run = Interlocked.Increment(ref _generatedTenants);
            TenantId[] tenants = [TenantId.Parse($"gen-{run}-a"), TenantId.Parse($"gen-{run}-b")];
            var model = new Dictionary<(int Tenant, string List, ulong Digits), TelephoneScreening>();
            foreach (var (tenant, list, action, written) in steps)
            {
                if (action == 0)
                {
                    Assert.Equal(model.Keys.Any(k => k.Tenant == tenant && k.List == lists[list]), store.WithdrawAsync(tenants[tenant], lists[list]).AsTask().GetAwaiter().GetResult());
                    foreach (var key in model.Keys.Where(k => k.Tenant == tenant && k.List == lists[list]).ToList())
                    {
                        model.Remove(key);
                    }
                }
                else
                {
                    var batch = written.Select(s => new TelephoneScreening(Numbers[s.Item1], (TelephonePreferenceRegisters)s.Item2, Today.PlusDays(-s.Item3))).ToList();
                    Assert.Equal(batch.Count, store.RecordAsync(tenants[tenant], lists[list], batch).AsTask().GetAwaiter().GetResult().Value);
                    foreach (var s in batch)
                    {
                        var key = (tenant, lists[list], s.Number.Digits);
                        if (!model.TryGetValue(key, out var stored) || stored.ScreenedOn <= s.ScreenedOn)
                        {
                            model[key] = s;
                        }
                    }

                    foreach (var number in Numbers)
                    {
                        var got = store.GetAsync(tenants[tenant], lists[list], number).AsTask().GetAwaiter().GetResult();
                        Assert.Equal(model.GetValueOrDefault((tenant, lists[list], number.Digits)), got.IsSuccess ? got.Value : null);
                    }
                }

                for (var ti = 0; ti < tenants.Length; ti++)
                {
                    Assert.Equal(
                        lists.Where(l => model.Keys.Any(k => k.Tenant == ti && k.List == l)).Order(StringComparer.Ordinal),
                        store.ReadListsAsync(tenants[ti]).ToListAsync().AsTask().GetAwaiter().GetResult());
                    foreach (var l in lists)
                    {
                        var expected = model.Where(e => e.Key.Tenant == ti && e.Key.List == l).OrderBy(e => e.Key.Digits).Select(e => e.Value).ToList();
                        Assert.Equal(expected, store.ReadAsync(tenants[ti], l).ToListAsync().AsTask().GetAwaiter().GetResult());
                        var index = expected.Aggregate(new MarketingCallIndex.Builder(), (b, s) => b.AddScreening(s.Number, s.Registers, s.ScreenedOn)).Build(validity);
                        var day = Today.PlusDays(ahead - 40);
                        Assert.Equal(index.GoingStale(day, window), store.GoingStaleAsync(tenants[ti], l, day, window, validity).AsTask().GetAwaiter().GetResult());
                    }
                }
            }
        }, iter: GeneratedSequences);
    }
}
