using ContactKit.Testing;
using CsCheck;
using NodaTime;

namespace ContactKit.Retention.Tests.Storage;

/// <summary>
/// Random sequences of saves, holds, releases, claims and disposals, checked after every step against a plain model of
/// what the store must do: only due, unheld, unclaimed items are offered, earliest first; only the claim holder may
/// dispose, never of a held item, and never twice.
/// </summary>
public sealed class InMemoryRetentionStorePropertyTests
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 0, 0);
    private static readonly Duration ClaimFor = Duration.FromMinutes(30);
    private static readonly ActorId[] Workers = [ActorId.Parse("w-0"), ActorId.Parse("w-1")];

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 5], Gen.Int[-120, 120], Gen.Bool).Select((item, minutes, known) => new Op(OpKind.Save, item, minutes, known))),
        (2, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5]).Select((scope, item) => new Op(OpKind.Hold, item, scope, false))),
        (1, Gen.Int[0, 9].Select(hold => new Op(OpKind.Release, 0, hold, false))),
        (4, Gen.Select(Gen.Int[0, 1], Gen.Int[1, 4]).Select((worker, max) => new Op(OpKind.Claim, 0, max, worker == 1))),
        (3, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 5]).Select((worker, item) => new Op(OpKind.Complete, item, 0, worker == 1))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 5]).Select((worker, item) => new Op(OpKind.ReleaseClaim, item, 0, worker == 1))),
        (2, Gen.Int[1, 45].Select(minutes => new Op(OpKind.Advance, 0, minutes, false))));

    private enum OpKind
    {
        Save,
        Hold,
        Release,
        Claim,
        Complete,
        ReleaseClaim,
        Advance,
    }

    [Fact]
    public void Store_AnySequenceOfOperations_AgreesWithTheModelAfterEveryStep()
    {
        Ops.Array[1, 40].Sample(ops =>
        {
            var store = new InMemoryRetentionStore();
            var model = new Model();
            var now = Start;
            var holdIds = new List<LegalHoldId>();
            foreach (var op in ops)
            {
                switch (op.Kind)
                {
                    case OpKind.Save:
                    {
                        var id = ItemId(op.Item);
                        var current = store.GetAsync(Tenant, id).AsTask().GetAwaiter().GetResult();
                        var at = op.Flag ? now + Duration.FromMinutes(op.Number) : (Instant?)null;
                        var saved = store.SaveAsync(new StoredRetainedItem { Item = Item(op.Item), DisposeAt = at, Version = current.IsSuccess ? current.Value.Version : 0 }).AsTask().GetAwaiter().GetResult();
                        var wasDisposed = model.Disposed.Contains(op.Item);
                        Check(saved.IsSuccess == !wasDisposed, $"save of a {(wasDisposed ? "disposed" : "live")} item");
                        if (saved.IsSuccess)
                        {
                            model.DisposeAt[op.Item] = at;
                        }

                        break;
                    }

                    case OpKind.Hold:
                    {
                        var target = HoldTarget.Reaching(Item(op.Item)).ElementAt(op.Number);
                        var hold = new LegalHold { Id = LegalHoldId.Parse($"h-{holdIds.Count}"), Tenant = Tenant, Target = target, Reason = "r", PlacedBy = Workers[0], PlacedAt = now };
                        Check(store.AddHoldAsync(hold).AsTask().GetAwaiter().GetResult().IsSuccess, "add hold");
                        holdIds.Add(hold.Id);
                        model.Holds[hold.Id] = target;
                        break;
                    }

                    case OpKind.Release when op.Number < holdIds.Count:
                    {
                        var id = holdIds[op.Number];
                        var released = store.ReleaseHoldAsync(Tenant, id, Workers[0], now).AsTask().GetAwaiter().GetResult();
                        Check(released.IsSuccess == model.Holds.Remove(id), "release hold");
                        break;
                    }

                    case OpKind.Claim:
                    {
                        var worker = op.Flag ? 1 : 0;
                        var expected = model.Due(now).Take(op.Number).ToList();
                        var claimed = store.ClaimDueAsync(Tenant, now, op.Number, Workers[worker], ClaimFor).AsTask().GetAwaiter().GetResult();
                        Check(claimed.Select(c => c.Id).SequenceEqual(expected.Select(ItemId)), $"claim at {now}: expected [{string.Join(",", expected)}], got [{string.Join(",", claimed.Select(c => c.Id))}]");
                        foreach (var item in expected)
                        {
                            model.Claims[item] = (worker, now + ClaimFor);
                        }

                        break;
                    }

                    case OpKind.Complete:
                    {
                        var worker = op.Flag ? 1 : 0;
                        var done = store.CompleteDisposalAsync(Tenant, ItemId(op.Item), Workers[worker], now).AsTask().GetAwaiter().GetResult();
                        var allowed = model.DisposeAt.ContainsKey(op.Item) && !model.Disposed.Contains(op.Item) &&
                                      model.Claims.TryGetValue(op.Item, out var claim) && claim.Worker == worker && !model.IsHeld(op.Item);
                        Check(done.IsSuccess == allowed, $"complete of item {op.Item} by worker {worker}: {done.Error}");
                        if (allowed)
                        {
                            model.Disposed.Add(op.Item);
                            model.Claims.Remove(op.Item);
                        }

                        break;
                    }

                    case OpKind.ReleaseClaim:
                    {
                        var worker = op.Flag ? 1 : 0;
                        var released = store.ReleaseClaimAsync(Tenant, ItemId(op.Item), Workers[worker]).AsTask().GetAwaiter().GetResult();
                        var allowed = !model.Disposed.Contains(op.Item) && model.Claims.TryGetValue(op.Item, out var claim) && claim.Worker == worker;
                        Check(released.IsSuccess == allowed, "release claim");
                        if (allowed)
                        {
                            model.Claims.Remove(op.Item);
                        }

                        break;
                    }

                    case OpKind.Advance:
                        now += Duration.FromMinutes(op.Number);
                        break;
                }
            }
        }, iter: 3000);
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The store disagrees with the model: {what}.");
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

    private readonly record struct Op(OpKind Kind, int Item, int Number, bool Flag);

    private sealed class Model
    {
        public Dictionary<int, Instant?> DisposeAt { get; } = [];

        public Dictionary<int, (int Worker, Instant Expires)> Claims { get; } = [];

        public HashSet<int> Disposed { get; } = [];

        public Dictionary<LegalHoldId, HoldTarget> Holds { get; } = [];

        public bool IsHeld(int item) => Holds.Values.Any(t => t.Covers(Item(item)));

        public IEnumerable<int> Due(Instant now) => DisposeAt
            .Where(kv => kv.Value <= now && !Disposed.Contains(kv.Key) && !IsHeld(kv.Key) && !(Claims.TryGetValue(kv.Key, out var c) && c.Expires > now))
            .OrderBy(kv => kv.Value!.Value)
            .ThenBy(kv => ItemId(kv.Key))
            .Select(kv => kv.Key);
    }
}
