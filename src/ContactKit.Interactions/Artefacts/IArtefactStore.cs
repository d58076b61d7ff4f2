namespace ContactKit.Interactions;

/// <summary>
/// Keeps the artefacts of interactions per tenant, each with the retained item that governs it.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.ArtefactStoreContractTests</c>: an artefact is stored
/// once per interaction and name, a stale version is refused, and one tenant never reads another's artefacts.
/// </remarks>
public interface IArtefactStore
{
    /// <summary>Adds an artefact (version 0) or replaces it (the stored version), raising the version by one.</summary>
    /// <param name="artefact">The artefact, with the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The stored artefact; <see cref="InteractionsErrorCodes.ArtefactAlreadyStored"/> when version 0 names an artefact
    /// already stored, or <c>CK0009</c> when the stored version differs.
    /// </returns>
    ValueTask<Result<StoredArtefact>> SaveAsync(StoredArtefact artefact, CancellationToken cancellationToken = default);

    /// <summary>Reads the artefact a retained item governs.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="item">The retained item.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The artefact, or <c>CK0010</c>.</returns>
    ValueTask<Result<StoredArtefact>> GetAsync(TenantId tenant, RetainedItemId item, CancellationToken cancellationToken = default);

    /// <summary>Streams an interaction's artefacts, disposed or not, in the order they were stored.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The artefacts.</returns>
    IAsyncEnumerable<StoredArtefact> ReadByInteractionAsync(TenantId tenant, InteractionId interaction, CancellationToken cancellationToken = default);
}

/// <summary>
/// Deletes the content of artefacts that are not media (sentiment, summaries, survey answers, calling line identity)
/// from the host's own storage, when the sweep disposes of them.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.ArtefactContentProviderContractTests</c>: deleted
/// content is gone, and deleting it again is <c>CK0010</c> (so a sweep that resumes after a crash knows it is gone).
/// </remarks>
public interface IArtefactContentProvider
{
    /// <summary>Deletes an artefact's content.</summary>
    /// <param name="artefact">The artefact.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The SHA-256 hex checksum of what was deleted where known (or <see langword="null"/>), or <c>CK0010</c> when nothing is there.</returns>
    ValueTask<Result<string?>> DeleteAsync(StoredArtefact artefact, CancellationToken cancellationToken = default);
}

/// <summary>
/// Anonymises the content of artefacts that are not media (sentiment, summaries, survey answers) in the host's own storage,
/// when their retention rule's action is <see cref="ContactKit.Retention.DisposalAction.Anonymise"/>: everything that
/// identifies a person is stripped and the rest kept (for example for statistics). ContactKit cannot anonymise audio or
/// transcripts, so a rule that asks it to is refused at start-up with <c>CK0911</c>; one that asks it of other artefacts
/// needs this registered.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.ArtefactAnonymiserContractTests</c>: anonymised content is
/// kept, anonymising it again changes nothing, and one tenant never anonymises another's.
/// </remarks>
public interface IArtefactAnonymiser
{
    /// <summary>Strips everything that identifies a person from an artefact's content, keeping the rest.</summary>
    /// <param name="artefact">The artefact.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// The SHA-256 hex checksum of the content as it was before (what was destroyed in identifying form), or
    /// <see langword="null"/> when it was anonymised already or the checksum is unknown; <c>CK0010</c> when nothing is there.
    /// </returns>
    ValueTask<Result<string?>> AnonymiseAsync(StoredArtefact artefact, CancellationToken cancellationToken = default);
}
