using BenchmarkDotNet.Attributes;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Retention;
using ContactKit.Testing;
using NodaTime;

namespace ContactKit.Benchmarks.Retention;

/// <summary>
/// Claiming a batch when almost every due item is held (99,800 of 100,000 under one subject hold), and the retention
/// facts of one item for an erasure plan when the tenant has placed many holds on other people. Both should cost the
/// same whatever the number of held items or holds: held items leave the due index, and holds are read by target.
/// </summary>
[MemoryDiagnoser]
public class HeldItemsBenchmarks
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly ActorId Worker = ActorId.Parse("sweeper");
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 1, 0, 0);
    private static readonly DataSubjectId HeldPerson = DataSubjectId.Parse("held-person");

    private InMemoryRetentionStore _store = null!;
    private RetentionErasureFacts _facts = null!;
    private PersonalDataItem _item = null!;
    private Instant _now;

    /// <summary>How many of the 100,000 due items one subject hold covers.</summary>
    [Params(0, 99_800)]
    public int HeldItems { get; set; }

    /// <summary>How many holds the tenant has placed on other people.</summary>
    [Params(10, 10_000)]
    public int OtherHolds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryRetentionStore();
        for (var i = 0; i < 100_000; i++)
        {
            var item = new StoredRetainedItem
            {
                Item = new RetainedItem
                {
                    Tenant = Tenant,
                    Id = RetainedItemId.Parse($"item-{i:D6}"),
                    RecordClass = RecordClass.CallRecording,
                    CreatedAt = Now - Duration.FromDays(200),
                    Subject = i < HeldItems ? HeldPerson : DataSubjectId.Parse($"person-{i}"),
                },
                DisposeAt = Now - Duration.FromSeconds(100_000 - i),
                Action = DisposalAction.Delete,
                RuleName = "recordings-six-months",
            };
            _store.SaveAsync(item).AsTask().GetAwaiter().GetResult();
        }

        Add(HoldTarget.ForSubject(HeldPerson), "held");
        for (var i = 0; i < OtherHolds; i++)
        {
            Add(HoldTarget.ForSubject(DataSubjectId.Parse($"other-{i}")), $"other-{i}");
        }

        _facts = new RetentionErasureFacts(_store, new FixedSchedule());
        _item = new PersonalDataItem
        {
            Source = "call-recorder",
            ItemId = "item-099999",
            Category = DataCategories.CallRecording.Key,
            LawfulBasis = LawfulBasis.LegitimateInterests,
            RetainedItem = RetainedItemId.Parse("item-099999"),
        };
        _now = Now;
    }

    /// <summary>Claims one batch of 100 behind the held items; one-tick claims lapse before the next call.</summary>
    [Benchmark]
    public int ClaimOneBatchOf100()
    {
        _now = _now.PlusTicks(1);
        return _store.ClaimDueAsync(Tenant, _now, 100, Worker, Duration.FromTicks(1)).AsTask().GetAwaiter().GetResult().Count;
    }

    /// <summary>The retention facts of one item, as an erasure plan asks for each item found.</summary>
    [Benchmark]
    public bool ErasureFactsOfOneItem() =>
        _facts.GetAsync(Tenant, DataSubjectId.Parse("person-99999"), _item).AsTask().GetAwaiter().GetResult().ActiveHold is not null;

    private void Add(HoldTarget target, string id) =>
        _store.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse($"h-{id}"), Tenant = Tenant, Target = target, Reason = "litigation", PlacedBy = Worker, PlacedAt = Now })
            .AsTask().GetAwaiter().GetResult();

    private sealed class FixedSchedule : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => new() { Name = "benchmark" };
    }
}
