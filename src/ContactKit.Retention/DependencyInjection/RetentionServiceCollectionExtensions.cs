using ContactKit;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the retention package.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds retention schedules, the disposal planner and legal holds. A store
    /// (<see cref="IRetentionStore"/>) comes from a provider package, or <c>UseInMemoryStores()</c> in tests. Safe to
    /// call more than once; options are validated at start-up.
    /// </summary>
    /// <param name="builder">The ContactKit builder from <c>AddContactKit()</c>.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Retention</c> section (<see cref="RetentionOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddRetention(this ContactKitBuilder builder, Action<RetentionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(configure, RetentionOptions.SectionName, RetentionOptionsConfiguration.Read);
        var services = builder.Services;
        services.TryAddSingleton<IRetentionScheduleProvider, OptionsRetentionScheduleProvider>();
        services.TryAddSingleton<RetentionService>();
        services.TryAddSingleton<DisposalPlanner>();
        builder.Require<IRetentionStore>("AddRetention()").Require<IAuditTrail>("AddRetention()");
        return builder;
    }
}
