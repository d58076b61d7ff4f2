using System.Collections.ObjectModel;
using NodaTime;

namespace ContactKit.Redaction;

/// <summary>
/// One stretch of a message that was removed. It says what kind of value stood there and where, never the value.
/// </summary>
/// <param name="Entity">The kind of value removed.</param>
/// <param name="Start">The first character removed, in the original message text.</param>
/// <param name="Length">How many characters of the original text were removed.</param>
/// <param name="AudioStart">Where the removed words start in the audio, when the message has word timings.</param>
/// <param name="AudioEnd">Where the removed words end in the audio, when the message has word timings.</param>
public readonly record struct RedactedSpan(RedactionEntity Entity, int Start, int Length, Duration? AudioStart, Duration? AudioEnd);

/// <summary>A message after redaction.</summary>
/// <param name="Index">The message's position in the conversation, from 0.</param>
/// <param name="Text">The redacted text: every removed span is replaced by its marker.</param>
/// <param name="Spans">The spans removed, in text order.</param>
public sealed record RedactedMessage(int Index, string Text, IReadOnlyList<RedactedSpan> Spans);

/// <summary>How many values of each kind were removed.</summary>
public sealed class RedactionReport
{
    private readonly int[] _counts;

    internal RedactionReport(int[] counts)
    {
        _counts = counts;
        var byEntity = new Dictionary<RedactionEntity, int>();
        foreach (var entity in RedactionEntityNames.All)
        {
            if (counts[(int)entity] > 0)
            {
                byEntity[entity] = counts[(int)entity];
            }
        }

        ByEntity = new ReadOnlyDictionary<RedactionEntity, int>(byEntity);
        Total = counts.Sum();
    }

    /// <summary>The number removed of each kind that occurred.</summary>
    public IReadOnlyDictionary<RedactionEntity, int> ByEntity { get; }

    /// <summary>The number of values removed in all.</summary>
    public int Total { get; }

    /// <summary>The number of values of one kind removed.</summary>
    /// <param name="entity">The kind.</param>
    /// <returns>The count, 0 when none.</returns>
    public int Count(RedactionEntity entity) => (int)entity < _counts.Length && entity > 0 ? _counts[(int)entity] : 0;
}

/// <summary>A whole conversation after redaction.</summary>
/// <param name="Messages">Each message, in order.</param>
/// <param name="Report">The counts by kind.</param>
public sealed record ConversationRedaction(IReadOnlyList<RedactedMessage> Messages, RedactionReport Report);
