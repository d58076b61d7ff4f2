using NodaTime;

namespace ContactKit.Retention;

/// <summary>
/// Keeps retained items with their disposal instants, the legal holds, and the claims workers take while disposing.
/// Every operation is scoped to one tenant. Implementations must make each call atomic and pass
/// <c>RetentionStoreContractTests</c> from ContactKit.Testing.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// Adds an item (when <see cref="StoredRetainedItem.Version"/> is 0 and the id is new) or replaces the item and its
    /// plan (when the version matches the stored one), raising the version by one. Claim, destruction and disposal
    /// fields are the store's: the ones given are ignored and the stored ones kept.
    /// </summary>
    /// <param name="item">The item and its plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored item with its new version; <see cref="RetentionErrorCodes.ItemAlreadyTracked"/> when version 0
    /// names a stored id, <c>VersionConflict</c> when the version is stale, or <see cref="RetentionErrorCodes.AlreadyDisposed"/>.</returns>
    ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default);

    /// <summary>Reads one item, disposed or not.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item, or <c>NotFound</c>.</returns>
    ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default);

    /// <summary>Streams the tenant's items not yet disposed of, in id order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Adds a legal hold.</summary>
    /// <param name="hold">The hold, active.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored hold.</returns>
    ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default);

    /// <summary>Releases a legal hold.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The hold.</param>
    /// <param name="releasedBy">Who released it.</param>
    /// <param name="releasedAt">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The released hold; <c>NotFound</c> or <see cref="RetentionErrorCodes.HoldAlreadyReleased"/>.</returns>
    ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default);

    /// <summary>Streams the tenant's holds, active and released, in the order placed.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The holds.</returns>
    IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the active holds placed on any of <paramref name="targets"/>, in the order placed. Its cost grows with
    /// the holds on those targets, never with every hold the tenant has placed; pass <see cref="HoldTarget.Reaching"/>
    /// of an item for the holds that cover it.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="targets">The items, subjects, interactions or cases asked about.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The active holds on those targets.</returns>
    IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a watch on the legal holds of <paramref name="tenant"/> for the length of a sweep's batch. Each
    /// <see cref="IHoldWatch.IsHeldAsync"/> reads whether an active hold covers an item at that moment, exactly as
    /// <see cref="ReadActiveHoldsAsync"/> of its <see cref="HoldTarget.Reaching"/> would, so a hold placed while the watch
    /// is open is seen by the next check. A store may keep what the checks share (a database connection) until the watch
    /// is disposed; the default reads through <see cref="ReadActiveHoldsAsync"/> each time.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The watch; dispose of it when the batch is done.</returns>
    ValueTask<IHoldWatch> WatchHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IHoldWatch>(new ReadingHoldWatch(this, tenant));

    /// <summary>
    /// Claims up to <paramref name="max"/> items due at <paramref name="now"/> for <paramref name="worker"/>, earliest
    /// disposal instant first. An item is due when its instant has come, it is not disposed of, no active hold covers
    /// it, and no other claim on it is live. A claim lapses at <paramref name="now"/> + <paramref name="claimFor"/>,
    /// after which another worker may take the item. No two live claims ever cover one item. A new claim starts with no
    /// destruction begun, whatever a lapsed claim left. Held items are skipped at a cost that does not grow with how
    /// many of them are due.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="now">The instant.</param>
    /// <param name="max">The most items to claim; at least 1.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="claimFor">How long the claim lasts; longer than the slowest disposal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed items, in disposal-instant order.</returns>
    ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks that <paramref name="worker"/> is about to destroy a claimed item, raising its version. This is the last
    /// point at which a legal hold stops disposal: in one atomic step it is refused if an active hold covers the item,
    /// or if the stored disposal instant is unknown or after <paramref name="startedAt"/> (the plan changed after the
    /// claim). Once begun, a hold placed later does not stop <see cref="CompleteDisposalAsync"/>, so content that has
    /// gone is always recorded as gone. Calling it again under the same claim returns the item unchanged.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="worker">The worker holding the claim.</param>
    /// <param name="startedAt">When destruction begins.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item with <see cref="StoredRetainedItem.DestructionStartedAt"/> set; or <see cref="RetentionErrorCodes.ClaimNotHeld"/>,
    /// <see cref="RetentionErrorCodes.ItemHeld"/>, <see cref="RetentionErrorCodes.NotDue"/>, <see cref="RetentionErrorCodes.AlreadyDisposed"/>, <c>NotFound</c>.</returns>
    ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="BeginDisposalAsync"/> for a batch of claimed items at once, deciding for each item exactly as that call
    /// decides, so that a sweep marks its whole batch begun in one step rather than one write per item. Each item is
    /// decided atomically on its own; the batch is not all-or-nothing.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="ids">The items, each once.</param>
    /// <param name="worker">The worker holding the claims.</param>
    /// <param name="startedAt">When destruction begins.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per item, in the order of <paramref name="ids"/>: the item with
    /// <see cref="StoredRetainedItem.DestructionStartedAt"/> set, or the refusal <see cref="BeginDisposalAsync"/> gives.</returns>
    ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a batch of claimed items disposed of, each with its proof: in one transaction, every item that may be
    /// recorded (as <see cref="CompleteDisposalAsync"/> decides) is marked disposed of and its proof appended to the
    /// tenant's audit trail, numbered as <see cref="IAuditTrail.AppendAsync"/> numbers it. An item is never recorded
    /// disposed of without its proof, nor a proof kept for an item not recorded, so a worker stopped at any point leaves
    /// each item either still claimed (and taken again once the claim lapses) or disposed of with one proof.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="disposals">The items, each once, with the proofs to append.</param>
    /// <param name="worker">The worker holding the claims.</param>
    /// <param name="disposedAt">When they were destroyed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One result per item, in the order of <paramref name="disposals"/>: the proof as appended, or the refusal
    /// <see cref="CompleteDisposalAsync"/> gives.</returns>
    ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks that <paramref name="worker"/> is about to destroy an item because a data subject asked for its erasure,
    /// whatever its planned disposal instant, taking a claim on it for <paramref name="claimFor"/>. This is the last point
    /// at which a legal hold stops the erasure: in one atomic step it is refused if an active hold covers the item or any
    /// of <paramref name="alsoHeldBy"/> (for example the requester as a subject, when the item names nobody), or if
    /// another worker holds a live claim on it; otherwise it takes the claim, marks destruction begun and raises the
    /// version. Once begun, a hold placed later does not stop <see cref="CompleteDisposalAsync"/> by the same worker.
    /// Called again by the same worker after destruction began (for example by a run that resumes after a crash), it
    /// returns the item unchanged, so the erasure can be finished and recorded.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="alsoHeldBy">Hold targets beyond the item's own that also stop its erasure; may be empty.</param>
    /// <param name="worker">The worker erasing it (one per erasure request, so a resumed run is the same worker).</param>
    /// <param name="startedAt">When destruction begins.</param>
    /// <param name="claimFor">How long the claim lasts; longer than the slowest erasure, since a run resumed after it lapses may find the item taken.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item with its claim and <see cref="StoredRetainedItem.DestructionStartedAt"/> set; or <see cref="RetentionErrorCodes.ItemHeld"/>,
    /// <see cref="RetentionErrorCodes.ClaimNotHeld"/> (another worker is disposing of it), <see cref="RetentionErrorCodes.AlreadyDisposed"/>, <c>NotFound</c>.</returns>
    ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a claimed item disposed of. Refused unless <paramref name="worker"/> holds the claim, and, when destruction was
    /// not begun with <see cref="BeginDisposalAsync"/>, unless no active hold covers the item and its stored disposal
    /// instant has come.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="disposedAt">When it was destroyed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The disposed item; or <see cref="RetentionErrorCodes.ClaimNotHeld"/>, <see cref="RetentionErrorCodes.ItemHeld"/>,
    /// <see cref="RetentionErrorCodes.NotDue"/>, <see cref="RetentionErrorCodes.AlreadyDisposed"/>, <c>NotFound</c>.</returns>
    ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives up a claim so the item can be taken again at once (for example after a failed disposal); a begun destruction
    /// is cleared with it, since the content is still there.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The item.</param>
    /// <param name="worker">The worker holding the claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item without its claim; or <see cref="RetentionErrorCodes.ClaimNotHeld"/>, <c>NotFound</c>.</returns>
    ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default);
}
