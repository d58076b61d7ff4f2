using System.Globalization;
using System.Text;
using ContactKit.Redaction;

namespace ContactKit.Testing;

/// <summary>Recall and precision for one entity type.</summary>
/// <param name="Entity">The entity type.</param>
/// <param name="Labelled">How many values of this type the corpus holds.</param>
/// <param name="FullyRedacted">How many of them had every letter and digit removed.</param>
/// <param name="Predicted">How many spans the redactor removed as this type.</param>
/// <param name="Correct">How many of those spans overlap a value of this type.</param>
public sealed record EntityScore(RedactionEntity Entity, int Labelled, int FullyRedacted, int Predicted, int Correct)
{
    /// <summary>The share of values fully removed (1 when there were none).</summary>
    public double Recall => Labelled == 0 ? 1 : (double)FullyRedacted / Labelled;

    /// <summary>The share of this type's spans that were right (1 when there were none).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;
}

/// <summary>How many hard negatives of one kind there were and how many lost any character to redaction.</summary>
/// <param name="Negative">The kind.</param>
/// <param name="Total">How many the corpus holds.</param>
/// <param name="Removed">How many were touched by a removed span.</param>
public sealed record NegativeScore(HardNegative Negative, int Total, int Removed)
{
    /// <summary>The share removed.</summary>
    public double RemovedRate => Total == 0 ? 0 : (double)Removed / Total;
}

/// <summary>The scorer's figures for one run over a corpus.</summary>
/// <param name="Lines">Messages in the corpus.</param>
/// <param name="LinesWithEntity">Messages holding at least one value to remove.</param>
/// <param name="Entities">Per entity type.</param>
/// <param name="Negatives">Per hard-negative kind.</param>
/// <param name="Cards">Card numbers in the corpus.</param>
/// <param name="CardsFullyRedacted">Cards with every part fully removed.</param>
/// <param name="CardLeaks">Cards of which 6 or more consecutive digits survive, across split messages and counting spoken digits.</param>
/// <param name="FalsePositives">Removed spans that overlap no value to remove.</param>
/// <param name="Predicted">Removed spans in all.</param>
public sealed record RedactionScore(
    int Lines,
    int LinesWithEntity,
    IReadOnlyList<EntityScore> Entities,
    IReadOnlyList<NegativeScore> Negatives,
    int Cards,
    int CardsFullyRedacted,
    int CardLeaks,
    int FalsePositives,
    int Predicted)
{
    /// <summary>Removed spans that overlap a value to remove, over all removed spans.</summary>
    public double MicroPrecision => Predicted == 0 ? 1 : (double)(Predicted - FalsePositives) / Predicted;

    /// <summary>False positives per 1,000 messages.</summary>
    public double FalsePositivesPer1000Lines => Lines == 0 ? 0 : FalsePositives * 1000.0 / Lines;

    /// <summary>The share of cards fully removed.</summary>
    public double CardRecall => Cards == 0 ? 1 : (double)CardsFullyRedacted / Cards;

    /// <summary>The figures for one entity type.</summary>
    /// <param name="entity">The type.</param>
    /// <returns>Its score.</returns>
    public EntityScore For(RedactionEntity entity) => Entities.First(e => e.Entity == entity);

    /// <summary>The figures for one hard-negative kind.</summary>
    /// <param name="negative">The kind.</param>
    /// <returns>Its score.</returns>
    public NegativeScore For(HardNegative negative) => Negatives.First(n => n.Negative == negative);

    /// <summary>The figures as Markdown tables.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.Append(c, $"{Lines:N0} lines, {LinesWithEntity:N0} with an entity ({(double)LinesWithEntity / Math.Max(1, Lines):P1}); ")
         .Append(c, $"{Cards:N0} cards, {CardsFullyRedacted:N0} fully redacted ({CardRecall:P2}), {CardLeaks} leaked; ")
         .Append(c, $"micro precision {MicroPrecision:P2}; {FalsePositives} false positives ({FalsePositivesPer1000Lines:F2} per 1,000 lines).\n\n");
        s.Append("| entity | labelled | fully redacted | recall | removed as type | precision |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var e in Entities)
        {
            s.Append(c, $"| {e.Entity} | {e.Labelled:N0} | {e.FullyRedacted:N0} | {e.Recall:P2} | {e.Predicted:N0} | {e.Precision:P2} |\n");
        }

        s.Append("\n| hard negative | count | removed | rate |\n| --- | --- | --- | --- |\n");
        foreach (var n in Negatives)
        {
            s.Append(c, $"| {n.Negative} | {n.Total:N0} | {n.Removed:N0} | {n.RemovedRate:P2} |\n");
        }

        return s.ToString();
    }
}

/// <summary>
/// Scores a redactor's output against a labelled corpus: recall and precision per entity, false positives per 1,000
/// lines, hard negatives removed, and card leaks. A card leaks when 6 or more of its consecutive digits survive in the
/// redacted text of the messages that held it (joined in order, so a split card is checked across its messages), with
/// spoken digit words counted as digits. Any pipeline can be scored: give its output as <see cref="RedactedMessage"/>s
/// whose spans are offsets into the original text.
/// </summary>
public static class RedactionScorer
{
    private const int LeakDigits = 6;

    /// <summary>Scores one run.</summary>
    /// <param name="corpus">The labelled conversations.</param>
    /// <param name="outputs">For each conversation, in the same order, its messages as redacted.</param>
    /// <returns>The figures.</returns>
    public static RedactionScore Score(IReadOnlyList<SyntheticConversation> corpus, IReadOnlyList<IReadOnlyList<RedactedMessage>> outputs)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(outputs);
        if (corpus.Count != outputs.Count)
        {
            throw new ArgumentException("There must be one output per conversation.", nameof(outputs));
        }

