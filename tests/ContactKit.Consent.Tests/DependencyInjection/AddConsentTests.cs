using ContactKit.Consent;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Consent.Tests.DependencyInjection;

public class AddConsentTests
{
    [Fact]
    public void AddConsent_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddConsent().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddConsent().UseInMemoryStores();
        twice.AddContactKit().AddConsent().UseInMemoryStores();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddConsent_WithInMemoryStores_ResolvesEveryService()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddConsent(o => o.RecordingRules.Add(new RecordingRuleOverride { Jurisdiction = "US-OR", Requirement = CaptureRequirement.ExplicitConsent, Source = "ORS 165.540" })).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(provider.GetRequiredService<ConsentLedger>());
        Assert.IsType<InMemoryConsentStore>(provider.GetRequiredService<IConsentStore>());
        var rules = provider.GetRequiredService<RecordingRuleSet>();
        Assert.Equal("ORS 165.540", rules.Rules.Single(r => r.Jurisdiction.Value == "US-OR").Source);
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnceWithCodeAndSetting()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddConsent(o =>
        {
            o.NoticePeriod = Period.FromMonths(1);
            o.ScreeningValidity = Period.FromDays(31);
            o.RecordingRules.Add(new RecordingRuleOverride { Jurisdiction = "UK", Source = "x" });
            o.RecordingRules.Add(new RecordingRuleOverride { Jurisdiction = "US-OR", Source = " " });
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("NoticePeriod", StringComparison.Ordinal) && f.Contains("days or weeks", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("ScreeningValidity", StringComparison.Ordinal) && f.Contains("PECR regulation 21", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'UK' is not an ISO 3166 code", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'US-OR' needs a Source", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Defaults_AreThirtyDaysNoticeAndTwentyEightDaysScreening()
    {
        var options = new ConsentOptions();

        Assert.Equal(Period.FromDays(30), options.NoticePeriod);
        Assert.Equal(Period.FromDays(28), options.ScreeningValidity);
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];
}
