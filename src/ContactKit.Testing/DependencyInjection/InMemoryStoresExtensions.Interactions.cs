using ContactKit.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>Registers the in-memory stores of the interaction layer.</summary>
public static partial class InMemoryStoresExtensions
{
    static partial void AddInteractionsFakes(IServiceCollection services)
    {
        services.TryAddSingleton<IInteractionStore, InMemoryInteractionStore>();
        services.TryAddSingleton<IArtefactStore, InMemoryArtefactStore>();
        services.TryAddSingleton<IDeletionRequestStore, InMemoryDeletionRequestStore>();
        services.TryAddSingleton<InMemoryArtefactContentProvider>();
        services.TryAddSingleton<IArtefactContentProvider>(static sp => sp.GetRequiredService<InMemoryArtefactContentProvider>());
        services.TryAddSingleton<IArtefactAnonymiser>(static sp => sp.GetRequiredService<InMemoryArtefactContentProvider>());

        // Not a fake: the real hold authority, reading the holds of the in-memory retention store, so a test has one
        // registry of holds just as a host does.
        services.TryAddSingleton<ILegalHoldAuthority, RetentionHoldAuthority>();
    }
}
