using ContactKit.DataSubjects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>The in-memory fakes of ContactKit.DataSubjects.</summary>
public static partial class InMemoryStoresExtensions
{
    static partial void AddDataSubjectsFakes(IServiceCollection services)
    {
        services.TryAddSingleton<IRightsRequestStore, InMemoryRightsRequestStore>();
        services.TryAddSingleton<InMemoryErasureRetentionFacts>();
        services.TryAddSingleton<IErasureRetentionFacts>(sp => sp.GetRequiredService<InMemoryErasureRetentionFacts>());
    }
}
