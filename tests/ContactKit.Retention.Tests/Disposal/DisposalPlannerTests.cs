using NodaTime;
using static ContactKit.Retention.Tests.Disposal.RetentionServiceTests;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Disposal;

public sealed class DisposalPlannerTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);
    private static readonly ActorId Worker = ActorId.Parse("sweeper-1");

    [Fact]
    public async Task RunOnceAsync_DueItems_DisposesInDateOrderWithProofInTheAuditTrail()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("late", Start.Plus(Duration.FromDays(2))));
        await host.Service.TrackAsync(CallRecording("early", Start));
        await host.Service.TrackAsync(CallRecording("not-yet", Start.Plus(Duration.FromDays(60))));
        host.Clock.AdvanceDays(190);
        var disposer = new RecordingDisposer();

        var run = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);
        var audit = await host.AuditEntriesAsync(Tenant);

        Assert.Equal(["early", "late"], disposer.Destroyed.Select(i => i.Value));
        Assert.Equal(2, run.Proofs.Length);
        var proof = audit.Single(e => e.Details["item"] == "early");
        Assert.Equal(DisposalPlanner.DisposedAction, proof.Action);
        Assert.Equal("recordings-six-months", proof.Details["rule"]);
        Assert.Equal("sweeper-1", proof.Details["worker"]);
        Assert.Equal("sha256:early", proof.Details["content_hash"]);
        Assert.Equal("delete", proof.Details["action"]);
        Assert.Equal(host.Clock.GetCurrentInstant(), proof.OccurredAt);
        Assert.Equal(DataSubjectId.Parse("caller-1"), proof.Subject);
    }

    [Fact]
    public async Task RunOnceAsync_ItemUnderAReviewRule_IsKeptRemindedOnceAndNeverHandedToTheDisposer()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(Item(RecordClass.Parse("marketing_list_entry"), Start, "list-entry") with { Subject = DataSubjectId.Parse("caller-1") });
        await host.Service.TrackAsync(CallRecording("recording"));
        host.Clock.AdvanceDays(400); // past the six months of the recording and the year before the entry's review
        var disposer = new RecordingDisposer();

        var run = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);
        var again = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);

        Assert.Equal(["recording"], disposer.Destroyed.Select(i => i.Value));
        var reminder = Assert.Single(run.Reviews);
        Assert.Equal(("list-entry", "as-long-as-needed-annual-review"), (reminder.Item.Value, reminder.Rule));
        Assert.Equal(DisposalPlanner.ReviewDueAction, reminder.AuditEntry.Action);
        Assert.Equal(DataSubjectId.Parse("caller-1"), reminder.AuditEntry.Subject);
        Assert.Empty(run.Failures);
        Assert.Equal(0, again.Claimed); // reminded once; it waits for a person, not for the next sweep
        var kept = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("list-entry"))).Value;
        Assert.False(kept.IsDisposed);
        Assert.Null(kept.DisposeAt);
        Assert.Null(kept.ClaimedBy);
        var audit = await host.AuditEntriesAsync(Tenant);
        Assert.DoesNotContain(audit, e => e.Action == DisposalPlanner.DisposedAction && e.Details["item"] == "list-entry");
    }

    [Fact]
    public async Task RunOnceAsync_ReviewCannotBeHandedOn_PlanIsKeptAndTheNextRunHandsItOn()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(Item(RecordClass.Parse("marketing_list_entry"), Start, "list-entry") with { Subject = DataSubjectId.Parse("caller-1") });
        host.Clock.AdvanceDays(400);
        var handedOn = new List<ReviewReminder>();
        var down = true;
        ValueTask Remind(ReviewReminder reminder, CancellationToken cancellationToken)
        {
            if (down)
            {
                throw new InvalidOperationException("alerts are down");
            }

            handedOn.Add(reminder);
            return ValueTask.CompletedTask;
        }

        var failed = await host.Planner.RunOnceAsync(Tenant, Worker, new RecordingDisposer(), remind: Remind);
        var kept = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("list-entry"))).Value;
        down = false;
        var retried = await host.Planner.RunOnceAsync(Tenant, Worker, new RecordingDisposer(), remind: Remind);
        var again = await host.Planner.RunOnceAsync(Tenant, Worker, new RecordingDisposer(), remind: Remind);

        Assert.Equal(RetentionErrorCodes.ReviewNotHandedOn, Assert.Single(failed.Failures).Error.Code);
        Assert.Empty(failed.Reviews);
        Assert.NotNull(kept.DisposeAt);
        Assert.Null(kept.ClaimedBy);
        Assert.Equal(RetainedItemId.Parse("list-entry"), Assert.Single(retried.Reviews).Item);
        Assert.Equal(Assert.Single(retried.Reviews), Assert.Single(handedOn));
        Assert.Equal(0, again.Claimed);
        Assert.Null((await host.Store.GetAsync(Tenant, RetainedItemId.Parse("list-entry"))).Value.DisposeAt);
        Assert.Equal(2, (await host.AuditEntriesAsync(Tenant)).Count(e => e.Action == DisposalPlanner.ReviewDueAction)); // written each time it came due
    }

    [Fact]
    public async Task RunOnceAsync_AtMostN_TakesTheEarliestFirst()
    {
        using var host = new RetentionHost(All, Start);
        for (var i = 9; i >= 0; i--)
        {
            await host.Service.TrackAsync(CallRecording($"r-{i}", Start.Plus(Duration.FromHours(i))));
        }

        host.Clock.AdvanceDays(200);
        var disposer = new RecordingDisposer();

        await host.Planner.RunOnceAsync(Tenant, Worker, disposer, max: 3);

        Assert.Equal(["r-0", "r-1", "r-2"], disposer.Destroyed.Select(i => i.Value));
    }

    [Fact]
    public async Task RunOnceAsync_DisposerFails_ItemStaysAndIsOfferedAgain()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        var disposer = new RecordingDisposer();
        disposer.FailFor.Add(RetainedItemId.Parse("r-1"));

        var failed = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);
        disposer.FailFor.Clear();
        var retried = await host.Planner.RunOnceAsync(Tenant, ActorId.Parse("sweeper-2"), disposer);

        Assert.Equal(RetentionErrorCodes.DisposalFailed, Assert.Single(failed.Failures).Error.Code);
        Assert.Single(retried.Proofs);
    }

    [Fact]
    public async Task RunOnceAsync_HoldPlacedAfterAClaimWasGivenUp_ItemIsNeitherRetakenNorDestroyed()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        var claimed = await host.Planner.TakeDueAsync(Tenant, Worker);
        await host.Service.PlaceHoldAsync(Tenant, HoldTarget.ForItem(claimed[0].Id), "late hold", ActorId.Parse("legal"));
        await host.Store.ReleaseClaimAsync(Tenant, claimed[0].Id, Worker);

        var disposer = new RecordingDisposer();
        var run = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);
        var completed = await host.Planner.CompleteAsync(claimed[0], Worker, default);

        Assert.Equal(0, run.Claimed);
        Assert.Empty(disposer.Destroyed);
        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, completed.Error?.Code);
    }

    [Fact]
    public async Task RunOnceAsync_HoldPlacedWhileTheItemIsBeingDestroyed_TheDisposalIsStillProved()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);
        var disposer = new HoldingDisposer(host, holdDuring: "r-1", holdOn: "r-1");

        var run = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);

        Assert.Equal(RetainedItemId.Parse("r-1"), Assert.Single(run.Proofs).Item);
        Assert.True((await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-1"))).Value.IsDisposed);
        Assert.Contains(await host.AuditEntriesAsync(Tenant), e => e.Action == DisposalPlanner.DisposedAction && e.Details["item"] == "r-1");
    }

    [Fact]
    public async Task RunOnceAsync_HoldPlacedOnALaterItemOfTheBatch_ThatItemIsNotDestroyed()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1", Start));
        await host.Service.TrackAsync(CallRecording("r-2", Start.Plus(Duration.FromDays(1))));
        host.Clock.AdvanceDays(200);
        var disposer = new HoldingDisposer(host, holdDuring: "r-1", holdOn: "r-2");

        var run = await host.Planner.RunOnceAsync(Tenant, Worker, disposer);

        Assert.Equal(2, run.Claimed);
        Assert.Equal([RetainedItemId.Parse("r-1")], disposer.Destroyed);
        Assert.Equal(RetentionErrorCodes.ItemHeld, Assert.Single(run.Failures).Error.Code);
        var held = (await host.Store.GetAsync(Tenant, RetainedItemId.Parse("r-2"))).Value;
        Assert.False(held.IsDisposed);
        Assert.Null(held.ClaimedBy);
        Assert.Null(held.DestructionStartedAt);
    }

    [Fact]
    public async Task TakeDueAsync_WorkerDies_ItsClaimsAreTakenAfterTheTimeout()
    {
        using var host = new RetentionHost(All, Start);
        await host.Service.TrackAsync(CallRecording("r-1"));
        host.Clock.AdvanceDays(200);

        var dead = await host.Planner.TakeDueAsync(Tenant, ActorId.Parse("dead"));
        var tooSoon = await host.Planner.TakeDueAsync(Tenant, Worker);
        host.Clock.AdvanceMinutes(10);
        var later = await host.Planner.TakeDueAsync(Tenant, Worker);

        Assert.Single(dead);
        Assert.Empty(tooSoon);
        Assert.Equal(Worker, Assert.Single(later).ClaimedBy);
    }
}

/// <summary>A disposer that, while destroying one item, has a legal hold placed on another (or the same) item.</summary>
internal sealed class HoldingDisposer(RetentionHost host, string holdDuring, string holdOn) : IRetainedItemDisposer
{
    public List<RetainedItemId> Destroyed { get; } = [];

    public async ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        if (item.Id.Value == holdDuring)
        {
            await host.Service.PlaceHoldAsync(item.Tenant, HoldTarget.ForItem(RetainedItemId.Parse(holdOn)), "litigation notice arrived", ActorId.Parse("legal"), cancellationToken);
        }

        Destroyed.Add(item.Id);
        return new DestructionReceipt($"sha256:{item.Id.Value}", "test-storage");
    }
}
