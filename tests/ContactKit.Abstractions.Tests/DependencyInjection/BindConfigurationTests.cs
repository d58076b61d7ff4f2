using System.ComponentModel;
using System.Globalization;
using CsCheck;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Abstractions.Tests.DependencyInjection;

public class BindConfigurationTests
{
    [Fact]
    public void BindConfiguration_ContactKitSection_BindsTheSharedOptionsFromItsTopLevel()
    {
        var configuration = Config(new()
        {
            ["ContactKit:DefaultTimeZoneId"] = "Europe/Dublin",
            ["ContactKit:TenantTimeZones:paris-office"] = "Europe/Paris",
            ["ContactKit:Times:Pause"] = "PT10M", // another package's section, which the shared options ignore
        });
        var services = new ServiceCollection();
        services.AddContactKit().BindConfiguration(configuration.GetSection(ContactKitOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<ContactKitOptions>>().Value;

        Assert.Equal("Europe/Dublin", options.DefaultTimeZoneId);
        Assert.Equal("Europe/Paris", options.TenantTimeZones["paris-office"]);
    }

    [Theory]
    [InlineData("PT10M", 600)]        // ISO 8601, the documented form
    [InlineData("PT0.5S", 0.5)]       // fractions of a second
    [InlineData("P1DT12H", 129_600)]  // a day in a duration is 24 hours
    [InlineData("P1W", 604_800)]      // weeks are fixed-length too
    [InlineData("0:00:08:00", 480)]   // NodaTime's own D:hh:mm:ss, which NodaTime writes
    [InlineData(" PT10M ", 600)]      // surrounding spaces, as an edited file may have
    public void BindConfiguration_DurationText_IsReadAsTheDuration(string text, double seconds)
    {
        var options = Bind(new() { ["ContactKit:Times:Pause"] = text });

        Assert.Equal(Duration.FromSeconds(seconds), options.Pause);
    }

    [Fact]
    public void BindConfiguration_TimesInIsoText_AreReadIntoEachNodaTimeType()
    {
        var options = Bind(new()
        {
            ["ContactKit:Times:Keep"] = "P6M",
            ["ContactKit:Times:Grace"] = "P1Y2M",
            ["ContactKit:Times:Since"] = "2026-11-23T09:15:00Z",
            ["ContactKit:Times:ReviewOn"] = "2027-01-31",
            ["ContactKit:Times:OpensAt"] = "08:30:00",
            ["ContactKit:Times:Steps:0"] = "PT1M",
            ["ContactKit:Times:Steps:1"] = "PT5M",
        });

        Assert.Equal(Period.FromMonths(6), options.Keep);
        Assert.Equal(new PeriodBuilder { Years = 1, Months = 2 }.Build(), options.Grace); // kept as written, never normalised
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 15), options.Since);
        Assert.Equal(new LocalDate(2027, 1, 31), options.ReviewOn);
        Assert.Equal(new LocalTime(8, 30), options.OpensAt);
        Assert.Equal([Duration.FromMinutes(1), Duration.FromMinutes(5)], options.Steps);
    }

