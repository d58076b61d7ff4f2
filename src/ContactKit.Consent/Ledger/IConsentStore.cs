namespace ContactKit.Consent.Ledger;

/// <summary>
/// The append-only consent ledger. Records are kept per tenant in the order they were appended and are never changed or
/// removed; one tenant never reads another's records.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.ConsentStoreContractTests</c>: append-only, ordered, tenant-isolated,
/// idempotent for a replayed record, and nothing lost when many threads append at once.
/// </remarks>
public interface IConsentStore
{
    /// <summary>
    /// Appends a record and returns it as stored, with its <see cref="ConsentRecord.Sequence"/> assigned. Appending a record whose id is
    /// already stored with the same content returns the stored record and changes nothing.
    /// </summary>
    /// <param name="record">The record; its sequence is ignored.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The stored record, or an error with code <see cref="ConsentErrorCodes.InvalidConsentRecord"/> or <see cref="ConsentErrorCodes.DuplicateConsentRecord"/>.</returns>
    ValueTask<Result<ConsentRecord>> AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads a subject's records in the order they were appended.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<ConsentRecord> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's records in the order they were appended.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<ConsentRecord> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
