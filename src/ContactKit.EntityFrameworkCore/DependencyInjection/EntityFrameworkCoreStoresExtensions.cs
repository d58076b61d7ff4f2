using ContactKit;
using ContactKit.EntityFrameworkCore;
using ContactKit.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs the EF Core stores into a ContactKit registration.</summary>
public static partial class EntityFrameworkCoreStoresExtensions
{
    /// <summary>
    /// Registers the EF Core store for every ContactKit provider interface, over the host's context
    /// <typeparamref name="TContext"/>, whose model holds ContactKit's tables (it calls <c>modelBuilder.UseContactKit()</c>,
    /// or is <see cref="ContactKitDbContext"/>). The host registers the context's factory itself, choosing the provider:
    /// <c>services.AddDbContextFactory&lt;TContext&gt;(o =&gt; o.UseSqlite(...))</c>; start-up validation reports it missing
    /// (<c>CK0007</c>). The stores replace any registered before or after them by <c>TryAdd</c> (such as the in-memory fakes),
    /// so that the call order never decides where the data goes. Safe to call more than once.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The ContactKit builder.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddEntityFrameworkCoreStores<TContext>(this ContactKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        Use<IAuditTrail, EntityFrameworkCoreAuditTrail<TContext>>(services);
        Use<IRecordingStore, EntityFrameworkCoreRecordingStore<TContext>>(services);
        Use<ContactKit.Consent.IConsentStore, EntityFrameworkCoreConsentStore<TContext>>(services);
        Use<ContactKit.Consent.IMarketingPreferenceStore, EntityFrameworkCoreMarketingPreferenceStore<TContext>>(services);
        Use<ContactKit.Consent.ICallingListScreeningStore, EntityFrameworkCoreCallingListScreeningStore<TContext>>(services);
        Use<ContactKit.DataSubjects.IRightsRequestStore, EntityFrameworkCoreRightsRequestStore<TContext>>(services);
        Use<ContactKit.Interactions.IInteractionStore, EntityFrameworkCoreInteractionStore<TContext>>(services);
        Use<ContactKit.Interactions.IArtefactStore, EntityFrameworkCoreArtefactStore<TContext>>(services);
        Use<ContactKit.Interactions.IDeletionRequestStore, EntityFrameworkCoreDeletionRequestStore<TContext>>(services);
        Use<ContactKit.Retention.IRetentionStore, EntityFrameworkCoreRetentionStore<TContext>>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactKitOptions>, ContextFactoryCheck<TContext>>());
        return builder;
    }

    /// <summary>
    /// Registers the EF Core stores over ContactKit's own <see cref="ContactKitDbContext"/>, with its factory configured by
    /// <paramref name="configure"/>, which chooses the provider: <c>o =&gt; o.UseSqlite("Data Source=contactkit.db")</c> or
    /// <c>o =&gt; o.UseNpgsql(connectionString)</c>. The factory pools its contexts: every store call takes a context and
    /// gives it back, and a pooled one costs a third of a new one.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Chooses and configures the database provider.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddEntityFrameworkCoreStores(this ContactKitBuilder builder, Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IDbContextFactory<ContactKitDbContext>)))
        {
            builder.Services.AddPooledDbContextFactory<ContactKitDbContext>(configure);
        }

        return builder.AddEntityFrameworkCoreStores<ContactKitDbContext>();
    }

    // The durable store wins over any TryAdd registration, whatever the order of the calls.
    private static void Use<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        if (services.Any(d => d.ServiceType == typeof(TService) && d.ImplementationType == typeof(TImplementation)))
        {
            return;
        }

        services.RemoveAll<TService>();
        services.AddSingleton<TService, TImplementation>();
    }

    // Reports a missing context factory at start-up, with the other ContactKit failures.
    private sealed class ContextFactoryCheck<TContext>(IServiceProvider services) : IValidateOptions<ContactKitOptions>
        where TContext : DbContext
    {
        public ValidateOptionsResult Validate(string? name, ContactKitOptions options) =>
            services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(IDbContextFactory<TContext>))
                ? ValidateOptionsResult.Fail(new ContactKitError(
                    ErrorCodes.InvalidOptions,
                    $"AddEntityFrameworkCoreStores<{typeof(TContext).Name}>() needs a registration of IDbContextFactory<{typeof(TContext).Name}>; register one with services.AddDbContextFactory<{typeof(TContext).Name}>(o => o.UseSqlite(...)) or o.UseNpgsql(...).",
                    typeof(TContext).Name).ToString())
                : ValidateOptionsResult.Success;
    }
}
