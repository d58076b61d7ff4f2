using ContactKit.DataSubjects;
using ContactKit.Retention;
using ContactKit.Testing;
using NodaTime;

namespace ContactKit.Interactions.Tests.Erasure;

public class RetentionErasureFactsTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly Instant Placed = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static readonly RetentionSchedule Schedule = new()
    {
        Name = "council",
        Rules =
        [
            Rule("recordings", RecordClass.CallRecording, RetentionReason.PublicTask),
            Rule("complaints", RecordClass.Complaint, RetentionReason.LegalClaims),
            Rule("payroll", RecordClass.EmployeeFile, RetentionReason.LegalObligation),
        ],
    };

    [Theory]
    [InlineData("complaint", true, false)] // the complaints rule keeps items for legal claims
    [InlineData("employee_file", false, true)] // the payroll rule keeps items for a legal obligation
    [InlineData("call_recording", false, false)] // recordings are kept for the public task only
    public async Task GetAsync_LinkedItem_ReasonComesFromItsRule(string recordClass, bool legalClaims, bool legalObligation)
    {
        var store = new InMemoryRetentionStore();
        var cls = RecordClass.ParseText(recordClass).Value;
        await store.SaveAsync(Stored("ri-1", cls, Schedule.RulesFor(cls).Single().Name));
        var facts = new RetentionErasureFacts(store, new FixedSchedule());

        var result = await facts.GetAsync(Council, Caller, Item("ri-1"));

        Assert.Equal((legalClaims, legalObligation, recordClass), (result.KeptForLegalClaims, result.KeptForLegalObligation, result.RecordClass));
        Assert.Null(result.ActiveHold);
    }

    [Fact]
    public async Task GetAsync_HoldOnTheSubject_ReachesUnlinkedItems()
    {
        var store = new InMemoryRetentionStore();
        await store.AddHoldAsync(Hold("hold-1", HoldTarget.ForSubject(Caller)));
        var facts = new RetentionErasureFacts(store, new FixedSchedule());

        var result = await facts.GetAsync(Council, Caller, Item(null));

        Assert.Equal(LegalHoldId.Parse("hold-1"), result.ActiveHold);
        Assert.Equal("ombudsman complaint", result.Reason);
    }

    [Fact]
    public async Task GetAsync_HoldOnTheItemReleased_NoLongerKeepsIt()
    {
        var store = new InMemoryRetentionStore();
        await store.SaveAsync(Stored("ri-1", RecordClass.CallRecording, "recordings"));
        await store.AddHoldAsync(Hold("hold-2", HoldTarget.ForItem(RetainedItemId.Parse("ri-1"))));
        var facts = new RetentionErasureFacts(store, new FixedSchedule());

        var held = await facts.GetAsync(Council, Caller, Item("ri-1"));
        await store.ReleaseHoldAsync(Council, LegalHoldId.Parse("hold-2"), ActorId.Parse("dpo"), Placed.Plus(Duration.FromDays(1)));
        var released = await facts.GetAsync(Council, Caller, Item("ri-1"));

        Assert.Equal(LegalHoldId.Parse("hold-2"), held.ActiveHold);
        Assert.Null(released.ActiveHold);
        Assert.Equal(ErasureVerdict.Erase, ErasureDecider.Decide(Item("ri-1") with { LawfulBasis = LawfulBasis.LegitimateInterests }, released, new LocalDate(2026, 4, 1)).Verdict);
    }

    private static RetentionRule Rule(string name, RecordClass cls, RetentionReason reason) => new()
    {
        Name = name,
        RecordClass = cls,
        Trigger = RetentionTrigger.Created,
        Period = Period.FromYears(1),
        Action = DisposalAction.Delete,
        Reason = reason,
    };

    private static StoredRetainedItem Stored(string id, RecordClass cls, string rule) => new()
    {
        Item = new RetainedItem { Tenant = Council, Id = RetainedItemId.Parse(id), RecordClass = cls, CreatedAt = Placed, Subject = Caller },
        RuleName = rule,
        DisposeAt = Placed.Plus(Duration.FromDays(365)),
        Action = DisposalAction.Delete,
    };

    private static LegalHold Hold(string id, HoldTarget target) => new()
    {
        Id = LegalHoldId.Parse(id),
        Tenant = Council,
        Target = target,
        Reason = "ombudsman complaint",
        PlacedBy = ActorId.Parse("dpo"),
        PlacedAt = Placed,
    };

    private static PersonalDataItem Item(string? retained) => new()
    {
        Source = "call-recorder",
        ItemId = "item-1",
        Category = DataCategories.CallRecording.Key,
        LawfulBasis = LawfulBasis.PublicTask,
        RetainedItem = retained is null ? null : RetainedItemId.Parse(retained),
    };

    private sealed class FixedSchedule : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => Schedule;
    }
}
