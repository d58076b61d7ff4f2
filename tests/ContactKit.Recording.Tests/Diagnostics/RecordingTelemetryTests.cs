using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;
using NodaTime.Testing;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Diagnostics;

public sealed class RecordingTelemetryTests
{
    // A tenant of its own: the meter is static, and other tests' calls run at the same time.
    private static readonly TenantId Metered = TenantId.Parse("metered-council");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");

    [Fact]
    public async Task RecordingService_CallWithASecurePause_CountsEachTransitionEachRefusalAndTheSecondsByReason()
    {
        var clock = new FakeClock(T0);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RecordingService>();
        using var transitions = new MetricCollector<long>(null, RecordingTelemetry.Name, "contactkit.recording.transitions");
        using var refusals = new MetricCollector<long>(null, RecordingTelemetry.Name, "contactkit.recording.refusals");
        using var captured = new MetricCollector<double>(null, RecordingTelemetry.Name, "contactkit.recording.captured");
        using var uncaptured = new MetricCollector<double>(null, RecordingTelemetry.Name, "contactkit.recording.uncaptured");
        var recording = RecordingId.Parse("rec-metered");

        await service.StartAsync(new InteractionStarted(NewId(), Metered, recording, Channel.VoiceCall, RecordingPolicy.Default, [Caller], false), Telephony);
        async Task After(int seconds, RecordingEvent @event)
        {
            clock.Advance(Duration.FromSeconds(seconds));
            var applied = await service.ApplyAsync(Metered, recording, @event, Telephony);
            Assert.True(applied.IsSuccess, applied.Error?.ToString());
        }

        await After(30, Told(Caller));
        await After(10, Join(Agent));
        await After(5, Start());
        await After(120, Pause(UncapturedReason.SecurePayment));
        await After(90, Resume(UncapturedReason.SecurePayment));
        await After(60, End());
        var refused = await service.ApplyAsync(Metered, recording, Start(), Telephony);

        static bool Ours<T>(CollectedMeasurement<T> m)
            where T : struct => m.Tags["contactkit.tenant"] as string == "metered-council";
        var steps = transitions.GetMeasurementSnapshot().Where(Ours).ToList();
        Assert.Equal(7, steps.Count);
        Assert.Equal(["InteractionStarted", "NoticeGiven", "PartyJoined", "CaptureStarted", "CapturePaused", "CaptureResumed", "InteractionEnded"], steps.Select(m => m.Tags["contactkit.event"] as string));
        Assert.Equal("Processing", steps[^1].Tags["contactkit.state"] as string);
        var refusal = Assert.Single(refusals.GetMeasurementSnapshot(), Ours);
        Assert.Equal(refused.Error?.Code, refusal.Tags["error.code"] as string);
        Assert.Equal("CaptureStarted", refusal.Tags["contactkit.event"] as string);
        Assert.Equal(180, captured.GetMeasurementSnapshot().Where(Ours).Sum(m => m.Value));
        var notCaptured = uncaptured.GetMeasurementSnapshot().Where(Ours).GroupBy(m => m.Tags["contactkit.reason"] as string).ToDictionary(g => g.Key!, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, double> { ["NotStarted"] = 45, ["SecurePayment"] = 90 }, notCaptured);
    }
}
