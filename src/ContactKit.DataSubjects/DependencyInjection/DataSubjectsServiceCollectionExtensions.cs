using ContactKit;
using ContactKit.DataSubjects;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ContactKit.DataSubjects to a ContactKit registration.</summary>
public static class DataSubjectsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the rights-request workflow and service (their deadlines counted on each tenant's calendar from
    /// ContactKit.Calendars, added here with <c>AddCalendars()</c>, where the nations and the bank-holiday feed are set),
    /// the personal-data source registry (holding every registered <see cref="IPersonalDataSource"/>), the subject-access
    /// exporter and the erasure service, with <see cref="DataSubjectsOptions"/> validated at start-up. The host (or
    /// <c>UseInMemoryStores()</c> in tests) provides <see cref="IRightsRequestStore"/> and <see cref="IErasureRetentionFacts"/>.
    /// Safe to call more than once: nothing is registered twice.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:DataSubjects</c> section (<see cref="DataSubjectsOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddDataSubjects(this ContactKitBuilder builder, Action<DataSubjectsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCalendars();
        var services = builder.Services;
        services.TryAddSingleton<RightsRequestWorkflow>();
        services.TryAddSingleton<RightsRequestService>();
        services.TryAddSingleton<IPersonalDataSourceRegistry, PersonalDataSourceRegistry>();
        services.TryAddSingleton<SubjectAccessExporter>();
        services.TryAddSingleton<ErasureService>();
        builder.Require<IRightsRequestStore>("AddDataSubjects()").Require<IAuditTrail>("AddDataSubjects()")
            .Require<IErasureRetentionFacts>("AddDataSubjects()", ".AddInteractions() (ContactKit.Interactions, which reads holds and rules from ContactKit.Retention), or .UseInMemoryStores() (ContactKit.Testing) in tests");
        return builder.AddValidatedOptions<DataSubjectsOptions, DataSubjectsOptionsValidator>(configure, DataSubjectsOptions.SectionName);
    }
}
