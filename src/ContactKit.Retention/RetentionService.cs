using System.Collections.Immutable;
using System.Globalization;
using ContactKit;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Retention;

/// <summary>
/// Tracks items under their tenant's schedule, records triggers, explains disposal dates, places and releases legal
/// holds (audited), and changes schedules without shortening what is stored unless told to.
/// </summary>
public sealed class RetentionService
{
    /// <summary>The audit action of placing a hold.</summary>
    public const string HoldPlacedAction = "retention.hold_placed";

    /// <summary>The audit action of releasing a hold.</summary>
    public const string HoldReleasedAction = "retention.hold_released";

    /// <summary>The audit action of applying a schedule change.</summary>
    public const string ScheduleChangedAction = "retention.schedule_changed";

    /// <summary>The audit action of moving an item to another record class.</summary>
    public const string ReclassifiedAction = "retention.reclassified";

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

    /// <summary>Records that a trigger happened for an item (for example the relationship ended) and plans it again.</summary>
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

        var item = stored.Value.Item.WithTrigger(trigger, at);
        var decision = await DecideAsync(item, cancellationToken).ConfigureAwait(false);
        var saved = await _store.SaveAsync(Plan(item, decision, stored.Value.Version), cancellationToken).ConfigureAwait(false);
        return saved.IsSuccess ? decision : saved.Error;
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
        // A stored date later than the schedule now gives was kept when a change was not allowed to shorten it.
        return stored.Value.DisposeAt is { } kept && decision.Status == DisposalStatus.Scheduled && kept > decision.DisposeAt
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

    /// <summary>A dry run: what <paramref name="proposed"/> would do to the tenant's stored items, changing nothing.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="proposed">The new schedule.</param>
    /// <param name="allowShortening">Whether the change may bring disposal of stored items forward.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report.</returns>
    public ValueTask<ScheduleChangeReport> PreviewScheduleChangeAsync(TenantId tenant, RetentionSchedule proposed, bool allowShortening = false, CancellationToken cancellationToken = default) =>
        ChangeScheduleAsync(tenant, proposed, allowShortening, apply: false, cancellationToken);

    /// <summary>
    /// Re-plans the tenant's stored items under <paramref name="proposed"/>. Without <paramref name="allowShortening"/>
    /// no item's disposal moves earlier: those keep their date. Configure the same schedule for new items.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="proposed">The new schedule.</param>
    /// <param name="allowShortening">Whether disposal of stored items may move earlier.</param>
    /// <param name="actor">Who made the change, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report of what was done.</returns>
    public async ValueTask<ScheduleChangeReport> ApplyScheduleChangeAsync(TenantId tenant, RetentionSchedule proposed, ActorId actor, bool allowShortening = false, CancellationToken cancellationToken = default)
    {
        var report = await ChangeScheduleAsync(tenant, proposed, allowShortening, apply: true, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = tenant,
                OccurredAt = report.EvaluatedAt,
                Actor = actor,
                Action = ScheduleChangedAction,
                Resource = new ResourceRef("retention_schedule", proposed.Name),
                Reason = allowShortening ? "schedule changed; shortening allowed" : "schedule changed; no stored item shortened",
                Details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["items"] = Text(report.Items),
                    ["earlier"] = Text(report.Earlier),
                    ["later"] = Text(report.Later),
                    ["kept_by_no_shortening"] = Text(report.KeptByNoShortening),
                    ["due_now"] = Text(report.BecomeDueNow),
                    ["conflicts"] = Text(report.Conflicts),
                },
            },
            cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static StoredRetainedItem Plan(RetainedItem item, DisposalDecision decision, long version) => new()
    {
        Item = item,
        DisposeAt = decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null,
        Action = decision.Action,
        RuleName = decision.Rule?.Name,
        Version = version,
    };

    private async ValueTask<ScheduleChangeReport> ChangeScheduleAsync(TenantId tenant, RetentionSchedule proposed, bool allowShortening, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var now = _clock.GetCurrentInstant();
        var zone = _zones.GetTimeZone(tenant);
        var calculator = new RetentionCalculator(proposed);
        var changes = ImmutableArray.CreateBuilder<ScheduleItemChange>();
        var items = 0;
        var conflicts = 0;
        var stored = new List<StoredRetainedItem>();
        await foreach (var s in _store.ReadAllAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            stored.Add(s);
        }

        foreach (var s in stored)
        {
            items++;
            var decision = calculator.Decide(s.Item, zone);
            var proposedAt = decision.Status == DisposalStatus.Scheduled ? decision.DisposeAt : null;
            if (proposedAt == s.DisposeAt)
            {
                continue;
            }

            var change = new ScheduleItemChange(s.Id, s.DisposeAt, proposedAt, proposedAt, decision.Rule?.Name);
            if (change.IsEarlier && !allowShortening)
            {
                change = change with { After = s.DisposeAt };
            }

            changes.Add(change);
            if (apply && change.After != s.DisposeAt)
            {
                var saved = await _store.SaveAsync(Plan(s.Item, decision, s.Version), cancellationToken).ConfigureAwait(false);
                conflicts += saved.IsFailure ? 1 : 0;
            }
        }

        return new ScheduleChangeReport
        {
            Schedule = proposed.Name,
            Applied = apply,
            ShorteningAllowed = allowShortening,
            EvaluatedAt = now,
            Items = items,
            Conflicts = conflicts,
            Changes = changes.ToImmutable(),
        };
    }

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
}
