namespace ContactKit.Interactions;

/// <summary>Keeps deletion requests per tenant, with optimistic concurrency.</summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.DeletionRequestStoreContractTests</c>: a stale version
/// is refused, open requests are listed in the order they were made, and one tenant never reads another's.
/// </remarks>
public interface IDeletionRequestStore
{
    /// <summary>Reads a request.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or <c>CK0010</c>.</returns>
    ValueTask<Result<DeletionRequest>> GetAsync(TenantId tenant, DeletionRequestId request, CancellationToken cancellationToken = default);

    /// <summary>Adds a request (version 0 and a new id) or replaces it (the stored version), raising the version by one.</summary>
    /// <param name="request">The request, with the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored request with its new version, or <c>CK0009</c> when the stored version differs.</returns>
    ValueTask<Result<DeletionRequest>> SaveAsync(DeletionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Streams the tenant's requests that are requested or authorised, in the order they were made.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The open requests.</returns>
    IAsyncEnumerable<DeletionRequest> ReadOpenAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
