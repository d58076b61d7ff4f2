using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Retention.Tests.DependencyInjection;

public sealed class AddRetentionTests
{
    [Fact]
    public void AddRetention_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddRetention().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddRetention().UseInMemoryStores();
        twice.AddContactKit().AddRetention().UseInMemoryStores();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddRetention_Resolves_EveryServiceOnInMemoryStores()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRetention().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<InMemoryRetentionStore>(provider.GetRequiredService<IRetentionStore>());
        Assert.NotNull(provider.GetRequiredService<RetentionService>());
        Assert.NotNull(provider.GetRequiredService<DisposalPlanner>());
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRetention(o =>
        {
            o.ClaimTimeout = Duration.Zero;
            o.BatchSize = 0;
            o.Schedule = new RetentionSchedule { Name = "s", Rules = [] };
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(3, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("RetentionOptions.ClaimTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("RetentionOptions.BatchSize", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("at least one rule", StringComparison.Ordinal));
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];
}
