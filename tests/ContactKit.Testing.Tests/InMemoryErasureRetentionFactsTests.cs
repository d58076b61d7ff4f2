using ContactKit.DataSubjects;
using ContactKit.Retention;
using ContactKit.Testing.Conformance;

namespace ContactKit.Testing.Tests;

/// <summary>The in-memory facts, told each item's facts as a host would set them, meet the contract.</summary>
public sealed class InMemoryErasureRetentionFactsTests : ErasureRetentionFactsContractTests
{
    private InMemoryErasureRetentionFacts _facts = new();
    private IReadOnlyList<ItemKept> _items = [];

    protected override ValueTask PlaceHoldAsync(HoldPlaced hold)
    {
        foreach (var kept in _items.Where(k => k.Tenant == hold.Tenant && (hold.Item?.Ref == k.Item.Ref || hold.Subject == Subject)))
        {
            _facts.Set(kept.Tenant, kept.Item.Ref, new RetentionFacts { RecordClass = kept.Item.RecordClass, ActiveHold = hold.Id, Reason = hold.Reason });
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask<IErasureRetentionFacts> CreateAsync(IReadOnlyList<ItemKept> items, IReadOnlyList<HoldPlaced> holds)
    {
        var facts = new InMemoryErasureRetentionFacts();
        _facts = facts;
        _items = items;
        foreach (var kept in items)
        {
            var hold = holds.FirstOrDefault(h => !h.Released && h.Tenant == kept.Tenant && (h.Item?.Ref == kept.Item.Ref || h.Subject == Subject));
            facts.Set(kept.Tenant, kept.Item.Ref, new RetentionFacts
            {
                RecordClass = kept.Item.RecordClass,
                ActiveHold = hold?.Id,
                KeptForLegalClaims = kept.KeptFor == RetentionReason.LegalClaims,
                KeptForLegalObligation = kept.KeptFor == RetentionReason.LegalObligation,
                Reason = hold?.Reason ?? $"kept for {kept.KeptFor}",
            });
        }

        return ValueTask.FromResult<IErasureRetentionFacts>(facts);
    }
}
