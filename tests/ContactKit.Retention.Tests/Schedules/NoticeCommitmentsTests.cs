using NodaTime;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Schedules;

/// <summary>Each retention commitment of the reference notices, expressed as a rule and enforced by the calculator.</summary>
public sealed class NoticeCommitmentsTests
{
    private static readonly RetentionCalculator Calculator = new(All);
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 14, 10, 30);

    [Theory]
    [InlineData("call_recording")] // notice 001: recordings six months after the call, then securely deleted
    [InlineData("transcript")] // notice 001: transcripts follow the same six months
    public void RecordingsAndTranscripts_SixMonthsAfterTheCall_ThenDeleted(string recordClass)
    {
        var ended = Instant.FromUtc(2026, 1, 14, 10, 42);
        var item = Item(RecordClass.ParseText(recordClass).Value, Created).WithTrigger(RetentionTrigger.InteractionEnded, ended);

        var decision = Calculator.Decide(item, London);

        Assert.Equal(DisposalAction.Delete, decision.Action);
        Assert.Equal(Instant.FromUtc(2026, 7, 14, 9, 42), decision.DisposeAt); // 10:42 GMT in January is 10:42 BST in July
        Assert.Equal("notice 001", decision.Rule!.Source);
    }

    [Fact]
    public void CaseRecords_SixYearsAfterClosing()
    {
        var closed = Instant.FromUtc(2026, 2, 1, 12, 0);
        var decision = Calculator.Decide(Item(RecordClass.CaseRecord, Created).WithTrigger(RetentionTrigger.CaseClosed, closed), London);

        Assert.Equal(Instant.FromUtc(2032, 2, 1, 12, 0), decision.DisposeAt);
    }

    [Fact]
    public void Customers_RelationshipPlusSixYears_NotYetKnownWhileTheRelationshipLasts()
    {
        var customer = Item(RecordClass.CustomerAccount, Created);

        var during = Calculator.Decide(customer, London);
        var after = Calculator.Decide(customer.WithTrigger(RetentionTrigger.RelationshipEnded, Instant.FromUtc(2030, 3, 31, 17, 0)), London);

        Assert.Equal(DisposalStatus.NotYetKnown, during.Status);
        Assert.Null(during.DisposeAt);
        Assert.False(during.IsDueAt(Instant.MaxValue));
        Assert.Equal(Instant.FromUtc(2036, 3, 31, 17, 0), after.DisposeAt); // 18:00 BST on both days: summer time began on 31 March 2030 and on 30 March 2036
    }

    [Fact]
    public void EnquirersWhoNeverBecomeCustomers_TwoYears()
    {
        var decision = Calculator.Decide(Item(RecordClass.Enquiry, Created), London);

        Assert.Equal(Instant.FromUtc(2028, 1, 14, 10, 30), decision.DisposeAt);
    }

    [Fact]
    public void UnsuccessfulApplicants_SixMonthsAfterTheDecision()
    {
        var decided = Instant.FromUtc(2026, 8, 31, 15, 0);
        var decision = Calculator.Decide(Item(RecordClass.JobApplication, Created).WithTrigger(RetentionTrigger.ApplicationDecided, decided), London);

        // 31 August + 6 months has no 31st: the last day of February, at the same local time (16:00 BST -> 16:00 GMT).
        Assert.Equal(Instant.FromUtc(2027, 2, 28, 16, 0), decision.DisposeAt);
    }

    [Fact]
    public void Employees_SixYearsAfterEmploymentEnds_AndNotEvenARequestMayDisposeSooner()
    {
        var ended = Instant.FromUtc(2027, 6, 30, 16, 0);
        var decision = Calculator.Decide(Item(RecordClass.EmployeeFile, Created).WithTrigger(RetentionTrigger.EmploymentEnded, ended), London);

        Assert.Equal(Instant.FromUtc(2033, 6, 30, 16, 0), decision.DisposeAt);
        Assert.Equal(RetentionReason.LegalObligation, decision.Rule!.Reason);
        Assert.Equal(RetentionErrorCodes.WithinMinimumRetention, decision.CheckEarlyDisposal(ended.Plus(Duration.FromDays(30)))?.Code);
        Assert.Null(decision.CheckEarlyDisposal(decision.DisposeAt!.Value));
    }

    [Fact]
    public void AsLongAsNeeded_IsAnExplicitReviewDate_NotForever()
    {
        var decision = Calculator.Decide(Item(RecordClass.MarketingListEntry, Created), London);

        Assert.Equal(DisposalAction.Review, decision.Action);
        Assert.Equal(Instant.FromUtc(2027, 1, 14, 10, 30), decision.DisposeAt);
    }

    [Fact]
    public void AsLongAsNeeded_WithNoPeriodOrReviewDate_IsRefused()
    {
        var forever = """{ "name": "n", "rules": [ { "name": "forever", "recordClass": "customer_account", "trigger": "created", "action": "delete", "reason": "contract" } ] }""";

        var error = RetentionScheduleJson.ParseText(forever).Error;

        Assert.Equal(RetentionErrorCodes.InvalidSchedule, error?.Code);
        Assert.Equal("$.rules[0].period", error?.Field);
    }
}
