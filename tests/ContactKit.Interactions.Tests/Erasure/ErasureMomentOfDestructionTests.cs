using ContactKit.DataSubjects;
using ContactKit;
using ContactKit.Calendars;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using static ContactKit.Interactions.Tests.Erasure.ErasureFixtures;

namespace ContactKit.Interactions.Tests.Erasure;

/// <summary>Erasure over ContactKit.Retention: holds decided at one atomic point, erased items disposed of with proof.</summary>
public class ErasureMomentOfDestructionTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly RetainedItemId Rec = RetainedItemId.Parse("rec-1");

    [Fact]
    public async Task ExecuteAsync_HoldPlacedBetweenTheFactsReadAndTheErase_ItemIsKept()
    {
        var (store, source, audit) = await ArrangeAsync();
        var facts = new HoldAfterRead(new RetentionErasureFacts(store, new FixedSchedule()), store);
        var service = Service(source, facts, audit);
        var plan = (await service.PlanAsync(Authorised(new LocalDate(2026, 3, 5)))).Value;

        facts.PlaceHoldOnNextRead = true;
        var answer = await service.ExecuteAsync(plan);

        var kept = Assert.Single(answer.Kept);
        Assert.Empty(answer.Erased);
        Assert.Contains("legal hold hold-race", kept.Reason, StringComparison.Ordinal);
        Assert.Single(await source.FindAsync(Council, Caller).ToListAsync());
        Assert.False((await store.GetAsync(Council, Rec)).Value.IsDisposed);
    }

    [Fact]
    public async Task ExecuteAsync_ErasedItem_IsDisposedInTheStoreWithProofAndNoLongerDue()
    {
        var (store, source, audit) = await ArrangeAsync();
        var service = Service(source, new RetentionErasureFacts(store, new FixedSchedule()), audit);
        var request = Authorised(new LocalDate(2026, 3, 5));
        var plan = (await service.PlanAsync(request)).Value;

        var answer = await service.ExecuteAsync(plan);

        Assert.Single(answer.Erased);
        var stored = (await store.GetAsync(Council, Rec)).Value;
        Assert.True(stored.IsDisposed);
        Assert.Equal($"erasure:{request.Id.Value}", stored.DisposedBy?.Value);
        Assert.Empty(await store.ClaimDueAsync(Council, Created.Plus(Duration.FromDays(3650)), 10, ActorId.Parse("sweeper"), Duration.FromMinutes(5)));
        var erased = Assert.Single(await audit.ReadByResourceAsync(Council, ResourceRef.RightsRequest(request.Id)).ToListAsync(), e => e.Action == "erasure.item_erased");
        Assert.Equal(("rec-1", "sha256:feed"), (erased.Details["retained_item"], erased.Details["content_hash"]));
        Assert.True(erased.Details.ContainsKey("erased_at"));
    }

    [Fact]
    public async Task ExecuteAsync_CrashBetweenTheEraseAndItsRecord_SamePlanRunAgainRecordsIt()
    {
        var (store, source, audit) = await ArrangeAsync();
        var facts = new CompleteFailsOnce(new RetentionErasureFacts(store, new FixedSchedule()));
        var service = Service(source, facts, audit);
        var plan = (await service.PlanAsync(Authorised(new LocalDate(2026, 3, 5)))).Value;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await service.ExecuteAsync(plan));
        Assert.Empty(await source.FindAsync(Council, Caller).ToListAsync()); // erased, not recorded
        await store.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse("hold-after"), Tenant = Council, Target = HoldTarget.ForItem(Rec), Reason = "litigation", PlacedBy = Officer, PlacedAt = Created });
        var answer = await service.ExecuteAsync(plan);

        Assert.Single(answer.Erased);
        Assert.True((await store.GetAsync(Council, Rec)).Value.IsDisposed);
    }

    private static async Task<(InMemoryRetentionStore Store, InMemoryPersonalDataSource Source, InMemoryAuditTrail Audit)> ArrangeAsync()
    {
        var store = new InMemoryRetentionStore();
        await store.SaveAsync(new StoredRetainedItem
        {
            Item = new RetainedItem { Tenant = Council, Id = Rec, RecordClass = RecordClass.ParseText("call_recording").Value, CreatedAt = Created },
            RuleName = "recordings",
            DisposeAt = Created.Plus(Duration.FromDays(6 * 365)),
            Action = DisposalAction.Delete,
        });
        var source = new InMemoryPersonalDataSource("call-recorder").Add(Council, Caller, new PersonalDataItem
        {
            Source = "call-recorder",
            ItemId = "rec-1",
            Category = DataCategories.CallRecording.Key,
            LawfulBasis = LawfulBasis.LegitimateInterests,
            RetainedItem = Rec,
        });
        return (store, source, new InMemoryAuditTrail());
    }

    private static ErasureService Service(InMemoryPersonalDataSource source, IErasureRetentionFacts facts, InMemoryAuditTrail audit) => new(
        new PersonalDataSourceRegistry([new HashingSource(source)]),
        facts,
        audit,
        new UkTenantCalendars(UkDivision.EnglandAndWales),
        Options.Create(new DataSubjectsOptions()),
        FakeClocks.AtUtc(2026, 3, 6, 9));

    private sealed class FixedSchedule : IRetentionScheduleProvider
    {
        public RetentionSchedule GetSchedule(TenantId tenant) => new() { Name = "empty", Rules = [] };
    }

    // A source whose erasures report a content hash.
    private sealed class HashingSource(InMemoryPersonalDataSource inner) : IPersonalDataSource
    {
        public string Name => inner.Name;

        public IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) => inner.FindAsync(tenant, subject, cancellationToken);

        public IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) => inner.ExportAsync(tenant, subject, cancellationToken);

        public async ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default)
        {
            var erased = await inner.EraseAsync(tenant, subject, itemId, cancellationToken);
            return erased.IsSuccess ? erased.Value with { ContentHash = "sha256:feed" } : erased;
        }
    }

    // Places a subject hold in the store just after a facts read during execution: the read said "no hold".
    private sealed class HoldAfterRead(IErasureRetentionFacts inner, InMemoryRetentionStore store) : IErasureRetentionFacts
    {
        public bool PlaceHoldOnNextRead { get; set; }

        public async ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default)
        {
            var facts = await inner.GetAsync(tenant, subject, item, cancellationToken);
            if (PlaceHoldOnNextRead)
            {
                PlaceHoldOnNextRead = false;
                await store.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse("hold-race"), Tenant = tenant, Target = HoldTarget.ForSubject(subject), Reason = "ombudsman complaint", PlacedBy = Officer, PlacedAt = Created }, cancellationToken);
            }

            return facts;
        }

        public ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default) =>
            inner.BeginErasureAsync(tenant, subject, item, request, startedAt, cancellationToken);

        public ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default) =>
            inner.CompleteErasureAsync(tenant, subject, item, proof, cancellationToken);
    }

    // The process dies after the source erased the item and before the record was made.
    private sealed class CompleteFailsOnce(IErasureRetentionFacts inner) : IErasureRetentionFacts
    {
        private bool _failed;

        public ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default) =>
            inner.GetAsync(tenant, subject, item, cancellationToken);

        public ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default) =>
            inner.BeginErasureAsync(tenant, subject, item, request, startedAt, cancellationToken);

        public ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default)
        {
            if (!_failed)
            {
                _failed = true;
                throw new InvalidOperationException("crashed");
            }

            return inner.CompleteErasureAsync(tenant, subject, item, proof, cancellationToken);
        }
    }
}
