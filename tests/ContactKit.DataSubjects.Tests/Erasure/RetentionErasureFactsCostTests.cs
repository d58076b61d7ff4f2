using ContactKit.Retention;
using ContactKit.Testing;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Erasure;

public sealed class RetentionErasureFactsCostTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly Instant Placed = Instant.FromUtc(2026, 3, 1, 9, 0);

    /// <summary>
    /// Regression: an erasure plan cost items x holds, because the facts of each item streamed every hold the tenant
    /// ever placed. They now ask the store for the holds on the item's own targets only.
    /// </summary>
    [Fact]
    public async Task GetAsync_TenantWithManyHolds_ReadsOnlyTheHoldsOnTheItemsTargets()
    {
        var inner = new InMemoryRetentionStore();
        for (var i = 0; i < 500; i++)
        {
            await inner.AddHoldAsync(Hold($"other-{i}", HoldTarget.ForSubject(DataSubjectId.Parse($"someone-{i}"))));
        }

        await inner.AddHoldAsync(Hold("mine", HoldTarget.ForSubject(Caller)));
        var store = new NoFullHoldScan(inner);
        var facts = new RetentionErasureFacts(store, new EmptySchedule());

        var result = await facts.GetAsync(Council, Caller, new PersonalDataItem
        {
            Source = "crm",
            ItemId = "note-1",
            Category = DataCategories.CallRecording.Key,
            LawfulBasis = LawfulBasis.PublicTask,
        });

        Assert.Equal(LegalHoldId.Parse("mine"), result.ActiveHold);
        Assert.Equal(1, store.HoldsRead);
    }

    private static LegalHold Hold(string id, HoldTarget target) => new()
    {
        Id = LegalHoldId.Parse(id),
        Tenant = Council,
        Target = target,
        Reason = "litigation",
        PlacedBy = ActorId.Parse("dpo"),
        PlacedAt = Placed,
    };

    private sealed class EmptySchedule : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => new() { Name = "empty" };
    }

    /// <summary>A store that refuses to stream every hold and counts the holds it hands out by target.</summary>
    private sealed class NoFullHoldScan(IRetentionStore inner) : IRetentionStore
    {
        public int HoldsRead { get; private set; }

        public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Every hold the tenant ever placed was read.");

        public async IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var hold in inner.ReadActiveHoldsAsync(tenant, targets, cancellationToken))
            {
                HoldsRead++;
                yield return hold;
            }
        }

        public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) => inner.SaveAsync(item, cancellationToken);

        public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default) => inner.GetAsync(tenant, id, cancellationToken);

        public IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadAllAsync(tenant, cancellationToken);

        public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default) => inner.AddHoldAsync(hold, cancellationToken);

        public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default) =>
            inner.ReleaseHoldAsync(tenant, id, releasedBy, releasedAt, cancellationToken);

        public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default) =>
            inner.ClaimDueAsync(tenant, now, max, worker, claimFor, cancellationToken);

        public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) =>
            inner.BeginDisposalAsync(tenant, id, worker, startedAt, cancellationToken);

        public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default) =>
            inner.BeginErasureAsync(tenant, id, alsoHeldBy, worker, startedAt, claimFor, cancellationToken);

        public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) =>
            inner.CompleteDisposalAsync(tenant, id, worker, disposedAt, cancellationToken);

        public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default) =>
            inner.ReleaseClaimAsync(tenant, id, worker, cancellationToken);
    }
}
