using NodaTime;
using static ContactKit.Retention.Tests.Disposal.RetentionServiceTests;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Disposal;

/// <summary>Items whose plan changes after they were taken for disposal, and items that move to another record class.</summary>
public sealed class ReclassificationAndReplanningTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);
    private static readonly ActorId Worker = ActorId.Parse("sweeper-1");
    private static readonly ActorId Sales = ActorId.Parse("sales-desk");

    /// <summary>
    /// Regression: TakeDueAsync, then a schedule change lengthening retention by six years, then Begin and Complete
    /// disposed of the item. Begin checks the stored instant again and refuses; nothing is destroyed or recorded.
    /// </summary>
    [Fact]
    public async Task BeginAsync_ScheduleLengthenedAfterTakeDue_IsRefusedAndTheItemIsKept()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        var taken = Assert.Single(await host.Planner.TakeDueAsync(Tenant, Worker));

        var longer = All with { Rules = [.. All.Rules.Select(r => r.Name == "recordings-six-months" ? r with { Period = Period.FromMonths(6) + Period.FromYears(6) } : r)] };
        var report = await host.Service.ApplyScheduleChangeAsync(Tenant, longer, ScheduleChangeMode.Retroactive, Sales);
        var begun = await host.Planner.BeginAsync(taken, Worker);
        var completed = await host.Planner.CompleteAsync(taken, Worker, new DestructionReceipt());
        var stored = await host.Store.GetAsync(Tenant, taken.Id);

        Assert.Equal(0, report.Conflicts);
        Assert.Equal(RetentionErrorCodes.NotDue, begun.Error?.Code);
        Assert.Equal(RetentionErrorCodes.NotDue, completed.Error?.Code);
        Assert.False(stored.Value.IsDisposed);
        Assert.DoesNotContain(await host.AuditEntriesAsync(Tenant), e => e.Action == DisposalPlanner.DisposedAction);
    }

    /// <summary>A sweep that meets an item planned again after it was claimed releases it, and takes it again when it is due.</summary>
    [Fact]
    public async Task RunOnceAsync_ItemNoLongerDue_IsReleasedAndTakenWhenDue()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        var taken = Assert.Single(await host.Planner.TakeDueAsync(Tenant, Worker));
        var current = (await host.Store.GetAsync(Tenant, taken.Id)).Value;
        await host.Store.SaveAsync(current with { DisposeAt = host.Clock.GetCurrentInstant() + Duration.FromDays(10) });

        var run = await host.Planner.RunOnceAsync(Tenant, ActorId.Parse("sweeper-2"), new RecordingDisposer());
        var refused = await host.Planner.BeginAsync(taken, Worker);
        host.Clock.AdvanceDays(11);
        var later = await host.Planner.RunOnceAsync(Tenant, Worker, new RecordingDisposer());

        Assert.Equal(0, run.Claimed);
        Assert.Equal(RetentionErrorCodes.NotDue, refused.Error?.Code);
        Assert.Single(later.Proofs);
    }

    /// <summary>
    /// Notice 002 end to end: an enquirer who does not buy goes two years after the enquiry; one who becomes a customer
    /// moves to the customer rule and is kept for the relationship plus six years. The move is audited and explained.
    /// </summary>
    [Fact]
    public async Task ReclassifyAsync_EnquirerBecomesCustomer_KeptForTheRelationshipPlusSixYears()
    {
        using var host = new RetentionHost(All, Start);
        var buyer = Item(RecordClass.Enquiry, Start, "enq-buyer") with { Subject = DataSubjectId.Parse("person-1") };
        var browser = Item(RecordClass.Enquiry, Start, "enq-browser");
        await host.Service.TrackAsync(buyer);
        var browserDecision = await host.Service.TrackAsync(browser);

        host.Clock.AdvanceDays(30);
        var becameCustomer = host.Clock.GetCurrentInstant();
        var moved = await host.Service.ReclassifyAsync(Tenant, buyer.Id, RecordClass.CustomerAccount, becameCustomer, Sales, "the enquirer became a customer");
        var relationshipEnded = becameCustomer + Duration.FromDays(1000);
        var ended = await host.Service.RecordTriggerAsync(Tenant, buyer.Id, RetentionTrigger.RelationshipEnded, relationshipEnded);
        var explained = await host.Service.ExplainAsync(Tenant, buyer.Id);
        var audit = (await host.AuditEntriesAsync(Tenant)).Single(e => e.Action == RetentionService.ReclassifiedAction);

        Assert.Equal(new LocalDate(2028, 1, 14), browserDecision.Value.DisposeAt!.Value.InZone(London).Date);
        Assert.Equal(DisposalStatus.NotYetKnown, moved.Value.Status);
        Assert.Equal("customers-relationship-plus-six-years", moved.Value.Rule!.Name);
        Assert.Equal(relationshipEnded.InZone(London).LocalDateTime.PlusYears(6).Date, ended.Value.DisposeAt!.Value.InZone(London).Date);
        Assert.Equal(RecordClass.CustomerAccount, explained.Value.Item.RecordClass);
        Assert.Contains("Moved from record class 'enquiry' to 'customer_account'", explained.Value.Explain(), StringComparison.Ordinal);
        Assert.Contains("the enquirer became a customer", explained.Value.Explain(), StringComparison.Ordinal);
        Assert.Equal("the enquirer became a customer", audit.Reason);
        Assert.Equal("enquiry", audit.Details["from"]);
        Assert.Equal("customer_account", audit.Details["to"]);
        Assert.Equal("enquirers-two-years", audit.Details["rule_before"]);
        Assert.Equal("customers-relationship-plus-six-years", audit.Details["rule_after"]);
        Assert.Equal("not yet known", audit.Details["dispose_at_after"]);
        Assert.Equal(DataSubjectId.Parse("person-1"), audit.Subject);

        // Two years on, the browser goes and the customer stays.
        host.Clock.AdvanceDays(800);
        var disposer = new RecordingDisposer();
        await host.Planner.RunOnceAsync(Tenant, Worker, disposer);
        Assert.Equal(["enq-browser"], disposer.Destroyed.Select(i => i.Value));
    }

    /// <summary>Moving an item to the class it already has changes nothing and writes no second audit entry.</summary>
    [Fact]
    public async Task ReclassifyAsync_SameClassTwice_ChangesNothingTheSecondTime()
    {
        using var host = new RetentionHost(All, Start);
        var item = Item(RecordClass.Enquiry, Start, "enq-1");
        await host.Service.TrackAsync(item);

        await host.Service.ReclassifyAsync(Tenant, item.Id, RecordClass.CustomerAccount, Start, Sales, "became a customer");
        var version = (await host.Store.GetAsync(Tenant, item.Id)).Value.Version;
        var again = await host.Service.ReclassifyAsync(Tenant, item.Id, RecordClass.CustomerAccount, Start, Sales, "became a customer");

        Assert.True(again.IsSuccess);
        Assert.Equal(version, (await host.Store.GetAsync(Tenant, item.Id)).Value.Version);
        Assert.Single(await host.AuditEntriesAsync(Tenant), e => e.Action == RetentionService.ReclassifiedAction);
    }

    /// <summary>A reclassification without a reason, of an unknown item, or of a disposed item is refused with its code.</summary>
    [Fact]
    public async Task ReclassifyAsync_BadRequests_AreRefusedWithTheirCodes()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        await host.Planner.RunOnceAsync(Tenant, Worker, new RecordingDisposer());

        var noReason = await host.Service.ReclassifyAsync(Tenant, RetainedItemId.Parse("r-1"), RecordClass.CaseRecord, Start, Sales, " ");
        var unknown = await host.Service.ReclassifyAsync(Tenant, RetainedItemId.Parse("nope"), RecordClass.CaseRecord, Start, Sales, "r");
        var disposed = await host.Service.ReclassifyAsync(Tenant, RetainedItemId.Parse("r-1"), RecordClass.CaseRecord, Start, Sales, "r");

        Assert.Equal(ErrorCodes.Required, noReason.Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
        Assert.Equal(RetentionErrorCodes.AlreadyDisposed, disposed.Error?.Code);
    }

    /// <summary>
    /// Regression: tracking a stored id again gave CK0009, whose message said to read and reapply. It now has its own
    /// code, and the message names the calls that change a stored item.
    /// </summary>
    [Fact]
    public async Task TrackAsync_IdAlreadyTracked_SaysHowToChangeTheStoredItem()
    {
        using var host = new RetentionHost(All, Start);
        var item = Item(RecordClass.Enquiry, Start, "enq-1");
        await host.Service.TrackAsync(item);

        var again = await host.Service.TrackAsync(item with { RecordClass = RecordClass.CustomerAccount });

        Assert.Equal(RetentionErrorCodes.ItemAlreadyTracked, again.Error?.Code);
        Assert.Contains("ReclassifyAsync", again.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reapply", again.Error.Message, StringComparison.Ordinal);
    }
}
