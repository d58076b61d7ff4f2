using ContactKit.Samples.ContactCentre;

namespace ContactKit.Samples.Tests;

public sealed class RetentionSampleTests
{
    [Fact]
    public async Task RetentionDemo_SixMonthsOn_DisposesEverythingDueExceptTheHeldRecording()
    {
        using var output = new StringWriter();

        await RetentionDemo.RunAsync(output);

        var text = output.ToString();
        Assert.Contains("rec-1 (call_recording) of call-1, ended 2 Mar 2026 09:07: delete at 2 Sep 2026 09:07", text, StringComparison.Ordinal);
        Assert.Contains("Legal hold item/rec-2 placed", text, StringComparison.Ordinal);
        Assert.Contains("Sweep claimed 5 items and disposed of 5; rec-2 stays under hold.", text, StringComparison.Ordinal);
        Assert.Contains("on item/rec-2 (complaint about call-2 under investigation): never disposed of while any hold is active.", text, StringComparison.Ordinal);
        Assert.Equal(5, text.Split('\n').Count(l => l.Contains("proof #", StringComparison.Ordinal)));
        Assert.DoesNotContain("proof #", text.Split("Sweep claimed")[0], StringComparison.Ordinal);
        var beforeRelease = text[..text.IndexOf("Hold released", StringComparison.Ordinal)];
        Assert.Equal(1, CountOf(text, "securely deleting recording/call-2 (rec-2)"));
        Assert.True(beforeRelease.LastIndexOf("securely deleting recording/call-2", StringComparison.Ordinal) > beforeRelease.IndexOf("proof #6", StringComparison.Ordinal));
        Assert.Contains("Hold released; the next sweep disposed of 1 more: rec-2.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactCentreSample_IncludesTheRetentionSection()
    {
        using var output = new StringWriter();

        await ContactCentreSample.RunAsync(output);

        Assert.Contains("## Retention: six months of recordings, a legal hold and a disposal sweep", output.ToString(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
