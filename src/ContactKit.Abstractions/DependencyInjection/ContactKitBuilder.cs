using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using FluentValidation;
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
    /// Binds options of <typeparamref name="TOptions"/>, applies <paramref name="configure"/> if given, and validates them at
    /// start-up with <typeparamref name="TValidator"/>, together with every other ContactKit check (see
    /// <see cref="ContactKitStartup"/>). Safe to call more than once: the validator is registered once, and each call's
    /// <paramref name="configure"/> runs in call order.
    /// </summary>
    internal ContactKitBuilder AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TValidator>(Action<TOptions>? configure)
        where TOptions : class
        where TValidator : IValidator<TOptions>, new()
    {
        var options = Services.AddOptions<TOptions>();
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
