using ContactKit.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>Registers the recording fakes.</summary>
public static partial class InMemoryStoresExtensions
{
    static partial void AddRecordingFakes(IServiceCollection services)
    {
        services.TryAddSingleton<IRecordingStore, InMemoryRecordingStore>();
        services.TryAddSingleton<IRecordingMediaStore, InMemoryRecordingMediaStore>();
    }
}
