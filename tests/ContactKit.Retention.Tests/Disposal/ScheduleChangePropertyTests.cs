using ContactKit.Testing;
using CsCheck;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;

namespace ContactKit.Retention.Tests.Disposal;

/// <summary>
/// Generated stores (items of three record classes tracked under one schedule, some held by item or by person) and
/// generated schedule changes in either mode, with or without shortening, on the in-memory store. After each step:
/// the dry run counts exactly what applying does; a future-only change leaves every stored date as it was; a
/// retroactive one gives each item the new rule's date, except that a held item (and, without shortening, any item) is
/// never brought forward; every item re-planned has one audit entry with its dates; explanations give the date disposal
/// follows; a later trigger never brings a kept date forward; and a sweep long after disposes of no held item.
/// </summary>
public sealed class ScheduleChangePropertyTests
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 9, 0);
    private static readonly ActorId Changer = ActorId.Parse("records-manager");
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly (RecordClass Class, RetentionTrigger Trigger)[] Classes =
    [
        (RecordClass.CallRecording, RetentionTrigger.InteractionEnded),
        (RecordClass.Enquiry, RetentionTrigger.Created),
        (RecordClass.CustomerAccount, RetentionTrigger.RelationshipEnded),
    ];

    private static readonly Gen<GenItem> Items = Gen.Select(Gen.Int[0, 2], Gen.Int[-900, 0], Gen.Int[-1, 400], Gen.Int[-1, 2])
        .Select((recordClass, created, triggered, subject) => new GenItem(recordClass, created, triggered, subject));

    // A schedule: per class, a period in months (0: no rule for the class), a minimum in months (up to the period) and
    // whether the rule anonymises rather than deletes.
    private static readonly Gen<GenRule[]> ScheduleGen = Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], Gen.Bool)
        .Select((months, minimum, anonymise) => new GenRule(months, Math.Min(minimum, months), anonymise)).Array[3];

    private static readonly Gen<GenCase> Cases =
        Gen.Select(Items.Array[1, 8], ScheduleGen, ScheduleGen, Gen.Int[0, 11].Array[0, 3], Gen.Bool, Gen.Bool, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[-100, 400]))
            .Select((items, before, after, holds, retroactive, shortening, trigger) => new GenCase(items, before, after, holds, retroactive, shortening, trigger));

    [Fact]
    public void ScheduleChange_AnyStoreAndChange_DryRunCountsWhatApplyingDoesAndEveryRuleHolds()
    {
        Cases.Sample(Run, iter: 3_000);
    }

    private static void Run(GenCase c)
    {
        var clock = new FakeClock(Start);
        var audit = new InMemoryAuditTrail();
        var store = new InMemoryRetentionStore(audit);
        var schedules = new Schedules { Current = Schedule("before", c.Before) };
        var service = new RetentionService(store, audit, clock, new LondonZones(), schedules);
        var proposed = Schedule("after", c.After);
        var mode = c.Retroactive ? ScheduleChangeMode.Retroactive : ScheduleChangeMode.FutureOnly;

        // Step 1: the store as a host running the earlier schedule left it.
        var ids = new List<RetainedItemId>();
        for (var i = 0; i < c.Items.Length; i++)
        {
            var tracked = Wait(service.TrackAsync(Item(i, c.Items[i])));
            Check(tracked.IsSuccess, $"tracking item {i}");
            ids.Add(RetainedItemId.Parse($"item-{i}"));
        }

        foreach (var h in c.Holds)
        {
            // 0-7: an item; 8-11: a person (8 is a person no item names).
            var target = h < 8 ? HoldTarget.ForItem(RetainedItemId.Parse($"item-{h}")) : HoldTarget.ForSubject(DataSubjectId.Parse(h == 8 ? "person-x" : $"person-{h - 9}"));
            Check(Wait(service.PlaceHoldAsync(Tenant, target, "litigation", Changer)).IsSuccess, "placing a hold");
        }

        var before = ReadAll(store);
        var holds = ReadHolds(store);
        clock.Advance(Duration.FromHours(1));

        // Step 2: the dry run changes nothing.
        var preview = Wait(service.PreviewScheduleChangeAsync(Tenant, proposed, mode, c.Shortening));
        Check(ReadAll(store).SequenceEqual(before), "a dry run changed a stored item");

        // Step 3: applying gives the dry run's counts, and each item the date its mode allows.
        var entriesBefore = Entries(audit).Count;
        var applied = Wait(service.ApplyScheduleChangeAsync(Tenant, proposed, mode, Changer, c.Shortening));
        Check(applied.Conflicts == 0, "conflicts with no other writer");
        Check(
            (preview.Items, preview.Earlier, preview.Later, preview.Unchanged, preview.Held, preview.KeptByNoShortening, preview.KeptByHold, preview.KeptByFutureOnly, preview.BecomeDueNow)
            == (applied.Items, applied.Earlier, applied.Later, applied.Unchanged, applied.Held, applied.KeptByNoShortening, applied.KeptByHold, applied.KeptByFutureOnly, applied.BecomeDueNow),
            "the dry run's counts differ from the change's");
        Check(preview.Changes.SequenceEqual(applied.Changes), "the dry run's changes differ from the change's");
        Check(preview.ByRecordClass.SequenceEqual(applied.ByRecordClass), "the dry run's counts per record class differ from the change's");
        Check(applied.ByRecordClass.Values.Sum(x => x.Items) == applied.Items && applied.ByRecordClass.Values.Sum(x => x.Earlier) == applied.Earlier
            && applied.ByRecordClass.Values.Sum(x => x.Later) == applied.Later && applied.ByRecordClass.Values.Sum(x => x.Held) == applied.Held, "the counts per record class do not add up");

        var after = ReadAll(store).ToDictionary(s => s.Id);
        var calculator = new RetentionCalculator(proposed);
        var replanned = Entries(audit).Skip(entriesBefore).Where(e => e.Action == RetentionService.ReplannedAction).ToList();
        var expectedEntries = 0;
        var held = 0;
        foreach (var was in before)
        {
            var now = after[was.Id];
            var isHeld = holds.Any(h => h.IsActive && h.Target.Covers(was.Item));
            held += isHeld ? 1 : 0;
            var decision = calculator.Decide(was.Item, London);
            var rule = decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null;
            if (isHeld)
            {
                Check(!Earlier(now.DisposeAt, was.DisposeAt), $"held {was.Id} brought forward from {was.DisposeAt} to {now.DisposeAt}");
            }

            if (mode == ScheduleChangeMode.FutureOnly)
            {
                Check(now == was, $"a future-only change touched {was.Id}");
                continue;
            }

            var expected = Earlier(rule, was.DisposeAt) && (!c.Shortening || isHeld) ? was.DisposeAt : rule;
            Check(now.DisposeAt == expected, $"retroactive: {was.Id} has {now.DisposeAt}, expected {expected} (rule {rule}, was {was.DisposeAt}, held {isHeld})");
            if (c.Shortening && !isHeld)
            {
                Check(now.DisposeAt == rule, $"retroactive with shortening: {was.Id} is not at the new rule's date");
                Check(decision.MinimumEnds is not { } ends || now.DisposeAt is not { } at || at >= ends, $"{was.Id} planned before its minimum retention ends");
            }

            if (now.Version != was.Version)
            {
                expectedEntries++;
                var entry = replanned.SingleOrDefault(e => e.Details["item"] == was.Id.Value);
                Check(entry is not null, $"{was.Id} re-planned without its audit entry");
                Check(entry!.Details["dispose_at_before"] == Format(was.DisposeAt) && entry.Details["dispose_at_after"] == Format(now.DisposeAt), $"the audit entry of {was.Id} gives other dates");
                Check(entry.Subject is null && entry.Actor == Changer, "a re-planning entry names a person or another actor");
            }
        }

        Check(held == applied.Held, $"held: counted {applied.Held}, found {held}");
        Check(replanned.Count == expectedEntries, $"{replanned.Count} re-planning entries for {expectedEntries} items re-planned");

        // Step 4: the host configures the new schedule; each explanation gives the date disposal follows.
        schedules.Current = proposed;
        foreach (var id in ids)
        {
            var explained = Wait(service.ExplainAsync(Tenant, id));
            var stored = after[id];
            if (stored.DisposeAt is { } planned)
            {
                Check(explained.Value.DisposeAt == planned, $"the explanation of {id} gives {explained.Value.DisposeAt}, disposal follows {planned}");
            }
        }

        // Step 5: a later trigger on an item never brings a date kept from the earlier schedule forward.
        var (which, kind, offset) = c.Trigger;
        if (which < ids.Count)
        {
            var id = ids[which];
            var stored = after[id];
            var current = new RetentionCalculator(proposed).Decide(stored.Item, London);
            var kept = stored.DisposeAt is { } k && k != (current.Status == DisposalStatus.Scheduled ? current.DisposeAt : null);
            var triggered = Wait(service.RecordTriggerAsync(Tenant, id, Classes[kind].Trigger, Start + Duration.FromDays(offset)));
            Check(triggered.IsSuccess, "recording a trigger");
            var now = Wait(store.GetAsync(Tenant, id)).Value;
            if (kept)
            {
                Check(!Earlier(now.DisposeAt, stored.DisposeAt), $"a trigger brought the kept date of {id} forward from {stored.DisposeAt} to {now.DisposeAt}");
            }
            else
            {
                var fresh = new RetentionCalculator(proposed).Decide(now.Item, London);
                Check(now.DisposeAt == (fresh.Status == DisposalStatus.Scheduled ? fresh.DisposeAt : null), $"a trigger on {id}, not kept, did not plan it under the schedule");
            }

            Check(triggered.Value.DisposeAt == now.DisposeAt || now.DisposeAt is null, $"the trigger's decision for {id} gives another date than the one stored");
        }

        // Step 6: a sweep long after every date disposes of no held item.
        clock.Advance(Duration.FromDays(365 * 40));
        var planner = new DisposalPlanner(store, audit, clock, new FixedOptions(new RetentionOptions { BatchSize = 100 }));
        var run = Wait(planner.RunOnceAsync(Tenant, ActorId.Parse("sweeper"), new RecordingDisposer()));
        foreach (var proof in run.Proofs)
        {
            var item = after[proof.Item].Item;
            Check(!holds.Any(h => h.IsActive && h.Target.Covers(item)), $"held {proof.Item} was disposed of");
        }
    }

    private static bool Earlier(Instant? a, Instant? b) => a is { } x && (b is not { } y || x < y);

    private static string Format(Instant? at) => at is { } known ? InstantPattern.ExtendedIso.Format(known) : "not yet known";

    private static RetentionSchedule Schedule(string name, GenRule[] rules)
    {
        var schedule = new RetentionSchedule
        {
            Name = name,
            Rules = [.. rules.Select((r, i) => (Rule: r, Class: Classes[i])).Where(x => x.Rule.Months > 0).Select(x => new RetentionRule
            {
                Name = $"{x.Class.Class}-{name}",
                RecordClass = x.Class.Class,
                Trigger = x.Class.Trigger,
                Period = Period.FromMonths(x.Rule.Months),
                Minimum = x.Rule.Minimum > 0 ? Period.FromMonths(x.Rule.Minimum) : null,
                Action = x.Rule.Anonymise ? DisposalAction.Anonymise : DisposalAction.Delete,
                Reason = RetentionReason.LegitimateInterests,
            })],
        };
        return schedule;
    }

    private static RetainedItem Item(int index, GenItem g)
    {
        var (recordClass, trigger) = Classes[g.Class];
        var created = Start + Duration.FromDays(g.CreatedDays);
        var item = new RetainedItem
        {
            Tenant = Tenant,
            Id = RetainedItemId.Parse($"item-{index}"),
            RecordClass = recordClass,
            CreatedAt = created,
            Subject = g.Subject < 0 ? null : DataSubjectId.Parse($"person-{g.Subject}"),
        };
        return g.TriggeredDays < 0 || trigger == RetentionTrigger.Created ? item : item.WithTrigger(trigger, created + Duration.FromDays(g.TriggeredDays));
    }

    private static List<StoredRetainedItem> ReadAll(IRetentionStore store)
    {
        var list = new List<StoredRetainedItem>();
        var items = store.ReadAllAsync(Tenant).GetAsyncEnumerator();
        while (Wait(items.MoveNextAsync()))
        {
            list.Add(items.Current);
        }

        return list;
    }

    private static List<LegalHold> ReadHolds(IRetentionStore store)
    {
        var list = new List<LegalHold>();
        var holds = store.ReadHoldsAsync(Tenant).GetAsyncEnumerator();
        while (Wait(holds.MoveNextAsync()))
        {
            list.Add(holds.Current);
        }

        return list;
    }

    private static List<AuditEntry> Entries(IAuditTrail audit)
    {
        var list = new List<AuditEntry>();
        var entries = audit.ReadByTenantAsync(Tenant).GetAsyncEnumerator();
        while (Wait(entries.MoveNextAsync()))
        {
            list.Add(entries.Current);
        }

        return list;
    }

    private static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private sealed record GenItem(int Class, int CreatedDays, int TriggeredDays, int Subject);

    private sealed record GenRule(int Months, int Minimum, bool Anonymise);

    private sealed record GenCase(GenItem[] Items, GenRule[] Before, GenRule[] After, int[] Holds, bool Retroactive, bool Shortening, (int Item, int Trigger, int Days) Trigger);

    private sealed class Schedules : IRetentionScheduleProvider
    {
        public required RetentionSchedule Current { get; set; }

        public RetentionSchedule GetSchedule(TenantId tenant) => Current;
    }

    private sealed class LondonZones : ITenantTimeZones
    {
        public DateTimeZone GetTimeZone(TenantId tenant) => London;
    }

    private sealed class FixedOptions(RetentionOptions value) : IOptionsMonitor<RetentionOptions>
    {
        public RetentionOptions CurrentValue => value;

        public RetentionOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RetentionOptions, string?> listener) => null;
    }
}
