using System.Text;
using ContactKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Calendars.Tests.DependencyInjection;

public sealed class AddCalendarsTests
{
    private static readonly TenantId Glasgow = TenantId.Parse("glasgow");
    private static readonly TenantId Council = TenantId.Parse("council");

    [Fact]
    public void AddCalendars_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddCalendars();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddCalendars();
        twice.AddContactKit().AddCalendars(o => o.DefaultDivision = UkDivision.Scotland);

        Assert.Equal(Describe(once).Count, Describe(twice).Count - 1); // one more configure action, nothing else
    }

    [Fact]
    public void AddCalendars_TenantNations_EachTenantCountsOnItsOwnHolidays()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars(o => o.TenantDivisions["glasgow"] = UkDivision.Scotland);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var calendars = provider.GetRequiredService<ITenantCalendars>();

        Assert.Equal("Scotland", calendars.CalendarFor(Glasgow).Name);
        Assert.Equal("England and Wales", calendars.CalendarFor(Council).Name);
        Assert.Same(calendars.DeadlinesFor(Glasgow), calendars.DeadlinesFor(Glasgow));
        Assert.False(calendars.CalendarFor(Glasgow).IsWorkingDay(new LocalDate(2026, 11, 30))); // St Andrew's Day
    }

    [Fact]
    public void AddCalendars_FeedPath_IsReadOnceAndWinsForTheYearsItCovers()
    {
        var path = WriteFeed();
        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars(o => o.BankHolidayFeedPath = path);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var calendars = provider.GetRequiredService<ITenantCalendars>();
        File.Delete(path);

        // 3 March 2031 is an ordinary Monday under the rules; the feed makes it a holiday in every tenant's calendar.
        Assert.False(calendars.CalendarFor(Council).IsWorkingDay(new LocalDate(2031, 3, 3)));
        Assert.True(UkCalendars.EnglandAndWales.IsWorkingDay(new LocalDate(2031, 3, 3)));
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars(o =>
        {
            o.BankHolidayFeedPath = "/no/such/feed.json";
            o.DefaultDivision = (UkDivision)7;
            o.TenantDivisions["bad tenant\n"] = UkDivision.Scotland;
            o.TenantDivisions["wales"] = (UkDivision)42;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.All(ex.Failures, f => Assert.DoesNotContain('\n', f));
        Assert.Contains(ex.Failures, f => f.Contains("CalendarsOptions.BankHolidayFeedPath", StringComparison.Ordinal) && f.Contains(CalendarsErrorCodes.BankHolidayFeedUnreadable, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("CalendarsOptions.DefaultDivision", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("CalendarsOptions.TenantDivisions['wales']", StringComparison.Ordinal));
    }

    [Fact]
    public void CalendarsOptions_FromAppSettingsJson_BindAndPassStartupValidation()
    {
        var path = WriteFeed();
        var json = $$"""
            {
              "ContactKit": {
                "Calendars": {
                  "BankHolidayFeedPath": {{System.Text.Json.JsonSerializer.Serialize(path)}},
                  "DefaultDivision": "NorthernIreland",
                  "TenantDivisions": { "glasgow": "Scotland", "council": "EnglandAndWales" }
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars();
        services.Configure<CalendarsOptions>(configuration.GetSection("ContactKit:Calendars"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<CalendarsOptions>>().Value;
        var calendars = (UkTenantCalendars)provider.GetRequiredService<ITenantCalendars>();
        File.Delete(path);

        Assert.Equal(path, options.BankHolidayFeedPath);
        Assert.Equal(UkDivision.NorthernIreland, options.DefaultDivision);
        Assert.Equal(UkDivision.Scotland, calendars.DivisionFor(Glasgow));
        Assert.Equal(UkDivision.EnglandAndWales, calendars.DivisionFor(Council));
        Assert.Equal(UkDivision.NorthernIreland, calendars.DivisionFor(TenantId.Parse("belfast")));
        Assert.False(calendars.CalendarFor(Glasgow).IsWorkingDay(new LocalDate(2031, 3, 3))); // the feed's extra day
    }

    // A feed covering 2031 in every division, with one invented holiday on Monday 3 March.
    internal static string WriteFeed()
    {
        var path = Path.Combine(Path.GetTempPath(), "contactkit-feed-" + Guid.NewGuid().ToString("N") + ".json");
        var events = """[ { "title": "New Year’s Day", "date": "2031-01-01" }, { "title": "Invented spring holiday", "date": "2031-03-03" } ]""";
        File.WriteAllText(path, $$"""
            {
              "england-and-wales": { "division": "england-and-wales", "events": {{events}} },
              "scotland": { "division": "scotland", "events": {{events}} },
              "northern-ireland": { "division": "northern-ireland", "events": {{events}} }
            }
            """);
        return path;
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];
}
