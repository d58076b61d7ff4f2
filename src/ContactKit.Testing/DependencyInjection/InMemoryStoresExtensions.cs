using ContactKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactKit.Testing;

/// <summary>Plugs the in-memory fakes into a ContactKit registration.</summary>
public static partial class InMemoryStoresExtensions
{
    /// <summary>
    /// Registers an in-memory fake for every ContactKit provider interface that the host has not registered itself
    /// (the audit trail, the stores of every concept package and of the interaction layer). For tests and samples only: nothing survives the process.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder UseInMemoryStores(this ContactKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        AddRecordingFakes(services);
        AddRetentionFakes(services);
        AddConsentFakes(services);
        AddDataSubjectsFakes(services);
        AddInteractionsFakes(services);
        return builder;
    }

    // Each concept's fakes are registered in a file of its own beside this one.
    static partial void AddRecordingFakes(IServiceCollection services);

    static partial void AddRetentionFakes(IServiceCollection services);

    static partial void AddConsentFakes(IServiceCollection services);

    static partial void AddDataSubjectsFakes(IServiceCollection services);

    static partial void AddInteractionsFakes(IServiceCollection services);
}
