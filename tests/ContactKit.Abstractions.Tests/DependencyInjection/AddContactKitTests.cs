using ContactKit;
using ContactKit.Testing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Abstractions.Tests.DependencyInjection;

public class AddContactKitTests
{
    [Fact]
    public void AddContactKit_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().UseInMemoryStores();
        twice.AddContactKit().UseInMemoryStores();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddContactKit_CalledTwiceWithConfigure_AddsOnlyTheSecondConfigureAndAppliesBothInOrder()
    {
        var services = new ServiceCollection();
        services.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Paris");
        var before = services.Count;
        services.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Dublin");

        using var provider = services.BuildServiceProvider();

        Assert.Equal(before + 1, services.Count);
        Assert.Equal("Europe/Dublin", provider.GetRequiredService<IOptions<ContactKitOptions>>().Value.DefaultTimeZoneId);
    }

    [Fact]
    public void AddContactKit_NoClockRegistered_UsesTheSystemClock()
    {
        using var provider = new ServiceCollection().AddContactKit().Services.BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddContactKit_HostRegisteredAClock_KeepsTheHostsClock()
    {
        var clock = FakeClocks.AtUtc(2026, 11, 23);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit();

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnceWithCodeAndSetting()
    {
        var services = new ServiceCollection();
        services.AddContactKit(o =>
        {
            o.DefaultTimeZoneId = "Europe/Atlantis";
            o.TenantTimeZones["bad tenant"] = "Europe/London";
            o.TenantTimeZones["bureau"] = "Mars/Olympus";
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(3, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'Europe/Atlantis'", StringComparison.Ordinal) && f.Contains("ContactKitOptions.DefaultTimeZoneId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'bad tenant' is not a valid tenant id", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'Mars/Olympus'", StringComparison.Ordinal));
    }

    [Fact]
    public void TenantTimeZones_ConfiguredTenant_GetsItsZoneAndOthersTheDefault()
    {
        var services = new ServiceCollection();
        services.AddContactKit(o => o.TenantTimeZones["dublin-office"] = "Europe/Dublin");
        using var provider = services.BuildServiceProvider();
        var zones = provider.GetRequiredService<ITenantTimeZones>();

        Assert.Equal("Europe/Dublin", zones.GetTimeZone(TenantId.Parse("dublin-office")).Id);
        Assert.Equal("Europe/London", zones.GetTimeZone(TenantId.Parse("council")).Id);
    }

    // Issue 11: two options types failing made IStartupValidator throw AggregateException, not the documented OptionsValidationException.
    [Fact]
    public void StartupValidation_BadSettingsOfTwoOptionsTypes_ThrowsOneOptionsValidationExceptionListingBoth()
    {
        var services = new ServiceCollection();
        services.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Atlantis").AddValidatedOptions<OtherOptions, OtherOptionsValidator>(o => o.Count = -1, "Other");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("ContactKitOptions.DefaultTimeZoneId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("OtherOptions.Count", StringComparison.Ordinal));
    }

    // Issue 11: a missing store passed start-up validation and failed at first use with a plain DI exception.
    [Fact]
    public void StartupValidation_RequiredServiceNotRegistered_ReportsCk0090WithTheCallThatRegistersIt()
    {
        var services = new ServiceCollection();
        services.AddContactKit(o => o.DefaultTimeZoneId = "Europe/Atlantis").Require<IOtherStore>("AddOther()", ".UseOtherStore()");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = ex.Failures.ToList();
        Assert.Equal(2, failures.Count);
        Assert.StartsWith("CK0007: ", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("CK0090: ", failures[1], StringComparison.Ordinal);
        Assert.Contains("AddOther() needs a registration of IOtherStore", failures[1], StringComparison.Ordinal);
        Assert.Contains(".UseOtherStore()", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_RequiredServiceRegisteredInAnyOrder_Passes()
    {
        var services = new ServiceCollection();
        services.AddContactKit().Require<IOtherStore>("AddOther()", ".UseOtherStore()").Require<IOtherStore>("AddOther()", ".UseOtherStore()");
        services.AddSingleton<IOtherStore, OtherStore>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Single(services, d => d.ServiceType == typeof(IContactKitStartupCheck) && d.ImplementationInstance is RequiredServiceCheck<IOtherStore>);
    }

    [Theory]
    [InlineData("recording", "IRecordingStore")] // the sessions
    [InlineData("recording", "IRecordingMediaStore")] // the media
    [InlineData("retention", "IRetentionStore")] // retained items and holds
    [InlineData("consent", "IConsentStore")] // the consent ledger
    [InlineData("consent", "ITelephonePreferenceService")] // TPS and CTPS screening
    [InlineData("datasubjects", "IRightsRequestStore")] // rights requests
    [InlineData("datasubjects", "IErasureRetentionFacts")] // holds and rules that can stop an erasure
    [InlineData("recording", "IAuditTrail")] // every package audits
    public void StartupValidation_PackageWithoutItsProviders_ReportsEachMissingOneAndHowToRegisterIt(string package, string service)
    {
        var services = new ServiceCollection();
        var builder = services.AddContactKit();
        _ = package switch
        {
            "recording" => builder.AddRecording(),
            "retention" => builder.AddRetention(),
            "consent" => builder.AddConsent(),
            _ => builder.AddDataSubjects(),
        };
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures, f => f.Contains($"needs a registration of {service} ", StringComparison.Ordinal));
        Assert.StartsWith("CK0090: ", failure, StringComparison.Ordinal);
        Assert.Contains(".Use", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_EveryPackageWithInMemoryStores_Passes()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRecording().AddRetention().AddConsent().AddDataSubjects().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Services_OnTheBuilder_IsHiddenFromIntelliSense()
    {
        var attribute = typeof(ContactKitBuilder).GetProperty(nameof(ContactKitBuilder.Services))!.GetCustomAttributes(typeof(System.ComponentModel.EditorBrowsableAttribute), false);

        Assert.Equal(System.ComponentModel.EditorBrowsableState.Never, Assert.IsType<System.ComponentModel.EditorBrowsableAttribute>(Assert.Single(attribute)).State);
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];

    internal interface IOtherStore;

    private sealed class OtherStore : IOtherStore;

    internal sealed class OtherOptions
    {
        public int Count { get; set; }
    }

    internal sealed class OtherOptionsValidator : AbstractValidator<OtherOptions>
    {
        public OtherOptionsValidator() => RuleFor(o => o.Count).GreaterThanOrEqualTo(0);
    }
}
