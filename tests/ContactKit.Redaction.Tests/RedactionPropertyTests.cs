using ContactKit.Testing;
using CsCheck;
using static ContactKit.Redaction.Tests.TestRedactor;

namespace ContactKit.Redaction.Tests;

/// <summary>Properties over generated cards and conversations, 10,000 cases each.</summary>
public sealed class RedactionPropertyTests
{
    private const int Iterations = 10_000;
    private static readonly Redactor Redactor = Create();

    private static readonly string[] Prefixes = ["", "it's ", "my card number is ", "ok ", "card: ", "sure, it's "];
    private static readonly string[] Suffixes = ["", ".", " thanks", " ok?", " is that right"];

    /// <summary>A card, a way of writing it, the cut points that split it, and the words around it.</summary>
    private static readonly Gen<(int Seed, CardWriting Writing, int Parts, int Prefix, int Suffix)> CardCase =
        Gen.Select(Gen.Int, Gen.Enum<CardWriting>(), Gen.Int[1, 3], Gen.Int[0, Prefixes.Length - 1], Gen.Int[0, Suffixes.Length - 1]);

    [Fact]
    public void Redact_EveryCardInEveryFormAndSplit_IsRemovedAndLeaksNoSixDigits()
    {
        CardCase.Sample(c =>
        {
            var random = new Random(c.Seed);
            var digits = SyntheticCards.Create(random);
            var pieces = Split(digits, c.Parts, random);
            var messages = pieces.Select((p, i) => C((i == 0 ? Prefixes[c.Prefix] : string.Empty) +
                SyntheticCards.Write(SyntheticCards.Groups(p), c.Writing, random) + (i == pieces.Count - 1 ? Suffixes[c.Suffix] : string.Empty))).ToArray();

            var output = Run(Redactor, messages);

            var surviving = string.Join(' ', output.Select(m => m.Text));
            Assert.False(RedactionScorer.Leaks(digits, surviving), $"{string.Join(" | ", messages.Select(m => m.Text))} => {surviving}");
            Assert.All(output, m => Assert.Contains(m.Spans, s => s.Entity == RedactionEntity.CardNumber));
            Assert.Equal(1, Redactor.Redact(Tenant, messages).Value.Report.Count(RedactionEntity.CardNumber));
        }, iter: Iterations);
    }

    [Fact]
    public void Redact_GeneratedConversation_IsDeterministicAndIdempotent()
    {
        Gen.Int.Sample(seed =>
        {
            var conversation = RedactionCorpus.GenerateOne(seed);
            var first = Run(Redactor, conversation);
            var second = Run(Redactor, conversation);
            Assert.Equal(first.Select(m => m.Text), second.Select(m => m.Text));
            Assert.Equal(first.SelectMany(m => m.Spans), second.SelectMany(m => m.Spans));

            var again = Run(Redactor, [.. conversation.Messages.Select((m, i) => m with { Text = first[i].Text, Words = [] })]);
            Assert.Equal(first.Select(m => m.Text), again.Select(m => m.Text));
        }, iter: Iterations);
    }

    [Fact]
    public void Redact_GeneratedConversation_RemovesNoHardNegative()
    {
        Gen.Int.Sample(seed =>
        {
            var conversation = RedactionCorpus.GenerateOne(seed);
            var output = Run(Redactor, conversation);
            foreach (var negative in conversation.Spans.Where(s => s.Negative is not null))
            {
                Assert.DoesNotContain(output[negative.Message].Spans, s => s.Start < negative.Start + negative.Length && negative.Start < s.Start + s.Length);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Add_MessagesOneAtATime_GivesEveryMessageOnceInOrderAsTheWholeConversationDoes()
    {
        Gen.Int.Sample(seed =>
        {
            var conversation = RedactionCorpus.GenerateOne(seed);
            var stream = Redactor.Start(Tenant);
            var streamed = new List<RedactedMessage>();
            foreach (var message in conversation.Messages)
            {
                streamed.AddRange(stream.Add(message).Value);
                Assert.Equal(Enumerable.Range(0, streamed.Count), streamed.Select(m => m.Index));
            }

            streamed.AddRange(stream.Complete());
            Assert.Equal(Run(Redactor, conversation).Select(m => m.Text), streamed.Select(m => m.Text));
        }, iter: Iterations);
    }

    private static List<string> Split(string digits, int parts, Random random)
    {
        var cuts = new SortedSet<int>();
        while (cuts.Count < parts - 1)
        {
            cuts.Add(1 + random.Next(digits.Length - 1));
        }

        var pieces = new List<string>();
        var at = 0;
        foreach (var cut in cuts.Append(digits.Length))
        {
            pieces.Add(digits[at..cut]);
            at = cut;
        }

        return pieces;
    }
}
