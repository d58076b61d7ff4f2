using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Tests.Shared;

/// <summary>
/// What a host does with <c>appsettings.json</c>: the JSON read as configuration, its <c>ContactKit</c> section bound with
/// <c>BindConfiguration</c>, and start-up validation run. Compiled into each package's test project (see its csproj).
/// </summary>
internal static class AppSettings
{
    /// <summary>Reads JSON text as configuration.</summary>
    public static IConfigurationRoot Parse(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>Registers the packages, binds the JSON's ContactKit section and builds the provider.</summary>
    public static ServiceProvider Build(string json, Action<ContactKitBuilder> register)
    {
        var services = new ServiceCollection();
        var builder = services.AddContactKit().BindConfiguration(Parse(json).GetSection(ContactKitOptions.SectionName));
        register(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds, validates as a host does at start-up, and returns the options.</summary>
    public static TOptions Bind<TOptions>(string json, Action<ContactKitBuilder> register)
        where TOptions : class
    {
        using var provider = Build(json, register);
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }

    /// <summary>Builds, validates as a host does at start-up, and returns the failures, which must be there.</summary>
    public static IReadOnlyList<string> StartupFailures(string json, Action<ContactKitBuilder> register)
    {
        using var provider = Build(json, register);
        return [.. Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Failures];
    }
}
