using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Requests;

public sealed class RightsRequestMetricsTests
{
    // A tenant of its own: the meter is static, and other tests' requests are counted at the same time.
    private static readonly TenantId Metered = TenantId.Parse("metered-council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly ActorId Officer = ActorId.Parse("officer-7");

    [Fact]
    public async Task ReceiveAndClose_OneOnTimeOneLate_CountsReceivedByRightAndClosedByStateAndLateness()
    {
        var clock = FakeClocks.AtUtc(2026, 3, 2, 10);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddDataSubjects().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RightsRequestService>();
        using var received = new MetricCollector<long>(null, DataSubjectsTelemetry.Name, "contactkit.data_subjects.rights_requests.received");
        using var closed = new MetricCollector<long>(null, DataSubjectsTelemetry.Name, "contactkit.data_subjects.rights_requests.closed");

        var access = (await service.ReceiveAsync(Metered, Caller, DataSubjectRight.Access, RequestFixtures.ByEmail, Officer)).Value;
        var erasure = (await service.ReceiveAsync(Metered, Caller, DataSubjectRight.Erasure, RequestFixtures.ByEmail, Officer)).Value;
        await service.ApplyAsync(Metered, access.Id, (at, on) => RightsRequestCommand.Start(Officer, at, on));
        await service.ApplyAsync(Metered, access.Id, (at, on) => RightsRequestCommand.Complete(Officer, at, on));
        clock.AdvanceDays(45); // past the erasure request's due date
        await service.ApplyAsync(Metered, erasure.Id, (at, on) => RightsRequestCommand.Withdraw(Officer, at, on));

        static bool Ours(CollectedMeasurement<long> m) => m.Tags["contactkit.tenant"] as string == "metered-council";
        Assert.Equal(["Access", "Erasure"], received.GetMeasurementSnapshot().Where(Ours).Select(m => m.Tags["contactkit.right"] as string));
        Assert.Equal(
            ["Access/Completed/False", "Erasure/Withdrawn/True"],
            closed.GetMeasurementSnapshot().Where(Ours).Select(m => $"{m.Tags["contactkit.right"]}/{m.Tags["contactkit.state"]}/{m.Tags["contactkit.late"]}"));
    }
}
