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
    }
}
