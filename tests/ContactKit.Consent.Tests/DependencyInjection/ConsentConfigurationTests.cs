using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Consent.Tests.DependencyInjection;

public class ConsentConfigurationTests
{
    [Fact]
    public void BindConfiguration_ConsentSection_BindsIsoPeriodsAndRecordingRules()
    {
        var options = AppSettings.Bind<ConsentOptions>("""
            { "ContactKit": { "Consent": {
                "NoticePeriod": "P6W",
                "ScreeningValidity": "P14D",
                "RecordingRules": [ { "Jurisdiction": "US-CA", "Requirement": "ExplicitConsent", "Summary": "Every party agrees.", "Source": "California Penal Code 632" } ] } } }
            """, ck => ck.AddConsent().UseInMemoryStores());

        Assert.Equal(Period.FromWeeks(6), options.NoticePeriod);
        Assert.Equal(Period.FromDays(14), options.ScreeningValidity);
        var rule = Assert.Single(options.RecordingRules);
        Assert.Equal(("US-CA", CaptureRequirement.ExplicitConsent, "California Penal Code 632"), (rule.Jurisdiction, rule.Requirement, rule.Source));
    }

    [Fact]
    public void StartupValidation_PeriodInWords_FailsNamingTheKeyAndTheIsoForm()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Consent": { "NoticePeriod": "six months" } } }""", ck => ck.AddConsent().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:Consent:NoticePeriod", failure, StringComparison.Ordinal);
        Assert.Contains("ISO 8601 period such as P6M", failure, StringComparison.Ordinal);
    }
}
