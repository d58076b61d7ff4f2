using ContactKit.Testing;
using CsCheck;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Retention.Tests.Storage;

/// <summary>
/// Random interleavings of tracking, plan changes (from fresh and from stale reads), holds placed and released,
/// claims that lapse, Begin, Complete and released claims, driven through the disposal planner so that every disposal
/// leaves its proof. After every step the store must agree with a plain model and keep the invariants: no item is
/// destroyed while a hold placed before its destruction began covers it, none is disposed of twice, every disposed
/// item has its proof, none is destroyed before its stored instant, and, once claims have lapsed, a sweep takes every
/// due item no hold covers (none is missed forever).
/// </summary>
public sealed class InMemoryRetentionStorePropertyTests
{
    private const int Items = 6;
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 0, 0);
    private static readonly Duration ClaimFor = Duration.FromMinutes(30);
    private static readonly ActorId[] Workers = [ActorId.Parse("w-0"), ActorId.Parse("w-1")];

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, Items - 1], Gen.Int[-120, 120], Gen.Bool).Select((item, minutes, known) => new Op(OpKind.Track, item, minutes, known, 0))),
        (2, Gen.Int[0, Items - 1].Select(item => new Op(OpKind.Read, item, 0, false, 0))),
        (3, Gen.Select(Gen.Int[0, Items - 1], Gen.Int[-120, 3000], Gen.Bool, Gen.Int[0, 1]).Select((item, minutes, known, stale) => new Op(OpKind.Plan, item, minutes, known, stale))),
        (2, Gen.Select(Gen.Int[0, 3], Gen.Int[0, Items - 1]).Select((scope, item) => new Op(OpKind.Hold, item, scope, false, 0))),
        (1, Gen.Int[0, 9].Select(hold => new Op(OpKind.Release, 0, hold, false, 0))),
        (4, Gen.Select(Gen.Bool, Gen.Int[1, 4]).Select((worker, max) => new Op(OpKind.Claim, 0, max, worker, 0))),
        (3, Gen.Select(Gen.Bool, Gen.Int[0, Items - 1]).Select((worker, item) => new Op(OpKind.Begin, item, 0, worker, 0))),
        (3, Gen.Select(Gen.Bool, Gen.Int[0, Items - 1]).Select((worker, item) => new Op(OpKind.Complete, item, 0, worker, 0))),
        (1, Gen.Select(Gen.Bool, Gen.Int[0, Items - 1]).Select((worker, item) => new Op(OpKind.ReleaseClaim, item, 0, worker, 0))),
        (2, Gen.Int[1, 45].Select(minutes => new Op(OpKind.Advance, 0, minutes, false, 0))));

    private enum OpKind
    {
        Track,
        Read,
        Plan,
        Hold,
        Release,
        Claim,
        Begin,
        Complete,
        ReleaseClaim,
        Advance,
    }

    [Fact]
    public void Store_AnyInterleavingOfOperations_KeepsEveryInvariantAfterEveryStep()
    {
        Ops.Array[1, 50].Sample(Run, iter: 10_000);
    }

    private static void Run(Op[] ops)
    {
        var audit = new InMemoryAuditTrail();
        var store = new InMemoryRetentionStore(audit);
        var clock = new FakeClock(Start);
        var planner = new DisposalPlanner(store, audit, clock, new FixedOptions(new RetentionOptions { ClaimTimeout = ClaimFor, BatchSize = 3 }));
        var model = new Model();
        var holdIds = new List<LegalHoldId>();
        var reads = new Dictionary<int, StoredRetainedItem>();
        foreach (var op in ops)
        {
            var now = clock.GetCurrentInstant();
            var worker = op.Flag ? 1 : 0;
            switch (op.Kind)
            {
                case OpKind.Track:
                {
                    var at = op.Known ? now + Duration.FromMinutes(op.Number) : (Instant?)null;
                    var saved = Wait(store.SaveAsync(new StoredRetainedItem { Item = Item(op.Item), DisposeAt = at }));
                    if (model.Version.ContainsKey(op.Item))
                    {
                        Check(saved.Error?.Code == RetentionErrorCodes.ItemAlreadyTracked, $"tracking item {op.Item} again: {saved.Error}");
                    }
                    else
                    {
                        Check(saved.IsSuccess && saved.Value.Version == 1, "tracking a new item");
                        model.Version[op.Item] = 1;
                        model.DisposeAt[op.Item] = at;
                    }

                    break;
                }

                case OpKind.Read:
                {
                    var read = Wait(store.GetAsync(Tenant, ItemId(op.Item)));
                    Check(read.IsSuccess == model.Version.ContainsKey(op.Item), "read");
                    if (read.IsSuccess)
                    {
                        Check(read.Value.Version == model.Version[op.Item], $"version of item {op.Item}: store {read.Value.Version}, model {model.Version[op.Item]}");
                        reads[op.Item] = read.Value;
                    }

                    break;
                }

                case OpKind.Plan:
                {
                    // A schedule change or a trigger plans the item again, from a fresh read or from one taken earlier.
                    StoredRetainedItem? basis;
                    if (op.Stale == 1)
                    {
                        reads.TryGetValue(op.Item, out basis);
                    }
                    else
                    {
                        var fresh = Wait(store.GetAsync(Tenant, ItemId(op.Item)));
                        basis = fresh.IsSuccess ? fresh.Value : null;
                    }

                    if (basis is null)
                    {
                        break;
                    }

                    var at = op.Known ? now + Duration.FromMinutes(op.Number) : (Instant?)null;
                    var saved = Wait(store.SaveAsync(basis with { DisposeAt = at, DestructionStartedAt = null }));
                    var allowed = !model.Disposed.Contains(op.Item) && basis.Version == model.Version[op.Item];
                    Check(saved.IsSuccess == allowed, $"plan of item {op.Item} from version {basis.Version} (now {model.Version[op.Item]}): {saved.Error}");
                    if (allowed)
                    {
                        model.Version[op.Item]++;
                        model.DisposeAt[op.Item] = at;
                        Check((saved.Value.DestructionStartedAt is not null) == model.Begun(op.Item), "a save keeps the store's destruction mark");
                    }

                    break;
                }

                case OpKind.Hold:
                {
                    var target = HoldTarget.Reaching(Item(op.Item)).ElementAt(op.Number);
                    var hold = new LegalHold { Id = LegalHoldId.Parse($"h-{holdIds.Count}"), Tenant = Tenant, Target = target, Reason = "r", PlacedBy = Workers[0], PlacedAt = now };
                    Check(Wait(store.AddHoldAsync(hold)).IsSuccess, "add hold");
                    holdIds.Add(hold.Id);
                    model.Holds[hold.Id] = target;
                    break;
                }

                case OpKind.Release when op.Number < holdIds.Count:
                {
                    var id = holdIds[op.Number];
                    var released = Wait(store.ReleaseHoldAsync(Tenant, id, Workers[0], now));
                    Check(released.IsSuccess == model.Holds.Remove(id), "release hold");
                    break;
                }

                case OpKind.Claim:
                {
                    var expected = model.Due(now).Take(op.Number).ToList();
                    var claimed = Wait(store.ClaimDueAsync(Tenant, now, op.Number, Workers[worker], ClaimFor));
                    Check(claimed.Select(c => c.Id).SequenceEqual(expected.Select(ItemId)), $"claim at {now}: expected [{string.Join(",", expected)}], got [{string.Join(",", claimed.Select(c => c.Id))}]");
                    foreach (var item in expected)
                    {
                        model.Claims[item] = new Claim(worker, now + ClaimFor, Begun: false);
                    }

                    break;
                }

                case OpKind.Begin:
                {
                    var begun = Wait(planner.BeginAsync(new StoredRetainedItem { Item = Item(op.Item) }, Workers[worker]));
                    var holdsClaim = model.HoldsClaim(op.Item, worker);
                    var allowed = holdsClaim && (model.Begun(op.Item) || (!model.IsHeld(op.Item) && model.DisposeAt[op.Item] <= now));
                    Check(begun.IsSuccess == allowed, $"begin of item {op.Item} by worker {worker}: {begun.Error}");
                    if (allowed && !model.Begun(op.Item))
                    {
                        Check(!model.IsHeld(op.Item), "destruction begun under a hold");
                        model.Claims[op.Item] = model.Claims[op.Item] with { Begun = true };
                        model.Version[op.Item]++;
                    }

                    break;
                }

                case OpKind.Complete:
                {
                    var current = Wait(store.GetAsync(Tenant, ItemId(op.Item)));
                    var item = current.IsSuccess ? current.Value : new StoredRetainedItem { Item = Item(op.Item) };
                    var proof = Wait(planner.CompleteAsync(item, Workers[worker], new DestructionReceipt("sha256:x", "test")));
                    var allowed = model.HoldsClaim(op.Item, worker) && (model.Begun(op.Item) || (!model.IsHeld(op.Item) && model.DisposeAt[op.Item] <= now));
                    Check(proof.IsSuccess == allowed, $"complete of item {op.Item} by worker {worker}: {proof.Error}");
                    if (allowed)
                    {
                        Check(model.Disposed.Add(op.Item), $"item {op.Item} disposed of twice");
                        Check(model.Proofs.Add(proof.Value.Item), "proof of one item twice");
                        Check(model.Begun(op.Item) || !model.IsHeld(op.Item), "disposed of under a hold");
                        model.Claims.Remove(op.Item);
                        model.Version[op.Item]++;
                    }

                    break;
                }

                case OpKind.ReleaseClaim:
                {
                    var released = Wait(store.ReleaseClaimAsync(Tenant, ItemId(op.Item), Workers[worker]));
                    var allowed = model.HoldsClaim(op.Item, worker);
                    Check(released.IsSuccess == allowed, "release claim");
                    if (allowed)
                    {
                        model.Claims.Remove(op.Item);
                    }

                    break;
                }

                case OpKind.Advance:
                    clock.Advance(Duration.FromMinutes(op.Number));
                    break;
            }

            CheckInvariants(store, model);
        }

        // Nothing due and free of holds is missed forever: once every claim has lapsed, sweeps take all of it.
        clock.Advance(ClaimFor + Duration.FromMinutes(1));
        var end = clock.GetCurrentInstant();
        var disposer = new AcceptingDisposer();
        for (var sweep = 0; sweep < Items + 1; sweep++)
        {
            var run = Wait(planner.RunOnceAsync(Tenant, Workers[0], disposer));
            Check(run.Failures.IsEmpty, $"a sweep failed: {string.Join("; ", run.Failures.Select(f => f.Error.ToString()))}");
            foreach (var proof in run.Proofs)
            {
                var index = int.Parse(proof.Item.Value["item-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Check(model.Disposed.Add(index), "a sweep disposed of an item twice");
                Check(!model.IsHeld(index) && model.DisposeAt[index] <= end, "a sweep disposed of a held or undue item");
                model.Proofs.Add(proof.Item);
                model.Version[index] += 2; // begun, then completed
            }
        }

        foreach (var (item, at) in model.DisposeAt)
        {
            Check(model.Disposed.Contains(item) || at is null || at > end || model.IsHeld(item), $"item {item}, due at {at} and free of holds, was never disposed of");
        }

        CheckInvariants(store, model);
        var proofs = 0;
        foreach (var entry in audit.ReadByTenantAsync(Tenant).ToBlockingEnumerable())
        {
            proofs += entry.Action == DisposalPlanner.DisposedAction ? 1 : 0;
        }

        Check(proofs == model.Disposed.Count, $"{model.Disposed.Count} items disposed of but {proofs} proofs in the audit trail");
    }

    private static void CheckInvariants(InMemoryRetentionStore store, Model model)
    {
        for (var i = 0; i < Items; i++)
        {
            var stored = Wait(store.GetAsync(Tenant, ItemId(i)));
            if (!stored.IsSuccess)
            {
                Check(!model.Version.ContainsKey(i), $"item {i} lost");
                continue;
            }

            Check(stored.Value.IsDisposed == model.Disposed.Contains(i), $"item {i} disposed of in the store but not the model, or the other way");
            Check(!stored.Value.IsDisposed || model.Proofs.Contains(ItemId(i)), $"item {i} disposed of without proof");
            Check(stored.Value.Version == model.Version[i], $"version of item {i}: store {stored.Value.Version}, model {model.Version[i]}");
        }
    }

    private static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The store broke an invariant: {what}.");
        }
    }

    private static RetainedItemId ItemId(int item) => RetainedItemId.Parse($"item-{item}");

    // Six items over three subjects, two interactions and two cases, so that holds overlap.
    private static RetainedItem Item(int item) => new()
    {
        Tenant = Tenant,
        Id = ItemId(item),
        RecordClass = RecordClass.CallRecording,
        CreatedAt = Start,
        Subject = DataSubjectId.Parse($"subject-{item % 3}"),
        Interaction = InteractionId.Parse($"call-{item % 2}"),
        Case = CaseId.Parse($"case-{item / 3}"),
    };

    private readonly record struct Op(OpKind Kind, int Item, int Number, bool Flag, int Stale)
    {
        public bool Known => Flag;
    }

    private sealed record Claim(int Worker, Instant Expires, bool Begun);

    private sealed class Model
    {
        public Dictionary<int, long> Version { get; } = [];

        public Dictionary<int, Instant?> DisposeAt { get; } = [];

        public Dictionary<int, Claim> Claims { get; } = [];

        public HashSet<int> Disposed { get; } = [];

        public HashSet<RetainedItemId> Proofs { get; } = [];

        public Dictionary<LegalHoldId, HoldTarget> Holds { get; } = [];

        public bool IsHeld(int item) => Holds.Values.Any(t => t.Covers(Item(item)));

        public bool Begun(int item) => Claims.TryGetValue(item, out var claim) && claim.Begun;

        public bool HoldsClaim(int item, int worker) =>
            Version.ContainsKey(item) && !Disposed.Contains(item) && Claims.TryGetValue(item, out var claim) && claim.Worker == worker;

        public IEnumerable<int> Due(Instant now) => DisposeAt
            .Where(kv => kv.Value <= now && !Disposed.Contains(kv.Key) && !IsHeld(kv.Key) && !(Claims.TryGetValue(kv.Key, out var c) && c.Expires > now))
            .OrderBy(kv => kv.Value!.Value)
            .ThenBy(kv => ItemId(kv.Key))
            .Select(kv => kv.Key);
    }

    private sealed class FixedOptions(RetentionOptions value) : IOptionsMonitor<RetentionOptions>
    {
        public RetentionOptions CurrentValue => value;

        public RetentionOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RetentionOptions, string?> listener) => null;
    }

    private sealed class AcceptingDisposer : IRetainedItemDisposer
    {
        public ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) =>
            new(new DestructionReceipt("sha256:x", "test"));
    }
}