    [Theory]
    [InlineData("Pause", "six minutes", "ISO 8601 duration")] // words
    [InlineData("Pause", "P1M", "ISO 8601 duration")]         // a month has no fixed length
    [InlineData("Pause", "10", "ISO 8601 duration")]          // a bare number has no unit
    [InlineData("Keep", "six months", "ISO 8601 period")]
    [InlineData("Keep", "P6M\u0000junk", "ISO 8601 period")]  // nothing after a control character is ignored
    [InlineData("Since", "2026-11-23 09:15", "ISO 8601 instant")]
    [InlineData("ReviewOn", "31/01/2027", "ISO 8601 date")]
    public void StartupValidation_UnreadableTimeInConfiguration_FailsWithCk0007NamingTheKeyAndTheForm(string key, string text, string form)
    {
        var configuration = Config(new() { [$"ContactKit:Times:{key}"] = text });
        using var provider = Build(configuration);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains($"ContactKit:Times:{key}", failure, StringComparison.Ordinal);
        Assert.Contains(form, failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', failure);
    }

    // The configuration binder drops a dictionary entry or list item whose value it cannot convert, without a word: a
    // tenant's whole plan would silently fall back to the default.
    [Fact]
    public void StartupValidation_UnreadableValuesInsideDictionariesAndLists_AreEachReportedNotDropped()
    {
        var configuration = Config(new()
        {
            ["ContactKit:Times:Tenants:council:Pause"] = "eight minutes",
            ["ContactKit:Times:Tenants:council:Periods:0"] = "P6M",
            ["ContactKit:Times:Tenants:council:Periods:1"] = "half a year",
            ["ContactKit:Times:Steps:0"] = "one minute",
            ["ContactKit:Times:ByDay:Someday"] = "PT1M",
        });
        using var provider = Build(configuration);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("ContactKit:Times:Tenants:council:Pause is not valid", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ContactKit:Times:Tenants:council:Periods:1 is not valid", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ContactKit:Times:Steps:0 is not valid", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ContactKit:Times:ByDay:Someday names 'Someday', which is not a DayOfWeek; use one of Sunday, Monday", StringComparison.Ordinal));
    }

    [Fact]
    public void BindConfiguration_ValuesInsideDictionariesAndLists_AreRead()
    {
        var options = Bind(new()
        {
            ["ContactKit:Times:Tenants:council:Pause"] = "PT8M",
            ["ContactKit:Times:Tenants:council:Periods:0"] = "P6M",
            ["ContactKit:Times:ByDay:Monday"] = "PT1M",
        });

        Assert.Equal(Duration.FromMinutes(8), options.Tenants["council"].Pause);
        Assert.Equal([Period.FromMonths(6)], options.Tenants["council"].Periods);
        Assert.Equal(Duration.FromMinutes(1), options.ByDay[DayOfWeek.Monday]);
    }

    [Fact]
    public void StartupValidation_UnreadableValueAndABadSettingElsewhere_ReportsBothAtOnce()
    {
        var configuration = Config(new()
        {
            ["ContactKit:DefaultTimeZoneId"] = "Europe/Atlantis",
            ["ContactKit:Times:Count"] = "many",
        });
        using var provider = Build(configuration);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("ContactKitOptions.DefaultTimeZoneId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ContactKit:Times:Count", StringComparison.Ordinal) && f.Contains("'many'", StringComparison.Ordinal));
    }

    [Fact]
    public void BindConfiguration_SectionPath_ReadsTheHostsRegisteredConfiguration()
    {
        var configuration = Config(new() { ["Settings:ContactKit:Times:Pause"] = "PT2M" });
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddContactKit().AddValidatedOptions<TimesOptions, TimesOptionsValidator>(null, "Times").BindConfiguration("Settings:ContactKit");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(Duration.FromMinutes(2), provider.GetRequiredService<IOptions<TimesOptions>>().Value.Pause);
    }

    [Fact]
    public void StartupValidation_SectionPathWithoutARegisteredConfiguration_SaysWhatToRegister()
    {
        var services = new ServiceCollection();
        services.AddContactKit().BindConfiguration("ContactKit");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith(ErrorCodes.InvalidOptions, StringComparison.Ordinal) && f.Contains("BindConfiguration(\"ContactKit\")", StringComparison.Ordinal));
    }

    [Fact]
    public void BindConfiguration_AndCodeInAddContactKit_CodeWinsWhateverTheCallOrder()
    {
        var configuration = Config(new() { ["ContactKit:DefaultTimeZoneId"] = "Europe/Dublin" });
        var bindFirst = new ServiceCollection();
        bindFirst.AddContactKit().BindConfiguration(configuration.GetSection("ContactKit"));
        bindFirst.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Paris");
        var codeFirst = new ServiceCollection();
        codeFirst.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Paris").BindConfiguration(configuration.GetSection("ContactKit"));

        foreach (var services in new[] { bindFirst, codeFirst })
        {
            using var provider = services.BuildServiceProvider();
            Assert.Equal("Europe/Paris", provider.GetRequiredService<IOptions<ContactKitOptions>>().Value.DefaultTimeZoneId);
        }
    }

