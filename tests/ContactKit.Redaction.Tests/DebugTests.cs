using ContactKit.Testing.Redaction;
using Xunit.Abstractions;

namespace ContactKit.Redaction.Tests;

public sealed class DebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var corpus = RedactionCorpus.Generate(17, 20_000);
        var redactor = TestRedactor.Create();
        foreach (var c in corpus)
        {
            var o = TestRedactor.Run(redactor, c);
            foreach (var card in c.Cards)
            {
                var surviving = string.Join(' ', card.Messages.Select(i => o[i].Text));
                var parts = c.Spans.Where(s => s.Group == card.Group).ToList();
                if (!parts.All(p => Enumerable.Range(p.Start, p.Length).All(i => !char.IsLetterOrDigit(c.Messages[p.Message].Text[i]) || o[p.Message].Spans.Any(q => q.Start <= i && i < q.Start + q.Length))))
                {
                    output.WriteLine($"PARTIAL {card.Digits} {card.Form}: " + string.Join(" | ", card.Messages.Select(i => c.Messages[i].Text)) + "  =>  " + surviving);
                }

                if (RedactionScorer.Leaks(card.Digits, surviving))
                {
                    output.WriteLine($"LEAK {card.Digits} {card.Form}: " + string.Join(" | ", card.Messages.Select(i => c.Messages[i].Text)) + "  =>  " + surviving);
                }
            }

            foreach (var s in c.Spans.Where(s => s.Negative is not null))
            {
                if (o[s.Message].Spans.Any(p => p.Start < s.Start + s.Length && s.Start < p.Start + p.Length))
                {
                    output.WriteLine($"NEG {s.Negative}: {c.Messages[s.Message].Text} => {o[s.Message].Text} (prev: {(s.Message > 0 ? c.Messages[s.Message - 1].Text : "")})");
                }
            }

            for (var m = 0; m < o.Count; m++)
            {
                foreach (var p in o[m].Spans)
                {
                    if (!c.Spans.Any(s => s.Message == m && s.Entity is not null && p.Start < s.Start + s.Length && s.Start < p.Start + p.Length))
                    {
                        output.WriteLine($"FP {p.Entity}: {c.Messages[m].Text} => {o[m].Text} (prev: {(m > 0 ? c.Messages[m - 1].Text : "")})");
                    }
                }
            }

            foreach (var s in c.Spans.Where(s => s.Entity is not null and not RedactionEntity.CardNumber))
            {
                var text = c.Messages[s.Message].Text;
                var covered = Enumerable.Range(s.Start, s.Length).All(i => !char.IsLetterOrDigit(text[i]) || o[s.Message].Spans.Any(p => p.Start <= i && i < p.Start + p.Length));
                if (!covered)
                {
                    output.WriteLine($"MISS {s.Entity}: {text} => {o[s.Message].Text} (prev: {(s.Message > 0 ? c.Messages[s.Message - 1].Text : "")})");
                }
            }
        }
    }
}
