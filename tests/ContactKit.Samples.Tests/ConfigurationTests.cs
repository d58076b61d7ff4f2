using System.Text;
using ContactKit.Calendars;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Samples.Tests;

public class ConfigurationTests
{
    [Fact]
    public void GettingStarted_AppSettingsExample_BindsIntoEveryPackagesOptionsAndPassesStartupValidation()
    {
        var guide = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "getting-started.md"));
        var section = SampleTests.Between(guide, "## 5. Or read the settings from configuration", "## 6.");
        var json = SampleTests.Between(section, "```json\n", "```");
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars().AddConsent().AddRecording().AddRetention().AddDataSubjects().UseInMemoryStores()
            .BindConfiguration(configuration.GetSection("ContactKit"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var core = provider.GetRequiredService<IOptions<ContactKitOptions>>().Value;
        var consent = provider.GetRequiredService<IOptions<ConsentOptions>>().Value;
        var recording = provider.GetRequiredService<IOptions<RecordingOptions>>().Value;
        var calendars = provider.GetRequiredService<IOptions<CalendarsOptions>>().Value;
        var retention = provider.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var dataSubjects = provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value;

        Assert.Equal("Europe/Dublin", core.TenantTimeZones["dublin-office"]);
        Assert.Equal(Period.FromDays(14), consent.NoticePeriod);
        var rule = Assert.Single(consent.RecordingRules);
        Assert.Equal(("US-CA", CaptureRequirement.ExplicitConsent), (rule.Jurisdiction, rule.Requirement));
        Assert.Equal(Duration.FromMinutes(8), recording.PolicyFor(TenantId.Parse("council")).MaxSecurePause);
        Assert.False(recording.PolicyFor(TenantId.Parse("reseller-basic")).RecordingEnabled);
        Assert.Equal((UkDivision.Scotland, UkDivision.NorthernIreland), (calendars.DefaultDivision, calendars.TenantDivisions["belfast-office"]));
        Assert.Equal("Northern Ireland", provider.GetRequiredService<ITenantCalendars>().CalendarFor(TenantId.Parse("belfast-office")).Name);
        Assert.Equal((Duration.FromMinutes(5), 50), (retention.ClaimTimeout, retention.BatchSize));
        Assert.Equal(20, dataSubjects.DeletionPeriodFor(TenantId.Parse("council")));
        Assert.Equal(Period.FromMonths(6), retention.Schedule!.FindRule("recordings")!.Period);
    }
}
