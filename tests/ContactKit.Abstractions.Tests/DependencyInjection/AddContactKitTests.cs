using ContactKit.DependencyInjection;
using ContactKit.Testing;
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

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];
}
