using BenchmarkDotNet.Attributes;
using ContactKit.Consent;
using ContactKit.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.Consent;

/// <summary>
/// A subject's current consent state, and a withdrawal, against a ledger of 10, 1,000 and 1,000,000 records, all of
/// them the one subject's (the worst case for a ledger that scans). Budget: flat from 10 to 1,000,000 records, because
/// the state is a lookup in the store's index, not a scan of the history.
/// </summary>
[MemoryDiagnoser]
public class ConsentStateLookupBenchmarks
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("caller-1");
    private static readonly ActorId Agent = ActorId.Parse("agent-1");
    private static readonly Purpose[] Purposes = [Purpose.Marketing, Purpose.Training, Purpose.QualityMonitoring, Purpose.Reporting];
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("notice"), 1, "en-GB", new string('a', 64));

    private ConsentLedger _ledger = null!;
    private FakeClock _clock = null!;

    /// <summary>How many records the ledger holds.</summary>
    [Params(10, 1_000, 1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        var store = new InMemoryConsentStore();
        for (var i = 0; i < Records; i++)
        {
            _ = store.AppendAsync(Record(Purposes[i % Purposes.Length], i % 8 < 4 ? ConsentStatus.Given : ConsentStatus.Withdrawn)).AsTask().GetAwaiter().GetResult();
        }

        // Keep marketing consent given so that Withdraw always has something to withdraw.
        _ = store.AppendAsync(Record(Purpose.Marketing, ConsentStatus.Given)).AsTask().GetAwaiter().GetResult();
        _ledger = new ConsentLedger(store, new InMemoryAuditTrail(), _clock);
    }

    /// <summary>The subject's current state for one purpose.</summary>
    /// <returns>The state.</returns>
    [Benchmark]
    public ValueTask<ConsentState> GetState() => _ledger.GetStateAsync(Tenant, Subject, Purpose.Marketing);

    /// <summary>Gives marketing consent again and withdraws it: two records appended and audited, two state lookups.</summary>
    /// <returns>The withdrawal.</returns>
    [Benchmark]
    public async Task<Result<ConsentRecord>> RecordAndWithdraw()
    {
        await _ledger.RecordAsync(Record(Purpose.Marketing, ConsentStatus.Given), Agent);
        return await _ledger.WithdrawAsync(Tenant, Subject, Purpose.Marketing, Channel.WebForm, ConsentMethod.Link, Agent);
    }

    private ConsentRecord Record(Purpose purpose, ConsentStatus status) => new()
    {
        Id = ConsentRecordId.New(),
        Tenant = Tenant,
        Subject = Subject,
        Controller = "Example Council",
        Purposes = [purpose],
        DataCategories = [DataCategories.Email.Key],
        Channel = Channel.WebForm,
        Status = status,
        Method = ConsentMethod.OptInTick,
        Notice = Notice,
        RecordedAt = _clock.GetCurrentInstant(),
    };
}
