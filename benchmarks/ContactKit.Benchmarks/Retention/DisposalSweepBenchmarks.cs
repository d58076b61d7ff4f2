using BenchmarkDotNet.Attributes;
using ContactKit.Retention;
using ContactKit.Testing;
using NodaTime;

namespace ContactKit.Benchmarks.Retention;

/// <summary>
/// Taking every due item from an in-memory store, for stores of 100,000 and 1,000,000 items with 0.1%, 1% and 10% due.
/// The time should follow the number due and barely move with the number stored.
/// </summary>
[MemoryDiagnoser]
public class DisposalSweepBenchmarks
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly ActorId Worker = ActorId.Parse("sweeper");
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 1, 0, 0);

    private InMemoryRetentionStore _store = null!;
    private Instant _now;

    [Params(100_000, 1_000_000)]
    public int ItemsStored { get; set; }

    [Params(0.001, 0.01, 0.1)]
    public double DueFraction { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryRetentionStore();
        var due = (int)(ItemsStored * DueFraction);
        for (var i = 0; i < ItemsStored; i++)
        {
            // Due items fall before now; the rest spread over the following years.
            var at = i < due ? Now - Duration.FromSeconds(i + 1) : Now + Duration.FromMinutes(i + 1);
            var item = new StoredRetainedItem
            {
                Item = new RetainedItem { Tenant = Tenant, Id = RetainedItemId.Parse($"item-{i:D7}"), RecordClass = RecordClass.CallRecording, CreatedAt = Now - Duration.FromDays(200) },
                DisposeAt = at,
                Action = DisposalAction.Delete,
                RuleName = "recordings-six-months",
            };
            _store.SaveAsync(item).AsTask().GetAwaiter().GetResult();
        }

        _now = Now;
    }

    /// <summary>Claims every due item in one call. Each call runs one tick later with one-tick claims, so the previous call's claims have lapsed.</summary>
    [Benchmark]
    public int TakeEveryDueItem()
    {
        _now = _now.PlusTicks(1);
        return _store.ClaimDueAsync(Tenant, _now, int.MaxValue, Worker, Duration.FromTicks(1)).AsTask().GetAwaiter().GetResult().Count;
    }

    /// <summary>Claims one batch of 100, as a sweep does: the cost should not move with the items stored or due.</summary>
    [Benchmark]
    public int TakeOneBatchOf100()
    {
        _now = _now.PlusTicks(1);
        return _store.ClaimDueAsync(Tenant, _now, 100, Worker, Duration.FromTicks(1)).AsTask().GetAwaiter().GetResult().Count;
    }
}
