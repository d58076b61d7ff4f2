using System.Diagnostics.CodeAnalysis;
using ContactKit.Consent;
using CsCheck;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IMarketingPreferenceStore"/> must show: what a subject told us reads back in order and
/// unchanged, a replayed save changes nothing, a save based on an older read is refused rather than losing another
/// writer's events, and tenants never meet. Inherit it and return a fresh, empty store from <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class MarketingPreferenceStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static int _generatedTenants;

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IMarketingPreferenceStore CreateStore();

    /// <summary>How many generated sequences the property test checks; a store over a database may check fewer.</summary>
    protected virtual int GeneratedSequences => 2_000;

    /// <summary>A subject who told us nothing has no events, and their verdict on every channel is no opt-in.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_NothingToldUs_HasNoEvents()
    {
        var store = CreateStore();

        var read = (await store.GetAsync(TenantA, Alice)).Value;

        Assert.Empty(read.Events);
        Assert.Equal((TenantA, Alice), (read.Tenant, read.Subject));
        Assert.Equal(MarketingVerdict.NoOptIn, read.MayMarket(MarketingChannel.Phone));
    }

    /// <summary>Changes saved one after another read back in order, every field as it was told, with the verdicts they give.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_ChangesInTurn_ReadBackInOrderUnchanged()
    {
        var store = CreateStore();
        var evidence = ConsentRecordId.Parse("receipt-1");
        var opted = (await store.SaveAsync((await store.GetAsync(TenantA, Alice)).Value.OptIn(MarketingChannel.Email, Start, evidence))).Value;
        var changed = opted.OptIn(MarketingChannel.Phone, Start.Plus(Duration.FromMinutes(1)))
            .ConsentToPartner("partner-co", Start.Plus(Duration.FromMinutes(2)), evidence)
            .OptOut(MarketingChannel.Phone, OptOutRoute.ToldAnAgent, Start.Plus(Duration.FromMinutes(3)))
            .Object(OptOutRoute.Letter, Start.Plus(Duration.FromMinutes(4)));
        await store.SaveAsync(changed);

        var read = (await store.GetAsync(TenantA, Alice)).Value;

        Assert.Equal<MarketingEvent>(changed.Events, read.Events);
        Assert.Equal(MarketingVerdict.Objected, read.MayMarket(MarketingChannel.Email));
        Assert.Equal(OptOutRoute.Letter, read.StopRoute(MarketingChannel.Phone));
        Assert.True(read.MayShareWith("partner-co"));
    }

    /// <summary>Saving the same preferences again, or an older read of them, changes nothing and returns what is stored.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_Replayed_ChangesNothing()
    {
        var store = CreateStore();
        var first = MarketingPreferences.For(TenantA, Alice).OptIn(MarketingChannel.Sms, Start);
        var second = first.OptOut(MarketingChannel.Sms, OptOutRoute.UnsubscribeReply, Start.Plus(Duration.FromMinutes(1)));
        await store.SaveAsync(second);

        var again = await store.SaveAsync(second);
        var older = await store.SaveAsync(first);

        Assert.Equal<MarketingEvent>(second.Events, again.Value.Events);
        Assert.Equal<MarketingEvent>(second.Events, older.Value.Events);
        Assert.Equal<MarketingEvent>(second.Events, (await store.GetAsync(TenantA, Alice)).Value.Events);
    }

    /// <summary>Two writers change one read: the second is refused with a version conflict and the first writer's event is kept.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_BasedOnAnOlderRead_RefusedAndTheOtherWritersEventKept()
    {
        var store = CreateStore();
        var read = (await store.SaveAsync(MarketingPreferences.For(TenantA, Alice).OptIn(MarketingChannel.Email, Start))).Value;

        var optOut = await store.SaveAsync(read.OptOut(MarketingChannel.Email, OptOutRoute.UnsubscribeLink, Start.Plus(Duration.FromMinutes(1))));
        var stale = await store.SaveAsync(read.OptIn(MarketingChannel.Post, Start.Plus(Duration.FromMinutes(2))));

        Assert.True(optOut.IsSuccess);
        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal<MarketingEvent>(optOut.Value.Events, (await store.GetAsync(TenantA, Alice)).Value.Events);
    }

    /// <summary>An event missing what its kind needs (the partner's name) is refused naming it, and nothing of the save is kept.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_InvalidEvent_RefusedNamingItAndNothingStored()
    {
        var store = CreateStore();

        var saved = await store.SaveAsync(MarketingPreferences.For(TenantA, Alice).OptIn(MarketingChannel.Email, Start).ConsentToPartner(" ", Start));

        Assert.Equal((ConsentErrorCodes.InvalidMarketingEvent, "events[1].Partner"), (saved.Error?.Code, saved.Error?.Field));
        Assert.Empty((await store.GetAsync(TenantA, Alice)).Value.Events);
    }

    /// <summary>One tenant never reads another's preferences, even for the same subject id.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_OtherTenant_NeverSeesThePreferences()
    {
        var store = CreateStore();
        await store.SaveAsync(MarketingPreferences.For(TenantA, Alice).Object(OptOutRoute.PhoneCall, Start));
        await store.SaveAsync(MarketingPreferences.For(TenantB, Alice).OptIn(MarketingChannel.Phone, Start));

        Assert.True((await store.GetAsync(TenantA, Alice)).Value.HasObjected);
        Assert.Equal(MarketingVerdict.OptedIn, (await store.GetAsync(TenantB, Alice)).Value.MayMarket(MarketingChannel.Phone));
        Assert.Empty((await store.GetAsync(TenantB, DataSubjectId.Parse("bob"))).Value.Events);
    }

    /// <summary>Eight threads each recording changes to one subject, reading again after a conflict, lose none of them.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_EightWritersReadingAgainOnConflict_LoseNothing()
    {
        const int writers = 8;
        const int each = 10;
        var store = CreateStore();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var at = Start.Plus(Duration.FromMinutes((w * each) + i));
                while (true)
                {
                    var read = (await store.GetAsync(TenantA, Alice)).Value;
                    var saved = await store.SaveAsync(read.ConsentToPartner($"partner-{w}", at));
                    if (saved.IsSuccess)
                    {
                        break;
                    }

                    Assert.Equal(ErrorCodes.VersionConflict, saved.Error?.Code);
                }
            }
        })));

        var events = (await store.GetAsync(TenantA, Alice)).Value.Events;
        Assert.Equal(writers * each, events.Length);
        Assert.Equal(writers * each, events.Select(e => e.At).Distinct().Count());
    }

    /// <summary>
    /// For generated sequences of changes by writers who read now or read a few steps ago (two subjects of two tenants,
    /// every kind of change, replays), after every step each subject's stored events are what a model keeps: a save based
    /// on the stored events or a replay of them succeeds, any other is a version conflict that changes nothing.
    /// </summary>
    [SkippableFact]
    public void Store_GeneratedChangesAndStaleReads_AgreeWithTheModelAfterEveryStep()
    {
        var step = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 6], Gen.Int[1, 4], Gen.Int[0, 2], Gen.Int[0, 3]);
        var store = CreateStore();
        step.Array[1, 8].Sample(steps =>
        {
            var run = Interlocked.Increment(ref _generatedTenants);
            TenantId[] tenants = [TenantId.Parse($"gen-{run}-a"), TenantId.Parse($"gen-{run}-b")];
            DataSubjectId[] subjects = [Alice, DataSubjectId.Parse("bob")];
            var model = new Dictionary<(int, int), MarketingPreferences>();
            var history = new Dictionary<(int, int), List<MarketingPreferences>>();
            for (var i = 0; i < steps.Length; i++)
            {
                var (tenant, subject, change, channel, route, readAgo) = steps[i];
                var key = (tenant, subject);
                var stored = model.GetValueOrDefault(key) ?? MarketingPreferences.For(tenants[tenant], subjects[subject]);
                var reads = history.TryGetValue(key, out var list) ? list : history[key] = [stored];
                var basis = reads[Math.Max(0, reads.Count - 1 - readAgo)];
                var at = Start.Plus(Duration.FromMinutes(i));
                var (ch, r) = ((MarketingChannel)channel, (OptOutRoute)(route + 1));
                var given = change switch
                {
                    0 => basis.OptIn(ch, at),
                    1 => basis.OptOut(ch, r, at),
                    2 => basis.Object(r, at),
                    3 => basis.LiftObjection(at),
                    4 => basis.ConsentToPartner($"partner-{channel}", at),
                    5 => basis.WithdrawFromPartner($"partner-{channel}", r, at),
                    _ => basis, // a replay of an earlier read
                };

                var saved = store.SaveAsync(given).AsTask().GetAwaiter().GetResult();
                var isPrefix = stored.Events.Length <= given.Events.Length
                    ? stored.Events.SequenceEqual(given.Events.Take(stored.Events.Length))
                    : given.Events.SequenceEqual(stored.Events.Take(given.Events.Length));
                Assert.Equal(isPrefix, saved.IsSuccess);
                if (!isPrefix)
                {
                    Assert.Equal(ErrorCodes.VersionConflict, saved.Error?.Code);
                }
                else if (given.Events.Length > stored.Events.Length)
                {
                    model[key] = given;
                    reads.Add(given);
                }

                for (var t = 0; t < tenants.Length; t++)
                {
                    for (var s = 0; s < subjects.Length; s++)
                    {
                        var expected = model.GetValueOrDefault((t, s))?.Events ?? [];
                        var read = store.GetAsync(tenants[t], subjects[s]).AsTask().GetAwaiter().GetResult().Value;
                        Assert.Equal<MarketingEvent>(expected, read.Events);
                        Assert.Equal(expected.IsEmpty ? MarketingVerdict.NoOptIn : model[(t, s)].MayMarket(MarketingChannel.Phone), read.MayMarket(MarketingChannel.Phone));
                    }
                }
            }
        }, iter: GeneratedSequences);
    }
}
