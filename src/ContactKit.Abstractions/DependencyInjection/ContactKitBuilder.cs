using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactKit;

/// <summary>
/// Returned by <c>services.AddContactKit()</c>; each ContactKit package adds itself through an extension method
/// on it (<c>.AddRecording(...)</c>, <c>.AddRetention(...)</c>), and a provider package plugs in its stores.
/// </summary>
public sealed class ContactKitBuilder
{
    internal ContactKitBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured; for packages that extend the builder.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IServiceCollection Services { get; }

    /// <summary>
    /// Reads the options of every ContactKit package added to this builder, before or after this call, from
    /// <paramref name="section"/> (usually <c>configuration.GetSection("ContactKit")</c>): <see cref="ContactKitOptions"/>
    /// from the section itself, and each package's options from its subsection, named by the options type's
    /// <c>SectionName</c> (<c>Calendars</c>, <c>Consent</c>, <c>Recording</c>, <c>Retention</c>, ...). Times are
    /// written as ISO 8601 text: periods such as <c>"P6M"</c>, durations such as <c>"PT10M"</c>, dates such as
    /// <c>"2026-11-23"</c>. Configuration is applied first and each <c>AddXxx(o => ...)</c> delegate after it, so
    /// code wins; reloads of the section are followed. A value that cannot be read fails start-up with
    /// <c>CK0007</c> naming its key, together with every other ContactKit failure. Safe to call more than once with
    /// the same section.
    /// </summary>
    /// <param name="section">The ContactKit section of the host's configuration.</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ContactKitConfiguration.BinderWarning)]
    [RequiresDynamicCode(ContactKitConfiguration.BinderWarning)]
    public ContactKitBuilder BindConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddSource(new ContactKitConfigurationSource(section));
    }

    /// <summary>
    /// Reads the options of every ContactKit package from the section at <paramref name="sectionPath"/> of the
    /// host's <see cref="IConfiguration"/> (registered by the .NET host, for example <c>appsettings.json</c>), as
    /// <see cref="BindConfiguration(IConfiguration)"/> does.
    /// </summary>
    /// <param name="sectionPath">The section's path, usually <see cref="ContactKitOptions.SectionName"/> (<c>ContactKit</c>).</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ContactKitConfiguration.BinderWarning)]
    [RequiresDynamicCode(ContactKitConfiguration.BinderWarning)]
    public ContactKitBuilder BindConfiguration(string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(sectionPath);
        return AddSource(new ContactKitConfigurationSource(sectionPath));
    }

    private ContactKitBuilder AddSource(ContactKitConfigurationSource source)
    {
        if (!Services.Any(d => d.ImplementationInstance is ContactKitConfigurationSource known && known.SameAs(source)))
        {
            Services.AddSingleton(source);
        }

        return this;
    }

    /// <summary>
    /// Registers options of <typeparamref name="TOptions"/>, read from the subsection <paramref name="section"/> of any
    /// configuration given to <c>BindConfiguration</c> (by <paramref name="read"/>, or by binding every property),
    /// then applies <paramref name="configure"/> if given, and validates them at start-up with
    /// <typeparamref name="TValidator"/>, together with every other ContactKit check (see <see cref="ContactKitStartup"/>).
    /// Safe to call more than once: the validator and the reading are registered once, and each call's
    /// <paramref name="configure"/> runs in call order.
    /// </summary>
    internal ContactKitBuilder AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TValidator>(
        Action<TOptions>? configure, string section, ConfigurationReader<TOptions>? read = null)
        where TOptions : class
        where TValidator : IValidator<TOptions>, new()
    {
        NodaTimeTypeConverters.Register();
        var options = Services.AddOptions<TOptions>();
        if (!Services.Any(d => d.ServiceType == typeof(OptionsSection<TOptions>)))
        {
            // Registered before the first configure delegate, so that configuration is read first and code wins.
            Services.AddSingleton(new OptionsSection<TOptions>(section, read ?? ContactKitConfiguration.BindAll));
            Services.AddSingleton<IConfigureOptions<TOptions>, ConfigurationBinding<TOptions>>();
            Services.AddSingleton<IOptionsChangeTokenSource<TOptions>, ConfigurationChangeTokens<TOptions>>();
            Services.AddSingleton<IValidateOptions<TOptions>, ConfigurationFailureValidator<TOptions>>();
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, FluentValidationOptionsValidator<TOptions, TValidator>>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactKitStartupCheck, OptionsStartupCheck<TOptions>>());
        return this;
    }

    /// <summary>The calls that register a package's stores, named when start-up finds one missing.</summary>
    internal const string StoreRegistrations = ".UseInMemoryStores() (ContactKit.Testing) in tests, or a store package such as ContactKit.EntityFrameworkCore";

    /// <summary>
    /// Declares that a package needs a registration of <typeparamref name="TService"/>, so that start-up validation reports
    /// it missing (code <see cref="ErrorCodes.MissingRegistration"/>) with the call that registers it, instead of the first
    /// use failing with a bare dependency-injection error. Safe to call more than once.
    /// </summary>
    /// <typeparam name="TService">The service needed.</typeparam>
    /// <param name="neededBy">The call that needs it, for example <c>AddRecording()</c>.</param>
    /// <param name="registerWith">The calls that register it; a store's by default (<see cref="StoreRegistrations"/>).</param>
    /// <returns>This builder.</returns>
    internal ContactKitBuilder Require<TService>(string neededBy, string registerWith = StoreRegistrations)
        where TService : class
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactKitStartupCheck>(new RequiredServiceCheck<TService>(neededBy, registerWith)));
        return this;
    }

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> as the one <typeparamref name="TService"/>, replacing whatever was
    /// registered before or after it by <c>TryAdd</c>: for a choice that must win whatever the call order.
    /// </summary>
    internal ContactKitBuilder Choose<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.RemoveAll<TService>();
        Services.AddSingleton<TService, TImplementation>();
        return this;
    }
}
