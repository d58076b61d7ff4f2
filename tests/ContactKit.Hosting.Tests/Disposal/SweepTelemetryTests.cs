using System.Diagnostics;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;
using static ContactKit.Hosting.Tests.HostingHost;

namespace ContactKit.Hosting.Tests.Disposal;

public sealed class SweepTelemetryTests
{
    [Fact]
    public async Task SweepOnceAsync_ItemsDue_TracesTheRunTheBatchAndEachStoreCallUnderIt()
    {
        using var host = new HostingHost();
        await host.TrackAsync(Council, "c-1", Start);
        await host.TrackAsync(Council, "c-2", Start);
        host.Clock.AdvanceDays(200);
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is HostingTelemetry.Name or RetentionTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (started) { started.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var root = new Activity("test-root").Start(); // only this test's activities are children of it

        await host.Sweep.SweepOnceAsync();
        root.Stop();

        List<Activity> ours;
        lock (started)
        {
            ours = [.. started.Where(a => a.RootId == root.RootId)];
        }

        var run = Assert.Single(ours, a => a.OperationName == "DisposalSweep.Run");
        var councilBatch = Assert.Single(ours, a => a.OperationName == "DisposalSweep.Batch" && a.GetTagItem("contactkit.tenant") as string == "council");
        Assert.Equal(run.SpanId, councilBatch.ParentSpanId);
        Assert.Equal(2, councilBatch.GetTagItem("contactkit.disposed"));
        var calls = ours.Where(a => a.ParentSpanId == councilBatch.SpanId).Select(a => a.OperationName).ToList();
        Assert.Equal(["Retention.ClaimDue", "Retention.BeginDisposal", "Retention.CompleteDisposal"], calls);
        Assert.Equal(2, ours.Single(a => a.OperationName == "Retention.BeginDisposal").GetTagItem("contactkit.begun"));
        Assert.All(ours.Where(a => a.Source.Name == RetentionTelemetry.Name), a => Assert.NotNull(a.GetTagItem("contactkit.tenant")));
    }

    [Fact]
    public async Task SweepOnceAsync_HoldsPlacedAndReleased_RecordsTheHoldsInForcePerTenant()
    {
        using var host = new HostingHost();
        var officer = ActorId.Parse("records-officer");
        await host.Retention.PlaceHoldAsync(Council, HoldTarget.ForSubject(DataSubjectId.Parse("caller-7781")), "complaint", officer);
        var released = await host.Retention.PlaceHoldAsync(Council, HoldTarget.ForInteraction(InteractionId.Parse("call-9")), "claim", officer);
        await host.Retention.ReleaseHoldAsync(Council, released.Value.Id, officer, "claim settled");
        using var holds = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), HostingTelemetry.Name, "contactkit.hosting.holds.active");

        await host.Sweep.SweepOnceAsync();

        var byTenant = holds.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["contactkit.tenant"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["council"] = 1, ["bureau"] = 0 }, byTenant);
    }
}
