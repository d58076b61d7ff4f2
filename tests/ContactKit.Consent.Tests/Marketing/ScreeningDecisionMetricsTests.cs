using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

public sealed class ScreeningDecisionMetricsTests
{
    // A tenant of its own: the meter is static, and other tests' decisions are counted at the same time.
    private static readonly TenantId Metered = TenantId.Parse("metered-bureau");

    [Fact]
    public void Decide_CallableRegisteredAndUnscreenedNumbers_CountsEachDecisionByOutcomeAndFirstReason()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.AtUtc(2026, 6, 1, 10));
        services.AddContactKit().AddConsent().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var screener = provider.GetRequiredService<MarketingCallScreener>();
        var today = screener.Today(Metered);
        var clear = TelephoneNumber.Parse("07700 900011");
        var registered = TelephoneNumber.Parse("07700 900012");
        var index = new MarketingCallIndex.Builder()
            .AddScreening(clear, TelephonePreferenceRegisters.None, today)
            .AddScreening(registered, TelephonePreferenceRegisters.Tps, today)
            .Build();
        using var decisions = new MetricCollector<long>(null, ConsentTelemetry.Name, "contactkit.consent.screening.decisions");

        screener.Decide(Metered, index, clear);
        screener.Decide(Metered, index, clear);
        screener.Decide(Metered, index, registered);
        screener.Decide(Metered, index, TelephoneNumber.Parse("07700 900013"));

        var ours = decisions.GetMeasurementSnapshot().Where(m => m.Tags["contactkit.tenant"] as string == "metered-bureau")
            .Select(m => $"{m.Tags["contactkit.decision"]}/{m.Tags["contactkit.reason"]}").ToList();
        Assert.Equal(["may_call/none", "may_call/none", "refused/registered", "refused/not_screened"], ours);
    }
}
