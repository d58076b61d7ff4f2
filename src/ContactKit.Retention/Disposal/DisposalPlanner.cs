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

    /// <summary>Records that a claimed item has been destroyed, and writes the proof to the audit trail.</summary>
    /// <param name="item">The claimed item.</param>
    /// <param name="worker">The worker holding the claim.</param>
    /// <param name="receipt">What the provider said about the destruction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proof, or the store's refusal.</returns>
    public async ValueTask<Result<DisposalProof>> CompleteAsync(StoredRetainedItem item, ActorId worker, DestructionReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var now = _clock.GetCurrentInstant();
        Result<StoredRetainedItem> done;
        using (var activity = RetentionTelemetry.Start("Retention.CompleteDisposal", item.Tenant))
        {
            done = await _store.CompleteDisposalAsync(item.Tenant, item.Id, worker, now, cancellationToken).ConfigureAwait(false);
            if (done.IsFailure)
            {
                RetentionTelemetry.Refused(activity, done.Error);
                return done.Error;
            }
        }

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

        var entry = await _audit.AppendAsync(
            new AuditEntry
            {
                Tenant = item.Tenant,
                OccurredAt = now,
                Actor = worker,
                Action = DisposedAction,
                Resource = item.Item.Resource ?? ResourceRef.RetainedItem(item.Id),
                Subject = item.Item.Subject,
                Reason = string.Create(CultureInfo.InvariantCulture, $"retention rule '{item.RuleName}' made it due"),
                Details = details,
            },
            cancellationToken).ConfigureAwait(false);
        return new DisposalProof(item.Id, item.RuleName, item.Action, item.DisposeAt, now, worker, receipt.ContentHash, entry);
    }

    /// <summary>
    /// One sweep: claims a batch, checks each item is still free of holds, hands it to <paramref name="disposer"/>,
    /// and completes it with proof. An item that cannot be disposed of is released to be taken again. An item whose
    /// rule asks for a review (<see cref="DisposalAction.Review"/>) is never handed to the disposer: the run writes a
    /// <see cref="ReviewDueAction"/> entry to the audit trail, keeps the item with no planned disposal (so it is not taken
    /// again until its plan changes), and lists it in <see cref="DisposalRunResult.Reviews"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="disposer">Destroys items in the host's storage.</param>
    /// <param name="max">The most items to take.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What the run did.</returns>
    public async ValueTask<DisposalRunResult> RunOnceAsync(TenantId tenant, ActorId worker, IRetainedItemDisposer disposer, int? max = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposer);
        var batch = await TakeDueAsync(tenant, worker, max, cancellationToken).ConfigureAwait(false);
        var proofs = ImmutableArray.CreateBuilder<DisposalProof>(batch.Count);
        var failures = ImmutableArray.CreateBuilder<(RetainedItemId, ContactKitError)>();
        var reviews = ImmutableArray.CreateBuilder<ReviewReminder>();
        foreach (var item in batch)
        {
            if (item.Action == DisposalAction.Review)
            {
                var reminded = await RemindAsync(item, worker, cancellationToken).ConfigureAwait(false);
                if (reminded.IsSuccess)
                {
                    reviews.Add(reminded.Value);
                }
                else
                {
                    failures.Add((item.Id, reminded.Error));
                }

                using var released = RetentionTelemetry.Start("Retention.ReleaseClaim", tenant);
                await _store.ReleaseClaimAsync(tenant, item.Id, worker, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The store decides atomically whether a hold stops the item; a hold placed after this cannot.
            var begun = await BeginAsync(item, worker, cancellationToken).ConfigureAwait(false);
            var error = begun.Error;
            if (error is null)
            {
                var destroyed = await disposer.DisposeAsync(item, cancellationToken).ConfigureAwait(false);
                if (destroyed.IsSuccess)
                {
                    var proof = await CompleteAsync(item, worker, destroyed.Value, cancellationToken).ConfigureAwait(false);
                    if (proof.IsSuccess)
                    {
                        proofs.Add(proof.Value);
                        continue;
                    }

                    error = proof.Error;
                }
                else
                {
                    error = new ContactKitError(RetentionErrorCodes.DisposalFailed, $"Item '{item.Id}' was not disposed of: {Errors.Excerpt(destroyed.Error.Message)}", "item");
                }
            }

            failures.Add((item.Id, error));
            using var release = RetentionTelemetry.Start("Retention.ReleaseClaim", tenant);
            await _store.ReleaseClaimAsync(tenant, item.Id, worker, cancellationToken).ConfigureAwait(false);
        }

        return new DisposalRunResult(batch.Count, proofs.ToImmutable(), failures.ToImmutable()) { Reviews = reviews.ToImmutable() };
    }

    // A review is due: the reminder goes to the audit trail first, then the plan is cleared, so that a run stopped
    // between the two reminds again rather than never.
    private async ValueTask<Result<ReviewReminder>> RemindAsync(StoredRetainedItem item, ActorId worker, CancellationToken cancellationToken)
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

        var current = await _store.GetAsync(item.Tenant, item.Id, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current.Error;
        }

        var kept = await _store.SaveAsync(current.Value with { DisposeAt = null }, cancellationToken).ConfigureAwait(false);
        return kept.IsFailure ? kept.Error : new ReviewReminder(item.Id, item.RuleName, item.DisposeAt, entry);
    }
}
