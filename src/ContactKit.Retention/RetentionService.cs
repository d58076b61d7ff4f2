using System.Collections.Immutable;
using System.Globalization;
using ContactKit;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Retention;

/// <summary>
/// Tracks items under their tenant's schedule, records triggers, explains disposal dates, places and releases legal
/// holds (audited), and applies schedule changes to stored items by their stated mode (future only or retroactive),
/// never shortening what is stored unless told to.
/// </summary>
public sealed class RetentionService
{
    /// <summary>The audit action of placing a hold.</summary>
    public const string HoldPlacedAction = "retention.hold_placed";

    /// <summary>The audit action of releasing a hold.</summary>
    public const string HoldReleasedAction = "retention.hold_released";

    /// <summary>The audit action of applying a schedule change.</summary>
    public const string ScheduleChangedAction = "retention.schedule_changed";

    /// <summary>
    /// The audit action written for each stored item a schedule change plans again, with its disposal instants before
    /// and after (details <c>dispose_at_before</c> and <c>dispose_at_after</c>) and no personal data.
    /// </summary>
    public const string ReplannedAction = "retention.replanned";

    /// <summary>The audit action of moving an item to another record class.</summary>
    public const string ReclassifiedAction = "retention.reclassified";

    // Who a re-planning caused by a trigger is recorded as: the trigger's caller gives no actor.
    private static readonly ActorId TriggerActor = ActorId.Parse("retention");

