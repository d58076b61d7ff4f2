namespace ContactKit.Consent;

/// <summary>
/// The append-only consent ledger. Records are kept per tenant in the order they were appended and are never changed or
/// removed; one tenant never reads another's records.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.ConsentStoreContractTests</c>: append-only, ordered, tenant-isolated,
/// idempotent for a replayed record (reported as not new, however many threads replay it at once), nothing lost when many
/// threads append at once, and the latest record for a subject and purpose found by an index, not by reading the ledger.
/// </remarks>
public interface IConsentStore
{
    /// <summary>
    /// Appends a record and returns it as stored, with its <see cref="ConsentRecord.Sequence"/> assigned. Appending a record whose id is
    /// already stored with the same content returns the stored record, marked as not new, and changes nothing; of many
    /// appends of one record, at the same time or not, exactly one is new.
    /// </summary>
    /// <param name="record">The record; its sequence is ignored.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The stored record and whether this call added it, or an error with code <see cref="ConsentErrorCodes.InvalidConsentRecord"/> or <see cref="ConsentErrorCodes.DuplicateConsentRecord"/>.</returns>
    ValueTask<Result<ConsentAppendOutcome>> AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the latest record (the highest <see cref="ConsentRecord.Sequence"/>) of a subject that covers a purpose and,
    /// when given, a data category. Stores answer from an index kept as records are appended, so the cost does not grow
    /// with the ledger.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose the record must cover.</param>
    /// <param name="category">When given, the data category the record must also cover.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or an error with code <see cref="ErrorCodes.NotFound"/> when the subject has none for the purpose.</returns>
    ValueTask<Result<ConsentRecord>> GetLatestAsync(TenantId tenant, DataSubjectId subject, Purpose purpose, DataCategoryKey? category = null, CancellationToken cancellationToken = default);

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

/// <summary>What an append to the <see cref="IConsentStore"/> did.</summary>
/// <param name="Record">The record as stored, with its sequence.</param>
/// <param name="IsNew">
/// <see langword="true"/> when this append added the record; <see langword="false"/> when the same record was already
/// stored (a replay), in which case nothing changed and nothing is to be audited.
/// </param>
public readonly record struct ConsentAppendOutcome(ConsentRecord Record, bool IsNew);
