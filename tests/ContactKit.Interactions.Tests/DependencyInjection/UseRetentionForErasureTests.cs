using ContactKit.DataSubjects;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions.Tests.DependencyInjection;

public sealed class UseRetentionForErasureTests
{
    /// <summary>
    /// Regression: <c>.UseInMemoryStores().UseRetentionForErasure()</c> left the in-memory facts in place, so erasure
    /// ignored legal holds without a word. Either order now gives the facts read from retention.
    /// </summary>
    [Theory]
    [InlineData(true)] // UseInMemoryStores() first: the order that silently lost the holds
    [InlineData(false)] // UseRetentionForErasure() first
    public void UseRetentionForErasure_EitherOrderWithInMemoryStores_ErasureReadsRetention(bool inMemoryFirst)
    {
        var services = new ServiceCollection();
        var builder = services.AddContactKit().AddRetention(o => o.Schedule = Schedule()).AddDataSubjects();
        if (inMemoryFirst)
        {
            builder.UseInMemoryStores().UseRetentionForErasure();
        }
        else
        {
            builder.UseRetentionForErasure().UseInMemoryStores();
        }

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<RetentionErasureFacts>(provider.GetRequiredService<IErasureRetentionFacts>());
        Assert.Single(services, d => d.ServiceType == typeof(IErasureRetentionFacts));
    }

    [Fact]
    public void StartupValidation_NoRetentionFactsProvider_FailsNamingTheCallThatFixesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRightsRequestStore>(new InMemoryRightsRequestStore());
        services.AddContactKit().AddDataSubjects();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures, f => f.Contains("IErasureRetentionFacts", StringComparison.Ordinal));
        Assert.StartsWith(ErrorCodes.MissingRegistration + ": ", failure, StringComparison.Ordinal);
        Assert.Contains(".AddInteractions()", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_UseRetentionForErasureWithoutRetention_FailsNamingWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddDataSubjects().UseRetentionForErasure();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith("CK0007: ", StringComparison.Ordinal) && f.Contains("AddRetention()", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("IRetentionStore", StringComparison.Ordinal) && f.Contains("UseInMemoryStores()", StringComparison.Ordinal));
    }

    [Fact]
    public void UseRetentionForErasure_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddRetention(o => o.Schedule = Schedule()).AddDataSubjects().UseRetentionForErasure().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddRetention(o => o.Schedule = Schedule()).AddDataSubjects().UseRetentionForErasure().UseInMemoryStores().UseRetentionForErasure();

        Assert.Equal(once.Count, twice.Count);
    }

    private static RetentionSchedule Schedule() => new()
    {
        Name = "test",
        Rules = [new RetentionRule { Name = "r", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.Created, Period = NodaTime.Period.FromYears(1), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask }],
    };
}
