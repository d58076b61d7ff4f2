using ContactKit.Testing;
using ContactKit.Tests.Shared;
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

    private sealed class FixedZones : ContactKit.ITenantTimeZones
    {
        public DateTimeZone GetTimeZone(TenantId tenant) => London;
    }
}
