using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit;

/// <summary>
/// ContactKit's one start-up check. <c>AddContactKit()</c> registers it with <c>ValidateOnStart()</c>, so that
/// <see cref="IStartupValidator"/> (run by the host, or by hand) throws one <see cref="OptionsValidationException"/>
/// listing every failure of every package at once: each options failure (<c>CK0007</c>) and each missing registration
/// (<c>CK0090</c>), never an <see cref="AggregateException"/> of one exception per options type.
/// </summary>
internal sealed class ContactKitStartup;

/// <summary>One thing checked at start-up.</summary>
internal interface IContactKitStartupCheck
{
    /// <summary>Adds what is wrong, if anything, to <paramref name="failures"/>.</summary>
    void Check(IServiceProvider services, List<string> failures);
}

/// <summary>Runs every <see cref="IContactKitStartupCheck"/> and fails with all their failures together.</summary>
internal sealed class ContactKitStartupValidator(IServiceProvider services, IEnumerable<IContactKitStartupCheck> checks) : IValidateOptions<ContactKitStartup>
{
    public ValidateOptionsResult Validate(string? name, ContactKitStartup options)
    {
        var failures = new List<string>();
        foreach (var check in checks.OrderBy(c => c is RequiredServiceCheck ? 1 : 0))
        {
            check.Check(services, failures);
        }

        // Thrown here rather than returned, so that the exception names ContactKit's options rather than this marker.
        return failures.Count == 0 ? ValidateOptionsResult.Success : throw new OptionsValidationException(Options.DefaultName, typeof(ContactKitOptions), failures);
    }

    internal static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ContactKitStartup>)))
        {
            return;
        }

        services.AddOptions<ContactKitStartup>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContactKitStartup>, ContactKitStartupValidator>();
    }
}

/// <summary>Validates one options type, collecting its failures instead of letting it throw alone.</summary>
internal sealed class OptionsStartupCheck<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions> : IContactKitStartupCheck
    where TOptions : class
{
    public void Check(IServiceProvider services, List<string> failures)
    {
        try
        {
            _ = services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
    }
}

/// <summary>Marks the checks for a registration, which run after the options checks.</summary>
internal abstract class RequiredServiceCheck : IContactKitStartupCheck
{
    public abstract void Check(IServiceProvider services, List<string> failures);
}

/// <summary>Reports a service that a package needs and nobody registered, with the call that registers it.</summary>
internal sealed class RequiredServiceCheck<TService>(string neededBy, string registerWith) : RequiredServiceCheck
    where TService : class
{
    public override void Check(IServiceProvider services, List<string> failures)
    {
        var registered = services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(TService))
            : services.GetService<TService>() is not null;
        if (!registered)
        {
            failures.Add(new ContactKitError(
                ErrorCodes.MissingRegistration,
                $"{neededBy} needs a registration of {typeof(TService).Name} and none was made; register one with {registerWith}.",
                typeof(TService).Name).ToString());
        }
    }
}
