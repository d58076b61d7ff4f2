using System.Diagnostics.Metrics;
using ContactKit;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Hosting;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hosted workers. Each is optional; each call is safe to repeat.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the hosted workers share: <see cref="HostingOptions"/> (the tenants served), the
    /// <c>ContactKit.Hosting</c> meter, the logging <see cref="IComplianceAlerts"/> default and the
    /// <see cref="IWorkerDelay"/> on the host's <see cref="TimeProvider"/>. The interaction layer's alerts (card data seen
    /// outside a secure pause) are raised through the same <see cref="IComplianceAlerts"/>. Adds no worker by itself.
    /// </summary>
    /// <param name="builder">The ContactKit builder from <c>AddContactKit()</c>.</param>
    /// <param name="configure">Sets <see cref="HostingOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddHosting(this ContactKitBuilder builder, Action<HostingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkerDelay>(static sp => new TimeProviderWorkerDelay(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new HostingMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IComplianceAlerts>(static sp => new LoggingComplianceAlerts(Logger<LoggingComplianceAlerts>(sp)));
        builder.Choose<IInteractionAlerts, InteractionAlertsAsComplianceAlerts>(); // card data seen outside a pause is raised here, whatever the order of registration
        return builder.AddValidatedOptions<HostingOptions, HostingOptionsValidator>(configure, HostingOptions.SectionName);
    }

    /// <summary>
    /// Adds the <see cref="DisposalSweep"/> background service (and the retention package it drives) with its health
    /// check <see cref="HostingHealthChecks.DisposalSweep"/>. The <see cref="IRetainedItemDisposer"/> that destroys
    /// content comes from the interaction layer or the host.
    /// </summary>
    /// <param name="builder">The ContactKit builder from <c>AddContactKit()</c>.</param>
    /// <param name="configure">Sets <see cref="DisposalSweepOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddDisposalSweep(this ContactKitBuilder builder, Action<DisposalSweepOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHosting().AddRetention();
        var services = builder.Services;
        if (!services.Any(static d => d.ServiceType == typeof(DisposalSweep)))
        {
            services.AddSingleton<DisposalSweepStatus>();
            services.AddSingleton(static sp => new DisposalSweep(
                sp.GetRequiredService<DisposalPlanner>(),
                sp.GetRequiredService<IRetainedItemDisposer>(),
                sp.GetRequiredService<IClock>(),
                sp.GetRequiredService<IWorkerDelay>(),
                sp.GetRequiredService<IOptionsMonitor<HostingOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<DisposalSweepOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<RetentionOptions>>(),
                sp.GetRequiredService<HostingMetrics>(),
                sp.GetRequiredService<DisposalSweepStatus>(),
                Logger<DisposalSweep>(sp),
                sp.GetService<DeletionRequestService>(),
                sp.GetService<IRetentionStore>(),
                sp.GetService<IComplianceAlerts>(),
                sp.GetService<ITenantTimeZones>()));
            services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<DisposalSweep>());
            services.AddHealthChecks().AddTypeActivatedCheck<DisposalSweepHealthCheck>(HostingHealthChecks.DisposalSweep, failureStatus: null, tags: [HostingHealthChecks.Tag]);
        }

        builder.Require<IRetainedItemDisposer>("AddDisposalSweep()", "AddInteractions() (which deletes content and leaves proof) or your own registration");
        return builder.AddValidatedOptions<DisposalSweepOptions, DisposalSweepOptionsValidator>(configure, DisposalSweepOptions.SectionName);
    }

    /// <summary>
    /// Adds the <see cref="DeadlineWatch"/> background service with its health check
    /// <see cref="HostingHealthChecks.Deadlines"/>. It reads rights requests (<see cref="IRightsRequestStore"/>) and, when
    /// one is registered, deletions on request (<see cref="IDeletionRequestStore"/>), open secure-payment pauses
    /// (<see cref="IRecordingStore"/>) and published calling lists (<see cref="CallingListScreenings"/>), and raises alerts through
    /// <see cref="IComplianceAlerts"/>.
    /// </summary>
    /// <param name="builder">The ContactKit builder from <c>AddContactKit()</c>.</param>
    /// <param name="configure">Sets <see cref="DeadlineWatchOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddDeadlineWatch(this ContactKitBuilder builder, Action<DeadlineWatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHosting();
        var services = builder.Services;
        if (!services.Any(static d => d.ServiceType == typeof(DeadlineWatch)))
        {
            services.AddOptions<DataSubjectsOptions>();
            services.AddSingleton<DeadlineWatchStatus>();
            services.AddSingleton(static sp => new DeadlineWatch(
                sp.GetRequiredService<IRightsRequestStore>(),
                sp.GetService<IDeletionRequestStore>(),
                sp.GetRequiredService<IComplianceAlerts>(),
                sp.GetRequiredService<IClock>(),
                sp.GetRequiredService<ITenantTimeZones>(),
                sp.GetRequiredService<IWorkerDelay>(),
                sp.GetRequiredService<IOptionsMonitor<HostingOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<DeadlineWatchOptions>>(),
                sp.GetRequiredService<IOptionsMonitor<DataSubjectsOptions>>(),
                sp.GetRequiredService<HostingMetrics>(),
                sp.GetRequiredService<DeadlineWatchStatus>(),
                Logger<DeadlineWatch>(sp),
                sp.GetService<IRecordingStore>(),
                sp.GetService<CallingListScreenings>()));
            services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<DeadlineWatch>());
            services.AddHealthChecks().AddTypeActivatedCheck<DeadlineHealthCheck>(HostingHealthChecks.Deadlines, failureStatus: null, tags: [HostingHealthChecks.Tag]);
        }

        builder.Require<IRightsRequestStore>("AddDeadlineWatch()");
        return builder.AddValidatedOptions<DeadlineWatchOptions, DeadlineWatchOptionsValidator>(configure, DeadlineWatchOptions.SectionName);
    }

    private static ILogger<T> Logger<T>(IServiceProvider services) => services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
