using ContactKit.Consent;
using ContactKit.Interactions;

namespace ContactKit.Samples.Worker;

/// <summary>
/// The worker screens no telemarketing lists; the consent package needs a TPS/CTPS look-up registered all the same. A
/// service that calls from lists registers its screening supplier here.
/// </summary>
internal sealed class NoScreening : ITelephonePreferenceService
{
    public ValueTask<TelephonePreferenceRegisters> LookUpAsync(TelephoneNumber number, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This worker does not screen numbers against TPS or CTPS; register your screening supplier's ITelephonePreferenceService.");
}

/// <summary>
/// The worker's interactions store only audio and transcripts (media, deleted by the media store); derived artefacts such
/// as summaries would live in the host's own storage, and be deleted here.
/// </summary>
internal sealed class NoDerivedContent : IArtefactContentProvider
{
    public ValueTask<Result<string?>> DeleteAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        return ValueTask.FromResult<Result<string?>>(new ContactKitError(ErrorCodes.NotFound, $"Artefact {artefact.Name} of interaction {artefact.Interaction} has no content in this host's own storage."));
    }
}
