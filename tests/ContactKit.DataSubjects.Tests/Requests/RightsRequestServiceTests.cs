using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.DataSubjects.Tests.Requests;

public class RightsRequestServiceTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly ActorId Officer = ActorId.Parse("officer-7");

    [Fact]
    public async Task ReceiveAndApply_EachChange_StoredVersionedAndAudited()
    {
        var (provider, clock) = Build();
        using var _ = provider;
        var service = provider.GetRequiredService<RightsRequestService>();

        var received = (await service.ReceiveAsync(Council, Caller, DataSubjectRight.Access, RequestFixtures.ByEmail, Officer)).Value;
        clock.AdvanceDays(1);
        var started = (await service.ApplyAsync(Council, received.Id, (at, on) => RightsRequestCommand.Start(Officer, at, on))).Value;

        var audit = provider.GetRequiredService<ContactKit.IAuditTrail>();
        var entries = await audit.ReadBySubjectAsync(Council, Caller).ToListAsync();

        Assert.Equal(2, started.Version);
        Assert.Equal(new LocalDate(2026, 3, 3), started.History[^1].On);
        Assert.Equal(["rights_request.receive", "rights_request.start"], entries.Select(e => e.Action));
        Assert.Equal("InProgress", entries[1].Details["state"]);
        Assert.Equal("2026-04-02", entries[1].Details["due_on"]);
    }

    [Fact]
    public async Task ApplyAsync_RefusedStep_NothingStoredOrAudited()
    {
        var (provider, _) = Build();
        using var _ = provider;
        var service = provider.GetRequiredService<RightsRequestService>();
        var received = (await service.ReceiveAsync(Council, Caller, DataSubjectRight.Erasure, RequestFixtures.ByEmail, Officer)).Value;

        var refused = await service.ApplyAsync(Council, received.Id, (at, on) => RightsRequestCommand.AskClarification(Officer, at, on));

        Assert.Equal(DataSubjectsErrorCodes.ClarificationOnlyForAccess, refused.Error?.Code);
        Assert.Equal(1, (await provider.GetRequiredService<IRightsRequestStore>().GetAsync(Council, received.Id)).Value.Version);
    }

    [Fact]
    public async Task OverdueAndDueSoon_ClockMovesOn_RequestsListedAtTheRightTimes()
    {
        var (provider, clock) = Build(o => o.DueSoonWithinDays = 5);
        using var _ = provider;
        var service = provider.GetRequiredService<RightsRequestService>();
        var early = (await service.ReceiveAsync(Council, Caller, DataSubjectRight.Access, RequestFixtures.ByEmail, Officer)).Value;
        clock.AdvanceDays(7);
        var later = (await service.ReceiveAsync(Council, Caller, DataSubjectRight.Rectification, RequestFixtures.ByEmail, Officer)).Value;
        var withdrawn = (await service.ReceiveAsync(Council, Caller, DataSubjectRight.Erasure, RequestFixtures.ByEmail, Officer)).Value;
        await service.ApplyAsync(Council, withdrawn.Id, (at, on) => RightsRequestCommand.Withdraw(Officer, at, on));

        clock.Reset(Instant.FromUtc(2026, 3, 29, 9, 0));
        var soonAtEnd = await ToIds(service.DueSoonAsync(Council));
        var overdueAtEnd = await ToIds(service.OverdueAsync(Council));
        clock.Reset(Instant.FromUtc(2026, 4, 4, 9, 0));
        var soonLater = await ToIds(service.DueSoonAsync(Council));
        var overdueLater = await ToIds(service.OverdueAsync(Council));

        Assert.Equal([early.Id], soonAtEnd);
        Assert.Empty(overdueAtEnd);
        Assert.Equal([later.Id], soonLater);
        Assert.Equal([early.Id], overdueLater);
        Assert.Equal(new LocalDate(2026, 4, 2), early.DueOn);
    }

    private static async Task<List<RightsRequestId>> ToIds(IAsyncEnumerable<RightsRequest> requests) =>
        await requests.Select(r => r.Id).ToListAsync();

    private static (ServiceProvider Provider, FakeClock Clock) Build(Action<DataSubjectsOptions>? configure = null)
    {
        var clock = FakeClocks.AtUtc(2026, 3, 2, 10);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddDataSubjects(configure).UseInMemoryStores();
        return (services.BuildServiceProvider(), clock);
    }
}
