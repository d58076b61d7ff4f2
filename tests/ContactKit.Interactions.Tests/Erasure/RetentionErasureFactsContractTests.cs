using ContactKit.DataSubjects;
using ContactKit.Retention;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;
using NodaTime;

namespace ContactKit.Interactions.Tests.Erasure;

/// <summary>The facts read from retention, arranged as tracked items and placed holds, meet the same contract as the in-memory facts.</summary>
public sealed class RetentionErasureFactsContractTests : ErasureRetentionFactsContractTests
{
    private static readonly Instant Placed = Instant.FromUtc(2026, 3, 1, 9, 0);

    private InMemoryRetentionStore _store = new();

    protected override async ValueTask PlaceHoldAsync(HoldPlaced hold)
    {
        var target = hold.Subject is { } subject ? HoldTarget.ForSubject(subject) : HoldTarget.ForItem(hold.Item!.RetainedItem!.Value);
        await _store.AddHoldAsync(new LegalHold { Id = hold.Id, Tenant = hold.Tenant, Target = target, Reason = hold.Reason, PlacedBy = ActorId.Parse("dpo"), PlacedAt = Placed });
    }

    protected override async ValueTask<IErasureRetentionFacts> CreateAsync(IReadOnlyList<ItemKept> items, IReadOnlyList<HoldPlaced> holds)
    {
        var store = new InMemoryRetentionStore();
        _store = store;
        var rules = new List<RetentionRule>();
        foreach (var kept in items.Where(k => k.Linked))
        {
            // One record class and rule per item, so that each item is kept for its own reason.
            var cls = RecordClass.ParseText($"class_{kept.Item.ItemId.Replace('-', '_')}").Value;
            var rule = new RetentionRule { Name = $"rule-{kept.Item.ItemId}", RecordClass = cls, Trigger = RetentionTrigger.Created, Period = Period.FromYears(6), Action = DisposalAction.Delete, Reason = kept.KeptFor };
            rules.Add(rule);
            await store.SaveAsync(new StoredRetainedItem
            {
                Item = new RetainedItem { Tenant = kept.Tenant, Id = kept.Item.RetainedItem!.Value, RecordClass = cls, CreatedAt = Placed, Subject = Subject },
                RuleName = rule.Name,
                DisposeAt = Placed.Plus(Duration.FromDays(6 * 365)),
                Action = DisposalAction.Delete,
            });
        }

        foreach (var hold in holds)
        {
            var target = hold.Subject is { } subject ? HoldTarget.ForSubject(subject) : HoldTarget.ForItem(hold.Item!.RetainedItem!.Value);
            await store.AddHoldAsync(new LegalHold { Id = hold.Id, Tenant = hold.Tenant, Target = target, Reason = hold.Reason, PlacedBy = ActorId.Parse("dpo"), PlacedAt = Placed });
            if (hold.Released)
            {
                await store.ReleaseHoldAsync(hold.Tenant, hold.Id, ActorId.Parse("dpo"), Placed.Plus(Duration.FromDays(1)));
            }
        }

        return new RetentionErasureFacts(store, new FixedSchedule(new RetentionSchedule { Name = "contract", Rules = [.. rules] }));
    }

    private sealed class FixedSchedule(RetentionSchedule schedule) : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => schedule;
    }
}
