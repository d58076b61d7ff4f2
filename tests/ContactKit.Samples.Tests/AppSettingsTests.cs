using System.Reflection;
using ContactKit.Retention;
using ContactKit.Samples.ContactCentre;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Samples.Tests;

public class AppSettingsTests
{
    private static readonly IConfigurationSection ContactKitSection = ConfigurationDemo.Load().GetSection(ContactKitOptions.SectionName);

    [Fact]
    public void AppSettings_EveryOptionsTypeTheSampleRegisters_HasItsSectionInTheFile()
    {
        var missing = RegisteredOptionsTypes()
            .Where(type => SectionName(type) is not { } name || (name.Length > 0 && !ContactKitSection.GetSection(name).Exists()))
            .Select(type => $"{type.Name} (section '{SectionName(type)}')")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void AppSettings_EverySectionInTheFile_IsReadByAnOptionsTypeTheSampleRegisters()
    {
        var known = RegisteredOptionsTypes().Select(SectionName).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sharedSettings = typeof(ContactKitOptions).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unread = ContactKitSection.GetChildren().Select(c => c.Key).Where(key => !known.Contains(key) && !sharedSettings.Contains(key)).ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void AppSettings_RegisteredOptionsTypes_CoverEveryShippedPackage()
    {
        var packages = RegisteredOptionsTypes().Select(t => t.Assembly.GetName().Name).ToHashSet();

        Assert.Superset(
            new HashSet<string?>
            {
                "ContactKit.Abstractions", "ContactKit.Calendars", "ContactKit.Consent", "ContactKit.Recording", "ContactKit.Retention",
                "ContactKit.DataSubjects", "ContactKit.Redaction", "ContactKit.Interactions", "ContactKit.Media.FileSystem",
            },
            packages);
    }

    [Fact]
    public void AppSettings_BoundBySample_PassesStartupValidationWithTheFilesValues()
    {
        var media = Directory.CreateTempSubdirectory("contactkit-appsettings-");
        try
        {
            var services = new ServiceCollection();
            ConfigurationDemo.Register(services, ConfigurationDemo.Load(new Dictionary<string, string?> { ["ContactKit:FileSystemMedia:RootPath"] = media.FullName }));
            using var provider = services.BuildServiceProvider();

            provider.GetRequiredService<IStartupValidator>().Validate();

            var retention = provider.GetRequiredService<IOptions<RetentionOptions>>().Value;
            Assert.Equal(NodaTime.Period.FromMonths(6), retention.Schedule!.FindRule("recordings")!.Period);
            Assert.Equal(NodaTime.Duration.FromMinutes(8), provider.GetRequiredService<IOptions<ContactKit.Recording.RecordingOptions>>().Value.PolicyFor(TenantId.Parse("council")).MaxSecurePause);
            Assert.Equal("Europe/Dublin", provider.GetRequiredService<IOptions<ContactKitOptions>>().Value.TenantTimeZones["dublin-office"]);
        }
        finally
        {
            media.Delete(recursive: true);
        }
    }

    [Fact]
    public void AppSettings_TimesInTheFile_AreAllIsoText()
    {
        // Durations and periods are written in ISO 8601 (PT10M, P6M), never as NodaTime's D:hh:mm:ss or a TimeSpan.
        var times = ContactKitSection.AsEnumerable().Where(pair => pair.Value is { } v && v.Any(char.IsDigit) && (v.StartsWith('P') || v.Contains(':', StringComparison.Ordinal)) && !pair.Key.EndsWith("RootPath", StringComparison.Ordinal));

        Assert.All(times, pair => Assert.Matches("^P(\\d+[YMWD])*(T(\\d+[HMS])+)?$", pair.Value!));
    }

    // The options types the sample registers: each has a start-up validator, which is how a package adds its options.
    private static List<Type> RegisteredOptionsTypes()
    {
        var services = new ServiceCollection();
        ConfigurationDemo.Register(services, ConfigurationDemo.Load());
        return [.. services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.IsPublic && t.Namespace?.StartsWith("ContactKit", StringComparison.Ordinal) == true)
            .Distinct()];
    }

    private static string? SectionName(Type options) =>
        options == typeof(ContactKitOptions) ? string.Empty
            : options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
}
