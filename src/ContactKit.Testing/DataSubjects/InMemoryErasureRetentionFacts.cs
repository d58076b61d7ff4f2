using ContactKit.DataSubjects;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IErasureRetentionFacts"/> held in memory: set the facts of an item with <see cref="Set"/>; any other
/// item has <see cref="RetentionFacts.None"/>. An item linked to a retained item (<see cref="PersonalDataItem.RetainedItem"/>)
/// is tracked as the retention store would track it: <see cref="BeginErasureAsync"/> decides its hold and marks its
/// destruction begun in one step under a lock, and <see cref="CompleteErasureAsync"/> records its proof
/// (<see cref="ProofOf"/>). An unlinked item's hold is decided at <see cref="BeginErasureAsync"/> with nothing marked.
/// Thread-safe.
/// </summary>
public sealed class InMemoryErasureRetentionFacts : IErasureRetentionFacts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, PersonalDataItemRef), RetentionFacts> _facts = [];
    private readonly Dictionary<(TenantId, PersonalDataItemRef), (RightsRequestId Request, Instant At)> _begun = [];
    private readonly Dictionary<(TenantId, PersonalDataItemRef), ErasureProof> _proofs = [];

    /// <summary>Sets the retention facts of an item (for example a hold placed on it).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="item">The item.</param>
    /// <param name="facts">The facts.</param>
    /// <returns>This instance, for chaining.</returns>
    public InMemoryErasureRetentionFacts Set(TenantId tenant, PersonalDataItemRef item, RetentionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        lock (_gate)
        {
            _facts[(tenant, item)] = facts;
        }

        return this;
    }

    /// <summary>The proof recorded when a tracked item's erasure was completed, if it was.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="item">The item.</param>
    /// <returns>The proof, or <see langword="null"/>.</returns>
    public ErasureProof? ProofOf(TenantId tenant, PersonalDataItemRef item)
    {
        lock (_gate)
        {
            return _proofs.GetValueOrDefault((tenant, item));
        }
    }

    /// <inheritdoc />
    public ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(FactsOf(tenant, item));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (tenant, item.Ref);
        var tracked = item.RetainedItem is not null;
        lock (_gate)
        {
            if (tracked && _proofs.ContainsKey(key))
            {
                return Done(new ErasureStart { Outcome = ErasureStartOutcome.AlreadyDisposed, Tracked = true });
            }

            if (tracked && _begun.TryGetValue(key, out var begun))
            {
                return begun.Request == request
                    ? Done(new ErasureStart { Outcome = ErasureStartOutcome.Resumed, Tracked = true })
                    : Done(new ContactKitError(RetentionErrorCodes.ClaimNotHeld, $"Item '{item.Ref}' is being erased for another request; erase it once that erasure is completed.", "request"));
            }

            var facts = FactsOf(tenant, item);
            if (facts.ActiveHold is not null)
            {
                return Done(new ErasureStart { Outcome = ErasureStartOutcome.Held, Facts = facts, Tracked = tracked });
            }

            if (tracked)
            {
                _begun[key] = (request, startedAt);
            }

            return Done(new ErasureStart { Outcome = ErasureStartOutcome.Begun, Tracked = tracked });
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(proof);
        cancellationToken.ThrowIfCancellationRequested();
        if (item.RetainedItem is not { } retained)
        {
            return ValueTask.FromResult<Result<ErasureProof>>(proof with { RetainedItem = null });
        }

        var key = (tenant, item.Ref);
        lock (_gate)
        {
            if (_proofs.TryGetValue(key, out var recorded))
            {
                return ValueTask.FromResult(recorded.Request == proof.Request
                    ? recorded
                    : (Result<ErasureProof>)new ContactKitError(RetentionErrorCodes.AlreadyDisposed, $"Item '{item.Ref}' was already erased for another request.", "request"));
            }

            if (!_begun.TryGetValue(key, out var begun) || begun.Request != proof.Request)
            {
                return ValueTask.FromResult<Result<ErasureProof>>(new ContactKitError(
                    RetentionErrorCodes.ClaimNotHeld,
                    $"The erasure of item '{item.Ref}' was not begun for this request; call BeginErasureAsync before erasing it.",
                    "request"));
            }

            var done = proof with { RetainedItem = retained };
            _begun.Remove(key);
            _proofs[key] = done;
            return ValueTask.FromResult<Result<ErasureProof>>(done);
        }
    }

    private static ValueTask<Result<ErasureStart>> Done(Result<ErasureStart> result) => ValueTask.FromResult(result);

    private RetentionFacts FactsOf(TenantId tenant, PersonalDataItem item) =>
        _facts.TryGetValue((tenant, item.Ref), out var facts) ? facts : RetentionFacts.None;
}
