using ContactKit.Redaction;
using ContactKit.Testing;

namespace ContactKit.Testing.Tests.Redaction;

public sealed class RedactionKitTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameCorpus()
    {
        var first = RedactionCorpus.Generate(3, 500);
        var second = RedactionCorpus.Generate(3, 500);
        Assert.Equal(first.SelectMany(c => c.Messages).Select(m => m.Text), second.SelectMany(c => c.Messages).Select(m => m.Text));
        Assert.Equal(first.SelectMany(c => c.Spans), second.SelectMany(c => c.Spans));
        Assert.NotEqual(first.SelectMany(c => c.Messages).Select(m => m.Text), RedactionCorpus.Generate(4, 500).SelectMany(c => c.Messages).Select(m => m.Text));
    }

    [Fact]
    public void Generate_Corpus_LabelsEveryEntityAndHardNegativeAtTheRightText()
    {
        var corpus = RedactionCorpus.Generate(5, 3_000);
        var spans = corpus.SelectMany(c => c.Spans).ToList();
        Assert.All(RedactionEntityNames.All, e => Assert.Contains(spans, s => s.Entity == e));
        Assert.All(Enum.GetValues<HardNegative>(), n => Assert.Contains(spans, s => s.Negative == n));
        Assert.Contains(corpus.SelectMany(c => c.Cards), c => c.Form == "split");
        Assert.Contains(corpus.SelectMany(c => c.Cards), c => c.Form == "spoken");
        foreach (var conversation in corpus)
        {
            foreach (var span in conversation.Spans)
            {
                Assert.InRange(span.Start + span.Length, 1, conversation.Messages[span.Message].Text.Length);
            }
        }
    }

    [Fact]
    public void Create_Card_PassesLuhnAndHasALengthItsSchemeIssues()
    {
        var random = new Random(1);
        for (var i = 0; i < 1_000; i++)
        {
            var card = SyntheticCards.Create(random);
            Assert.InRange(card.Length, 13, 19);
            Assert.Equal(card[^1], SyntheticCards.LuhnCheckDigit(card[..^1]));
        }
    }

    [Theory]
    [InlineData("4111 1111 [card-number]", true)] // eight digits survive
    [InlineData("4111 11 [card-number]", true)] // exactly six
    [InlineData("4111 1 [card-number]", false)] // five
    [InlineData("four one one one one one [card-number]", true)] // spoken digits count
    [InlineData("four triple one double one [card-number]", true)] // as do repeats
    [InlineData("[card-number] ending 1111", false)] // the last four may remain
    [InlineData("4111 and then the rest 1111", false)] // a word between breaks the run
    public void Leaks_SurvivingDigits_CountsSixConsecutive(string text, bool leaks) =>
        Assert.Equal(leaks, RedactionScorer.Leaks("4111111111111111", text));

    [Fact]
    public void Score_OutputThatRemovesNothing_HasNoRecallAndLeaksEveryCard()
    {
        var corpus = RedactionCorpus.Generate(9, 400);
        var outputs = corpus.Select(c => (IReadOnlyList<RedactedMessage>)[.. c.Messages.Select((m, i) => new RedactedMessage(i, m.Text, []))]).ToList();

        var score = RedactionScorer.Score(corpus, outputs);

        Assert.Equal(score.Cards, score.CardLeaks);
        Assert.Equal(0, score.CardsFullyRedacted);
        Assert.Equal(0, score.FalsePositives);
        Assert.All(score.Entities, e => Assert.Equal(0, e.FullyRedacted));
        Assert.Contains("| CardNumber |", score.ToMarkdown(), StringComparison.Ordinal);
    }
}
