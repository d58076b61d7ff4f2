using ContactKit.Retention;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.SweepWorker;

/// <summary>
/// The EF Core retention store with each call of a disposal reported through the <see cref="Protocol"/> once it has
/// returned (claimed, begun, completed, released), so that a test can stop or kill the process between any two of them.
/// </summary>
internal sealed class SteppingRetentionStore(IRetentionStore inner, Protocol protocol) : IRetentionStore
{
    public async ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default)
    {
        var claimed = await inner.ClaimDueAsync(tenant, now, max, worker, claimFor, cancellationToken);
        await protocol.StepAsync($"claimed {claimed.Count}", cancellationToken);
        return claimed;
    }

    public async ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        var begun = await inner.BeginDisposalAsync(tenant, id, worker, startedAt, cancellationToken);
        await protocol.StepAsync(begun.Error is { } error ? $"refused {id} {error.Code}" : $"begun {id}", cancellationToken);
        return begun;
    }

    public async ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        var begun = await inner.BeginDisposalsAsync(tenant, ids, worker, startedAt, cancellationToken);
        for (var i = 0; i < begun.Count; i++)
        {
            await protocol.StepAsync(begun[i].Error is { } error ? $"refused {ids[i]} {error.Code}" : $"begun {ids[i]}", cancellationToken);
        }

        return begun;
    }

    public async ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        var done = await inner.CompleteDisposalsAsync(tenant, disposals, worker, disposedAt, cancellationToken);
        for (var i = 0; i < done.Count; i++)
        {
            protocol.Tell(done[i].Error is { } error ? $"not-completed {disposals[i].Item} {error.Code}" : $"completed {disposals[i].Item}");
        }

        await protocol.StepAsync($"recorded {done.Count(d => d.IsSuccess)}", cancellationToken);
        return done;
    }

    public async ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default)
    {
        var released = await inner.ReleaseClaimAsync(tenant, id, worker, cancellationToken);
        protocol.Tell($"released {id}");
        return released;
    }

    public async ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        var done = await inner.CompleteDisposalAsync(tenant, id, worker, disposedAt, cancellationToken);
        protocol.Tell(done.Error is { } error ? $"not-completed {id} {error.Code}" : $"completed {id}");
        return done;
    }

    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) => inner.SaveAsync(item, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default) => inner.GetAsync(tenant, id, cancellationToken);

    public IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadAllAsync(tenant, cancellationToken);

    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default) => inner.AddHoldAsync(hold, cancellationToken);

    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default) => inner.ReleaseHoldAsync(tenant, id, releasedBy, releasedAt, cancellationToken);

    public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadHoldsAsync(tenant, cancellationToken);

    public IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, CancellationToken cancellationToken = default) => inner.ReadActiveHoldsAsync(tenant, targets, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default) => inner.BeginErasureAsync(tenant, id, alsoHeldBy, worker, startedAt, claimFor, cancellationToken);
}