    private readonly IRetentionStore _store;
    private readonly IAuditTrail _audit;
    private readonly IClock _clock;
    private readonly ITenantTimeZones _zones;
    private readonly IRetentionScheduleProvider _schedules;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store.</param>
    /// <param name="audit">The audit trail.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zones">The tenants' time zones.</param>
    /// <param name="schedules">The tenants' schedules.</param>
    public RetentionService(IRetentionStore store, IAuditTrail audit, IClock clock, ITenantTimeZones zones, IRetentionScheduleProvider schedules)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(schedules);
        _store = store;
        _audit = audit;
        _clock = clock;
        _zones = zones;
        _schedules = schedules;
    }

    /// <summary>Starts keeping an item: works out its disposal under the tenant's schedule and stores it.</summary>
    /// <param name="item">The new item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision, or the store's refusal (for example an id already in use).</returns>
    public async ValueTask<Result<DisposalDecision>> TrackAsync(RetainedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var decision = await DecideAsync(item, cancellationToken).ConfigureAwait(false);
        var saved = await _store.SaveAsync(Plan(item, decision, version: 0), cancellationToken).ConfigureAwait(false);
        return saved.IsSuccess ? decision : saved.Error;
    }

    /// <summary>
    /// Records that a trigger happened for an item (for example the relationship ended) and plans it again under the
    /// tenant's schedule. An item whose date was kept from an earlier schedule (a change that was future only, or that
    /// might not shorten it) keeps that date when the trigger changes nothing the schedule decides; when it does, the item
    /// takes the later of its kept date and the new one, never an earlier one, and a replaced date is audited as
    /// <see cref="ReplannedAction"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new decision, or <c>NotFound</c>, <c>VersionConflict</c>, <see cref="RetentionErrorCodes.AlreadyDisposed"/>.</returns>
    public async ValueTask<Result<DisposalDecision>> RecordTriggerAsync(TenantId tenant, RetainedItemId id, RetentionTrigger trigger, Instant at, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (stored.IsFailure)
        {
            return stored.Error;
        }

        var before = stored.Value;
        var item = before.Item.WithTrigger(trigger, at);
        var decision = await DecideAsync(item, cancellationToken).ConfigureAwait(false);
        var plan = Plan(item, decision, before.Version);
        var fromEarlier = false;
        if (before.DisposeAt is { } keptAt)
        {
            var current = Plan(before.Item, await DecideAsync(before.Item, cancellationToken).ConfigureAwait(false), before.Version).DisposeAt;
            if (current != keptAt)
            {
                // The stored date came from an earlier schedule. A trigger that does not bear on the schedule's decision
                // leaves it as it is; one that does may move it later, never earlier.
                fromEarlier = true;
                if (current == plan.DisposeAt || (plan.DisposeAt is { } next && next < keptAt))
                {
                    plan = before with { Item = item };
                }
            }
        }

        var saved = await _store.SaveAsync(plan, cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved.Error;
        }

        if (fromEarlier && saved.Value.DisposeAt != before.DisposeAt)
        {
            await AuditReplannedAsync(before, saved.Value, _schedules.GetSchedule(tenant).Name, "trigger", TriggerActor, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        }

        return saved.Value.DisposeAt is { } planned && planned != (decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null)
            ? decision with { DisposeAt = planned, KeptFromEarlierSchedule = true }
            : decision;
    }

    /// <summary>
    /// Moves a stored item to another record class because something happened to it (an enquirer became a customer:
    /// <c>enquiry</c> to <c>customer_account</c>), decides its disposal again under the new class's rules, and records
    /// the move in the audit trail with the disposal before and after. <see cref="ExplainAsync"/> shows the move.
    /// Moving it to the class it already has changes nothing and is not audited again.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="recordClass">Its new record class.</param>
    /// <param name="at">When the event that moves it happened.</param>
    /// <param name="actor">Who records the move.</param>
    /// <param name="reason">What happened, in words, for the audit trail and explanations.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new decision, or <c>Required</c>, <c>NotFound</c>, <c>VersionConflict</c>, <see cref="RetentionErrorCodes.AlreadyDisposed"/>.</returns>
    public async ValueTask<Result<DisposalDecision>> ReclassifyAsync(TenantId tenant, RetainedItemId id, RecordClass recordClass, Instant at, ActorId actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Errors.Required(nameof(reason));
        }

        var stored = await _store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (stored.IsFailure)
        {
            return stored.Error;
        }

        var before = stored.Value;
        if (before.IsDisposed)
        {
            return new ContactKitError(RetentionErrorCodes.AlreadyDisposed, $"Item '{id}' has already been disposed of; it cannot move to another record class.", "id");
        }

        if (before.Item.RecordClass == recordClass)
        {
            return await ExplainAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        }

        // A date kept from an earlier schedule belonged to the old class; the move plans the item under its new class's
        // rules, and the audit entry says that the date it replaces was a kept one.
        var keptBefore = before.DisposeAt is { } plannedBefore && plannedBefore != Plan(before.Item, await DecideAsync(before.Item, cancellationToken).ConfigureAwait(false), 0).DisposeAt;
        var item = before.Item with { RecordClass = recordClass, LastClassChange = new RecordClassChange(before.Item.RecordClass, at, reason) };
        var decision = await DecideAsync(item, cancellationToken).ConfigureAwait(false);
        var saved = await _store.SaveAsync(Plan(item, decision, before.Version), cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved.Error;
        }

        await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = tenant,
                OccurredAt = _clock.GetCurrentInstant(),
                Actor = actor,
                Action = ReclassifiedAction,
                Resource = item.Resource ?? ResourceRef.RetainedItem(id),
                Subject = item.Subject,
                Reason = reason,
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["item"] = id.Value,
                    ["from"] = before.Item.RecordClass.Value,
                    ["to"] = recordClass.Value,
                    ["moved_at"] = InstantPattern.ExtendedIso.Format(at),
                    ["rule_before"] = before.RuleName ?? string.Empty,
                    ["rule_after"] = decision.Rule?.Name ?? string.Empty,
                    ["dispose_at_before"] = before.DisposeAt is { } was ? InstantPattern.ExtendedIso.Format(was) : "not yet known",
                    ["dispose_at_after"] = saved.Value.DisposeAt is { } now ? InstantPattern.ExtendedIso.Format(now) : "not yet known",
                    ["dispose_at_before_kept_from_earlier_schedule"] = keptBefore ? "true" : "false",
                },
            },
            cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Explains a stored item's disposal: its rule, trigger, period, holds and the rules that lost.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision, or <c>NotFound</c>.</returns>
    public async ValueTask<Result<DisposalDecision>> ExplainAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (stored.IsFailure)
        {
            return stored.Error;
        }

        var decision = await DecideAsync(stored.Value.Item, cancellationToken).ConfigureAwait(false);
        // A stored date other than the one the schedule now gives was kept from an earlier schedule: by a change that was
        // future only, or that was not allowed to shorten it. The stored date is the one disposal follows.
        return stored.Value.DisposeAt is { } kept && kept != (decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null)
            ? decision with { DisposeAt = kept, KeptFromEarlierSchedule = true }
            : decision;
    }

    /// <summary>Places a legal hold and records it in the audit trail. Covered items are never disposed of while it is active.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="target">What it covers.</param>
    /// <param name="reason">Why.</param>
    /// <param name="placedBy">Who.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The hold.</returns>
    public async ValueTask<Result<LegalHold>> PlaceHoldAsync(TenantId tenant, HoldTarget target, string reason, ActorId placedBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Errors.Required(nameof(reason));
        }

        var hold = new LegalHold { Id = LegalHoldId.New(), Tenant = tenant, Target = target, Reason = reason, PlacedBy = placedBy, PlacedAt = _clock.GetCurrentInstant() };
        var added = await _store.AddHoldAsync(hold, cancellationToken).ConfigureAwait(false);
        if (added.IsSuccess)
        {
            await AuditHoldAsync(HoldPlacedAction, added.Value, placedBy, hold.PlacedAt, reason, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>
    /// Releases a legal hold and records it. Items it covered follow their schedules again at once: one whose disposal
    /// instant has passed (and that no other hold covers) is due from the release, and the next sweep takes it.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The hold.</param>
    /// <param name="releasedBy">Who.</param>
    /// <param name="reason">Why, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The released hold, or <c>NotFound</c> or <see cref="RetentionErrorCodes.HoldAlreadyReleased"/>.</returns>
    public async ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Errors.Required(nameof(reason));
        }

        var now = _clock.GetCurrentInstant();
        var released = await _store.ReleaseHoldAsync(tenant, id, releasedBy, now, cancellationToken).ConfigureAwait(false);
        if (released.IsSuccess)
        {
            await AuditHoldAsync(HoldReleasedAction, released.Value, releasedBy, now, reason, cancellationToken).ConfigureAwait(false);
        }

        return released;
    }

    /// <summary>
    /// A dry run: what <paramref name="proposed"/> would do to the tenant's stored items under <paramref name="mode"/>,
    /// changing nothing. Its counts are those <see cref="ApplyScheduleChangeAsync"/> gives for the same stored items.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="proposed">The new schedule.</param>
    /// <param name="mode">Whether stored items keep their plans (<see cref="ScheduleChangeMode.FutureOnly"/>) or are planned again (<see cref="ScheduleChangeMode.Retroactive"/>).</param>
    /// <param name="allowShortening">Whether a retroactive change may bring disposal of stored items forward.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    public ValueTask<ScheduleChangeReport> PreviewScheduleChangeAsync(TenantId tenant, RetentionSchedule proposed, ScheduleChangeMode mode, bool allowShortening = false, CancellationToken cancellationToken = default) =>
        ChangeScheduleAsync(tenant, proposed, mode, allowShortening, actor: null, cancellationToken);

    /// <summary>
    /// Applies <paramref name="proposed"/> to the tenant's stored items under <paramref name="mode"/>, in one pass over
    /// them. <see cref="ScheduleChangeMode.FutureOnly"/> re-plans nothing: stored items keep their dates.
    /// <see cref="ScheduleChangeMode.Retroactive"/> re-plans every stored item not yet disposed of under the new rules,
    /// except that a held item is never brought forward and, without <paramref name="allowShortening"/>, no item is; each
    /// item re-planned gets its own <see cref="ReplannedAction"/> audit entry with its dates before and after. The change
    /// itself is audited as <see cref="ScheduleChangedAction"/> with its counts. Configure the same schedule for new items.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="proposed">The new schedule.</param>
    /// <param name="mode">Whether stored items keep their plans or are planned again.</param>
    /// <param name="actor">Who made the change, for the audit trail.</param>
    /// <param name="allowShortening">Whether a retroactive change may move disposal of stored items earlier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report of what was done.</returns>
    public async ValueTask<ScheduleChangeReport> ApplyScheduleChangeAsync(TenantId tenant, RetentionSchedule proposed, ScheduleChangeMode mode, ActorId actor, bool allowShortening = false, CancellationToken cancellationToken = default)
    {
        var report = await ChangeScheduleAsync(tenant, proposed, mode, allowShortening, actor, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = tenant,
                OccurredAt = report.EvaluatedAt,
                Actor = actor,
                Action = ScheduleChangedAction,
                Resource = new ResourceRef("retention_schedule", proposed.Name),
                Reason = mode == ScheduleChangeMode.FutureOnly
                    ? "schedule changed for new items only; no stored item re-planned"
                    : allowShortening ? "schedule changed retroactively; shortening allowed" : "schedule changed retroactively; no stored item shortened",
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["mode"] = ModeName(mode),
                    ["items"] = Text(report.Items),
                    ["earlier"] = Text(report.Earlier),
                    ["later"] = Text(report.Later),
                    ["unchanged"] = Text(report.Unchanged),
                    ["held"] = Text(report.Held),
                    ["kept_by_no_shortening"] = Text(report.KeptByNoShortening),
                    ["kept_by_hold"] = Text(report.KeptByHold),
                    ["kept_by_future_only"] = Text(report.KeptByFutureOnly),
                    ["due_now"] = Text(report.BecomeDueNow),
                    ["conflicts"] = Text(report.Conflicts),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>The name of a mode as the audit trail and the command-line tool write it: <c>future_only</c> or <c>retroactive</c>.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>The name.</returns>
    public static string ModeName(ScheduleChangeMode mode) => mode switch
    {
        ScheduleChangeMode.FutureOnly => "future_only",
        ScheduleChangeMode.Retroactive => "retroactive",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a schedule change mode."),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static StoredRetainedItem Plan(RetainedItem item, DisposalDecision decision, long version) => new()
    {
        Item = item,
        DisposeAt = decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null,
        Action = decision.Action,
        RuleName = decision.Rule?.Name,
        Version = version,
    };

    // One pass for the dry run and the change alike (actor is null for a dry run), so that both give the same counts.
    private async ValueTask<ScheduleChangeReport> ChangeScheduleAsync(TenantId tenant, RetentionSchedule proposed, ScheduleChangeMode mode, bool allowShortening, ActorId? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        _ = ModeName(mode); // refuses a value that is not a mode
        var apply = actor is not null;
        var now = _clock.GetCurrentInstant();
        var zone = _zones.GetTimeZone(tenant);
        var calculator = new RetentionCalculator(proposed);
        var changes = ImmutableArray.CreateBuilder<ScheduleItemChange>();
        var classes = new SortedDictionary<RecordClass, Tally>();
        var (items, held, conflicts) = (0, 0, 0);

        // The active holds are read once: a hold stops an item being brought forward, whatever the change says.
        var holds = new HashSet<HoldTarget>();
        await foreach (var hold in _store.ReadHoldsAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (hold.IsActive)
            {
                holds.Add(hold.Target);
            }
        }

        await foreach (var s in ReadItemsAsync(tenant, buffer: apply, cancellationToken).ConfigureAwait(false))
        {
            var isHeld = HoldTarget.Reaching(s.Item).Any(holds.Contains);
            items++;
            held += isHeld ? 1 : 0;
            var decision = calculator.Decide(s.Item, zone);
            var proposedAt = decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null;
            var tally = classes.TryGetValue(s.Item.RecordClass, out var t) ? t : classes[s.Item.RecordClass] = new Tally();
            tally.Items++;
            tally.Held += isHeld ? 1 : 0;
            var sameDate = proposedAt == s.DisposeAt;
            if (sameDate && decision.Rule?.Name == s.RuleName && (decision.Action ?? s.Action) == s.Action)
            {
                continue;
            }

            var change = new ScheduleItemChange(s.Id, s.Item.RecordClass, s.DisposeAt, proposedAt, proposedAt, decision.Rule?.Name, isHeld);
            var keep = mode == ScheduleChangeMode.FutureOnly || (change.IsEarlier && (!allowShortening || isHeld));
            if (keep)
            {
                change = change with { After = s.DisposeAt };
            }
            else if (apply)
            {
                // Re-planned: a new date, or the same date under another rule or action.
                var saved = await _store.SaveAsync(Plan(s.Item, decision, s.Version), cancellationToken).ConfigureAwait(false);
                if (saved.IsFailure)
                {
                    conflicts++;
                    change = change with { After = s.DisposeAt };
                }
                else
                {
                    await AuditReplannedAsync(s, saved.Value, proposed.Name, "retroactive_schedule_change", actor!.Value, now, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!sameDate)
            {
                changes.Add(change);
                tally.Earlier += change.MovesEarlier ? 1 : 0;
                tally.Later += change.MovesLater ? 1 : 0;
            }
        }

        return new ScheduleChangeReport
        {
            Schedule = proposed.Name,
            Mode = mode,
            Applied = apply,
            ShorteningAllowed = allowShortening,
            EvaluatedAt = now,
            Items = items,
            Held = held,
            Conflicts = conflicts,
            ByRecordClass = classes.ToImmutableSortedDictionary(p => p.Key, p => new ScheduleChangeCounts(p.Value.Items, p.Value.Earlier, p.Value.Later, p.Value.Held)),
            Changes = changes.ToImmutable(),
        };
    }

    // A dry run streams the items; a change reads them all first, so that its writes never meet the store's open read.
    private async IAsyncEnumerable<StoredRetainedItem> ReadItemsAsync(TenantId tenant, bool buffer, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!buffer)
        {
            await foreach (var s in _store.ReadAllAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                yield return s;
            }

            yield break;
        }

        var all = new List<StoredRetainedItem>();
        await foreach (var s in _store.ReadAllAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            all.Add(s);
        }

        foreach (var s in all)
        {
            yield return s;
        }
    }

    // One entry for each item planned again (by a retroactive change, or by a trigger on an item whose date was kept
    // from an earlier schedule): the item, its class and resource, the rules and dates before and after; no personal data.
    private async ValueTask AuditReplannedAsync(StoredRetainedItem before, StoredRetainedItem after, string schedule, string cause, ActorId actor, Instant at, CancellationToken cancellationToken) =>
        await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = before.Tenant,
                OccurredAt = at,
                Actor = actor,
                Action = ReplannedAction,
                Resource = before.Item.Resource ?? ResourceRef.RetainedItem(before.Id),
                Reason = cause == "trigger"
                    ? "a trigger planned again an item whose date was kept from an earlier schedule; such a date is never brought forward"
                    : "a retroactive schedule change planned the item again",
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["item"] = before.Id.Value,
                    ["record_class"] = before.Item.RecordClass.Value,
                    ["schedule"] = schedule,
                    ["cause"] = cause,
                    ["rule_before"] = before.RuleName ?? string.Empty,
                    ["rule_after"] = after.RuleName ?? string.Empty,
                    ["dispose_at_before"] = Format(before.DisposeAt),
                    ["dispose_at_after"] = Format(after.DisposeAt),
                },
            },
            cancellationToken).ConfigureAwait(false);

    private static string Format(Instant? at) => at is { } known ? InstantPattern.ExtendedIso.Format(known) : "not yet known";

    private async ValueTask<DisposalDecision> DecideAsync(RetainedItem item, CancellationToken cancellationToken)
    {
        var holds = await _store.ReadHoldsCoveringAsync(item, cancellationToken).ConfigureAwait(false);
        return new RetentionCalculator(_schedules.GetSchedule(item.Tenant)).Decide(item, _zones.GetTimeZone(item.Tenant), holds);
    }

    private async ValueTask AuditHoldAsync(string action, LegalHold hold, ActorId actor, Instant at, string reason, CancellationToken cancellationToken) =>
        await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = hold.Tenant,
                OccurredAt = at,
                Actor = actor,
                Action = action,
                Resource = new ResourceRef("legal_hold", hold.Id.Value),
                Subject = hold.Target.Scope == HoldScope.Subject && DataSubjectId.TryParse(hold.Target.Id, out var subject) ? subject : null,
                Reason = reason,
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["scope"] = hold.Target.Scope.ToString().ToLowerInvariant(),
                    ["target"] = hold.Target.Id,
                    ["hold_reason"] = hold.Reason,
                },
            },
            cancellationToken).ConfigureAwait(false);

    // The counts of one record class while a schedule change is worked out.
    private sealed class Tally
    {
        public int Items { get; set; }

        public int Earlier { get; set; }

        public int Later { get; set; }

        public int Held { get; set; }
    }
}
