using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>Registers the in-memory retention store.</summary>
public static partial class InMemoryStoresExtensions
{
    static partial void AddRetentionFakes(IServiceCollection services) =>
        services.TryAddSingleton<IRetentionStore>(sp => new InMemoryRetentionStore(sp.GetRequiredService<IAuditTrail>()));
}
