using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions;

/// <summary>
/// The artefact content provider of a host that stores only media (audio and transcripts, which the media store
/// deletes): it holds no other content, so asked to delete some it refuses with <see cref="InteractionsErrorCodes.NoArtefactContentProvider"/>.
/// <c>AddInteractions()</c> uses it when the host registers no <see cref="IArtefactContentProvider"/> of its own.
/// </summary>
internal sealed class MediaOnlyArtefactContent : IArtefactContentProvider
{
    private static readonly MediaOnlyArtefactContent Instance = new();

    /// <summary>The host's provider, or this one when it registered none, whatever the order of the registrations.</summary>
    internal static IArtefactContentProvider Or(IServiceProvider services) => services.GetService<IArtefactContentProvider>() ?? Instance;

    public ValueTask<Result<string?>> DeleteAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        return ValueTask.FromResult<Result<string?>>(NoProvider(artefact.Kind));
    }

    internal static ContactKitError NoProvider(ArtefactKind kind) => new(
        InteractionsErrorCodes.NoArtefactContentProvider,
        $"No IArtefactContentProvider is registered for the content of {kind} artefacts, which the host keeps itself; register one so that their content can be deleted when they are due.",
        "IArtefactContentProvider");
}

/// <summary>
/// Fails start-up with <see cref="InteractionsErrorCodes.NoArtefactContentProvider"/> when the host stores artefacts
/// whose content it keeps itself (<see cref="InteractionsOptions.StoredKinds"/> beyond audio and transcripts) and has
/// registered no <see cref="IArtefactContentProvider"/> to delete it.
/// </summary>
internal sealed class StoredKindsHaveContentProviderCheck(IServiceProvider services) : IValidateOptions<InteractionsOptions>
{
    public ValidateOptionsResult Validate(string? name, InteractionsOptions options)
    {
        if (MediaOnlyArtefactContent.Or(services) is not MediaOnlyArtefactContent)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = options.StoredKinds.Where(kind => kind is not (ArtefactKind.Audio or ArtefactKind.Transcript)).Order()
            .Select(kind => $"InteractionsOptions.StoredKinds holds {kind}: {MediaOnlyArtefactContent.NoProvider(kind)}")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
