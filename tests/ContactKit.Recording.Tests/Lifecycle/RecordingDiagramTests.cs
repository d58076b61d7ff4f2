using ContactKit.Recording;

namespace ContactKit.Recording.Tests.Lifecycle;

public class RecordingDiagramTests
{
    [Fact]
    public void ToMermaid_CommittedDocsPage_HoldsExactlyTheGeneratedDiagram()
    {
        var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recording-lifecycle.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string open = "```mermaid\n";
        var start = page.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/recording-lifecycle.md has no mermaid block");
        start += open.Length;
        var end = page.IndexOf("```", start, StringComparison.Ordinal);

        Assert.Equal(RecordingDiagram.ToMermaid(), page[start..end]);
    }

    [Fact]
    public void ToMermaid_EveryTransitionOfTheTable_AppearsOnItsEdge()
    {
        var lines = RecordingDiagram.ToMermaid().Split('\n');

        foreach (var row in RecordingTransitionTable.Transitions)
        {
            var edge = Assert.Single(lines, l => l.StartsWith($"    {row.From} --> {row.To} : ", StringComparison.Ordinal));
            Assert.Contains(row.On.ToString(), edge.Split(" : ")[1].Split(", "));
        }
    }

    [Fact]
    public void ToMermaid_SmallTable_StartsWithTheInitialStateAndEndsAtTheTombstone()
    {
        var text = RecordingDiagram.ToMermaid();

        Assert.StartsWith("stateDiagram-v2\n    [*] --> NotCapturing : InteractionStarted\n", text, StringComparison.Ordinal);
        Assert.EndsWith("    Deleted --> [*]\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordingState.Stopped, RecordingEventKind.CaptureStarted)] // a stop request ends capture for good
    [InlineData(RecordingState.Capturing, RecordingEventKind.CaptureResumed)] // while capturing no pause is open, so nothing resumes
    [InlineData(RecordingState.Deleted, RecordingEventKind.DeletionRequested)] // a tombstone has nothing left to delete
    [InlineData(RecordingState.DeletionRequested, RecordingEventKind.Disposed)] // disposal needs authorisation first
    [InlineData(RecordingState.NotCapturing, RecordingEventKind.DeletionRequested)] // deletion applies to the stored life only
    public void IsAllowed_ForbiddenPairs_AreNotInTheTable(RecordingState state, RecordingEventKind kind)
    {
        Assert.False(RecordingTransitionTable.IsAllowed(state, kind));
        Assert.DoesNotContain(RecordingTransitionTable.Transitions, t => t.From == state && t.On == kind);
    }
}
