using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.DataSubjects.Tests.DependencyInjection;

public class AddDataSubjectsTests
{
    [Fact]
    public void AddDataSubjects_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddDataSubjects().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddDataSubjects().UseInMemoryStores();
        twice.AddContactKit().AddDataSubjects().UseInMemoryStores();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddDataSubjects_WithInMemoryStores_ResolvesEveryService()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPersonalDataSource>(new InMemoryPersonalDataSource("crm"));
        services.AddContactKit().AddDataSubjects(o => o.TenantDivisions["glasgow"] = UkDivision.Scotland).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<RightsRequestService>());
        Assert.NotNull(provider.GetRequiredService<SubjectAccessExporter>());
        Assert.NotNull(provider.GetRequiredService<ErasureService>());
        Assert.Equal("crm", Assert.Single(provider.GetRequiredService<IPersonalDataSourceRegistry>().Sources).Name);
        var deadlines = provider.GetRequiredService<StatutoryRightsRequestDeadlines>();
        Assert.Equal(UkCalendars.Scotland.Name, deadlines.For(TenantId.Parse("glasgow")).Calendar.Name);
        Assert.Equal(UkCalendars.EnglandAndWales.Name, deadlines.For(TenantId.Parse("council")).Calendar.Name);
    }

    // Issue 11: .UseInMemoryStores().UseRetentionForErasure() in that order made erasure ignore holds without a word.
    [Theory]
    [InlineData(true)] // in-memory fakes first, then the retention facts
    [InlineData(false)] // retention facts first, then the in-memory fakes
    public void UseRetentionForErasure_InEitherOrderWithInMemoryStores_AlwaysWins(bool fakesFirst)
    {
        var services = new ServiceCollection();
        var builder = services.AddContactKit().AddRetention().AddDataSubjects();
        _ = fakesFirst ? builder.UseInMemoryStores().UseRetentionForErasure() : builder.UseRetentionForErasure().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<RetentionErasureFacts>(provider.GetRequiredService<IErasureRetentionFacts>());
        Assert.Single(services, d => d.ServiceType == typeof(IErasureRetentionFacts));
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddDataSubjects(o =>
        {
            o.DeletionPeriodDays = 90;
            o.DueSoonWithinDays = 0;
            o.TenantDeletionPeriodDays["bad tenant"] = 10;
            o.TenantDeletionPeriodDays["bureau"] = 0;
            o.TenantDivisions["wales"] = (UkDivision)42;
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(5, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DeletionPeriodDays is 90", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DueSoonWithinDays is 0", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'bad tenant'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TenantDeletionPeriodDays['bureau'] is 0", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TenantDivisions['wales']", StringComparison.Ordinal));
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];
}
