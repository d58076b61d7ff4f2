using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>
/// Stores rights requests per tenant. Writers are checked by version, so a concurrent change is refused rather than
/// lost; a request's history is append-only, so an update that changes or drops an earlier event is refused.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.RightsRequestStoreContractTests</c>: tenant isolation, versions,
/// append-only history and no update lost when many writers race.
/// </remarks>
public interface IRightsRequestStore
{
    /// <summary>Stores a new request at version 1.</summary>
    /// <param name="request">The request; its version is ignored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored request, or an error with code <see cref="DataSubjectsErrorCodes.DuplicateRequest"/> when the id is taken in the tenant.</returns>
    ValueTask<Result<RightsRequest>> AddAsync(RightsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a request.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The request id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, or an error with code <see cref="ErrorCodes.NotFound"/>.</returns>
    ValueTask<Result<RightsRequest>> GetAsync(TenantId tenant, RightsRequestId id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a request whose stored version is still <see cref="RightsRequest.Version"/> of <paramref name="request"/>.</summary>
    /// <param name="request">The changed request, carrying the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The stored request at the next version; or an error: <see cref="ErrorCodes.NotFound"/>,
    /// <see cref="ErrorCodes.VersionConflict"/> when someone else changed it first, or
    /// <see cref="DataSubjectsErrorCodes.HistoryRewritten"/> when the history does not extend the stored one.
    /// </returns>
    ValueTask<Result<RightsRequest>> UpdateAsync(RightsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists a subject's requests in the order they were received.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The requests.</returns>
    IAsyncEnumerable<RightsRequest> ListBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);

    /// <summary>Lists the open requests due on or before a date, earliest due first (then by id).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="dueOnOrBefore">The latest due date included.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The requests.</returns>
    IAsyncEnumerable<RightsRequest> ListOpenDueByAsync(TenantId tenant, LocalDate dueOnOrBefore, CancellationToken cancellationToken = default);
}
