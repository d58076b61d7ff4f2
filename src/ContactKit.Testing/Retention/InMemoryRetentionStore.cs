using System.Runtime.CompilerServices;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IRetentionStore"/> in memory, safe for concurrent workers. Items that could be due (a disposal
/// instant, not disposed of, no active hold) sit in an index ordered by that instant, so taking what is due costs in
/// proportion to the items due (plus those claimed at the front), never to the items stored or held. Active holds and
/// live items are indexed by target, so placing or releasing a hold costs in proportion to the items it reaches, and
/// asking which holds cover an item costs in proportion to the holds on its targets.
/// </summary>
public sealed class InMemoryRetentionStore : IRetentionStore
{
    private readonly IAuditTrail _audit;
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, RetainedItemId), StoredRetainedItem> _items = [];
    private readonly Dictionary<TenantId, SortedSet<DueKey>> _due = [];
    private readonly Dictionary<(TenantId, LegalHoldId), int> _holdPositions = [];
    private readonly List<LegalHold> _holdOrder = [];
    private readonly Dictionary<(TenantId, HoldTarget), List<LegalHold>> _activeHolds = [];
    private readonly Dictionary<(TenantId, HoldTarget), HashSet<RetainedItemId>> _itemsByTarget = [];

    /// <summary>Creates a store that appends disposal proofs to an audit trail of its own.</summary>
    public InMemoryRetentionStore()
        : this(new InMemoryAuditTrail())
    {
    }

    /// <summary>Creates a store that appends disposal proofs to <paramref name="audit"/>.</summary>
    /// <param name="audit">The audit trail the proofs go to: the host's, so that they sit beside its other entries.</param>
    public InMemoryRetentionStore(IAuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        _audit = audit;
    }

    /// <summary>How many items the store holds, disposed of or not.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            var key = (item.Tenant, item.Id);
            _items.TryGetValue(key, out var existing);
            if (existing is not null && item.Version == 0)
            {
                return Done<StoredRetainedItem>(new ContactKitError(
                    RetentionErrorCodes.ItemAlreadyTracked,
                    $"Item '{item.Id}' is already tracked (version {existing.Version}); change a stored item through RetentionService.RecordTriggerAsync or, to move it to another record class, ReclassifyAsync; tracking it again would lose its history.",
                    "id"));
            }

            var actual = existing?.Version ?? 0;
            if (actual != item.Version)
            {
                return Done<StoredRetainedItem>(Errors.VersionConflict("retained item", item.Version, actual));
            }

            if (existing is { IsDisposed: true })
            {
                return Done<StoredRetainedItem>(AlreadyDisposed(item.Id));
            }

            var saved = item with
            {
                Version = actual + 1,
                ClaimedBy = existing?.ClaimedBy,
                ClaimExpiresAt = existing?.ClaimExpiresAt,
                DestructionStartedAt = existing?.DestructionStartedAt,
                DisposedAt = null,
                DisposedBy = null,
            };
            Forget(existing);
            _items[key] = saved;
            Remember(saved);
            return Done<StoredRetainedItem>(saved);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Done(_items.TryGetValue((tenant, id), out var item) ? item : (Result<StoredRetainedItem>)Errors.NotFound($"retained item '{id}'", tenant));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<StoredRetainedItem> snapshot;
        lock (_gate)
        {
            snapshot = [.. _items.Values.Where(i => i.Tenant == tenant && !i.IsDisposed).OrderBy(i => i.Id)];
        }

        foreach (var item in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            if (!_holdPositions.TryAdd((hold.Tenant, hold.Id), _holdOrder.Count))
            {
                return Done<LegalHold>(new ContactKitError(ErrorCodes.VersionConflict, $"Legal hold '{hold.Id}' already exists.", "id"));
            }

            _holdOrder.Add(hold);
            if (hold.IsActive)
            {
                var target = (hold.Tenant, hold.Target);
                if (!_activeHolds.TryGetValue(target, out var onTarget))
                {
                    _activeHolds[target] = onTarget = [];
                }

                onTarget.Add(hold);
                // The items it reaches leave the due index until every hold on them is released.
                foreach (var item in ItemsReached(target))
                {
                    Unindex(item);
                }
            }

            return Done<LegalHold>(hold);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_holdPositions.TryGetValue((tenant, id), out var position))
            {
                return Done<LegalHold>(Errors.NotFound($"legal hold '{id}'", tenant));
            }

            var hold = _holdOrder[position];
            if (!hold.IsActive)
            {
                return Done<LegalHold>(new ContactKitError(RetentionErrorCodes.HoldAlreadyReleased, $"Legal hold '{id}' was already released at {hold.ReleasedAt}.", "id"));
            }

            var released = hold with { ReleasedAt = releasedAt, ReleasedBy = releasedBy };
            _holdOrder[position] = released;
            var target = (tenant, hold.Target);
            var onTarget = _activeHolds[target];
            onTarget.RemoveAll(h => h.Id == id);
            if (onTarget.Count == 0)
            {
                _activeHolds.Remove(target);
                foreach (var item in ItemsReached(target))
                {
                    Index(item);
                }
            }

            return Done<LegalHold>(released);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<LegalHold> snapshot;
        lock (_gate)
        {
            snapshot = [.. _holdOrder.Where(h => h.Tenant == tenant)];
        }

        foreach (var hold in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return hold;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        List<LegalHold> found = [];
        lock (_gate)
        {
            foreach (var target in targets.Distinct())
            {
                if (_activeHolds.TryGetValue((tenant, target), out var onTarget))
                {
                    found.AddRange(onTarget);
                }
            }

            found.Sort((a, b) => _holdPositions[(a.Tenant, a.Id)].CompareTo(_holdPositions[(b.Tenant, b.Id)]));
        }

        foreach (var hold in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return hold;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimFor, Duration.Zero);
        var claimed = new List<StoredRetainedItem>(Math.Min(max, 1024));
        lock (_gate)
        {
            if (!_due.TryGetValue(tenant, out var index))
            {
                return new ValueTask<IReadOnlyList<StoredRetainedItem>>(claimed);
            }

            var nowTicks = now.ToUnixTimeTicks();
            foreach (var key in index)
            {
                if (key.Ticks > nowTicks || claimed.Count == max)
                {
                    break;
                }

                // Held items are not in the index at all; only live claims are stepped over.
                var item = _items[(tenant, key.Id)];
                if (item.ClaimExpiresAt is { } expires && expires > now)
                {
                    continue;
                }

                // A new claim is a new attempt: whatever a lapsed claim's worker began, holds are checked again at Begin.
                claimed.Add(item with { ClaimedBy = worker, ClaimExpiresAt = now + claimFor, DestructionStartedAt = null });
            }

            foreach (var item in claimed)
            {
                _items[(tenant, item.Id)] = item;
            }
        }

        return new ValueTask<IReadOnlyList<StoredRetainedItem>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Done(Begin(tenant, id, worker, startedAt));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(ids);
        var results = new Result<StoredRetainedItem>[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            results[i] = Begin(tenant, ids[i], worker, startedAt);
        }

        return new ValueTask<IReadOnlyList<Result<StoredRetainedItem>>>(results);
    }

    private Result<StoredRetainedItem> Begin(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt)
    {
        lock (_gate)
        {
            var check = Claimed(tenant, id, worker);
            if (check.IsFailure)
            {
                return check;
            }

            var item = check.Value;
            if (item.DestructionStartedAt is not null)
            {
                // Begun under this very claim: a claim always starts with no destruction begun.
                return item;
            }

            var refusal = Refusal(item, startedAt);
            if (refusal is not null)
            {
                return refusal;
            }

            var begun = item with { DestructionStartedAt = startedAt, Version = item.Version + 1 };
            _items[(tenant, id)] = begun;
            return begun;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(disposals);
        foreach (var (id, proof) in disposals)
        {
            // Checked before anything changes, so that no item is recorded disposed of with a proof that cannot be kept.
            if (proof.Validate() is { } invalid)
            {
                throw new ContactKitException(invalid);
            }

            if (proof.Tenant != tenant)
            {
                throw new ArgumentException($"The proof of item '{id}' names another tenant.", nameof(disposals));
            }
        }

        var results = new Result<AuditEntry>[disposals.Count];
        for (var i = 0; i < disposals.Count; i++)
        {
            var (id, proof) = disposals[i];
            // Nothing stops between the two steps in memory (cancellation is honoured only before the batch begins), so the
            // item and its proof are recorded together.
            var done = await CompleteDisposalAsync(tenant, id, worker, disposedAt, CancellationToken.None).ConfigureAwait(false);
            results[i] = done.IsSuccess ? await _audit.AppendAsync(proof, CancellationToken.None).ConfigureAwait(false) : done.Error; // recorded, so its proof must follow
        }

        return results;
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(alsoHeldBy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimFor, Duration.Zero);
        lock (_gate)
        {
            if (!_items.TryGetValue((tenant, id), out var item))
            {
                return Done<StoredRetainedItem>(Errors.NotFound($"retained item '{id}'", tenant));
            }

            if (item.IsDisposed)
            {
                return Done<StoredRetainedItem>(AlreadyDisposed(id));
            }

            if (item.ClaimedBy == worker && item.DestructionStartedAt is not null)
            {
                // Begun by this worker before: the content may already be gone, so the erasure is only finished now.
                return Done<StoredRetainedItem>(item);
            }

            if (item.ClaimedBy is { } other && other != worker && item.ClaimExpiresAt is { } expires && expires > startedAt)
            {
                return Done<StoredRetainedItem>(new ContactKitError(RetentionErrorCodes.ClaimNotHeld, $"Item '{id}' is claimed by worker '{other}' until {expires}; erase it once that claim is completed or released.", "worker"));
            }

            if (IsHeld(item.Item) || alsoHeldBy.Any(t => _activeHolds.ContainsKey((tenant, t))))
            {
                return Done<StoredRetainedItem>(new ContactKitError(RetentionErrorCodes.ItemHeld, $"Item '{id}' is under legal hold and cannot be erased.", "id"));
            }

            var begun = item with { ClaimedBy = worker, ClaimExpiresAt = startedAt + claimFor, DestructionStartedAt = startedAt, Version = item.Version + 1 };
            _items[(tenant, id)] = begun;
            return Done<StoredRetainedItem>(begun);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var check = Claimed(tenant, id, worker);
            if (check.IsFailure)
            {
                return Done(check);
            }

            if (check.Value.DestructionStartedAt is null && Refusal(check.Value, disposedAt) is { } refusal)
            {
                return Done<StoredRetainedItem>(refusal);
            }

            var disposed = check.Value with { DisposedAt = disposedAt, DisposedBy = worker, ClaimedBy = null, ClaimExpiresAt = null, Version = check.Value.Version + 1 };
            Forget(check.Value);
            _items[(tenant, id)] = disposed;
            return Done<StoredRetainedItem>(disposed);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var check = Claimed(tenant, id, worker);
            if (check.IsFailure)
            {
                return Done(check);
            }

            var released = check.Value with { ClaimedBy = null, ClaimExpiresAt = null, DestructionStartedAt = null };
            _items[(tenant, id)] = released;
            return Done<StoredRetainedItem>(released);
        }
    }

    private static ValueTask<Result<T>> Done<T>(Result<T> result) => new(result);

    private static ContactKitError AlreadyDisposed(RetainedItemId id) =>
        new(RetentionErrorCodes.AlreadyDisposed, $"Item '{id}' has already been disposed of.", "id");

    /// <summary>Why an item may not be destroyed at <paramref name="at"/>: a hold covers it, or its stored instant has not come.</summary>
    private ContactKitError? Refusal(StoredRetainedItem item, Instant at)
    {
        if (IsHeld(item.Item))
        {
            return new(RetentionErrorCodes.ItemHeld, $"Item '{item.Id}' is under legal hold and cannot be disposed of.", "id");
        }

        return item.DisposeAt is { } due && due <= at
            ? null
            : new(
                RetentionErrorCodes.NotDue,
                $"Item '{item.Id}' is not due at {at}: its stored disposal instant is {(item.DisposeAt is { } later ? later.ToString() : "not yet known")}, planned again after it was claimed. Release the claim; it is taken again when due.",
                "id");
    }

    private Result<StoredRetainedItem> Claimed(TenantId tenant, RetainedItemId id, ActorId worker)
    {
        if (!_items.TryGetValue((tenant, id), out var item))
        {
            return Errors.NotFound($"retained item '{id}'", tenant);
        }

        if (item.IsDisposed)
        {
            return AlreadyDisposed(id);
        }

        return item.ClaimedBy == worker
            ? item
            : new ContactKitError(RetentionErrorCodes.ClaimNotHeld, $"Worker '{worker}' does not hold the claim on item '{id}' (held by '{item.ClaimedBy?.Value ?? "nobody"}').", "worker");
    }

    private bool IsHeld(RetainedItem item)
    {
        if (_activeHolds.Count == 0)
        {
            return false;
        }

        foreach (var target in HoldTarget.Reaching(item))
        {
            if (_activeHolds.ContainsKey((item.Tenant, target)))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<StoredRetainedItem> ItemsReached((TenantId Tenant, HoldTarget Target) target) =>
        _itemsByTarget.TryGetValue(target, out var ids) ? ids.Select(id => _items[(target.Tenant, id)]) : [];

    /// <summary>Adds a live item to the target index and, when it could be due, to the due index.</summary>
    private void Remember(StoredRetainedItem item)
    {
        if (item.IsDisposed)
        {
            return;
        }

        foreach (var target in HoldTarget.Reaching(item.Item))
        {
            var key = (item.Tenant, target);
            if (!_itemsByTarget.TryGetValue(key, out var ids))
            {
                _itemsByTarget[key] = ids = [];
            }

            ids.Add(item.Id);
        }

        Index(item);
    }

    /// <summary>Takes an item out of both indexes (before it is replaced or once it is disposed of).</summary>
    private void Forget(StoredRetainedItem? item)
    {
        if (item is null)
        {
            return;
        }

        Unindex(item);
        foreach (var target in HoldTarget.Reaching(item.Item))
        {
            var key = (item.Tenant, target);
            if (_itemsByTarget.TryGetValue(key, out var ids) && ids.Remove(item.Id) && ids.Count == 0)
            {
                _itemsByTarget.Remove(key);
            }
        }
    }

    private void Index(StoredRetainedItem item)
    {
        if (item.DisposeAt is not { } at || item.IsDisposed || IsHeld(item.Item))
        {
            return;
        }

        if (!_due.TryGetValue(item.Tenant, out var index))
        {
            _due[item.Tenant] = index = new SortedSet<DueKey>();
        }

        index.Add(new DueKey(at.ToUnixTimeTicks(), item.Id));
    }

    private void Unindex(StoredRetainedItem item)
    {
        if (item.DisposeAt is { } at && _due.TryGetValue(item.Tenant, out var index))
        {
            index.Remove(new DueKey(at.ToUnixTimeTicks(), item.Id));
        }
    }

    private readonly record struct DueKey(long Ticks, RetainedItemId Id) : IComparable<DueKey>
    {
        public int CompareTo(DueKey other)
        {
            var byTime = Ticks.CompareTo(other.Ticks);
            return byTime != 0 ? byTime : Id.CompareTo(other.Id);
        }
    }
}
