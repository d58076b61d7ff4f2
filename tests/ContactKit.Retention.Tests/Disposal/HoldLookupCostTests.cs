using ContactKit.Testing;
using NodaTime;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Disposal;

public sealed class HoldLookupCostTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);

    /// <summary>
    /// Regression: tracking, planning or explaining an item streamed every hold the tenant ever placed, so a tenant with
    /// many holds paid for all of them on every item. Only the holds on the item's own targets are read now.
    /// </summary>
    [Fact]
    public async Task TrackAndExplain_TenantWithManyHolds_ReadOnlyTheHoldsOnTheItemsTargets()
    {
        var inner = new InMemoryRetentionStore();
        for (var i = 0; i < 500; i++)
        {
            await inner.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse($"other-{i}"), Tenant = Tenant, Target = HoldTarget.ForSubject(DataSubjectId.Parse($"someone-{i}")), Reason = "r", PlacedBy = ActorId.Parse("dpo"), PlacedAt = Start });
        }

        await inner.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse("mine"), Tenant = Tenant, Target = HoldTarget.ForSubject(DataSubjectId.Parse("caller-1")), Reason = "r", PlacedBy = ActorId.Parse("dpo"), PlacedAt = Start });
        var store = new NoFullHoldScan(inner);
        var service = new RetentionService(store, new InMemoryAuditTrail(), new NodaTime.Testing.FakeClock(Start), new FixedZones(), new FixedSchedule());

        var tracked = await service.TrackAsync(RetentionServiceTests.CallRecording("r-1"));
        var explained = await service.ExplainAsync(Tenant, RetainedItemId.Parse("r-1"));

        Assert.True(tracked.Value.IsHeld);
        Assert.Equal("mine", Assert.Single(explained.Value.Holds).Id.Value);
        Assert.Equal(2, store.HoldsRead);
    }

    private sealed class FixedSchedule : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => All;
    }

    private sealed class FixedZones : ContactKit.DependencyInjection.ITenantTimeZones
    {
        public DateTimeZone GetTimeZone(TenantId tenant) => London;
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
