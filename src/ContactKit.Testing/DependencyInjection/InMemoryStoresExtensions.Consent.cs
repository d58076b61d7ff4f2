using ContactKit.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>Registers the consent fakes.</summary>
public static partial class InMemoryStoresExtensions
{
    static partial void AddConsentFakes(IServiceCollection services)
    {
        services.TryAddSingleton<IConsentStore, InMemoryConsentStore>();
        services.TryAddSingleton<ICallingListScreeningStore, InMemoryCallingListScreeningStore>();
        services.TryAddSingleton<IMarketingPreferenceStore, InMemoryMarketingPreferenceStore>();
        services.TryAddSingleton<FakeTelephonePreferenceService>();
        services.TryAddSingleton<ITelephonePreferenceService>(static provider => provider.GetRequiredService<FakeTelephonePreferenceService>());
    }
}
