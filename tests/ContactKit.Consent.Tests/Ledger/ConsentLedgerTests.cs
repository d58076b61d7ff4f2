using ContactKit;
using ContactKit.Consent;
using ContactKit.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Consent.Tests.Ledger;

public class ConsentLedgerTests
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly ActorId Agent = ActorId.Parse("agent-7");
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("contact-centre"), 2, "en-GB", new string('d', 64));

    private readonly FakeClock _clock = FakeClocks.AtUtc(2026, 6, 1, 9);
    private readonly InMemoryAuditTrail _audit = new();
    private readonly InMemoryConsentStore _store = new();

    private ConsentLedger Ledger() => new(_store, _audit, _clock);

    private ConsentRecord SpokenYes(Purpose purpose) => new()
    {
        Id = ConsentRecordId.New(),
        Tenant = Tenant,
        Subject = Caller,
        Controller = "Fen and Marsh Council",
        Purposes = [purpose],
        DataCategories = [DataCategories.CallRecording.Key],
        Channel = Channel.VoiceCall,
        Status = ConsentStatus.Given,
        Method = ConsentMethod.SpokenAnswer,
        Notice = Notice,
        Evidence = new ConsentEvidence(RecordingId.Parse("rec-1"), Duration.FromSeconds(14)),
        RecordedAt = _clock.GetCurrentInstant(),
    };

    [Fact]
    public async Task RecordAsync_SpokenYes_IsStoredAuditedAndGiven()
    {
        var ledger = Ledger();

        var stored = await ledger.RecordAsync(SpokenYes(Purpose.Training), Agent);

        Assert.Equal(1, stored.Value.Sequence);
        Assert.True((await ledger.GetStateAsync(Tenant, Caller, Purpose.Training)).IsGiven);
        var entry = Assert.Single(await ToListAsync(_audit.ReadBySubjectAsync(Tenant, Caller)));
        Assert.Equal("consent.given", entry.Action);
        Assert.Equal(Notice.VersionId, entry.Details["notice"]);
        Assert.Equal(Notice.ContentHash, entry.Details["notice_hash"]);
    }

    [Fact]
    public async Task RecordAsync_SameRecordReplayed_ChangesNothingAndAuditsOnce()
    {
        var ledger = Ledger();
        var record = SpokenYes(Purpose.Training);

        var first = await ledger.RecordAsync(record, Agent);
        var replay = await ledger.RecordAsync(record, Agent);

        Assert.Equal(first.Value, replay.Value);
        Assert.Single(await ledger.ReadAsync(Tenant, Caller));
        Assert.Single(await ToListAsync(_audit.ReadBySubjectAsync(Tenant, Caller)));
    }

    [Fact]
    public async Task RecordAsync_SameRecordFromEightThreads_StoredOnceAndAuditedOnce()
    {
        // Replays raced past the ledger's "already stored?" read, and each wrote its own audit entry.
        const int threads = 8;
        const int rounds = 100;
        var ledger = Ledger();
        for (var round = 0; round < rounds; round++)
        {
            var record = SpokenYes(Purpose.Training);
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                Assert.True(ledger.RecordAsync(record, Agent).AsTask().GetAwaiter().GetResult().IsSuccess);
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
        }

        var entries = await ToListAsync(_audit.ReadBySubjectAsync(Tenant, Caller));
        Assert.Equal(rounds, (await ledger.ReadAsync(Tenant, Caller)).Count);
        Assert.Equal(rounds, entries.Count);
        Assert.Equal(rounds, entries.Select(e => e.Resource).Distinct().Count());
    }

    [Fact]
    public async Task GetStateAsync_LatestRecordDatedAfterNow_UsesTheRecordsDatedByNow()
    {
        var ledger = Ledger();
        await ledger.RecordAsync(SpokenYes(Purpose.Training), Agent);
        var future = ConsentLedger.Withdrawal(SpokenYes(Purpose.Training), Purpose.Training, Channel.VoiceCall, ConsentMethod.PhoneCall, _clock.GetCurrentInstant().Plus(Duration.FromHours(1)));
        await ledger.RecordAsync(future, Agent);

        Assert.Equal(ConsentStatus.Given, (await ledger.GetStateAsync(Tenant, Caller, Purpose.Training)).Status);
        _clock.Advance(Duration.FromHours(2));
        Assert.Equal(ConsentStatus.Withdrawn, (await ledger.GetStateAsync(Tenant, Caller, Purpose.Training)).Status);
    }

    [Fact]
    public async Task GetStateAsync_ByCategory_CountsOnlyRecordsCoveringIt()
    {
        var ledger = Ledger();
        await ledger.RecordAsync(SpokenYes(Purpose.Training), Agent);

        Assert.True((await ledger.GetStateAsync(Tenant, Caller, Purpose.Training, DataCategories.CallRecording.Key)).IsGiven);
        Assert.Equal(ConsentStatus.Unknown, (await ledger.GetStateAsync(Tenant, Caller, Purpose.Training, DataCategories.Email.Key)).Status);
    }

    [Fact]
    public async Task RecordAsync_VoiceConsentWithoutRecording_IsRefusedAndNothingStored()
    {
        var result = await Ledger().RecordAsync(SpokenYes(Purpose.Training) with { Evidence = null }, Agent);

        Assert.Equal(ConsentErrorCodes.InvalidConsentRecord, result.Error?.Code);
        Assert.Equal(nameof(ConsentRecord.Evidence), result.Error?.Field);
        Assert.Empty(await ToListAsync(_store.ReadByTenantAsync(Tenant)));
    }

    [Fact]
    public async Task RecordAsync_GivenWithoutNotice_IsRefused()
    {
        var result = await Ledger().RecordAsync(SpokenYes(Purpose.Training) with { Notice = null }, Agent);

        Assert.Equal(nameof(ConsentRecord.Notice), result.Error?.Field);
    }

    [Fact]
    public async Task WithdrawAsync_GivenConsent_TakesEffectAtOnceAndKeepsTheGivenRecord()
    {
        var ledger = Ledger();
        await ledger.RecordAsync(SpokenYes(Purpose.Training), Agent);
        _clock.AdvanceMinutes(3);

        var withdrawn = await ledger.WithdrawAsync(Tenant, Caller, Purpose.Training, Channel.Email, ConsentMethod.Link, ActorId.Parse("caller-1"));

        var state = await ledger.GetStateAsync(Tenant, Caller, Purpose.Training);
        Assert.Equal(ConsentStatus.Withdrawn, state.Status);
        Assert.Equal(_clock.GetCurrentInstant(), state.WithdrawnAt);
        Assert.Equal(ConsentMethod.Link, withdrawn.Value.Method);
        Assert.Equal([ConsentStatus.Given, ConsentStatus.Withdrawn], (await ledger.ReadAsync(Tenant, Caller)).Select(r => r.Status));
    }

    [Fact]
    public async Task WithdrawAsync_NothingGiven_IsRefused()
    {
        var result = await Ledger().WithdrawAsync(Tenant, Caller, Purpose.Marketing, Channel.Email, ConsentMethod.Link, Agent);

        Assert.Equal(ConsentErrorCodes.NothingToWithdraw, result.Error?.Code);
    }

    [Fact]
    public async Task RecordAsync_AgentAttestationWithoutAgent_IsRefused()
    {
        var record = SpokenYes(Purpose.Training) with { Method = ConsentMethod.AgentAttestation, Channel = Channel.Webchat };

        var result = await Ledger().RecordAsync(record, Agent);

        Assert.Equal(nameof(ConsentRecord.AttestedBy), result.Error?.Field);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
