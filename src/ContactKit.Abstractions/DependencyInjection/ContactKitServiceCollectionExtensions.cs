using ContactKit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The entry point that registers ContactKit in a service collection.</summary>
public static class ContactKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers ContactKit's shared services: the system clock as <see cref="IClock"/> unless the host registered one,
    /// tenant time zones, and <see cref="ContactKitOptions"/> validated at start-up. Start-up validation
    /// (<see cref="IStartupValidator"/>) then throws one <see cref="OptionsValidationException"/> listing every failure of
    /// every ContactKit package: bad settings (<c>CK0007</c>) and missing registrations, such as a store (<c>CK0090</c>),
    /// each with the call that fixes it. Safe to call more than once:
    /// nothing is registered twice, and each call's <paramref name="configure"/> runs in call order.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the shared options; may be <see langword="null"/>.</param>
    /// <returns>A builder that the ContactKit packages extend.</returns>
    public static ContactKitBuilder AddContactKit(this IServiceCollection services, Action<ContactKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<ITenantTimeZones, OptionsTenantTimeZones>();
        ContactKitStartupValidator.Register(services);
        return new ContactKitBuilder(services).AddValidatedOptions<ContactKitOptions, ContactKitOptionsValidator>(configure, string.Empty);
    }
}
