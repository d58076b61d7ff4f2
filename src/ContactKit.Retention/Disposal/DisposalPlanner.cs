using System.Collections.Immutable;
using System.Globalization;
using ContactKit;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Retention;

/// <summary>
/// Takes what is due from an <see cref="IRetentionStore"/>, earliest first, in claimed batches, and records proof of
/// each disposal in the audit trail. Several workers may run at once over one store: claims stop two of them taking
/// one item, and a worker that dies leaves its claims to lapse after <see cref="RetentionOptions.ClaimTimeout"/>.
/// </summary>
public sealed class DisposalPlanner
{
    /// <summary>The audit action of a disposal proof.</summary>
    public const string DisposedAction = "retention.disposed";

    /// <summary>
    /// The audit action written when an item under a <see cref="DisposalAction.Review"/> rule comes due: a person is to
    /// review whether it is still needed, and nothing has been destroyed.
    /// </summary>
    public const string ReviewDueAction = "retention.review_due";

    private readonly IRetentionStore _store;
    private readonly IAuditTrail _audit;
    private readonly IClock _clock;
    private readonly IOptionsMonitor<RetentionOptions> _options;

    /// <summary>Creates the planner.</summary>
    /// <param name="store">The store.</param>
    /// <param name="audit">The audit trail that receives the proofs.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options (claim timeout and batch size).</param>
    public DisposalPlanner(IRetentionStore store, IAuditTrail audit, IClock clock, IOptionsMonitor<RetentionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _audit = audit;
        _clock = clock;
        _options = options;
    }

    /// <summary>Claims the items due now, at most <paramref name="max"/> (default <see cref="RetentionOptions.BatchSize"/>), earliest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="max">The most items to take.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed items.</returns>
    public async ValueTask<IReadOnlyList<StoredRetainedItem>> TakeDueAsync(TenantId tenant, ActorId worker, int? max = null, CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        using var activity = RetentionTelemetry.Start("Retention.ClaimDue", tenant);
        var claimed = await _store.ClaimDueAsync(tenant, _clock.GetCurrentInstant(), max ?? options.BatchSize, worker, options.ClaimTimeout, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("contactkit.claimed", claimed.Count);
        return claimed;
    }

    /// <summary>
    /// Tells the store that a claimed item is about to be destroyed: the last point at which a legal hold stops it.
    /// Call it just before destroying the content, then <see cref="CompleteAsync"/> once it is gone.
    /// </summary>
    /// <param name="item">The claimed item.</param>
    /// <param name="worker">The worker holding the claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item, or the store's refusal (for example <see cref="RetentionErrorCodes.ItemHeld"/>).</returns>
    public async ValueTask<Result<StoredRetainedItem>> BeginAsync(StoredRetainedItem item, ActorId worker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var activity = RetentionTelemetry.Start("Retention.BeginDisposal", item.Tenant);
        var begun = await _store.BeginDisposalAsync(item.Tenant, item.Id, worker, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        if (begun.IsFailure)
        {
            RetentionTelemetry.Refused(activity, begun.Error);
        }

        return begun;
    }

    /// <summary>Records that a claimed item has been destroyed together with its proof in the audit trail, in one step (<see cref="IRetentionStore.CompleteDisposalsAsync"/>).</summary>
    /// <param name="item">The claimed item.</param>
    /// <param name="worker">The worker holding the claim.</param>
    /// <param name="receipt">What the provider said about the destruction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proof, or the store's refusal.</returns>
    public async ValueTask<Result<DisposalProof>> CompleteAsync(StoredRetainedItem item, ActorId worker, DestructionReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = _clock.GetCurrentInstant();
        var proof = ProofOf(item, worker, receipt, now);
        using var activity = RetentionTelemetry.Start("Retention.CompleteDisposal", item.Tenant);
        var done = (await _store.CompleteDisposalsAsync(item.Tenant, [proof], worker, now, cancellationToken).ConfigureAwait(false))[0];
        if (done.IsFailure)
        {
            RetentionTelemetry.Refused(activity, done.Error);
            return done.Error;
        }

        return Proved(item, worker, receipt, now, done.Value);
    }

    /// <summary>
    /// Takes due items for <paramref name="worker"/> and disposes of them in one batch: the batch's destruction is begun
    /// in one step (<see cref="IRetentionStore.BeginDisposalsAsync"/>), then each item's holds are read once more just
    /// before it is handed to <paramref name="disposer"/>, so a hold placed while the batch runs still stops the items
    /// not yet destroyed; every item destroyed is then recorded disposed of together with its proof in the audit trail,
    /// in one step. Items under a review rule are never handed to the disposer: the review is written to the audit trail
    /// and handed to <paramref name="remind"/> (for example to raise an alert for a person) before the item's plan is
    /// cleared; when <paramref name="remind"/> throws, the plan is kept, the run reports
    /// <see cref="RetentionErrorCodes.ReviewNotHandedOn"/> for the item and the next run reminds again, so a review is
    /// handed on at least once rather than lost. Items that fail are released so another run can take them.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="disposer">Destroys the content.</param>
    /// <param name="max">At most this many; <see cref="RetentionOptions.BatchSize"/> when <see langword="null"/>.</param>
    /// <param name="remind">Hands each review on; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was claimed, disposed of with proof, reminded, and refused.</returns>
    public async ValueTask<DisposalRunResult> RunOnceAsync(TenantId tenant, ActorId worker, IRetainedItemDisposer disposer, int? max = null, Func<ReviewReminder, CancellationToken, ValueTask>? remind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposer);
        var batch = await TakeDueAsync(tenant, worker, max, cancellationToken).ConfigureAwait(false);
        var proofs = ImmutableArray.CreateBuilder<DisposalProof>(batch.Count);
        var failures = ImmutableArray.CreateBuilder<(RetainedItemId, ContactKitError)>();
        var reviews = ImmutableArray.CreateBuilder<ReviewReminder>();
        var toDestroy = new List<StoredRetainedItem>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Action != DisposalAction.Review)
            {
                toDestroy.Add(item);
                continue;
            }

            var reminded = await RemindAsync(item, worker, remind, cancellationToken).ConfigureAwait(false);
            if (reminded.IsSuccess)
            {
                reviews.Add(reminded.Value);
            }
            else
            {
                failures.Add((item.Id, reminded.Error));
            }

            await ReleaseAsync(item, worker, cancellationToken).ConfigureAwait(false);
        }