    [Fact]
    public void BindConfiguration_CalledTwiceWithTheSameSection_ReadsItOnce()
    {
        var configuration = Config(new() { ["ContactKit:Times:Steps:0"] = "PT1M" });
        var services = new ServiceCollection();
        services.AddContactKit().AddValidatedOptions<TimesOptions, TimesOptionsValidator>(null, "Times")
            .BindConfiguration(configuration.GetSection("ContactKit")).BindConfiguration(configuration.GetSection("ContactKit"));
        services.AddContactKit().AddValidatedOptions<TimesOptions, TimesOptionsValidator>(null, "Times");
        using var provider = services.BuildServiceProvider();

        Assert.Equal([Duration.FromMinutes(1)], provider.GetRequiredService<IOptions<TimesOptions>>().Value.Steps);
    }

    [Fact]
    public void BindConfiguration_SectionReloaded_OptionsMonitorSeesTheNewValue()
    {
        var configuration = Config(new() { ["ContactKit:Times:Pause"] = "PT1M" });
        using var provider = Build(configuration);
        var monitor = provider.GetRequiredService<IOptionsMonitor<TimesOptions>>();
        Assert.Equal(Duration.FromMinutes(1), monitor.CurrentValue.Pause);

        configuration["ContactKit:Times:Pause"] = "PT3M";
        configuration.Reload();

        Assert.Equal(Duration.FromMinutes(3), monitor.CurrentValue.Pause);
    }

    [Fact]
    public void DurationConverter_AnyDuration_ReadsBackFromWhatItWritesAndFromIsoSeconds()
    {
        _ = new ServiceCollection().AddContactKit(); // installs the converters
        var converter = TypeDescriptor.GetConverter(typeof(Duration));

        Gen.Long[0, 1_000_000_000_000_000_000L].Sample(nanoseconds =>
        {
            var duration = Duration.FromNanoseconds(nanoseconds);
            var written = converter.ConvertToInvariantString(duration)!;
            var iso = $"PT{(nanoseconds / 1_000_000_000m).ToString(CultureInfo.InvariantCulture)}S";
            return converter.ConvertFromInvariantString(written) is Duration back && back == duration
                && converter.ConvertFromInvariantString(iso) is Duration fromIso && fromIso == duration;
        });
    }

    private static TimesOptions Bind(Dictionary<string, string?> values)
    {
        using var provider = Build(Config(values));
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<TimesOptions>>().Value;
    }

    private static ServiceProvider Build(IConfigurationRoot configuration)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddValidatedOptions<TimesOptions, TimesOptionsValidator>(null, "Times")
            .BindConfiguration(configuration.GetSection("ContactKit"));
        return services.BuildServiceProvider();
    }

    private static IConfigurationRoot Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    internal sealed class TimesOptions
    {
        public Duration? Pause { get; set; }

        public Period Keep { get; set; } = Period.Zero;

        public Period? Grace { get; set; }

        public Instant? Since { get; set; }

        public LocalDate? ReviewOn { get; set; }

        public LocalTime? OpensAt { get; set; }

        public int Count { get; set; }

        public IList<Duration> Steps { get; } = [];

        public IDictionary<string, TimesPlan> Tenants { get; } = new Dictionary<string, TimesPlan>();

        public IDictionary<DayOfWeek, Duration> ByDay { get; } = new Dictionary<DayOfWeek, Duration>();
    }

    internal sealed class TimesPlan
    {
        public Duration? Pause { get; set; }

        public IList<Period> Periods { get; } = [];
    }

    internal sealed class TimesOptionsValidator : AbstractValidator<TimesOptions>;
}
