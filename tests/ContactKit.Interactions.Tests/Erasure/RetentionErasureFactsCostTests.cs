using ContactKit.DataSubjects;
using ContactKit.Retention;
using ContactKit.Testing;
using ContactKit.Tests.Shared;
using NodaTime;

namespace ContactKit.Interactions.Tests.Erasure;

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
}
