using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ContactKit.Retention;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IRetentionStore"/> must show. Inherit it in a test project and return a fresh, empty
/// store from <see cref="CreateStore"/>; xunit runs every test below against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class RetentionStoreContractTests
{
    private const string ProofAction = "retention.disposed";
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly ActorId WorkerOne = ActorId.Parse("worker-1");
    private static readonly ActorId WorkerTwo = ActorId.Parse("worker-2");
    private static readonly Duration ClaimFor = Duration.FromMinutes(5);

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRetentionStore CreateStore();

    /// <summary>The audit trail the store made by the last <see cref="CreateStore"/> appends disposal proofs to.</summary>
    protected abstract IAuditTrail AuditTrail { get; }

    /// <summary>A new item is stored at version 1 and read back unchanged.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_NewItem_ReadsBackAtVersionOne()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start.Plus(Duration.FromDays(1))) with { Action = DisposalAction.Delete, RuleName = "r" };

        var saved = await store.SaveAsync(item);
        var read = await store.GetAsync(TenantA, item.Id);

        Assert.Equal(1, saved.Value.Version);
        Assert.Equal(item with { Version = 1 }, read.Value);
    }

    /// <summary>A save based on a stale version is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_StaleVersion_IsAVersionConflict()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start);
        await store.SaveAsync(item);

        var updated = await store.SaveAsync(item with { Version = 1, DisposeAt = Start.Plus(Duration.FromDays(3)) });
        var stale = await store.SaveAsync(item with { Version = 1, DisposeAt = Start.Plus(Duration.FromDays(4)) });

        Assert.Equal(2, updated.Value.Version);
        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
    }

    /// <summary>
    /// A second insert of one id is refused with its own code, whose message says how to change a stored item, not the
    /// version conflict's "read it again and reapply" (which would lose the item's history).
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_SecondInsertOfOneId_IsItemAlreadyTracked()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start);
        await store.SaveAsync(item);

        var again = await store.SaveAsync(item with { Item = item.Item with { RecordClass = RecordClass.CustomerAccount } });

        Assert.Equal(RetentionErrorCodes.ItemAlreadyTracked, again.Error?.Code);
        Assert.Contains("ReclassifyAsync", again.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(RecordClass.CallRecording, (await store.GetAsync(TenantA, item.Id)).Value.Item.RecordClass);
    }

    /// <summary>
    /// Regression: a claim that lapsed after its worker began destruction left the "being destroyed" mark, and the next
    /// worker's Begin skipped the hold check and destroyed a held item. A new claim starts afresh: Begin checks holds.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginDisposalAsync_LapsedClaimLeftDestructionMark_HoldStillStopsTheNextWorker()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var first = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        await store.BeginDisposalAsync(TenantA, first.Id, WorkerOne, Start);

        // Worker one dies; its claim lapses and worker two takes the item.
        var second = Assert.Single(await store.ClaimDueAsync(TenantA, Start + ClaimFor, 10, WorkerTwo, ClaimFor));
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForSubject(second.Item.Subject!.Value)));
        var begun = await store.BeginDisposalAsync(TenantA, second.Id, WorkerTwo, Start + ClaimFor);
        var completed = await store.CompleteDisposalAsync(TenantA, second.Id, WorkerTwo, Start + ClaimFor);

        Assert.Null(second.DestructionStartedAt);
        Assert.Equal(RetentionErrorCodes.ItemHeld, begun.Error?.Code);
        Assert.Equal(RetentionErrorCodes.ItemHeld, completed.Error?.Code);
        Assert.False((await store.GetAsync(TenantA, second.Id)).Value.IsDisposed);
    }

    /// <summary>
    /// Regression: Begin did not change the version, so a save from a read taken before it succeeded and cleared the
    /// destruction mark; a hold then stopped the destroyed content being recorded as disposed. Begin raises the version.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginDisposalAsync_SaveFromReadTakenBefore_IsAVersionConflictAndTheMarkStays()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        var readBefore = (await store.GetAsync(TenantA, claimed.Id)).Value;

        var begun = await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);
        var staleSave = await store.SaveAsync(readBefore with { DisposeAt = Start.Plus(Duration.FromDays(1)) });
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForItem(claimed.Id)));
        var done = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        Assert.True(begun.Value.Version > readBefore.Version);
        Assert.Equal(ErrorCodes.VersionConflict, staleSave.Error?.Code);
        Assert.True(done.IsSuccess, done.Error?.ToString());
    }

    /// <summary>The destruction mark is the store's: a save of the current version that leaves it out does not clear it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_AfterDestructionBegan_KeepsTheStoresMark()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        var begun = (await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start)).Value;

        var saved = await store.SaveAsync(begun with { DestructionStartedAt = null, ClaimedBy = null, ClaimExpiresAt = null });

        Assert.Equal(Start, saved.Value.DestructionStartedAt);
        Assert.Equal(WorkerOne, saved.Value.ClaimedBy);
        Assert.Equal(Start, (await store.GetAsync(TenantA, claimed.Id)).Value.DestructionStartedAt);
    }

    /// <summary>
    /// Regression: an item claimed, then planned six years later by a schedule change, was still destroyed and recorded.
    /// Begin and Complete check the stored instant again and refuse an item no longer due.
    /// </summary>
    /// <param name="years">How far the new plan moves the item; 0 makes its instant unknown.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(6)] // a schedule change lengthened retention by six years
    [InlineData(0)] // a new record class waits for a trigger: the instant is no longer known
    public async Task BeginDisposalAsync_PlanMovedAfterClaim_IsRefusedAsNotDue(int years)
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        var current = (await store.GetAsync(TenantA, claimed.Id)).Value;
        await store.SaveAsync(current with { DisposeAt = years == 0 ? null : Start.InUtc().LocalDateTime.PlusYears(years).InUtc().ToInstant() });

        var begun = await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);
        var completed = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        Assert.Equal(RetentionErrorCodes.NotDue, begun.Error?.Code);
        Assert.Equal(RetentionErrorCodes.NotDue, completed.Error?.Code);
        Assert.False((await store.GetAsync(TenantA, claimed.Id)).Value.IsDisposed);
    }

    /// <summary>
    /// The active holds on given targets are read without reading every hold: only active ones, only on those targets,
    /// only in the tenant, in the order placed.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadActiveHoldsAsync_SomeTargets_ReturnsTheActiveHoldsOnThemInOrderPlaced()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start).Item;
        await store.AddHoldAsync(Hold(TenantA, "h-case", HoldTarget.ForCase(item.Case!.Value)));
        await store.AddHoldAsync(Hold(TenantA, "h-other", HoldTarget.ForSubject(DataSubjectId.Parse("someone-else"))));
        await store.AddHoldAsync(Hold(TenantA, "h-released", HoldTarget.ForItem(item.Id)));
        await store.AddHoldAsync(Hold(TenantB, "h-tenant-b", HoldTarget.ForItem(item.Id)));
        await store.AddHoldAsync(Hold(TenantA, "h-item", HoldTarget.ForItem(item.Id)));
        await store.AddHoldAsync(Hold(TenantA, "h-subject", HoldTarget.ForSubject(item.Subject!.Value)));
        await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse("h-released"), WorkerOne, Start);

        var covering = await ToListAsync(store.ReadActiveHoldsAsync(TenantA, [.. HoldTarget.Reaching(item)]));
        var none = await ToListAsync(store.ReadActiveHoldsAsync(TenantA, []));
        var twoSubjects = await ToListAsync(store.ReadActiveHoldsAsync(TenantA, [HoldTarget.ForSubject(DataSubjectId.Parse("someone-else")), HoldTarget.ForSubject(item.Subject!.Value), HoldTarget.ForItem(item.Id)]));

        Assert.Equal(["h-case", "h-item", "h-subject"], covering.Select(h => h.Id.Value));
        Assert.Empty(none);
        Assert.Equal(["h-other", "h-item", "h-subject"], twoSubjects.Select(h => h.Id.Value));
    }

    /// <summary>
    /// Every change asked with a cancelled token throws and changes nothing: no item, claim, destruction mark, hold or
    /// proof is written.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task EveryChange_Cancelled_ThrowsAndChangesNothing()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForSubject(DataSubjectId.Parse("someone-else"))));
        await store.SaveAsync(Item(TenantA, "i-2", Start));
        var before = (await store.GetAsync(TenantA, claimed.Id)).Value;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var token = cancelled.Token;

        Func<Task>[] changes =
        [
            async () => await store.SaveAsync(Item(TenantA, "i-3", Start), token),
            async () => await store.AddHoldAsync(Hold(TenantA, "h-2", HoldTarget.ForItem(claimed.Id)), token),
            async () => await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse("h-1"), WorkerOne, Start, token),
            async () => await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor, token),
            async () => await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start, token),
            async () => await store.BeginDisposalsAsync(TenantA, [claimed.Id], WorkerOne, Start, token),
            async () => await store.BeginErasureAsync(TenantA, RetainedItemId.Parse("i-2"), [], WorkerTwo, Start, ClaimFor, token),
            async () => await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start, token),
            async () => await store.CompleteDisposalsAsync(TenantA, [new(claimed.Id, Proof(TenantA, "i-1"))], WorkerOne, Start, token),
            async () => await store.ReleaseClaimAsync(TenantA, claimed.Id, WorkerOne, token),
        ];
        foreach (var change in changes)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(change);
        }

        Assert.Equal(before, (await store.GetAsync(TenantA, claimed.Id)).Value);
        Assert.Null((await store.GetAsync(TenantA, RetainedItemId.Parse("i-2"))).Value.ClaimedBy);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantA, RetainedItemId.Parse("i-3"))).Error?.Code);
        Assert.Equal(["h-1"], (await ToListAsync(store.ReadActiveHoldsAsync(TenantA, [HoldTarget.ForItem(claimed.Id), HoldTarget.ForSubject(DataSubjectId.Parse("someone-else"))]))).Select(h => h.Id.Value));
        Assert.Empty(await ToListAsync(AuditTrail.ReadByTenantAsync(TenantA)));
    }

    /// <summary>
    /// A hold watch sees every hold placed or released while it is open, on each of an item's targets, and only the
    /// holds of its own tenant; an item of another tenant is refused.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task WatchHoldsAsync_HoldsPlacedAndReleasedWhileOpen_EachCheckSeesThemAtThatMoment()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start).Item;
        await store.AddHoldAsync(Hold(TenantB, "h-tenant-b", HoldTarget.ForItem(item.Id)));
        await store.AddHoldAsync(Hold(TenantA, "h-other", HoldTarget.ForSubject(DataSubjectId.Parse("someone-else"))));
        var seen = new List<bool>();

        var watch = await store.WatchHoldsAsync(TenantA);
        await using (watch)
        {
            seen.Add(await watch.IsHeldAsync(item));
            foreach (var (id, target) in new[] { ("h-item", HoldTarget.ForItem(item.Id)), ("h-subject", HoldTarget.ForSubject(item.Subject!.Value)), ("h-interaction", HoldTarget.ForInteraction(item.Interaction!.Value)), ("h-case", HoldTarget.ForCase(item.Case!.Value)) })
            {
                await store.AddHoldAsync(Hold(TenantA, id, target));
                seen.Add(await watch.IsHeldAsync(item));
                await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse(id), WorkerOne, Start);
                seen.Add(await watch.IsHeldAsync(item));
            }

            await Assert.ThrowsAsync<ArgumentException>(async () => await watch.IsHeldAsync(item with { Tenant = TenantB }));
        }

        Assert.Equal([false, true, false, true, false, true, false, true, false], seen);
    }

    /// <summary>A hold placed before an item is stored still stops it; moving the item off the held subject frees it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ClaimDueAsync_HoldPlacedBeforeItemStored_StopsItUntilItLeavesTheTarget()
    {
        var store = CreateStore();
        var item = Item(TenantA, "i-1", Start);
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForSubject(item.Item.Subject!.Value)));
        var saved = (await store.SaveAsync(item)).Value;

        var whileHeld = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);
        await store.SaveAsync(saved with { Item = saved.Item with { Subject = DataSubjectId.Parse("someone-else") } });
        var afterMove = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);

        Assert.Empty(whileHeld);
        Assert.Equal("i-1", Assert.Single(afterMove).Id.Value);
    }

    /// <summary>
    /// Many held items due before a few free ones: claiming passes over the held ones and takes the free ones, and a
    /// release brings the held ones back in disposal order.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ClaimDueAsync_ManyHeldItemsDueFirst_TakesTheFreeOnesBehindThem()
    {
        var store = CreateStore();
        var held = DataSubjectId.Parse("held-person");
        for (var i = 0; i < 500; i++)
        {
            var item = Item(TenantA, $"held-{i:D3}", Start.Minus(Duration.FromDays(30)).Plus(Duration.FromMinutes(i)));
            await store.SaveAsync(item with { Item = item.Item with { Subject = held } });
        }

        await store.SaveAsync(Item(TenantA, "free-1", Start.Minus(Duration.FromDays(1))));
        await store.SaveAsync(Item(TenantA, "free-2", Start));
        var hold = Hold(TenantA, "h-1", HoldTarget.ForSubject(held));
        await store.AddHoldAsync(hold);

        var free = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);
        await store.ReleaseHoldAsync(TenantA, hold.Id, WorkerOne, Start);
        var released = await store.ClaimDueAsync(TenantA, Start, 3, WorkerTwo, ClaimFor);

        Assert.Equal(["free-1", "free-2"], free.Select(i => i.Id.Value));
        Assert.Equal(["held-000", "held-001", "held-002"], released.Select(i => i.Id.Value));
    }

    /// <summary>One tenant never reads or claims another tenant's items.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Operations_TwoTenants_NeverSeeEachOthersItems()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "shared", Start));

        var read = await store.GetAsync(TenantB, RetainedItemId.Parse("shared"));
        var claimed = await store.ClaimDueAsync(TenantB, Start.Plus(Duration.FromDays(1)), 10, WorkerOne, ClaimFor);
        var all = await ToListAsync(store.ReadAllAsync(TenantB));

        Assert.Equal(ErrorCodes.NotFound, read.Error?.Code);
        Assert.Empty(claimed);
        Assert.Empty(all);
    }

    /// <summary>Only items whose instant has come are claimed, earliest first, never more than asked for; unknown dates are never due.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ClaimDueAsync_MixedItems_TakesDueOnesInDisposalOrderUpToMax()
    {
        var store = CreateStore();
        int[] offsets = [5, -3, 0, 9, -7, 2, -1];
        foreach (var (offset, i) in offsets.Select((o, i) => (o, i)))
        {
            await store.SaveAsync(Item(TenantA, $"i-{i}", Start.Plus(Duration.FromHours(offset))));
        }

        await store.SaveAsync(Item(TenantA, "unknown", null));

        var first = await store.ClaimDueAsync(TenantA, Start, 3, WorkerOne, ClaimFor);
        var rest = await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor);

        Assert.Equal(["i-4", "i-1", "i-6"], first.Select(i => i.Id.Value));
        Assert.Equal(["i-2"], rest.Select(i => i.Id.Value));
        Assert.All(first, i => Assert.Equal(WorkerOne, i.ClaimedBy));
        Assert.All(first, i => Assert.Equal(Start + ClaimFor, i.ClaimExpiresAt));
    }

    /// <summary>An active hold by item, subject, interaction or case stops the item being claimed; releasing it makes the item due again.</summary>
    /// <param name="scope">What the hold covers.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(HoldScope.Item)] // a hold on the item itself
    [InlineData(HoldScope.Subject)] // a hold on everything about the person
    [InlineData(HoldScope.Interaction)] // a hold on everything from the call
    [InlineData(HoldScope.Case)] // a hold on everything in the case
    public async Task ClaimDueAsync_HeldItem_IsNeverClaimedUntilTheHoldIsReleased(HoldScope scope)
    {
        var store = CreateStore();
        var item = Item(TenantA, "held", Start.Minus(Duration.FromDays(1)));
        await store.SaveAsync(item);
        var target = HoldTarget.Reaching(item.Item).Single(t => t.Scope == scope);
        var hold = Hold(TenantA, "hold-1", target);
        await store.AddHoldAsync(hold);

        var whileHeld = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);
        var released = await store.ReleaseHoldAsync(TenantA, hold.Id, WorkerOne, Start);
        var afterRelease = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);

        Assert.Empty(whileHeld);
        Assert.False(released.Value.IsActive);
        Assert.Equal("held", Assert.Single(afterRelease).Id.Value);
    }

    /// <summary>An item stays held while any one of two holds remains.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ClaimDueAsync_TwoHoldsOneReleased_StillHeld()
    {
        var store = CreateStore();
        var item = Item(TenantA, "held", Start.Minus(Duration.FromDays(1)));
        await store.SaveAsync(item);
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForItem(item.Id)));
        await store.AddHoldAsync(Hold(TenantA, "h-2", HoldTarget.ForSubject(item.Item.Subject!.Value)));

        await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse("h-1"), WorkerOne, Start);

        Assert.Empty(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        Assert.Equal(RetentionErrorCodes.HoldAlreadyReleased, (await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse("h-1"), WorkerOne, Start)).Error?.Code);
        Assert.Equal(2, (await ToListAsync(store.ReadHoldsAsync(TenantA))).Count);
    }

    /// <summary>A live claim keeps other workers off the item; once it lapses (its worker died) another worker takes it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ClaimDueAsync_ClaimLapses_AnotherWorkerTakesTheItem()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);

        var whileLive = await store.ClaimDueAsync(TenantA, Start + ClaimFor - Duration.FromSeconds(1), 10, WorkerTwo, ClaimFor);
        var afterLapse = await store.ClaimDueAsync(TenantA, Start + ClaimFor, 10, WorkerTwo, ClaimFor);
        var lateCompletion = await store.CompleteDisposalAsync(TenantA, RetainedItemId.Parse("i-1"), WorkerOne, Start + ClaimFor);

        Assert.Empty(whileLive);
        Assert.Equal(WorkerTwo, Assert.Single(afterLapse).ClaimedBy);
        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, lateCompletion.Error?.Code);
    }

    /// <summary>Only the claim holder completes a disposal; a disposed item is never claimed or saved again.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteDisposalAsync_ByClaimHolder_DisposesOnceForGood()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));

        var byOther = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerTwo, Start);
        var done = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);
        var twice = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);
        var later = await store.ClaimDueAsync(TenantA, Start + Duration.FromDays(30), 10, WorkerTwo, ClaimFor);
        var resave = await store.SaveAsync(done.Value);

        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, byOther.Error?.Code);
        Assert.Equal(Start, done.Value.DisposedAt);
        Assert.Equal(WorkerOne, done.Value.DisposedBy);
        Assert.Equal(RetentionErrorCodes.AlreadyDisposed, twice.Error?.Code);
        Assert.Empty(later);
        Assert.True(resave.IsFailure);
        Assert.Empty(await ToListAsync(store.ReadAllAsync(TenantA)));
    }

    /// <summary>
    /// Completing a batch records every item that may be recorded disposed of together with its proof, numbered in the
    /// tenant's audit trail in the batch's order; an item claimed by another worker is refused, stays as it was and has
    /// no proof.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteDisposalsAsync_MixedBatch_RecordsEachDisposalWithItsProofAndNoProofForARefusal()
    {
        var store = CreateStore();
        foreach (var id in new[] { "i-1", "i-2", "i-3" })
        {
            await store.SaveAsync(Item(TenantA, id, Start));
        }

        var mine = await store.ClaimDueAsync(TenantA, Start, 2, WorkerOne, ClaimFor);
        var theirs = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor));
        await store.BeginDisposalAsync(TenantA, mine[0].Id, WorkerOne, Start);
        var earlier = await AuditTrail.AppendAsync(Proof(TenantA, "before") with { Action = "something.else" });

        var recorded = await store.CompleteDisposalsAsync(TenantA, [new(mine[0].Id, Proof(TenantA, "i-1")), new(theirs.Id, Proof(TenantA, "i-3")), new(mine[1].Id, Proof(TenantA, "i-2"))], WorkerOne, Start);

        Assert.Equal([null, RetentionErrorCodes.ClaimNotHeld, null], recorded.Select(r => r.Error?.Code));
        Assert.Equal([earlier.Sequence + 1, earlier.Sequence + 2], [recorded[0].Value.Sequence, recorded[2].Value.Sequence]);
        Assert.Equal(Start, (await store.GetAsync(TenantA, mine[0].Id)).Value.DisposedAt);
        Assert.Equal(WorkerTwo, (await store.GetAsync(TenantA, theirs.Id)).Value.ClaimedBy);
        var proofs = (await ToListAsync(AuditTrail.ReadByTenantAsync(TenantA))).Where(e => e.Action == ProofAction).ToList();
        Assert.Equal(["i-1", "i-2"], proofs.Select(e => e.Details["item"]));
        Assert.Equal([recorded[0].Value.Sequence, recorded[2].Value.Sequence], proofs.Select(e => e.Sequence));
    }

    /// <summary>An item recorded disposed of once is never recorded again: a second completion is refused and appends no second proof.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteDisposalsAsync_Twice_RecordsOneProof()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));

        var first = await store.CompleteDisposalsAsync(TenantA, [new(claimed.Id, Proof(TenantA, "i-1"))], WorkerOne, Start);
        var second = await store.CompleteDisposalsAsync(TenantA, [new(claimed.Id, Proof(TenantA, "i-1"))], WorkerOne, Start);

        Assert.True(first[0].IsSuccess);
        Assert.Equal(RetentionErrorCodes.AlreadyDisposed, second[0].Error?.Code);
        Assert.Single(await ToListAsync(AuditTrail.ReadByTenantAsync(TenantA)));
    }

    /// <summary>A hold placed after an item was claimed still stops its disposal being recorded.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteDisposalAsync_HoldPlacedAfterClaim_IsRefused()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForCase(claimed.Item.Case!.Value)));

        var result = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        Assert.Equal(RetentionErrorCodes.ItemHeld, result.Error?.Code);
    }

    /// <summary>Beginning destruction is the last point at which a hold stops it: a hold placed after the claim refuses it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginDisposalAsync_HoldPlacedAfterClaim_IsRefused()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForCase(claimed.Item.Case!.Value)));

        var result = await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        Assert.Equal(RetentionErrorCodes.ItemHeld, result.Error?.Code);
        Assert.Null((await store.GetAsync(TenantA, claimed.Id)).Value.DestructionStartedAt);
    }

    /// <summary>An erasure begins whatever the planned instant, unless a hold on the item or on an extra target covers it at that moment; once begun, a later hold does not stop its record.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginErasureAsync_HoldOnTheItemOrExtraTarget_IsRefusedElseBeginsAndCompletes()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start.Plus(Duration.FromDays(3650))));
        var subject = HoldTarget.ForSubject(DataSubjectId.Parse("caller-9"));
        await store.AddHoldAsync(Hold(TenantA, "h-1", subject));

        var held = await store.BeginErasureAsync(TenantA, RetainedItemId.Parse("i-1"), [subject], WorkerOne, Start, ClaimFor);
        await store.ReleaseHoldAsync(TenantA, LegalHoldId.Parse("h-1"), WorkerTwo, Start);
        var begun = await store.BeginErasureAsync(TenantA, RetainedItemId.Parse("i-1"), [subject], WorkerOne, Start, ClaimFor);
        await store.AddHoldAsync(Hold(TenantA, "h-2", HoldTarget.ForItem(RetainedItemId.Parse("i-1"))));
        var resumed = await store.BeginErasureAsync(TenantA, RetainedItemId.Parse("i-1"), [], WorkerOne, Start.Plus(ClaimFor), ClaimFor);
        var done = await store.CompleteDisposalAsync(TenantA, RetainedItemId.Parse("i-1"), WorkerOne, Start);

        Assert.Equal(RetentionErrorCodes.ItemHeld, held.Error?.Code);
        Assert.Equal(Start, begun.Value.DestructionStartedAt);
        Assert.Equal(Start, resumed.Value.DestructionStartedAt);
        Assert.True(done.Value.IsDisposed);
        Assert.Empty(await store.ClaimDueAsync(TenantA, Start.Plus(Duration.FromDays(7300)), 10, WorkerTwo, ClaimFor));
    }

    /// <summary>An erasure does not take an item another worker holds a live claim on.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginErasureAsync_LiveClaimOfAnotherWorker_IsClaimNotHeld()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));

        var result = await store.BeginErasureAsync(TenantA, claimed.Id, [], WorkerTwo, Start, ClaimFor);

        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, result.Error?.Code);
    }

    /// <summary>
    /// Beginning a batch decides each item as beginning it alone would, and answers in the batch's order: the worker's
    /// due items are begun; an item held since the claim, one claimed by another worker, one whose plan moved later and
    /// one not in the tenant are refused and left unmarked; one begun before under the same claim comes back unchanged.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginDisposalsAsync_MixedBatch_DecidesEachItemAsBeginningItAloneWould()
    {
        var store = CreateStore();
        foreach (var id in new[] { "i-1", "i-2", "i-3", "i-4", "i-5", "i-6" })
        {
            await store.SaveAsync(Item(TenantA, id, Start));
        }

        await store.SaveAsync(Item(TenantB, "i-9", Start));
        var mine = (await store.ClaimDueAsync(TenantA, Start, 5, WorkerOne, ClaimFor)).ToDictionary(i => i.Id.Value);
        var theirs = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor));
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForSubject(mine["i-2"].Item.Subject!.Value)));
        var moved = (await store.GetAsync(TenantA, mine["i-4"].Id)).Value;
        await store.SaveAsync(moved with { DisposeAt = Start + Duration.FromDays(30) });
        var earlier = (await store.BeginDisposalAsync(TenantA, mine["i-5"].Id, WorkerOne, Start)).Value;
        var later = Start + Duration.FromMinutes(1);

        var begun = await store.BeginDisposalsAsync(TenantA, [mine["i-5"].Id, mine["i-1"].Id, mine["i-2"].Id, theirs.Id, mine["i-4"].Id, RetainedItemId.Parse("i-9"), mine["i-3"].Id], WorkerOne, later);

        Assert.Equal(
            [null, null, RetentionErrorCodes.ItemHeld, RetentionErrorCodes.ClaimNotHeld, RetentionErrorCodes.NotDue, ErrorCodes.NotFound, null],
            begun.Select(b => b.Error?.Code));
        Assert.Equal((Start, earlier.Version), (begun[0].Value.DestructionStartedAt!.Value, begun[0].Value.Version));
        Assert.Equal([later, later], new[] { begun[1], begun[6] }.Select(b => b.Value.DestructionStartedAt!.Value));
        foreach (var id in new[] { "i-1", "i-3" })
        {
            var stored = (await store.GetAsync(TenantA, RetainedItemId.Parse(id))).Value;
            Assert.Equal(later, stored.DestructionStartedAt);
            Assert.Equal(mine[id].Version + 1, stored.Version);
        }

        foreach (var id in new[] { "i-2", "i-4", theirs.Id.Value })
        {
            Assert.Null((await store.GetAsync(TenantA, RetainedItemId.Parse(id))).Value.DestructionStartedAt);
        }

        Assert.Null((await store.GetAsync(TenantB, RetainedItemId.Parse("i-9"))).Value.DestructionStartedAt);
        Assert.Empty(await store.BeginDisposalsAsync(TenantA, [], WorkerOne, Start));
    }

    /// <summary>Only the claim holder may begin destruction.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginDisposalAsync_ByAnotherWorker_IsRefused()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));

        var result = await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerTwo, Start);

        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, result.Error?.Code);
    }

    /// <summary>Once destruction has begun, a hold that arrives too late does not stop the disposal being recorded: gone content is never left unrecorded.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteDisposalAsync_HoldPlacedAfterDestructionBegan_IsRecorded()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        var begun = await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForCase(claimed.Item.Case!.Value)));

        var done = await store.CompleteDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        Assert.Equal(Start, begun.Value.DestructionStartedAt);
        Assert.True(done.IsSuccess, done.Error?.ToString());
        Assert.True((await store.GetAsync(TenantA, claimed.Id)).Value.IsDisposed);
    }

    /// <summary>Releasing a claim after a failed destruction clears the begun mark, so holds stop the item again.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReleaseClaimAsync_AfterDestructionBegan_ClearsIt()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));
        await store.BeginDisposalAsync(TenantA, claimed.Id, WorkerOne, Start);

        var released = await store.ReleaseClaimAsync(TenantA, claimed.Id, WorkerOne);
        await store.AddHoldAsync(Hold(TenantA, "h-1", HoldTarget.ForCase(claimed.Item.Case!.Value)));

        Assert.Null(released.Value.DestructionStartedAt);
        Assert.Empty(await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor));
    }

    /// <summary>A released claim lets another worker take the item at once.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReleaseClaimAsync_ByHolder_ItemCanBeTakenAtOnce()
    {
        var store = CreateStore();
        await store.SaveAsync(Item(TenantA, "i-1", Start));
        var claimed = Assert.Single(await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor));

        var byOther = await store.ReleaseClaimAsync(TenantA, claimed.Id, WorkerTwo);
        await store.ReleaseClaimAsync(TenantA, claimed.Id, WorkerOne);
        var retaken = await store.ClaimDueAsync(TenantA, Start, 10, WorkerTwo, ClaimFor);

        Assert.Equal(RetentionErrorCodes.ClaimNotHeld, byOther.Error?.Code);
        Assert.Equal(WorkerTwo, Assert.Single(retaken).ClaimedBy);
    }

    /// <summary>Moving an item's disposal instant moves it in the due order; clearing it takes it out.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_NewDisposalInstant_ReordersWhatIsDue()
    {
        var store = CreateStore();
        var a = (await store.SaveAsync(Item(TenantA, "a", Start.Minus(Duration.FromDays(2))))).Value;
        await store.SaveAsync(Item(TenantA, "b", Start.Minus(Duration.FromDays(1))));
        var c = (await store.SaveAsync(Item(TenantA, "c", Start.Minus(Duration.FromDays(3))))).Value;

        await store.SaveAsync(a with { DisposeAt = Start.Plus(Duration.FromDays(1)) });
        await store.SaveAsync(c with { DisposeAt = null });
        var due = await store.ClaimDueAsync(TenantA, Start, 10, WorkerOne, ClaimFor);

        Assert.Equal(["b"], due.Select(i => i.Id.Value));
    }

    /// <summary>
    /// Two workers claiming and disposing concurrently over one store dispose of every due item exactly once, even when
    /// a third worker dies holding claims that must lapse first.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ConcurrentWorkers_SameStore_DisposeEveryItemExactlyOnce()
    {
        var store = CreateStore();
        const int count = 600;
        for (var i = 0; i < count; i++)
        {
            await store.SaveAsync(Item(TenantA, $"i-{i:D4}", Start.Minus(Duration.FromSeconds(i % 97))));
        }

        var dead = await store.ClaimDueAsync(TenantA, Start, 50, ActorId.Parse("worker-dead"), ClaimFor);
        var disposed = new ConcurrentDictionary<RetainedItemId, ActorId>();
        var twice = 0;
        var clockTicks = 0L;

        async Task Work(ActorId worker)
        {
            while (true)
            {
                // Time moves on as the workers run, so the dead worker's claims lapse partway through.
                var now = Start + Duration.FromSeconds(Interlocked.Add(ref clockTicks, 5));
                var batch = await store.ClaimDueAsync(TenantA, now, 7, worker, ClaimFor);
                if (batch.Count == 0 && now > Start + (ClaimFor * 2))
                {
                    return;
                }

                foreach (var item in batch)
                {
                    var done = await store.CompleteDisposalAsync(TenantA, item.Id, worker, now);
                    if (done.IsFailure)
                    {
                        // A worker too slow for its claim loses the item to another worker; it must never dispose of it too.
                        // It finds the claim taken, or, once the other worker has finished, the item disposed of by them.
                        if (done.Error.Code == RetentionErrorCodes.AlreadyDisposed)
                        {
                            var stored = (await store.GetAsync(TenantA, item.Id)).Value;
                            Assert.NotEqual(worker, stored.DisposedBy);
                        }
                        else
                        {
                            Assert.Equal(RetentionErrorCodes.ClaimNotHeld, done.Error.Code);
                        }

                        continue;
                    }

                    if (!disposed.TryAdd(item.Id, worker))
                    {
                        Interlocked.Increment(ref twice);
                    }
                }

                await Task.Yield();
            }
        }

        await Task.WhenAll(Task.Run(() => Work(WorkerOne)), Task.Run(() => Work(WorkerTwo)));

        Assert.Equal(50, dead.Count);
        Assert.Equal(0, twice);
        Assert.Equal(count, disposed.Count);
        Assert.Empty(await ToListAsync(store.ReadAllAsync(TenantA)));
    }

    private static StoredRetainedItem Item(TenantId tenant, string id, Instant? disposeAt) => new()
    {
        Item = new RetainedItem
        {
            Tenant = tenant,
            Id = RetainedItemId.Parse(id),
            RecordClass = RecordClass.CallRecording,
            CreatedAt = Start.Minus(Duration.FromDays(200)),
            Subject = DataSubjectId.Parse($"subject-{id}"),
            Interaction = InteractionId.Parse($"call-{id}"),
            Case = CaseId.Parse($"case-{id}"),
        },
        DisposeAt = disposeAt,
        Action = disposeAt is null ? null : DisposalAction.Delete,
        RuleName = "recordings",
    };

    private static AuditEntry Proof(TenantId tenant, string item) => new()
    {
        Tenant = tenant,
        OccurredAt = Start,
        Actor = WorkerOne,
        Action = ProofAction,
        Resource = ResourceRef.RetainedItem(RetainedItemId.Parse(item)),
        Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["item"] = item },
    };

    private static LegalHold Hold(TenantId tenant, string id, HoldTarget target) => new()
    {
        Id = LegalHoldId.Parse(id),
        Tenant = tenant,
        Target = target,
        Reason = "litigation",
        PlacedBy = ActorId.Parse("legal-team"),
        PlacedAt = Start,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
