using NodaTime;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Disposal;

public sealed class RetentionServiceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);
    private static readonly ActorId Legal = ActorId.Parse("legal-team");

    [Fact]
    public async Task TrackAsync_NewRecording_StoresItsDisposalInstant()
    {
        using var host = new RetentionHost(All, Start);

        var decision = await host.Service.TrackAsync(CallRecording("r-1"));
        var stored = await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"));

        Assert.Equal(decision.Value.DisposeAt, stored.Value.DisposeAt);
        Assert.Equal("recordings-six-months", stored.Value.RuleName);
        Assert.Equal(DisposalAction.Delete, stored.Value.Action);
    }

    [Fact]
    public async Task RecordTriggerAsync_RelationshipEnds_GivesTheCustomerADate()
    {
        using var host = new RetentionHost(All, Start);
        var customer = Item(RecordClass.CustomerAccount, Start, "cust-1");
        await host.Service.TrackAsync(customer);

        var before = await host.Store.GetAsync(Tenant, customer.Id);
        var decision = await host.Service.RecordTriggerAsync(Tenant, customer.Id, RetentionTrigger.RelationshipEnded, Start.Plus(Duration.FromDays(400)));
        var after = await host.Store.GetAsync(Tenant, customer.Id);

        Assert.Null(before.Value.DisposeAt);
        Assert.Equal(DisposalStatus.Scheduled, decision.Value.Status);
        Assert.Equal(decision.Value.DisposeAt, after.Value.DisposeAt);
    }

    [Fact]
    public async Task Holds_PlacedAndReleased_AreAuditedAndShownInTheExplanation()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));

        var hold = await host.Service.PlaceHoldAsync(Tenant, HoldTarget.ForSubject(DataSubjectId.Parse("caller-1")), "complaint under investigation", Legal);
        var explained = await host.Service.ExplainAsync(Tenant, RetainedItemId.Parse("r-1"));
        host.Clock.AdvanceDays(3);
        var released = await host.Service.ReleaseHoldAsync(Tenant, hold.Value.Id, Legal, "complaint closed");
        var again = await host.Service.ReleaseHoldAsync(Tenant, hold.Value.Id, Legal, "twice");
        var audit = await host.AuditEntriesAsync(Tenant);

        Assert.True(explained.Value.IsHeld);
        Assert.Contains("complaint under investigation", explained.Value.Explain(), StringComparison.Ordinal);
        Assert.Equal(host.Clock.GetCurrentInstant(), released.Value.ReleasedAt);
        Assert.Equal(RetentionErrorCodes.HoldAlreadyReleased, again.Error?.Code);
        Assert.Equal([RetentionService.HoldPlacedAction, RetentionService.HoldReleasedAction], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(DataSubjectId.Parse("caller-1"), e.Subject));
        Assert.Equal("complaint closed", audit[1].Reason);
    }

    [Fact]
    public async Task ReleaseHoldAsync_DatePassedWhileHeld_ItemIsDueAtOnce()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var hold = await host.Service.PlaceHoldAsync(Tenant, HoldTarget.ForItem(RetainedItemId.Parse("r-1")), "litigation", Legal);
        host.Clock.AdvanceDays(365);

        var whileHeld = await host.Planner.TakeDueAsync(Tenant, ActorId.Parse("w"));
        await host.Service.ReleaseHoldAsync(Tenant, hold.Value.Id, Legal, "settled");
        var afterRelease = await host.Planner.TakeDueAsync(Tenant, ActorId.Parse("w"));

        Assert.Empty(whileHeld);
        Assert.Single(afterRelease);
    }

    [Fact]
    public async Task PreviewScheduleChange_ShorterPeriod_ReportsWithoutChangingAnything()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        await host.Service.TrackAsync(CallRecording("r-2", Start.Minus(Duration.FromDays(100))));
        await host.Service.TrackAsync(Item(RecordClass.Enquiry, Start, "enq-1"));
        host.Clock.AdvanceDays(40);

        var report = await host.Service.PreviewScheduleChangeAsync(Tenant, WithRecordings("P3M"), ScheduleChangeMode.Retroactive, allowShortening: true);
        var stored = await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-2"));

        Assert.False(report.Applied);
        Assert.Equal(3, report.Items);
        Assert.Equal(2, report.Earlier);
        Assert.Equal(0, report.Later);
        Assert.Equal(1, report.Unchanged);
        Assert.Equal(1, report.BecomeDueNow); // r-2 ended 140 days ago: three months have passed, six have not
        Assert.Equal(1, stored.Value.Version);
    }

    [Fact]
    public async Task ApplyScheduleChange_ShorterWithoutPermission_KeepsStoredDatesAndSaysSo()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt;

        var report = await host.Service.ApplyScheduleChangeAsync(Tenant, WithRecordings("P3M"), ScheduleChangeMode.Retroactive, Legal);
        var stored = await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"));

        Assert.True(report.Applied);
        Assert.Equal(0, report.Earlier);
        Assert.Equal(1, report.Unchanged);
        Assert.Equal(1, report.KeptByNoShortening);
        Assert.Equal(planned, stored.Value.DisposeAt);
        Assert.Contains(await host.AuditEntriesAsync(Tenant), e => e.Action == RetentionService.ScheduleChangedAction && e.Details["kept_by_no_shortening"] == "1");
    }

    [Fact]
    public async Task ApplyScheduleChange_LongerOrExplicitlyShorter_MovesStoredDates()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;

        var longer = await host.Service.ApplyScheduleChangeAsync(Tenant, WithRecordings("P1Y"), ScheduleChangeMode.Retroactive, Legal);
        var afterLonger = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;
        var shorter = await host.Service.ApplyScheduleChangeAsync(Tenant, WithRecordings("P3M"), ScheduleChangeMode.Retroactive, Legal, allowShortening: true);
        var afterShorter = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;

        Assert.Equal(1, longer.Later);
        Assert.True(afterLonger > planned);
        Assert.Equal(1, shorter.Earlier);
        Assert.Equal(0, shorter.KeptByNoShortening);
        Assert.True(afterShorter < planned);
    }

    [Fact]
    public async Task ExplainAsync_KeptFromAnEarlierSchedule_SaysWhy()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        await host.Service.ApplyScheduleChangeAsync(Tenant, WithRecordings("P1Y"), ScheduleChangeMode.Retroactive, Legal);

        // The host now configures a shorter schedule without applying it to stored items.
        using var shorter = new RetentionHost(WithRecordings("P3M"), Start);
        var stored = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value;
        await shorter.Store.SaveAsync(stored with { Version = 0 });

        var explained = await shorter.Service.ExplainAsync(Tenant, stored.Id);

        Assert.True(explained.Value.KeptFromEarlierSchedule);
        Assert.Equal(stored.DisposeAt, explained.Value.DisposeAt);
        Assert.Contains("earlier schedule", explained.Value.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceHoldAsync_NoReason_IsRefused()
    {
        using var host = new RetentionHost(All, Start);

        var result = await host.Service.PlaceHoldAsync(Tenant, HoldTarget.ForCase(CaseId.Parse("c-1")), " ", Legal);

        Assert.Equal(ErrorCodes.Required, result.Error?.Code);
    }

    internal static RetainedItem CallRecording(string id, Instant? ended = null) =>
        Item(RecordClass.CallRecording, ended ?? Start, id).WithTrigger(RetentionTrigger.InteractionEnded, ended ?? Start) with
        {
            Subject = DataSubjectId.Parse("caller-1"),
            Interaction = InteractionId.Parse($"call-{id}"),
        };

    internal static RetentionSchedule WithRecordings(string period) => All with
    {
        Rules = [.. All.Rules.Select(r => r.Name == "recordings-six-months" ? r with { Period = NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value } : r)],
    };
}
