using System.Diagnostics.CodeAnalysis;
using ContactKit.DataSubjects;
using ContactKit.Retention;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IErasureRetentionFacts"/> must show, whatever it reads from. Inherit it and, in
/// <see cref="CreateAsync"/>, set up the items and holds described the way the implementation learns about them (for
/// the in-memory facts, <c>Set</c>; for facts read from retention, tracked items and placed holds).
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class ErasureRetentionFactsContractTests
{
    /// <summary>The tenant the items are arranged in.</summary>
    protected static readonly TenantId Tenant = TenantId.Parse("council");

    /// <summary>Another tenant, which must never see the first one's facts.</summary>
    protected static readonly TenantId OtherTenant = TenantId.Parse("bureau");

    /// <summary>The data subject the items are about.</summary>
    protected static readonly DataSubjectId Subject = DataSubjectId.Parse("caller-1");

    /// <summary>Sets up an implementation that knows about <paramref name="items"/> and <paramref name="holds"/>.</summary>
    /// <param name="items">The items, each linked to a retained item of the same id unless <see cref="ItemKept.Linked"/> is false.</param>
    /// <param name="holds">The holds, active or released.</param>
    /// <returns>The implementation under test.</returns>
    protected abstract ValueTask<IErasureRetentionFacts> CreateAsync(IReadOnlyList<ItemKept> items, IReadOnlyList<HoldPlaced> holds);

    /// <summary>Places an active hold after <see cref="CreateAsync"/>, on the implementation it last created.</summary>
    /// <param name="hold">The hold.</param>
    /// <returns>A task.</returns>
    protected abstract ValueTask PlaceHoldAsync(HoldPlaced hold);

    /// <summary>The request the erasures are carried out for.</summary>
    protected static readonly RightsRequestId Request = RightsRequestId.Parse("req-erase-1");

    /// <summary>When the first erasure begins.</summary>
    protected static readonly Instant Began = Instant.FromUtc(2026, 3, 20, 9, 0);

    /// <summary>Nothing holds the item: its erasure begins, completes with its proof, and cannot begin again.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginErasureAsync_NothingHolds_BeginsThenCompletesWithProof()
    {
        var item = Item("ri-erase");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);

        var begun = await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began);
        var done = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item, "sha256:abc"));
        var again = await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began.Plus(Duration.FromMinutes(1)));

        Assert.Equal(ErasureStartOutcome.Begun, begun.Value.Outcome);
        Assert.True(begun.Value.Tracked);
        Assert.True(done.IsSuccess, done.Error?.Message);
        Assert.Equal(item.RetainedItem, done.Value.RetainedItem);
        Assert.Equal(Request, done.Value.Request);
        Assert.Equal("sha256:abc", done.Value.ContentHash);
        Assert.Equal(ErasureStartOutcome.AlreadyDisposed, again.Value.Outcome);
    }

    /// <summary>A hold placed after the facts were read but before the begin keeps the item, with the hold and its reason.</summary>
    /// <param name="onSubject">Whether the hold is on the whole subject rather than the item.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BeginErasureAsync_HoldPlacedAfterTheRead_IsHeldWithItsReason(bool onSubject)
    {
        var item = Item("ri-late-hold");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);
        var read = await facts.GetAsync(Tenant, Subject, item);
        var hold = new HoldPlaced(Tenant, LegalHoldId.Parse("hold-late"), onSubject ? null : item, onSubject ? Subject : null, "litigation", Released: false);
        await PlaceHoldAsync(hold);

        var begun = await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began);

        Assert.Null(read.ActiveHold);
        Assert.Equal(ErasureStartOutcome.Held, begun.Value.Outcome);
        Assert.False(begun.Value.MayErase);
        Assert.Equal(hold.Id, begun.Value.Facts.ActiveHold);
        Assert.Equal("litigation", begun.Value.Facts.Reason);
    }

    /// <summary>An item the schedule does not know is decided on the subject's holds, with nothing marked.</summary>
    /// <param name="held">Whether the subject is under a hold.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BeginErasureAsync_UntrackedItem_DecidesTheSubjectsHoldsAndCompletesWithNothingToMark(bool held)
    {
        var item = Item("ri-crm", linked: false);
        var holds = held ? new[] { new HoldPlaced(Tenant, LegalHoldId.Parse("hold-s"), null, Subject, "ombudsman complaint", Released: false) } : [];
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask, Linked: false)], holds);

        var begun = await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began);

        Assert.False(begun.Value.Tracked);
        Assert.Equal(held ? ErasureStartOutcome.Held : ErasureStartOutcome.Begun, begun.Value.Outcome);
        if (!held)
        {
            var done = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item));
            Assert.True(done.IsSuccess, done.Error?.Message);
            Assert.Null(done.Value.RetainedItem);
        }
    }

    /// <summary>A hold placed once destruction began does not stop the record of what was erased.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteErasureAsync_HoldPlacedAfterTheBegin_IsStillRecorded()
    {
        var item = Item("ri-begun");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);
        await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began);
        await PlaceHoldAsync(new HoldPlaced(Tenant, LegalHoldId.Parse("hold-after"), item, null, "litigation", Released: false));

        var done = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item));

        Assert.True(done.IsSuccess, done.Error?.Message);
    }

    /// <summary>A run stopped between the erasure and its record resumes: the begin for the same request finds its mark, even under a later hold, and the record completes.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginErasureAsync_BegunBeforeForTheSameRequest_ResumesAndCompletes()
    {
        var item = Item("ri-crash");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);
        await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began);
        await PlaceHoldAsync(new HoldPlaced(Tenant, LegalHoldId.Parse("hold-crash"), item, null, "litigation", Released: false));

        var resumed = await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began.Plus(Duration.FromMinutes(5)));
        var done = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item));
        var twice = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item));

        Assert.Equal(ErasureStartOutcome.Resumed, resumed.Value.Outcome);
        Assert.True(done.IsSuccess, done.Error?.Message);
        Assert.True(twice.IsSuccess, twice.Error?.Message);
    }

    /// <summary>Completing an erasure that was never begun is refused: the hold check would have been skipped.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task CompleteErasureAsync_NotBegun_IsRefused()
    {
        var item = Item("ri-unbegun");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);

        var done = await facts.CompleteErasureAsync(Tenant, Subject, item, Proof(item));

        Assert.True(done.IsFailure);
    }

    /// <summary>A cancelled begin throws at once instead of marking anything.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task BeginErasureAsync_Cancelled_Throws()
    {
        var item = Item("ri-cancel-begin");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await facts.BeginErasureAsync(Tenant, Subject, item, Request, Began, cancel.Token));
    }

    /// <summary>The proof of one erasure of <paramref name="item"/> for <see cref="Request"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="hash">The content hash, if known.</param>
    /// <returns>The proof.</returns>
    protected static ErasureProof Proof(PersonalDataItem item, string? hash = null) => new()
    {
        Item = item.Ref,
        RetainedItem = item.RetainedItem,
        Request = Request,
        ErasedAt = Began.Plus(Duration.FromSeconds(1)),
        ErasedBy = ActorId.Parse("dpo"),
        ContentHash = hash,
    };

    /// <summary>An item nothing keeps has no hold and no legal reason to be kept.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_ItemNothingKeeps_HasNoHoldAndNoLegalReason()
    {
        var item = Item("ri-plain");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);

        var result = await facts.GetAsync(Tenant, Subject, item);

        Assert.Null(result.ActiveHold);
        Assert.False(result.KeptForLegalClaims);
        Assert.False(result.KeptForLegalObligation);
    }

    /// <summary>The schedule's reason reaches the erasure decision: legal claims and legal obligations, each with its words.</summary>
    /// <param name="reason">Why the schedule keeps the item.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(RetentionReason.LegalClaims)] // a complaint that may be defended
    [InlineData(RetentionReason.LegalObligation)] // payroll kept by law
    public async Task GetAsync_KeptForALegalReason_SaysWhich(RetentionReason reason)
    {
        var item = Item("ri-kept");
        var facts = await CreateAsync([new ItemKept(Tenant, item, reason)], []);

        var result = await facts.GetAsync(Tenant, Subject, item);

        Assert.Equal(reason == RetentionReason.LegalClaims, result.KeptForLegalClaims);
        Assert.Equal(reason == RetentionReason.LegalObligation, result.KeptForLegalObligation);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Null(result.ActiveHold);
    }

    /// <summary>An active hold on the item is reported with its reason.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_HoldOnTheItem_IsReportedWithItsReason()
    {
        var item = Item("ri-held");
        var hold = new HoldPlaced(Tenant, LegalHoldId.Parse("hold-1"), item, null, "litigation", Released: false);
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], [hold]);

        var result = await facts.GetAsync(Tenant, Subject, item);

        Assert.Equal(hold.Id, result.ActiveHold);
        Assert.Equal("litigation", result.Reason);
    }

    /// <summary>A hold on the whole subject reaches every item about them, linked to a retained item or not.</summary>
    /// <param name="linked">Whether the item is linked to a retained item.</param>
    /// <returns>The test.</returns>
    [SkippableTheory]
    [InlineData(true)] // a recording the retention schedule knows
    [InlineData(false)] // a CRM note the schedule does not know
    public async Task GetAsync_HoldOnTheSubject_ReachesTheirItems(bool linked)
    {
        var item = Item("ri-subject", linked);
        var hold = new HoldPlaced(Tenant, LegalHoldId.Parse("hold-2"), null, Subject, "ombudsman complaint", Released: false);
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask, linked)], [hold]);

        var result = await facts.GetAsync(Tenant, Subject, item);

        Assert.Equal(hold.Id, result.ActiveHold);
        Assert.Equal("ombudsman complaint", result.Reason);
    }

    /// <summary>A released hold keeps nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_HoldReleased_IsNotReported()
    {
        var item = Item("ri-released");
        var hold = new HoldPlaced(Tenant, LegalHoldId.Parse("hold-3"), item, null, "litigation", Released: true);
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], [hold]);

        var result = await facts.GetAsync(Tenant, Subject, item);

        Assert.Null(result.ActiveHold);
    }

    /// <summary>One tenant never sees another's holds or reasons, even for an item with the same id.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_OtherTenant_SeesNothingOfTheFirst()
    {
        var item = Item("ri-tenant");
        var hold = new HoldPlaced(Tenant, LegalHoldId.Parse("hold-4"), null, Subject, "litigation", Released: false);
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.LegalClaims)], [hold]);

        var result = await facts.GetAsync(OtherTenant, Subject, item);

        Assert.Null(result.ActiveHold);
        Assert.False(result.KeptForLegalClaims);
    }

    /// <summary>A cancelled look-up throws at once instead of answering.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_Cancelled_Throws()
    {
        var item = Item("ri-cancel");
        var facts = await CreateAsync([new ItemKept(Tenant, item, RetentionReason.PublicTask)], []);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await facts.GetAsync(Tenant, Subject, item, cancel.Token));
    }

    /// <summary>An item as a personal-data source reports it.</summary>
    /// <param name="id">The item's id, also the id of the retained item it is linked to.</param>
    /// <param name="linked">Whether it is linked to a retained item.</param>
    /// <returns>The item.</returns>
    protected static PersonalDataItem Item(string id, bool linked = true) => new()
    {
        Source = "call-recorder",
        ItemId = id,
        Category = DataCategories.CallRecording.Key,
        LawfulBasis = LawfulBasis.LegitimateInterests,
        RecordClass = "call_recording",
        RetainedItem = linked ? RetainedItemId.Parse(id) : null,
    };

    /// <summary>An item about <see cref="Subject"/> and why the schedule keeps it.</summary>
    /// <param name="Tenant">The tenant.</param>
    /// <param name="Item">The item.</param>
    /// <param name="KeptFor">The reason of the schedule rule that keeps it.</param>
    /// <param name="Linked">Whether the retention schedule knows the item (it is linked to a retained item).</param>
    public sealed record ItemKept(TenantId Tenant, PersonalDataItem Item, RetentionReason KeptFor, bool Linked = true);

    /// <summary>A legal hold on one item or on everything about a subject.</summary>
    /// <param name="Tenant">The tenant.</param>
    /// <param name="Id">The hold.</param>
    /// <param name="Item">The item it covers, or <see langword="null"/> for a hold on the subject.</param>
    /// <param name="Subject">The subject it covers, or <see langword="null"/> for a hold on the item.</param>
    /// <param name="Reason">Why it was placed.</param>
    /// <param name="Released">Whether it has since been released.</param>
    public sealed record HoldPlaced(TenantId Tenant, LegalHoldId Id, PersonalDataItem? Item, DataSubjectId? Subject, string Reason, bool Released);
}
