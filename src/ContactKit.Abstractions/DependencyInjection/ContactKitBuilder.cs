using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactKit.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddContactKit()</c>; each ContactKit package adds itself through an extension method
/// on it (<c>.AddRecording(...)</c>, <c>.AddRetention(...)</c>), and a provider package plugs in its stores.
/// </summary>
public sealed class ContactKitBuilder
{
    internal ContactKitBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Binds options of <typeparamref name="TOptions"/>, applies <paramref name="configure"/> if given, and validates them at
    /// start-up with <typeparamref name="TValidator"/>. Safe to call more than once: the validator is registered once,
    /// and each call's <paramref name="configure"/> runs in call order.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TValidator">Its FluentValidation validator.</typeparam>
    /// <param name="configure">Sets the options; may be <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ContactKitBuilder AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TValidator>(Action<TOptions>? configure)
        where TOptions : class
        where TValidator : IValidator<TOptions>, new()
    {
        var alreadyAdded = Services.Any(d =>
            d.ServiceType == typeof(IValidateOptions<TOptions>) &&
            d.ImplementationType == typeof(FluentValidationOptionsValidator<TOptions, TValidator>));
        var options = Services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (!alreadyAdded)
        {
            // ValidateOnStart adds a start-up hook on every call, so it runs only the first time.
            options.ValidateOnStart();
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, FluentValidationOptionsValidator<TOptions, TValidator>>());
        }

        return this;
    }
}
