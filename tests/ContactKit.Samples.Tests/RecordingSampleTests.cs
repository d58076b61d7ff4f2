using ContactKit.Samples.ContactCentre;

namespace ContactKit.Samples.Tests;

public class RecordingSampleTests
{
    private static async Task<string> RunAsync()
    {
        using var output = new StringWriter();
        await RecordingDemo.RunAsync(output);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouncilCall_BotNotRecordedPaymentPausedTransferFollowed()
    {
        var text = await RunAsync();

        Assert.Contains("CaptureStarted refused: CK0103", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23T09:00:00Z - 2026-11-23T09:01:05Z  not captured: bot or IVR phase", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23T09:04:07Z - 2026-11-23T09:05:42Z  not captured: secure payment", text, StringComparison.Ordinal);
        Assert.Contains("licensing-officer (Agent, GB-ENG) joined 2026-11-23T09:06:42Z", text, StringComparison.Ordinal);
        Assert.Contains("Recording council-call-1 (VoiceCall) for tenant council: Available", text, StringComparison.Ordinal);
        Assert.Contains("Quality team plays it: granted", text, StringComparison.Ordinal);
        Assert.Contains("An agent downloads it: CK0120", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRequestCall_NothingCapturedAfterTheRequest()
    {
        var text = await RunAsync();

        Assert.Contains("StopRequested -> Stopped (SubjectObjection)", text, StringComparison.Ordinal);
        Assert.Contains("CaptureStarted refused: CK0100", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23T09:12:58Z - 2026-11-23T09:18:28Z  not captured: the caller asked to stop recording", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanWithoutRecording_NothingCapturedAndNoMedia()
    {
        var text = await RunAsync();
        var report = text[text.IndexOf("Recording basic-call-3", StringComparison.Ordinal)..];

        Assert.Contains("CaptureStarted refused: CK0101", text, StringComparison.Ordinal);
        Assert.Contains("Recording basic-call-3 (VoiceCall) for tenant reseller-basic: Absent", report, StringComparison.Ordinal);
        Assert.Contains("Captured 0:00:00, not captured 0:03:36", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Stored Audio", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_AuditsEveryAcceptedEventAndAccessDecision()
    {
        var text = await RunAsync();

        // Call 1 accepts 9 events (the refused start is not audited) and makes 2 access decisions.
        Assert.Contains("Audit trail of the council: 11 recording entries", text, StringComparison.Ordinal);
    }
}