        if (toDestroy.Count > 0)
        {
            await DisposeOfAsync(toDestroy, worker, disposer, proofs, failures, cancellationToken).ConfigureAwait(false);
        }

        return new DisposalRunResult(batch.Count, proofs.ToImmutable(), failures.ToImmutable()) { Reviews = reviews.ToImmutable() };
    }

    // Begins the whole batch's destruction in one step, then destroys the items one by one, reading the holds that
    // reach each item once more just before its content goes, so that a hold placed while the batch runs still stops
    // every item not yet destroyed. The destroyed ones are recorded with their proofs in one step; every item refused
    // or failed on the way is released.
    private async ValueTask DisposeOfAsync(List<StoredRetainedItem> items, ActorId worker, IRetainedItemDisposer disposer, ImmutableArray<DisposalProof>.Builder proofs, ImmutableArray<(RetainedItemId, ContactKitError)>.Builder failures, CancellationToken cancellationToken)
    {
        var tenant = items[0].Tenant;
        var destroyed = new List<(StoredRetainedItem Item, DestructionReceipt Receipt)>(items.Count);
        try
        {
            IReadOnlyList<Result<StoredRetainedItem>> begun;
            using (var activity = RetentionTelemetry.Start("Retention.BeginDisposal", tenant))
            {
                // The store decides atomically, item by item, whether a hold or a changed plan stops it.
                begun = await _store.BeginDisposalsAsync(tenant, items.ConvertAll(i => i.Id), worker, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
                activity?.SetTag("contactkit.begun", begun.Count(b => b.IsSuccess));
            }

            var holds = await _store.WatchHoldsAsync(tenant, cancellationToken).ConfigureAwait(false);
            await using (holds.ConfigureAwait(false))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (begun[i].Error is { } refused)
                    {
                        await FailAsync(item, refused, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (await holds.IsHeldAsync(item.Item, cancellationToken).ConfigureAwait(false))
                    {
                        await FailAsync(item, new ContactKitError(RetentionErrorCodes.ItemHeld, $"Item '{item.Id}' was put under legal hold while its batch was being disposed of; it was not destroyed.", "id"), cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    var receipt = await disposer.DisposeAsync(item, cancellationToken).ConfigureAwait(false);
                    if (receipt.IsSuccess)
                    {
                        destroyed.Add((item, receipt.Value));
                    }
                    else
                    {
                        await FailAsync(item, new ContactKitError(RetentionErrorCodes.DisposalFailed, $"Item '{item.Id}' was not disposed of: {Errors.Excerpt(receipt.Error.Message)}", "item"), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-batch (a host shutting down): what was already destroyed is still recorded with its proof, so
            // that no destruction is lost; the rest keep their claims, which lapse and are taken again.
            await RecordAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await RecordAsync(cancellationToken).ConfigureAwait(false);

        async ValueTask RecordAsync(CancellationToken token)
        {
            if (destroyed.Count == 0)
            {
                return;
            }

            var now = _clock.GetCurrentInstant();
            IReadOnlyList<Result<AuditEntry>> recorded;
            using (var activity = RetentionTelemetry.Start("Retention.CompleteDisposal", tenant))
            {
                recorded = await _store.CompleteDisposalsAsync(tenant, destroyed.ConvertAll(d => ProofOf(d.Item, worker, d.Receipt, now)), worker, now, token).ConfigureAwait(false);
                activity?.SetTag("contactkit.disposed", recorded.Count(r => r.IsSuccess));
            }

            for (var i = 0; i < destroyed.Count; i++)
            {
                var (item, receipt) = destroyed[i];
                if (recorded[i].Error is { } refused)
                {
                    await FailAsync(item, refused, token).ConfigureAwait(false);
                }
                else
                {
                    proofs.Add(Proved(item, worker, receipt, now, recorded[i].Value));
                }
            }
        }

        async ValueTask FailAsync(StoredRetainedItem item, ContactKitError error, CancellationToken token)
        {
            failures.Add((item.Id, error));
            await ReleaseAsync(item, worker, token).ConfigureAwait(false);
        }
    }

    private async ValueTask ReleaseAsync(StoredRetainedItem item, ActorId worker, CancellationToken cancellationToken)
    {
        using var released = RetentionTelemetry.Start("Retention.ReleaseClaim", item.Tenant);
        await _store.ReleaseClaimAsync(item.Tenant, item.Id, worker, cancellationToken).ConfigureAwait(false);
    }

    // The audit entry that proves an item's disposal: what, under which rule, when it was due and destroyed, by which
    // worker, and the provider's hash of what was destroyed.
    private static DisposalCompletion ProofOf(StoredRetainedItem item, ActorId worker, DestructionReceipt receipt, Instant now)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["item"] = item.Id.Value,
            ["record_class"] = item.Item.RecordClass.Value,
            ["rule"] = item.RuleName ?? string.Empty,
            ["action"] = RetentionScheduleValidator.Snake((item.Action ?? DisposalAction.Delete).ToString()),
            ["due_at"] = item.DisposeAt is { } due ? InstantPattern.ExtendedIso.Format(due) : string.Empty,
            ["disposed_at"] = InstantPattern.ExtendedIso.Format(now),
            ["worker"] = worker.Value,
        };
        if (receipt.ContentHash is not null)
        {
            details["content_hash"] = receipt.ContentHash;
        }

        if (receipt.Provider is not null)
        {
            details["provider"] = receipt.Provider;
        }

        return new DisposalCompletion(item.Id, new AuditEntry
        {
            Tenant = item.Tenant,
            OccurredAt = now,
            Actor = worker,
            Action = DisposedAction,
            Resource = item.Item.Resource ?? ResourceRef.RetainedItem(item.Id),
            Subject = item.Item.Subject,
            Reason = string.Create(CultureInfo.InvariantCulture, $"retention rule '{item.RuleName}' made it due"),
            Details = details,
        });
    }

    private static DisposalProof Proved(StoredRetainedItem item, ActorId worker, DestructionReceipt receipt, Instant now, AuditEntry entry) =>
        new(item.Id, item.RuleName, item.Action, item.DisposeAt, now, worker, receipt.ContentHash, entry);

    // A review is due: the reminder goes to the audit trail first, then the plan is cleared, so that a run stopped
    // between the two reminds again rather than never.
    private async ValueTask<Result<ReviewReminder>> RemindAsync(StoredRetainedItem item, ActorId worker, Func<ReviewReminder, CancellationToken, ValueTask>? remind, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["item"] = item.Id.Value,
            ["record_class"] = item.Item.RecordClass.Value,
            ["rule"] = item.RuleName ?? string.Empty,
            ["due_at"] = item.DisposeAt is { } due ? InstantPattern.ExtendedIso.Format(due) : string.Empty,
            ["worker"] = worker.Value,
        };
        var entry = await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = item.Tenant,
                OccurredAt = now,
                Actor = worker,
                Action = ReviewDueAction,
                Resource = item.Item.Resource ?? ResourceRef.RetainedItem(item.Id),
                Subject = item.Item.Subject,
                Reason = string.Create(CultureInfo.InvariantCulture, $"retention rule '{item.RuleName}' asks a person to review whether the item is still needed; nothing was destroyed"),
                Details = details,
            },
            cancellationToken).ConfigureAwait(false);

        var reminder = new ReviewReminder(item.Id, item.RuleName, item.DisposeAt, entry);
        if (remind is not null)
        {
            try
            {
                await remind(reminder, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ContactKitError(
                    RetentionErrorCodes.ReviewNotHandedOn,
                    $"The review of item '{item.Id}' was written to the audit trail but could not be handed on ({e.GetType().Name}); the item stays due and is reminded again on the next run.",
                    "item");
            }
        }

        var current = await _store.GetAsync(item.Tenant, item.Id, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current.Error;
        }

        var kept = await _store.SaveAsync(current.Value with { DisposeAt = null }, cancellationToken).ConfigureAwait(false);
        return kept.IsFailure ? kept.Error : reminder;
    }
}
