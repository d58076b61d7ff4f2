using ContactKit.Testing;
using Xunit.Abstractions;

namespace ContactKit.Redaction.Tests;

/// <summary>The quality targets of issue 17, measured with the verification kit on a generated corpus.</summary>
public sealed class CorpusTargetsTests(ITestOutputHelper output)
{
    private const int Seed = 17;
    private const int Lines = 20_000;

    [Fact]
    public void Redact_GeneratedCorpusOf20000Lines_MeetsEveryTarget()
    {
        var corpus = RedactionCorpus.Generate(Seed, Lines);
        var redactor = TestRedactor.Create();
        var score = RedactionScorer.Score(corpus, [.. corpus.Select(c => TestRedactor.Run(redactor, c))]);
        output.WriteLine(score.ToMarkdown());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "redaction-score.md"), score.ToMarkdown());

        Assert.True(score.Lines >= Lines);
        Assert.InRange((double)score.LinesWithEntity / score.Lines, 0.25, 0.45);
        Assert.Equal(0, score.CardLeaks);
        Assert.True(score.CardRecall >= 0.99, $"cards {score.CardRecall:P2}");
        AssertRecall(score, RedactionEntity.SecurityCode, 0.98);
        AssertRecall(score, RedactionEntity.ExpiryDate, 0.95);
        AssertRecall(score, RedactionEntity.SortCode, 0.95);
        AssertRecall(score, RedactionEntity.AccountNumber, 0.95);
        AssertRecall(score, RedactionEntity.NationalInsuranceNumber, 0.98);
        AssertRecall(score, RedactionEntity.Postcode, 0.97);
        AssertRecall(score, RedactionEntity.TelephoneNumber, 0.95);
        AssertRecall(score, RedactionEntity.EmailAddress, 0.97);
        Assert.True(score.MicroPrecision >= 0.97, $"micro precision {score.MicroPrecision:P2}");
        Assert.True(score.FalsePositivesPer1000Lines <= 10, $"{score.FalsePositivesPer1000Lines:F2} false positives per 1,000 lines");
        Assert.True(score.For(HardNegative.OrderNumber).RemovedRate <= 0.05);
        Assert.True(score.For(HardNegative.TrackingNumber).RemovedRate <= 0.05);
        Assert.True(score.For(HardNegative.Date).RemovedRate <= 0.01);
        Assert.True(score.For(HardNegative.Money).RemovedRate <= 0.01);
        Assert.True(score.For(HardNegative.Time).RemovedRate <= 0.01);
        Assert.True(score.For(HardNegative.CardEnding).RemovedRate <= 0.01);
    }

    private static void AssertRecall(RedactionScore score, RedactionEntity entity, double target) =>
        Assert.True(score.For(entity).Recall >= target, $"{entity} recall {score.For(entity).Recall:P2}, target {target:P0}");
}
