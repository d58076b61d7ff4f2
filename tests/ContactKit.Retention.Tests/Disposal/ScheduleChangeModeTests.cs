using NodaTime;
using NodaTime.Text;
using static ContactKit.Retention.Tests.Disposal.RetentionServiceTests;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Disposal;

/// <summary>
/// A schedule change applied by its stated mode: future only (stored items keep their dates, new items follow the new
/// rules) or retroactive (stored items are planned again, never a held one earlier), with a dry run that counts the same.
/// </summary>
public sealed class ScheduleChangeModeTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);
    private static readonly ActorId Legal = ActorId.Parse("legal-team");

    [Fact]
    public async Task ApplyScheduleChange_FutureOnlyShorter_StoredItemsKeepTheirDatesAndNewItemsFollowTheNewRule()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-old"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-old"))).Value.DisposeAt;
        var shorter = WithRecordings("P3M");

        var report = await host.Service.ApplyScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.FutureOnly, Legal, allowShortening: true);
        host.Schedule = shorter;
        var fresh = await host.Service.TrackAsync(CallRecording("r-new"));
        var old = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-old"))).Value;
        var explained = await host.Service.ExplainAsync(Tenant, old.Id);
        var audit = await host.AuditEntriesAsync(Tenant);

        Assert.Equal(ScheduleChangeMode.FutureOnly, report.Mode);
        Assert.Equal((0, 0, 1, 1), (report.Earlier, report.Later, report.Unchanged, report.KeptByFutureOnly));
        Assert.Equal(planned, old.DisposeAt);
        Assert.Equal(1, old.Version);
        Assert.Equal(Start.InZone(London).LocalDateTime.PlusMonths(3).InZoneLeniently(London).ToInstant(), fresh.Value.DisposeAt);
        Assert.True(explained.Value.KeptFromEarlierSchedule);
        Assert.Equal(planned, explained.Value.DisposeAt);
        Assert.DoesNotContain(audit, e => e.Action == RetentionService.ReplannedAction);
        var changed = Assert.Single(audit, e => e.Action == RetentionService.ScheduleChangedAction);
        Assert.Equal("future_only", changed.Details["mode"]);
    }

    /// <summary>
    /// Regression: the explanation of an item kept by a future-only change to a longer schedule gave the new, later date,
    /// while disposal follows the stored, earlier one.
    /// </summary>
    [Fact]
    public async Task ExplainAsync_FutureOnlyLonger_GivesTheStoredDateDisposalFollows()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt;
        var longer = WithRecordings("P1Y");

        await host.Service.ApplyScheduleChangeAsync(Tenant, longer, ScheduleChangeMode.FutureOnly, Legal);
        host.Schedule = longer;
        var explained = await host.Service.ExplainAsync(Tenant, RetainedItemId.Parse("r-1"));

        Assert.Equal(planned, explained.Value.DisposeAt);
        Assert.True(explained.Value.KeptFromEarlierSchedule);
        Assert.Contains("future only", explained.Value.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyScheduleChange_RetroactiveShorter_ReplansEachItemWithItsOwnAuditEntry()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        await host.Service.TrackAsync(CallRecording("r-2"));
        await host.Service.TrackAsync(Item(RecordClass.Enquiry, Start, "enq-1"));
        var before = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;

        var report = await host.Service.ApplyScheduleChangeAsync(Tenant, WithRecordings("P3M"), ScheduleChangeMode.Retroactive, Legal, allowShortening: true);
        var after = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;
        var replanned = (await host.AuditEntriesAsync(Tenant)).Where(e => e.Action == RetentionService.ReplannedAction).ToList();

        Assert.Equal((2, 0, 1), (report.Earlier, report.Later, report.Unchanged));
        Assert.Equal(new ScheduleChangeCounts(2, 2, 0, 0), report.ByRecordClass[RecordClass.CallRecording]);
        Assert.Equal(new ScheduleChangeCounts(1, 0, 0, 0), report.ByRecordClass[RecordClass.Enquiry]);
        Assert.Equal(Start.InZone(London).LocalDateTime.PlusMonths(3).InZoneLeniently(London).ToInstant(), after);
        Assert.Equal(["r-1", "r-2"], replanned.Select(e => e.Details["item"]));
        var entry = replanned[0];
        Assert.Equal(InstantPattern.ExtendedIso.Format(before), entry.Details["dispose_at_before"]);
        Assert.Equal(InstantPattern.ExtendedIso.Format(after), entry.Details["dispose_at_after"]);
        Assert.Equal("retroactive_schedule_change", entry.Details["cause"]);
        Assert.Equal(Legal, entry.Actor);
        Assert.Null(entry.Subject); // the entry names the item, not the person
        Assert.DoesNotContain(entry.Details.Values, v => v.Contains("caller-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyScheduleChange_RetroactiveShorterOnAHeldItem_KeepsItsDateAndNeverDisposesOfIt()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-held"));
        await host.Service.TrackAsync(CallRecording("r-free"));
        await host.Service.PlaceHoldAsync(Tenant, HoldTarget.ForItem(RetainedItemId.Parse("r-held")), "litigation", Legal);
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-held"))).Value.DisposeAt;
        var shorter = WithRecordings("P3M");

        var preview = await host.Service.PreviewScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.Retroactive, allowShortening: true);
        var report = await host.Service.ApplyScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.Retroactive, Legal, allowShortening: true);
        host.Clock.AdvanceDays(120);
        var run = await host.Planner.RunOnceAsync(Tenant, ActorId.Parse("sweeper"), new RecordingDisposer());
        var held = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-held"))).Value;

        Assert.Equal((1, 1, 1), (report.Held, report.Earlier, report.KeptByHold));
        Assert.Equal((preview.Held, preview.Earlier, preview.KeptByHold, preview.Unchanged), (report.Held, report.Earlier, report.KeptByHold, report.Unchanged));
        Assert.Equal(planned, held.DisposeAt);
        Assert.False(held.IsDisposed);
        Assert.Equal(["r-free"], run.Proofs.Select(p => p.Item.Value));
    }

    [Fact]
    public async Task PreviewScheduleChange_SameStore_CountsWhatApplyingDoes()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        await host.Service.TrackAsync(CallRecording("r-2", Start - Duration.FromDays(100)));
        await host.Service.TrackAsync(Item(RecordClass.Enquiry, Start, "enq-1"));
        var proposed = WithRecordings("P3M") with { Rules = [.. WithRecordings("P3M").Rules.Select(r => r.Name == "enquirers-two-years" ? r with { Period = Period.FromYears(3) } : r)] };

        var preview = await host.Service.PreviewScheduleChangeAsync(Tenant, proposed, ScheduleChangeMode.Retroactive, allowShortening: true);
        var applied = await host.Service.ApplyScheduleChangeAsync(Tenant, proposed, ScheduleChangeMode.Retroactive, Legal, allowShortening: true);

        Assert.False(preview.Applied);
        Assert.True(applied.Applied);
        Assert.Equal((2, 1, 0, 1), (preview.Earlier, preview.Later, preview.Unchanged, preview.BecomeDueNow));
        Assert.Equal((preview.Earlier, preview.Later, preview.Unchanged, preview.BecomeDueNow), (applied.Earlier, applied.Later, applied.Unchanged, applied.BecomeDueNow));
        Assert.Equal(preview.ByRecordClass, applied.ByRecordClass);
        Assert.Equal(preview.Changes.ToList(), applied.Changes.ToList());
    }

    [Fact]
    public async Task ApplyScheduleChange_NotAMode_Throws()
    {
        using var host = new RetentionHost(All, Start);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await host.Service.ApplyScheduleChangeAsync(Tenant, All, (ScheduleChangeMode)7, Legal));
    }

    /// <summary>
    /// The pitfall of a future-only change: a trigger recorded later on an item kept at its earlier date must not move
    /// it. A trigger the schedule's decision does not depend on leaves the date as it is.
    /// </summary>
    [Fact]
    public async Task RecordTriggerAsync_ItemKeptByFutureOnlyChange_TriggerThatDoesNotBearOnItKeepsTheDate()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt;
        var shorter = WithRecordings("P3M");
        await host.Service.ApplyScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.FutureOnly, Legal);
        host.Schedule = shorter;

        var decision = await host.Service.RecordTriggerAsync(Tenant, RetainedItemId.Parse("r-1"), RetentionTrigger.CaseClosed, Start + Duration.FromDays(10));
        var stored = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value;

        Assert.Equal(planned, stored.DisposeAt);
        Assert.Equal(planned, decision.Value.DisposeAt);
        Assert.True(decision.Value.KeptFromEarlierSchedule);
        Assert.Equal(Start + Duration.FromDays(10), stored.Item.TriggeredAt(RetentionTrigger.CaseClosed));
    }

    /// <summary>
    /// A trigger that does bear on the decision (the interaction's end recorded again, later) plans a kept item under the
    /// schedule in force, but never earlier than the date it was given; when that date is replaced, it is audited.
    /// </summary>
    [Fact]
    public async Task RecordTriggerAsync_ItemKeptByFutureOnlyChange_TriggerThatBearsOnItNeverBringsItForward()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        var planned = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt!.Value;
        var shorter = WithRecordings("P3M");
        await host.Service.ApplyScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.FutureOnly, Legal);
        host.Schedule = shorter;

        // Ended a week later: three months from then is still before the six months it was given.
        var soon = await host.Service.RecordTriggerAsync(Tenant, RetainedItemId.Parse("r-1"), RetentionTrigger.InteractionEnded, Start + Duration.FromDays(7));
        var afterSoon = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt;

        // Ended a year later (a correction): three months from then is after it, so the item is kept to then.
        var late = Start + Duration.FromDays(365);
        var later = await host.Service.RecordTriggerAsync(Tenant, RetainedItemId.Parse("r-1"), RetentionTrigger.InteractionEnded, late);
        var afterLater = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.DisposeAt;
        var replanned = Assert.Single(await host.AuditEntriesAsync(Tenant), e => e.Action == RetentionService.ReplannedAction);

        Assert.Equal(planned, afterSoon);
        Assert.True(soon.Value.KeptFromEarlierSchedule);
        Assert.Equal(late.InZone(London).LocalDateTime.PlusMonths(3).InZoneLeniently(London).ToInstant(), afterLater);
        Assert.False(later.Value.KeptFromEarlierSchedule);
        Assert.Equal("trigger", replanned.Details["cause"]);
        Assert.Equal(InstantPattern.ExtendedIso.Format(planned), replanned.Details["dispose_at_before"]);
    }

    /// <summary>
    /// Moving a kept item to another record class plans it under that class's rules (the kept date belonged to the
    /// old class); the audit entry of the move gives both dates and says that the one replaced was kept.
    /// </summary>
    [Fact]
    public async Task ReclassifyAsync_ItemKeptByFutureOnlyChange_PlansItUnderTheNewClassAndSaysTheOldDateWasKept()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(Item(RecordClass.Enquiry, Start, "enq-1"));
        var shorter = All with { Rules = [.. All.Rules.Select(r => r.Name == "enquirers-two-years" ? r with { Period = Period.FromYears(1) } : r)] };
        await host.Service.ApplyScheduleChangeAsync(Tenant, shorter, ScheduleChangeMode.FutureOnly, Legal);
        host.Schedule = shorter;

        var moved = await host.Service.ReclassifyAsync(Tenant, RetainedItemId.Parse("enq-1"), RecordClass.CustomerAccount, Start + Duration.FromDays(5), Legal, "the enquirer became a customer");
        var audit = Assert.Single(await host.AuditEntriesAsync(Tenant), e => e.Action == RetentionService.ReclassifiedAction);

        Assert.Equal(DisposalStatus.NotYetKnown, moved.Value.Status);
        Assert.Equal("true", audit.Details["dispose_at_before_kept_from_earlier_schedule"]);
        Assert.Equal("not yet known", audit.Details["dispose_at_after"]);
    }
}