        var entities = RedactionEntityNames.All.ToDictionary(e => e, _ => new int[4]);
        var negatives = Enum.GetValues<HardNegative>().ToDictionary(n => n, _ => new int[2]);
        int lines = 0, linesWithEntity = 0, cards = 0, cardsFull = 0, leaks = 0, falsePositives = 0, predicted = 0;
        for (var k = 0; k < corpus.Count; k++)
        {
            var conversation = corpus[k];
            var output = outputs[k].OrderBy(m => m.Index).ToList();
            lines += conversation.Messages.Count;
            linesWithEntity += conversation.Spans.Where(s => s.Entity is not null).Select(s => s.Message).Distinct().Count();
            foreach (var label in conversation.Spans)
            {
                var text = conversation.Messages[label.Message].Text;
                var spans = output[label.Message].Spans;
                if (label.Entity is { } entity)
                {
                    entities[entity][0]++;
                    entities[entity][1] += FullyCovered(text, label, spans) ? 1 : 0;
                }
                else if (label.Negative is { } negative)
                {
                    negatives[negative][0]++;
                    negatives[negative][1] += spans.Any(s => Overlaps(s, label)) ? 1 : 0;
                }
            }

            for (var m = 0; m < output.Count; m++)
            {
                var positives = conversation.Spans.Where(s => s.Message == m && s.Entity is not null).ToList();
                foreach (var span in output[m].Spans)
                {
                    predicted++;
                    entities[span.Entity][2]++;
                    if (positives.Any(p => p.Entity == span.Entity && Overlaps(span, p)))
                    {
                        entities[span.Entity][3]++;
                    }

                    if (!positives.Any(p => Overlaps(span, p)))
                    {
                        falsePositives++;
                    }
                }
            }

            foreach (var card in conversation.Cards)
            {
                cards++;
                var parts = conversation.Spans.Where(s => s.Group == card.Group).ToList();
                cardsFull += parts.All(p => FullyCovered(conversation.Messages[p.Message].Text, p, output[p.Message].Spans)) ? 1 : 0;
                var surviving = string.Join(' ', card.Messages.Select(i => output[i].Text));
                leaks += Leaks(card.Digits, surviving) ? 1 : 0;
            }
        }

        return new RedactionScore(
            lines,
            linesWithEntity,
            [.. entities.Select(e => new EntityScore(e.Key, e.Value[0], e.Value[1], e.Value[2], e.Value[3]))],
            [.. negatives.Select(n => new NegativeScore(n.Key, n.Value[0], n.Value[1]))],
            cards,
            cardsFull,
            leaks,
            falsePositives,
            predicted);
    }

    /// <summary>Whether 6 or more consecutive digits of a card survive in text, reading spoken digits as digits.</summary>
    /// <param name="cardDigits">The card's digits.</param>
    /// <param name="text">The redacted text.</param>
    /// <returns><see langword="true"/> when the card leaks.</returns>
    public static bool Leaks(string cardDigits, string text)
    {
        ArgumentNullException.ThrowIfNull(cardDigits);
        foreach (var run in SpokenDigits.Runs(text ?? string.Empty))
        {
            for (var i = 0; i + LeakDigits <= cardDigits.Length; i++)
            {
                if (run.Contains(cardDigits.AsSpan(i, LeakDigits), StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Overlaps(RedactedSpan span, SyntheticSpan label) =>
        span.Start < label.Start + label.Length && label.Start < span.Start + span.Length;

    private static bool FullyCovered(string text, SyntheticSpan label, IReadOnlyList<RedactedSpan> spans)
    {
        for (var i = label.Start; i < label.Start + label.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && !spans.Any(s => s.Start <= i && i < s.Start + s.Length))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Reads the digits in text as a listener would: digit runs, digit words, "double", "triple", pairs and teens.</summary>
internal static class SpokenDigits
{
    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] Fillers = ["um", "uh", "er", "erm", "ah", "and"];

    /// <summary>The runs of consecutive digits: a word that is not a number or a filler ends a run.</summary>
    public static List<string> Runs(string text)
    {
        var runs = new List<string>();
        var run = new StringBuilder();
        var words = text.Split([' ', ',', '-', '.', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var repeat = 1;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i].ToLowerInvariant();
            if (w.All(char.IsAsciiDigit))
            {
                run.Append(string.Concat(Enumerable.Repeat(w, repeat)));
                repeat = 1;
            }
            else if (Unit(w) is var u and >= 0)
            {
                run.Append((char)('0' + u), repeat);
                repeat = 1;
            }
            else if (Array.IndexOf(Teens, w) is var t and >= 0)
            {
                run.Append(10 + t);
            }
            else if (Array.IndexOf(Tens, w) is var d and >= 2)
            {
                if (i + 1 < words.Length && Unit(words[i + 1].ToLowerInvariant()) is var next and > 0)
                {
                    run.Append((d * 10) + next);
                    i++;
                }
                else
                {
                    run.Append(d * 10);
                }
            }
            else if (w is "double" or "triple")
            {
                repeat = w == "double" ? 2 : 3;
            }
            else if (!Fillers.Contains(w))
            {
                if (run.Length > 0)
                {
                    runs.Add(run.ToString());
                    run.Clear();
                }

                repeat = 1;
            }
        }

        if (run.Length > 0)
        {
            runs.Add(run.ToString());
        }

        return runs;
    }

    private static int Unit(string w) =>
        w is "oh" or "o" or "nought" ? 0 : Array.IndexOf(Units, w);
}
