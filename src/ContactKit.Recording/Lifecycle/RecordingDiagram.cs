using System.Text;

namespace ContactKit.Recording;

/// <summary>Draws the transition table as a Mermaid state diagram, so the documentation shows exactly what the machine enforces.</summary>
public static class RecordingDiagram
{
    /// <summary>Renders <see cref="RecordingTransitionTable.Transitions"/> as a Mermaid <c>stateDiagram-v2</c>, one line per pair of states, listing the events that lead from one to the other.</summary>
    /// <returns>The diagram text, with <c>\n</c> line endings.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(RecordingTransitionTable.Initial).Append(" : ").Append(RecordingEventKind.InteractionStarted).Append('\n');
        var edges = new List<(RecordingState From, RecordingState To, List<RecordingEventKind> On)>();
        foreach (var row in RecordingTransitionTable.Transitions)
        {
            var index = edges.FindIndex(e => e.From == row.From && e.To == row.To);
            if (index < 0)
            {
                edges.Add((row.From, row.To, [row.On]));
            }
            else if (!edges[index].On.Contains(row.On))
            {
                edges[index].On.Add(row.On);
            }
        }

        edges.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To));
        foreach (var (from, to, on) in edges)
        {
            on.Sort();
            text.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(string.Join(", ", on)).Append('\n');
        }

        text.Append("    Deleted --> [*]\n");
        return text.ToString();
    }
}
