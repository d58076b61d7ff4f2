using ContactKit.Consent;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

public class MarketingCallIndexTests
{
    private static readonly LocalDate Today = new(2026, 3, 31);
    private static readonly TelephoneNumber Number = TelephoneNumber.Parse("07700 900123");

    [Theory]
    [InlineData(0, true)] // screened today
    [InlineData(28, true)] // screened 28 days ago: still within PECR's 28 days
    [InlineData(29, false)] // 29 days ago: the data is over 28 days old and must be screened again
    public void Decide_ScreeningAge_IsCountedInCalendarDays(int daysAgo, bool mayCall)
    {
        var index = new MarketingCallIndex.Builder().AddScreening(Number, TelephonePreferenceRegisters.None, Today.PlusDays(-daysAgo)).Build();

        var decision = index.Decide(Number, Today);

        Assert.Equal(mayCall, decision.MayCall);
        Assert.Equal(mayCall ? CallFactors.None : CallFactors.ScreeningStale, decision.RefusedBecause);
    }

    [Fact]
    public void Decide_NeverScreened_IsRefused()
    {
        var decision = new MarketingCallIndex.Builder().Build().Decide(Number, Today);

        Assert.False(decision.MayCall);
        Assert.Equal(CallFactors.NotScreened, decision.RefusedBecause);
        Assert.Contains("never screened", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnTpsWithSpecificConsent_MayCall()
    {
        var index = new MarketingCallIndex.Builder()
            .AddScreening(Number, TelephonePreferenceRegisters.Tps, Today)
            .AddSpecificConsent(Number)
            .Build();

        var decision = index.Decide(Number, Today);

        Assert.True(decision.MayCall);
        Assert.Equal("may call: screened on 2026-03-31; on the TPS register but gave this caller specific consent", decision.Explain());
    }

    [Fact]
    public void Decide_OnCtpsWithoutConsent_IsRefusedAndSaysWhy()
    {
        var index = new MarketingCallIndex.Builder().AddScreening(Number, TelephonePreferenceRegisters.Ctps, Today).Build();

        var decision = index.Decide(Number, Today);

        Assert.Equal(CallFactors.RegisteredCtps, decision.RefusedBecause);
        Assert.Equal("refused: screened on 2026-03-31; on the CTPS register with no specific consent", decision.Explain());
    }

    [Fact]
    public void Decide_ObjectedEvenWithSpecificConsent_IsRefused()
    {
        var prefs = MarketingPreferences.For(TenantId.Parse("t"), DataSubjectId.Parse("s"))
            .OptIn(MarketingChannel.Phone, Instant.FromUtc(2026, 1, 1, 0, 0))
            .Object(OptOutRoute.PhoneCall, Instant.FromUtc(2026, 2, 1, 0, 0));
        var index = new MarketingCallIndex.Builder().AddScreening(Number, TelephonePreferenceRegisters.None, Today).Apply(Number, prefs).Build();

        var decision = index.Decide(Number, Today);

        Assert.False(decision.MayCall);
        Assert.Equal(CallFactors.Objected, decision.RefusedBecause);
    }

    [Fact]
    public void Decide_GeneratedLists_AgreeWithTheRuleWrittenPlainly()
    {
        var entry = Gen.Select(Gen.Int[0, 60], Gen.Int[-1, 40], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Bool);
        entry.Array[1, 50].Sample(entries =>
        {
            var builder = new MarketingCallIndex.Builder();
            var expected = new Dictionary<ulong, bool>();
            foreach (var (n, age, registers, suppression, consent) in entries)
            {
                var number = TelephoneNumber.FromDigits(447700900000UL + (ulong)n);
                if (age >= 0)
                {
                    builder.AddScreening(number, (TelephonePreferenceRegisters)registers, Today.PlusDays(-age));
                }

                builder.Suppress(number, (SuppressionReason)suppression);
                if (consent)
                {
                    builder.AddSpecificConsent(number);
                }
            }

            var index = builder.Build();
            foreach (var group in entries.GroupBy(e => e.Item1))
            {
                var screenings = group.Where(e => e.Item2 >= 0).ToList();
                // The newest screening counts; of two on the same day, the later one added.
                var latest = screenings.Count == 0 ? ((int, int, int, int, bool)?)null : screenings.Last(e => e.Item2 == screenings.Min(x => x.Item2));
                var suppressed = group.Aggregate(0, (s, e) => s | e.Item4) != 0;
                var consented = group.Any(e => e.Item5);
                var may = latest is { } l && l.Item2 <= 28 && (l.Item3 == 0 || consented) && !suppressed;

                var decision = index.Decide(TelephoneNumber.FromDigits(447700900000UL + (ulong)group.Key), Today);
                Assert.Equal(may, decision.MayCall);
                Assert.Equal(may, decision.RefusedBecause == CallFactors.None);
            }
        }, iter: 1000);
    }
}
