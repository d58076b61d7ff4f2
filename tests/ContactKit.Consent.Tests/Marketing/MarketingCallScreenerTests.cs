using ContactKit.Consent;
using ContactKit;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Consent.Tests.Marketing;

public class MarketingCallScreenerTests
{
    private static readonly TenantId Tenant = TenantId.Parse("bureau");

    [Fact]
    public async Task ScreenAsync_DatesScreeningInTheTenantsZoneAndDecidesOnItsLocalDate()
    {
        // 23:30 UTC on 30 June is already 1 July in London (BST): screening is dated 1 July.
        var clock = FakeClocks.AtUtc(2026, 6, 30, 23, 30);
        using var provider = Provider(clock);
        var screener = provider.GetRequiredService<MarketingCallScreener>();
        var tps = provider.GetRequiredService<FakeTelephonePreferenceService>();
        var registered = TelephoneNumber.Parse("07700 900001");
        var clear = TelephoneNumber.Parse("07700 900002");
        tps.Register(registered, TelephonePreferenceRegisters.Tps);
        var builder = new MarketingCallIndex.Builder();

        await screener.ScreenAsync(Tenant, [registered, clear], builder);
        var index = screener.Build(builder);

        Assert.Equal(2, tps.LookUps);
        Assert.Equal(new LocalDate(2026, 7, 1), screener.Decide(Tenant, index, clear).ScreenedOn);
        Assert.False(screener.Decide(Tenant, index, registered).MayCall);
        Assert.True(screener.Decide(Tenant, index, clear).MayCall);

        // 28 days later, at 23:30 London time on 29 July, still valid; one minute past midnight on 30 July, stale.
        clock.Reset(Instant.FromUtc(2026, 7, 29, 22, 30));
        Assert.True(screener.Decide(Tenant, index, clear).MayCall);
        clock.Reset(Instant.FromUtc(2026, 7, 29, 23, 1));
        Assert.Equal(CallFactors.ScreeningStale, screener.Decide(Tenant, index, clear).RefusedBecause);
    }

    [Fact]
    public void Build_ShorterConfiguredValidity_IsUsed()
    {
        using var provider = Provider(FakeClocks.AtUtc(2026, 6, 1), o => o.ScreeningValidity = Period.FromWeeks(2));

        var index = provider.GetRequiredService<MarketingCallScreener>().Build(new MarketingCallIndex.Builder());

        Assert.Equal(14, index.ScreeningValidityDays);
    }

    private static ServiceProvider Provider(IClock clock, Action<ConsentOptions>? configure = null)
    {
        var services = new ServiceCollection().AddSingleton(clock);
        services.AddContactKit().AddConsent(configure).UseInMemoryStores();
        return services.BuildServiceProvider();
    }
}
