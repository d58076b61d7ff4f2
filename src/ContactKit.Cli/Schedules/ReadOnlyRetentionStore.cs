using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Cli;

/// <summary>
/// The store as a dry run sees it: reads pass through, each stored item read is counted for the progress indicator,
/// and every write is refused, so a dry run cannot change a stored item even by mistake.
/// </summary>
/// <param name="inner">The real store.</param>
/// <param name="itemRead">Called with the running count after each stored item is read.</param>
internal sealed class ReadOnlyRetentionStore(IRetentionStore inner, Action<int> itemRead) : IRetentionStore
{
    public async IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var item in inner.ReadAllAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            itemRead(++count);
            yield return item;
        }
    }

    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(tenant, id, cancellationToken);

    public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        inner.ReadHoldsAsync(tenant, cancellationToken);

    public ValueTask<IHoldWatch> WatchHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.WatchHoldsAsync(tenant, cancellationToken);

    public IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, CancellationToken cancellationToken = default) =>
        inner.ReadActiveHoldsAsync(tenant, targets, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) => throw Refused();

    public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default) => throw Refused();

    private static InvalidOperationException Refused() => new("A schedule dry run only reads the store; a write here is a bug in the tool.");
}
