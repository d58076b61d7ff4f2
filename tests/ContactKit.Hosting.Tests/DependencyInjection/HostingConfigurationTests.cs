using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Hosting.Tests.DependencyInjection;

public sealed class HostingConfigurationTests
{
    private const string Settings = """
        { "ContactKit": {
            "Hosting": { "Tenants": [ "council", "bureau" ] },
            "DisposalSweep": { "Interval": "PT2M", "MaxLag": "PT30M", "BatchSize": 250, "RetryInitialDelay": "PT1S", "RetryMaxDelay": "PT1M", "WorkerId": "sweeper-a" },
            "DeadlineWatch": { "Interval": "PT10M", "RightsRequestDueSoonDays": 7, "ExtensionNoticeWarningDays": 3, "DeletionDueSoonDays": 2 } } }
        """;

    private static void Register(ContactKitBuilder ck)
    {
        ck.Services.AddSingleton<Retention.IRetainedItemDisposer>(new CountingDisposer());
        ck.AddDisposalSweep().AddDeadlineWatch().UseInMemoryStores();
    }

    [Fact]
    public void BindConfiguration_HostingSections_BindsTheTenantsAndEveryWorkerSetting()
    {
        var hosting = AppSettings.Bind<HostingOptions>(Settings, Register);
        var sweep = AppSettings.Bind<DisposalSweepOptions>(Settings, Register);
        var watch = AppSettings.Bind<DeadlineWatchOptions>(Settings, Register);

        Assert.Equal(["council", "bureau"], hosting.Tenants);
        Assert.Equal(
            (Duration.FromMinutes(2), Duration.FromMinutes(30), (int?)250, Duration.FromSeconds(1), Duration.FromMinutes(1), "sweeper-a"),
            (sweep.Interval, sweep.MaxLag, sweep.BatchSize, sweep.RetryInitialDelay, sweep.RetryMaxDelay, sweep.WorkerId));
        Assert.Equal(
            (Duration.FromMinutes(10), (int?)7, 3, 2),
            (watch.Interval, watch.RightsRequestDueSoonDays, watch.ExtensionNoticeWarningDays, watch.DeletionDueSoonDays));
    }

    [Fact]
    public void BindConfiguration_CodeAfterConfiguration_CodeWins()
    {
        var sweep = AppSettings.Bind<DisposalSweepOptions>(Settings, ck =>
        {
            Register(ck);
            ck.AddDisposalSweep(o => o.Interval = Duration.FromMinutes(1));
        });

        Assert.Equal(Duration.FromMinutes(1), sweep.Interval);
        Assert.Equal(250, sweep.BatchSize);
    }

    [Fact]
    public void BindConfiguration_SweepWorkerFromConfiguration_WritesItsConfiguredWorkerId()
    {
        using var provider = AppSettings.Build(Settings, Register);

        Assert.Equal("sweeper-a", provider.GetRequiredService<DisposalSweep>().Worker.Value);
    }

    [Theory]
    // A duration in words: the binder cannot read it, so the key is named with the ISO form it must take.
    [InlineData("DisposalSweep", "Interval", "\"five minutes\"", "ISO 8601 duration")]
    // A count that is not a number.
    [InlineData("DisposalSweep", "BatchSize", "\"lots\"", "Int32")]
    [InlineData("DeadlineWatch", "ExtensionNoticeWarningDays", "\"a week\"", "Int32")]
    [InlineData("DeadlineWatch", "Interval", "\"15\"", "ISO 8601 duration")]
    public void StartupValidation_UnreadableValue_FailsWithCK0007NamingTheKey(string section, string key, string value, string form)
    {
        var failures = AppSettings.StartupFailures($$"""
            { "ContactKit": { "Hosting": { "Tenants": [ "council" ] }, "{{section}}": { "{{key}}": {{value}} } } }
            """, Register);

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains($"ContactKit:{section}:{key}", failure, StringComparison.Ordinal);
        Assert.Contains(form, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_ReadableButOutOfRange_ReportsEveryFailureAtOnceNamingEachSetting()
    {
        var failures = AppSettings.StartupFailures("""
            { "ContactKit": { "Hosting": { "Tenants": [ ] },
              "DisposalSweep": { "Interval": "PT10M", "MaxLag": "PT5M", "BatchSize": 0 },
              "DeadlineWatch": { "DeletionDueSoonDays": 40 } } }
            """, Register);

        Assert.All(failures, f => Assert.StartsWith(ErrorCodes.InvalidOptions, f, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HostingOptions.Tenants", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DisposalSweepOptions.MaxLag", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DisposalSweepOptions.BatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DeadlineWatchOptions.DeletionDueSoonDays", StringComparison.Ordinal));
    }
}
