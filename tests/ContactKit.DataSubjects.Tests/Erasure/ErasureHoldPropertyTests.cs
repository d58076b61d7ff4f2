using System.Collections.Concurrent;
using ContactKit.Calendars;
using CsCheck;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Erasure;

/// <summary>
/// Holds placed at random points between planning an erasure and carrying it out, and while it is being carried out
/// (between one item's erasure and the next): after every erasure, no item under a hold at that moment was erased, and
/// every item is accounted for exactly once in the answer.
/// </summary>
public class ErasureHoldPropertyTests
{
    // One hold: on one item (index) or on the whole subject (-1), placed at a step of the run.
    private static readonly Gen<(int Target, int Step)> Hold = Gen.Select(Gen.Frequency((6, Gen.Int[0, 7]), (1, Gen.Const(-1))), Gen.Int[0, 20]);

    private static readonly Gen<(int Items, (int Target, int Step)[] Holds)> Run = Gen.Select(Gen.Int[1, 8], Hold.Array[0, 4]);

    [Fact]
    public void ExecuteAsync_HoldsPlacedAtRandomPoints_NoHeldItemIsEverErased()
    {
        Run.Sample(t => Check(t.Items, t.Holds).AsTask().GetAwaiter().GetResult(), iter: 10_000);
    }

    private static async ValueTask Check(int items, (int Target, int Step)[] holds)
    {
        var facts = new SteppedFacts(holds.Where(h => h.Target < items).ToArray());
        var source = new GuardedSource(new InMemoryPersonalDataSource("crm"), facts);
        for (var i = 0; i < items; i++)
        {
            source.Inner.Add(Council, Caller, new PersonalDataItem { Source = "crm", ItemId = $"item-{i}", Category = DataCategories.Name.Key, LawfulBasis = LawfulBasis.Consent });
        }

        var service = new ErasureService(
            new PersonalDataSourceRegistry([source]),
            facts,
            new InMemoryAuditTrail(),
            new UkTenantCalendars(UkDivision.EnglandAndWales),
            Options.Create(new DataSubjectsOptions()),
            FakeClocks.AtUtc(2026, 3, 6, 9));
        var plan = (await service.PlanAsync(ErasureTests.Authorised(new LocalDate(2026, 3, 5)))).Value;

        // Between the plan and its execution.
        facts.Advance();
        var answer = await service.ExecuteAsync(plan);

        // Checked by the source at every erasure: nothing held at that moment was erased. Every item is answered once.
        Assert.Empty(source.Violations);
        Assert.Equal(items, answer.Erased.Length + answer.Kept.Length + answer.Failed.Length);
        Assert.Equal(items, answer.Erased.Select(d => d.Item.ItemId).Concat(answer.Kept.Select(d => d.Item.ItemId)).Distinct().Count());
        Assert.All(answer.Kept, d => Assert.True(facts.IsHeld(d.Item.ItemId)));
        Assert.Empty(answer.Failed);
        Assert.Empty(facts.Begun); // every begun erasure was recorded
    }

    // Retention facts whose holds appear at their step; every read of the facts is one step of the run.
    private sealed class SteppedFacts((int Target, int Step)[] holds) : IErasureRetentionFacts
    {
        private int _step;

        public void Advance() => _step++;

        public bool IsHeld(string itemId) =>
            holds.Any(h => h.Step <= _step && (h.Target == -1 || $"item-{h.Target}" == itemId));

        public ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default)
        {
            Advance();
            return ValueTask.FromResult(FactsOf(item));
        }

        // The atomic point: the hold is decided here and nothing moves the step until the erasure is done.
        public ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default)
        {
            Advance();
            var facts = FactsOf(item);
            if (facts.ActiveHold is null)
            {
                Begun.Add(item.ItemId);
            }

            return ValueTask.FromResult<Result<ErasureStart>>(new ErasureStart { Outcome = facts.ActiveHold is null ? ErasureStartOutcome.Begun : ErasureStartOutcome.Held, Facts = facts, Tracked = true });
        }

        public ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default)
        {
            // A hold placed between the erasure and its record does not stop the record.
            Advance();
            return ValueTask.FromResult<Result<ErasureProof>>(Begun.Remove(item.ItemId) ? proof : new ContactKitError("CK0999", "not begun", "item"));
        }

        public HashSet<string> Begun { get; } = [];

        private RetentionFacts FactsOf(PersonalDataItem item) =>
            IsHeld(item.ItemId) ? new RetentionFacts { ActiveHold = LegalHoldId.Parse("hold-1") } : RetentionFacts.None;
    }

    // A source that records any erasure of an item held at the moment of destruction, then lets time move on.
    private sealed class GuardedSource(InMemoryPersonalDataSource inner, SteppedFacts facts) : IPersonalDataSource
    {
        public ConcurrentBag<string> Violations { get; } = [];

        public InMemoryPersonalDataSource Inner => inner;

        public string Name => inner.Name;

        public IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
            inner.FindAsync(tenant, subject, cancellationToken);

        public IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
            inner.ExportAsync(tenant, subject, cancellationToken);

        public async ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default)
        {
            // Erasing an item whose destruction was not begun (held at the begin, or never asked) is the defect.
            if (!facts.Begun.Contains(itemId))
            {
                Violations.Add(itemId);
            }

            var result = await inner.EraseAsync(tenant, subject, itemId, cancellationToken);

            // A hold may be placed between this erasure and the next item's.
            facts.Advance();
            return result;
        }
    }
}
