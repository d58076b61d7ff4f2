using ContactKit.Calendars;
using ContactKit.Consent;
using ContactKit.Interactions;
using ContactKit.Media.FileSystem;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// Configuration at work: every package's settings, and the council's retention schedule, read from the sample's
/// <c>appsettings.json</c> with times written as ISO 8601 text, and checked at start-up as a host would.
/// </summary>
public static class ConfigurationDemo
{
    /// <summary>The settings file, copied next to the sample.</summary>
    public static string AppSettingsPath => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    /// <summary>
    /// Reads <c>appsettings.json</c> and then <paramref name="overrides"/> on top, as a host layers environment
    /// variables over the file.
    /// </summary>
    /// <param name="overrides">Keys and values that replace the file's.</param>
    /// <returns>The configuration.</returns>
    public static IConfigurationRoot Load(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(AppSettingsPath, optional: false)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>Registers every ContactKit package the sample shows, with its options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The ContactKit builder.</returns>
    public static ContactKitBuilder Register(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddContactKit()
            .AddCalendars().AddConsent().AddRecording().AddRetention().AddDataSubjects().AddRedaction().AddInteractions()
            .UseFileSystemMedia()
            .UseInMemoryStores()
            .BindConfiguration(configuration.GetSection(ContactKitOptions.SectionName));
    }

    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // The file names the production media folder; here, as a host would with ContactKit__FileSystemMedia__RootPath,
        // a folder of our own replaces it.
        var media = Directory.CreateTempSubdirectory("contactkit-sample-media-");
        try
        {
            var configuration = Load(new Dictionary<string, string?> { ["ContactKit:FileSystemMedia:RootPath"] = media.FullName });
            var services = new ServiceCollection();
            Register(services, configuration);
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            var council = TenantId.Parse("council");
            var reseller = TenantId.Parse("reseller-basic");
            var recording = provider.GetRequiredService<IOptions<RecordingOptions>>().Value;
            var consent = provider.GetRequiredService<IOptions<ConsentOptions>>().Value;
            var retention = provider.GetRequiredService<IOptions<RetentionOptions>>().Value;
            var calendars = provider.GetRequiredService<ITenantCalendars>();
            var redaction = provider.GetRequiredService<IOptions<RedactionOptions>>().Value;
            var interactions = provider.GetRequiredService<IOptions<InteractionsOptions>>().Value;

            await output.WriteLineAsync($"Read appsettings.json: every package's settings passed the start-up checks.");
            await output.WriteLineAsync($"Recording: the council's secure pauses are flagged after {recording.PolicyFor(council).MaxSecurePause} (PT8M); reseller-basic records: {recording.PolicyFor(reseller).RecordingEnabled}.");
            await output.WriteLineAsync($"Consent: a revised notice gives {consent.NoticePeriod} notice; screenings last {consent.ScreeningValidity}.");
            await output.WriteLineAsync($"Calendars: belfast-office counts working days on the {calendars.CalendarFor(TenantId.Parse("belfast-office")).Name} calendar.");
            await output.WriteLineAsync($"Redaction: reseller-basic uses the {redaction.For(reseller).CardPolicy} card policy.");
            await output.WriteLineAsync($"Interactions: stores {string.Join(" and ", interactions.StoredKinds)}; disposal claims last {retention.ClaimTimeout}.");
            await output.WriteLineAsync($"Retention schedule '{retention.Schedule!.Name}':");
            foreach (var rule in retention.Schedule.Rules)
            {
                await output.WriteLineAsync($"  {rule.Describe()}");
            }

            // A value that cannot be read stops the host at start-up, naming the key and the form it must take.
            var wrong = Load(new Dictionary<string, string?>
            {
                ["ContactKit:FileSystemMedia:RootPath"] = media.FullName,
                ["ContactKit:Consent:NoticePeriod"] = "thirty days",
            });
            var misconfigured = new ServiceCollection();
            Register(misconfigured, wrong);
            await using var refused = misconfigured.BuildServiceProvider();
            try
            {
                refused.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException ex)
            {
                await output.WriteLineAsync($"With \"NoticePeriod\": \"thirty days\" start-up fails: {ex.Failures.Single()}");
            }
        }
        finally
        {
            media.Delete(recursive: true);
        }
    }
}
