using ContactKit.Calendars;
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
        services.AddContactKit().AddCalendars(o => o.TenantDivisions["glasgow"] = UkDivision.Scotland).AddDataSubjects().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<RightsRequestService>());
        Assert.NotNull(provider.GetRequiredService<SubjectAccessExporter>());
        Assert.NotNull(provider.GetRequiredService<ErasureService>());
        Assert.Equal("crm", Assert.Single(provider.GetRequiredService<IPersonalDataSourceRegistry>().Sources).Name);
        var calendars = provider.GetRequiredService<ITenantCalendars>();
        Assert.Equal(UkCalendars.Scotland.Name, calendars.CalendarFor(TenantId.Parse("glasgow")).Name);
        Assert.Equal(UkCalendars.EnglandAndWales.Name, calendars.CalendarFor(TenantId.Parse("council")).Name);
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IErasureRetentionFacts>(new InMemoryErasureRetentionFacts()); // so that only the settings fail
        services.AddContactKit().AddDataSubjects(o =>
        {
            o.DeletionPeriodDays = 90;
            o.DueSoonWithinDays = 0;
            o.TenantDeletionPeriodDays["bad tenant"] = 10;
            o.TenantDeletionPeriodDays["bureau"] = 0;
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, ex.Failures.Count());
        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DeletionPeriodDays is 90", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("DueSoonWithinDays is 0", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'bad tenant'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TenantDeletionPeriodDays['bureau'] is 0", StringComparison.Ordinal));
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType} {d.Lifetime} {d.ImplementationType} {d.ImplementationInstance?.GetType()} {d.ImplementationFactory is not null}")];

    [Fact]
    public async Task AddDataSubjects_FeedLoadedOnceThroughAddCalendars_MovesTheRightsRequestAndErasureDeadlines()
    {
        // Regression: DataSubjects counted on the built-in calendars and ignored a feed loaded for the suite. The feed
        // here makes Monday 3 March 2031 a holiday, which the built-in rules do not know.
        var path = Path.Combine(Path.GetTempPath(), "contactkit-feed-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "england-and-wales": { "events": [ { "title": "Invented spring holiday", "date": "2031-03-03" } ] } }""");
        var services = new ServiceCollection();
        services.AddContactKit().AddCalendars(o => o.BankHolidayFeedPath = path).AddDataSubjects().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var workflow = provider.GetRequiredService<RightsRequestWorkflow>();
        var erasure = provider.GetRequiredService<ErasureService>();
        File.Delete(path);
        var received = new NodaTime.LocalDate(2031, 2, 3);
        var at = received.AtMidnight().InUtc().ToInstant();
        var officer = ActorId.Parse("officer-1");
        var intake = new RequestIntake { Channel = Channel.Email, Description = "Please delete my call recording." };

        var request = workflow.Receive(TenantId.Parse("council"), RightsRequestId.New(), DataSubjectId.Parse("caller-1"), DataSubjectRight.Erasure, intake, officer, at, received).Value;
        var authorised = workflow.Apply(workflow.Apply(request, RightsRequestCommand.Start(officer, at, received)).Value, RightsRequestCommand.AuthoriseErasure(officer, at, received)).Value;
        var plan = (await erasure.PlanAsync(authorised)).Value;

        // 3 March 2031 would be due by the rules alone; the feed's holiday moves both deadlines to Tuesday 4 March.
        Assert.Equal(new NodaTime.LocalDate(2031, 3, 4), request.DueOn);
        Assert.Equal(new NodaTime.LocalDate(2031, 3, 4), plan.EraseBy);
        Assert.True(UkCalendars.EnglandAndWales.IsWorkingDay(new NodaTime.LocalDate(2031, 3, 3)));
    }
}
