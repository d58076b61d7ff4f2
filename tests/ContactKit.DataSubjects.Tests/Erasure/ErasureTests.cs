using ContactKit.DataSubjects.Tests.Requests;
using ContactKit.Calendars;
using ContactKit.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Erasure;

public class ErasureTests
{
    private static readonly LocalDate EraseBy = new(2026, 4, 1);

    [Fact]
    public void Decide_ActiveHold_KeptUnderArticle17_3_e()
    {
        var facts = new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-9"), RecordClass = "call_recording", Reason = "complaint with the ombudsman" };

        var decision = ErasureDecider.Decide(Item("rec-1", LawfulBasis.LegitimateInterests), facts, EraseBy);

        Assert.Equal((ErasureVerdict.Keep, "Art 17(3)(e)", (LocalDate?)null), (decision.Verdict, decision.Article, decision.EraseBy));
        Assert.Contains("legal hold hold-9", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("complaint with the ombudsman", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)] // nothing keeps it: a controller would erase it
    [InlineData(true)] // under a hold: still the client's decision, and the hold is checked again if the client asks for erasure
    public void Decide_ItemHeldAsProcessorForAClient_IsReferredToTheClientNeverErasedOrKept(bool held)
    {
        var facts = held ? new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-9") } : RetentionFacts.None;

        var decision = ErasureDecider.Decide(Item("chat-1", LawfulBasis.LegitimateInterests) with { HeldAsProcessor = true }, facts, EraseBy);

        Assert.Equal((ErasureVerdict.Refer, "Art 28(3)(e)", (LocalDate?)null), (decision.Verdict, decision.Article, decision.EraseBy));
        Assert.Contains("referred to our client", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_KeptForLegalClaims_KeptUnderArticle17_3_e()
    {
        var decision = ErasureDecider.Decide(Item("case-1", LawfulBasis.Consent), new RetentionFacts { KeptForLegalClaims = true }, EraseBy);

        Assert.Equal((ErasureVerdict.Keep, "Art 17(3)(e)"), (decision.Verdict, decision.Article));
        Assert.Contains("legal claims", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ScheduleKeepsItForALegalObligation_KeptUnderArticle17_3_bWhateverTheBasis()
    {
        var decision = ErasureDecider.Decide(Item("pay-1", LawfulBasis.Contract), new RetentionFacts { KeptForLegalObligation = true, RecordClass = "employee_file" }, EraseBy);

        Assert.Equal((ErasureVerdict.Keep, "Art 17(3)(b)"), (decision.Verdict, decision.Article));
        Assert.Contains("record class 'employee_file'", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LawfulBasis.LegalObligation)] // kept to comply with the law
    [InlineData(LawfulBasis.PublicTask)] // kept for the public task, per the rights table
    public void Decide_BasisWithoutErasure_KeptUnderArticle17_3_b(LawfulBasis basis)
    {
        var decision = ErasureDecider.Decide(Item("case-1", basis), RetentionFacts.None, EraseBy);

        Assert.Equal((ErasureVerdict.Keep, "Art 17(3)(b)"), (decision.Verdict, decision.Article));
    }

    [Theory]
    [InlineData(LawfulBasis.Consent)] // consent data is erased on request
    [InlineData(LawfulBasis.Contract)] // so is contract data once asked
    [InlineData(LawfulBasis.LegitimateInterests)] // and legitimate_interests data
    [InlineData(LawfulBasis.VitalInterests)] // and vital-interests data
    public void Decide_NothingKeepsIt_ErasedByTheDeadline(LawfulBasis basis)
    {
        var decision = ErasureDecider.Decide(Item("enq-1", basis), RetentionFacts.None, EraseBy);

        Assert.Equal((ErasureVerdict.Erase, "Art 17(1)", (LocalDate?)EraseBy), (decision.Verdict, decision.Article, decision.EraseBy));
    }

    [Fact]
    public async Task PlanAsync_NotAuthorised_Refused()
    {
        var (service, _, _) = Service();
        var started = Apply(Receive(DataSubjectRight.Erasure, Monday2March), RightsRequestCommand.Start, Monday2March).Value;

        var result = await service.PlanAsync(started);

        Assert.Equal(DataSubjectsErrorCodes.ErasureNotAuthorised, result.Error?.Code);
    }

    [Fact]
    public async Task PlanAndExecute_MixedItems_ErasesWhatMayGoAndExplainsWhatStays()
    {
        var (service, recorder, facts) = Service();
        facts.Set(Council, new PersonalDataItemRef("call-recorder", "rec-2"), new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-1"), Reason = "disputed call" });
        var request = Authorised(new LocalDate(2026, 3, 5));

        var plan = (await service.PlanAsync(request)).Value;
        var answer = await service.ExecuteAsync(plan);

        // 5 March plus 28 days is Thursday 2 April 2026, a working day.
        Assert.Equal(new LocalDate(2026, 4, 2), plan.EraseBy);
        Assert.Equal(["rec-1"], answer.Erased.Select(d => d.Item.ItemId));
        Assert.Equal(["rec-2", "case-1"], answer.Kept.Select(d => d.Item.ItemId));
        Assert.Empty(answer.Failed);
        Assert.Equal(["rec-2", "case-1"], (await recorder.FindAsync(Council, Caller).ToListAsync()).Select(i => i.ItemId));
        var text = answer.ToReadableText();
        Assert.Contains("authorised on 2026-03-05, to be complete by 2026-04-02", text, StringComparison.Ordinal);
        Assert.Contains("Erased (1):", text, StringComparison.Ordinal);
        Assert.Contains("(Art 17(3)(e))", text, StringComparison.Ordinal);
        Assert.Contains("(Art 17(3)(b))", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_TenantWithShorterDeletionPeriod_UsesIt()
    {
        var (service, _, _) = Service(o => o.TenantDeletionPeriodDays[Council.Value] = 14);

        var plan = (await service.PlanAsync(Authorised(new LocalDate(2026, 3, 5)))).Value;

        Assert.Equal(new LocalDate(2026, 3, 19), plan.EraseBy);
    }

    [Fact]
    public async Task ExecuteAsync_ItemGoneFromSource_ReportedAsFailedNotErased()
    {
        var (service, recorder, _) = Service();
        var plan = (await service.PlanAsync(Authorised(new LocalDate(2026, 3, 5)))).Value;
        await recorder.EraseAsync(Council, Caller, "rec-1");

        var answer = await service.ExecuteAsync(plan);

        Assert.Equal(["rec-2"], answer.Erased.Select(d => d.Item.ItemId));
        var failed = Assert.Single(answer.Failed);
        Assert.Equal(("rec-1", ErrorCodes.NotFound), (failed.Decision.Item.ItemId, failed.Error.Code));
        Assert.Contains("Not yet erased", answer.ToReadableText(), StringComparison.Ordinal);
    }

    internal static RightsRequest Authorised(LocalDate on)
    {
        var started = Apply(Receive(DataSubjectRight.Erasure, Monday2March, ByPhone), RightsRequestCommand.Start, Monday2March).Value;
        return Apply(started, RightsRequestCommand.AuthoriseErasure, on).Value;
    }

    [Fact]
    public async Task ExecuteAsync_HoldPlacedAfterThePlan_HeldItemKeptNotErased()
    {
        var (service, recorder, facts) = Service();
        var plan = (await service.PlanAsync(Authorised(new LocalDate(2026, 3, 5)))).Value;
        Assert.Contains(plan.ToErase, d => d.Item.ItemId == "rec-2");
        facts.Set(Council, new PersonalDataItemRef("call-recorder", "rec-2"), new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-late"), Reason = "new complaint" });

        var answer = await service.ExecuteAsync(plan);

        Assert.Equal(["rec-1"], answer.Erased.Select(d => d.Item.ItemId));
        var kept = Assert.Single(answer.Kept, d => d.Item.ItemId == "rec-2");
        Assert.Equal("Art 17(3)(e)", kept.Article);
        Assert.Contains("legal hold hold-late", kept.Reason, StringComparison.Ordinal);
        Assert.Contains("rec-2", (await recorder.FindAsync(Council, Caller).ToListAsync()).Select(i => i.ItemId));
    }

    [Fact]
    public async Task ExecuteAsync_AnyErasure_AuditsThePlanEveryDecisionAndTheAnswer()
    {
        var audit = new InMemoryAuditTrail();
        var (service, _, facts) = Service(audit: audit);
        facts.Set(Council, new PersonalDataItemRef("call-recorder", "rec-2"), new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-1") });
        var request = Authorised(new LocalDate(2026, 3, 5));

        await service.ExecuteAsync((await service.PlanAsync(request)).Value);

        var entries = await audit.ReadByResourceAsync(Council, ResourceRef.RightsRequest(request.Id)).ToListAsync();
        Assert.Equal(
            ["erasure.planned", "erasure.item_erased", "erasure.item_kept", "erasure.item_kept", "erasure.answered"],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((Officer, (DataSubjectId?)Caller), (e.Actor, e.Subject)));
        Assert.Equal(["call-recorder/rec-1", "call-recorder/rec-2", "call-recorder/case-1"], entries.Where(e => e.Details.ContainsKey("item")).Select(e => e.Details["item"]));
        Assert.Equal(("1", "2", "0"), (entries[^1].Details["erased"], entries[^1].Details["kept"], entries[^1].Details["failed"]));
    }

    internal static (ErasureService Service, InMemoryPersonalDataSource Recorder, InMemoryErasureRetentionFacts Facts) Service(Action<DataSubjectsOptions>? configure = null, InMemoryAuditTrail? audit = null)
    {
        var options = new DataSubjectsOptions();
        configure?.Invoke(options);
        var recorder = new InMemoryPersonalDataSource("call-recorder")
            .Add(Council, Caller, Item("rec-1", LawfulBasis.LegitimateInterests))
            .Add(Council, Caller, Item("rec-2", LawfulBasis.LegitimateInterests))
            .Add(Council, Caller, Item("case-1", LawfulBasis.LegalObligation));
        var facts = new InMemoryErasureRetentionFacts();
        var service = new ErasureService(
            new PersonalDataSourceRegistry([recorder]),
            facts,
            audit ?? new InMemoryAuditTrail(),
            new UkTenantCalendars(UkDivision.EnglandAndWales),
            Options.Create(options),
            FakeClocks.AtUtc(2026, 3, 6, 9));
        return (service, recorder, facts);
    }

    private static PersonalDataItem Item(string id, LawfulBasis basis) => new()
    {
        Source = "call-recorder",
        ItemId = id,
        Category = DataCategories.CallRecording.Key,
        LawfulBasis = basis,
    };
}
