using System.Runtime.CompilerServices;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IRetentionStore"/> in memory, safe for concurrent workers. Items with a disposal instant sit in an
/// index ordered by that instant, so taking what is due costs in proportion to the items due (plus those held or
/// claimed at the front), never to the items stored.
/// </summary>
public sealed class InMemoryRetentionStore : IRetentionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, RetainedItemId), StoredRetainedItem> _items = [];
    private readonly Dictionary<TenantId, SortedSet<DueKey>> _due = [];
    private readonly Dictionary<(TenantId, LegalHoldId), LegalHold> _holds = [];
    private readonly List<LegalHold> _holdOrder = [];
    private readonly Dictionary<(TenantId, HoldTarget), int> _activeHolds = [];

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
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            var key = (item.Tenant, item.Id);
            _items.TryGetValue(key, out var existing);
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
                DisposedAt = null,
                DisposedBy = null,
            };
            Unindex(existing);
            _items[key] = saved;
            Index(saved);
            return Done<StoredRetainedItem>(saved);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default)
    {
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
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            if (!_holds.TryAdd((hold.Tenant, hold.Id), hold))
            {
                return Done<LegalHold>(new ContactKitError(ErrorCodes.VersionConflict, $"Legal hold '{hold.Id}' already exists.", "id"));
            }

            _holdOrder.Add(hold);
            if (hold.IsActive)
            {
                var target = (hold.Tenant, hold.Target);
                _activeHolds[target] = _activeHolds.GetValueOrDefault(target) + 1;
            }

            return Done<LegalHold>(hold);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_holds.TryGetValue((tenant, id), out var hold))
            {
                return Done<LegalHold>(Errors.NotFound($"legal hold '{id}'", tenant));
            }

            if (!hold.IsActive)
            {
                return Done<LegalHold>(new ContactKitError(RetentionErrorCodes.HoldAlreadyReleased, $"Legal hold '{id}' was already released at {hold.ReleasedAt}.", "id"));
            }

            var released = hold with { ReleasedAt = releasedAt, ReleasedBy = releasedBy };
            _holds[(tenant, id)] = released;
            _holdOrder[_holdOrder.IndexOf(hold)] = released;
            var target = (tenant, hold.Target);
            if (--_activeHolds[target] == 0)
            {
                _activeHolds.Remove(target);
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
    public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default)
    {
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

                var item = _items[(tenant, key.Id)];
                if ((item.ClaimExpiresAt is { } expires && expires > now) || IsHeld(item.Item))
                {
                    continue;
                }

                claimed.Add(item with { ClaimedBy = worker, ClaimExpiresAt = now + claimFor });
            }

            foreach (var item in claimed)
            {
                _items[(tenant, item.Id)] = item;
            }
        }

        return new ValueTask<IReadOnlyList<StoredRetainedItem>>(claimed);
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var check = Claimed(tenant, id, worker);
            if (check.IsFailure)
            {
                return Done(check);
            }

            if (check.Value.DestructionStartedAt is null && IsHeld(check.Value.Item))
            {
                return Done<StoredRetainedItem>(HeldError(id));
            }

            var disposed = check.Value with { DisposedAt = disposedAt, DisposedBy = worker, ClaimedBy = null, ClaimExpiresAt = null, Version = check.Value.Version + 1 };
            Unindex(check.Value);
            _items[(tenant, id)] = disposed;
            return Done<StoredRetainedItem>(disposed);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var check = Claimed(tenant, id, worker);
            if (check.IsFailure || check.Value.DestructionStartedAt is not null)
            {
                return Done(check);
            }

            if (IsHeld(check.Value.Item))
            {
                return Done<StoredRetainedItem>(HeldError(id));
            }

            var begun = check.Value with { DestructionStartedAt = startedAt };
            _items[(tenant, id)] = begun;
            return Done<StoredRetainedItem>(begun);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default)
    {
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

    private static ContactKitError HeldError(RetainedItemId id) =>
        new(RetentionErrorCodes.ItemHeld, $"Item '{id}' is under legal hold and cannot be disposed of.", "id");

    private static ContactKitError AlreadyDisposed(RetainedItemId id) =>
        new(RetentionErrorCodes.AlreadyDisposed, $"Item '{id}' has already been disposed of.", "id");

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

    private void Index(StoredRetainedItem item)
    {
        if (item.DisposeAt is not { } at || item.IsDisposed)
        {
            return;
        }

        if (!_due.TryGetValue(item.Tenant, out var index))
        {
            _due[item.Tenant] = index = new SortedSet<DueKey>();
        }

        index.Add(new DueKey(at.ToUnixTimeTicks(), item.Id));
    }

    private void Unindex(StoredRetainedItem? item)
    {
        if (item?.DisposeAt is { } at && _due.TryGetValue(item.Tenant, out var index))
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
