using ContactKit.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Calendars.Tests.DependencyInjection;

public class CalendarsConfigurationTests
{
    [Fact]
    public void BindConfiguration_CalendarsSection_BindsEveryTenantsNation()
    {
        var options = AppSettings.Bind<CalendarsOptions>("""
            { "ContactKit": { "Calendars": {
                "DefaultDivision": "Scotland",
                "TenantDivisions": { "belfast-office": "NorthernIreland", "council": "EnglandAndWales" } } } }
            """, ck => ck.AddCalendars());

        Assert.Equal(UkDivision.Scotland, options.DefaultDivision);
        Assert.Equal(UkDivision.NorthernIreland, options.TenantDivisions["belfast-office"]);
        Assert.Equal(UkDivision.EnglandAndWales, options.TenantDivisions["council"]);
    }

    [Fact]
    public void StartupValidation_NationThatIsNotAUkDivision_FailsNamingTheKey()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Calendars": { "DefaultDivision": "Wales" } } }""", ck => ck.AddCalendars());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:Calendars:DefaultDivision", failure, StringComparison.Ordinal);
    }
}
