using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Tests.Shared;

/// <summary>
/// A store that refuses to stream every hold and counts the holds it hands out by target. Compiled into the Retention and
/// Interactions test projects (see their csproj), which both prove that a lookup reads only the holds on its own targets.
/// </summary>
internal sealed class NoFullHoldScan(IRetentionStore inner) : IRetentionStore
{
    public int HoldsRead { get; private set; }

    public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Every hold the tenant ever placed was read.");

    public async IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var hold in inner.ReadActiveHoldsAsync(tenant, targets, cancellationToken))
        {
            HoldsRead++;
            yield return hold;
        }
    }

    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) => inner.SaveAsync(item, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default) => inner.GetAsync(tenant, id, cancellationToken);

    public IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadAllAsync(tenant, cancellationToken);

    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default) => inner.AddHoldAsync(hold, cancellationToken);

    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default) =>
        inner.ReleaseHoldAsync(tenant, id, releasedBy, releasedAt, cancellationToken);

    public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default) =>
        inner.ClaimDueAsync(tenant, now, max, worker, claimFor, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) =>
        inner.BeginDisposalAsync(tenant, id, worker, startedAt, cancellationToken);

    public ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) => inner.BeginDisposalsAsync(tenant, ids, worker, startedAt, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default) =>
        inner.BeginErasureAsync(tenant, id, alsoHeldBy, worker, startedAt, claimFor, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) =>
        inner.CompleteDisposalAsync(tenant, id, worker, disposedAt, cancellationToken);

    public ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) =>
        inner.CompleteDisposalsAsync(tenant, disposals, worker, disposedAt, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default) =>
        inner.ReleaseClaimAsync(tenant, id, worker, cancellationToken);
}
