namespace ContactKit.Interactions;

/// <summary>
/// Keeps interactions per tenant. Writes use optimistic concurrency: every save names the version it read.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.InteractionStoreContractTests</c>: a stale version is
/// refused, what is read is what was saved, and one tenant never reads or changes another's interaction.
/// </remarks>
public interface IInteractionStore
{
    /// <summary>Reads an interaction.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The interaction, or <c>CK0010</c> when the tenant has no such interaction.</returns>
    ValueTask<Result<InteractionRecord>> GetAsync(TenantId tenant, InteractionId interaction, CancellationToken cancellationToken = default);

    /// <summary>Adds an interaction (version 0 and a new id) or replaces it (the stored version), raising the version by one.</summary>
    /// <param name="interaction">The interaction, with the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored interaction with its new version, or <c>CK0009</c> when the stored version differs.</returns>
    ValueTask<Result<InteractionRecord>> SaveAsync(InteractionRecord interaction, CancellationToken cancellationToken = default);

    /// <summary>Streams the interactions a data subject took part in, earliest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The interactions.</returns>
    IAsyncEnumerable<InteractionRecord> FindBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);
}
