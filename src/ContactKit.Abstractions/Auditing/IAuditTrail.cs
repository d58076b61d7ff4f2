namespace ContactKit;

/// <summary>
/// The append-only record of every state change and every access. Entries are kept per tenant in the order
/// they were appended; nothing is ever changed or removed, and one tenant never reads another's entries.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.AuditTrailContractTests</c>: append-only, ordered,
/// tenant-isolated, and no entry lost when many threads append at once.
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Appends an entry and returns it as stored, with its <see cref="AuditEntry.Sequence"/> assigned.</summary>
    /// <param name="entry">The entry; its sequence is ignored.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The stored entry.</returns>
    /// <exception cref="ContactKitException">The entry is missing a required field (code <c>CK0011</c>).</exception>
    ValueTask<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads a tenant's entries in the order they were appended.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AuditEntry> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries about one resource, in the order they were appended.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AuditEntry> ReadByResourceAsync(TenantId tenant, ResourceRef resource, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries about one data subject, in the order they were appended.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AuditEntry> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);
}
