using ContactKit.Consent;
using ContactKit.Testing;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

/// <summary>Screening is done on the E.164 form, so every way of writing a number reaches the same register entry.</summary>
public class TelephoneScreeningTests
{
    private static readonly LocalDate Today = new(2026, 3, 31);

    [Fact]
    public void Decide_BracketedTrunkZeroOnCtps_MayNotCall()
    {
        // The Consent parser used to keep the bracketed trunk 0 (+4402079460999), miss the CTPS entry and answer "may call".
        var registered = TelephoneNumber.Parse("020 7946 0999");
        var index = new MarketingCallIndex.Builder().AddScreening(registered, TelephonePreferenceRegisters.Ctps, Today).Build();

        var decision = index.Decide(TelephoneNumber.Parse("+44 (0)20 7946 0999"), Today);

        Assert.Equal(registered, decision.Number);
        Assert.False(decision.MayCall);
        Assert.Equal(CallFactors.RegisteredCtps, decision.RefusedBecause);
    }

    [Fact]
    public async Task ScreenAsync_BracketedTrunkZeroOnCtps_RegisterLookUpFindsItAndRefuses()
    {
        var service = new FakeTelephonePreferenceService().Register(TelephoneNumber.Parse("020 7946 0999"), TelephonePreferenceRegisters.Ctps);

        var registers = await service.LookUpAsync(TelephoneNumber.Parse("+44 (0)20 7946 0999"));

        Assert.Equal(TelephonePreferenceRegisters.Ctps, registers);
    }

    [Fact]
    public void Decide_EveryUkWrittenFormOfOneNumber_ReachesTheSameRegisterEntry()
    {
        // A UK national significant number: 10 digits starting 1, 2, 3, 7 or 8, or 9 digits starting 1 (some 01 areas).
        var significant = Gen.OneOf(
            Gen.Select(Gen.Char["12378"], Gen.Long[0, 999_999_999]).Select(t => t.Item1 + t.Item2.ToString("D9", null)),
            Gen.Long[0, 99_999_999].Select(n => "1" + n.ToString("D8", null)));
        var split = Gen.Int[1, 5];

        Gen.Select(significant, split, split).Sample((nsn, a, b) =>
        {
            var national = "0" + nsn;
            var area = national[..(a + 1)];
            var rest = national[(a + 1)..];
            var cut = Math.Min(b, rest.Length - 1);
            var spaced = $"{area} {rest[..cut]} {rest[cut..]}";
            var intl = $"{nsn[..a]} {nsn[a..]}";
            string[] forms =
            [
                spaced,                                   // 020 7946 0999
                national,                                 // 02079460999 (no spaces)
                $"+44 {intl}",                            // +44 20 7946 0999
                $"+44 (0) {intl}",                        // +44 (0) 20 7946 0999
                $"+44 (0){intl}",                         // +44 (0)20 7946 0999
                $"+44(0){nsn}",                           // +44(0)2079460999
                $"0044 {intl}",                           // 0044 20 7946 0999
                $"00 44 {intl}",                          // 00 44 20 7946 0999
                $"0044 (0) {intl}",                       // 0044 (0) 20 7946 0999
                $"({area}) {rest}",                       // (020) 79460999
                $"({area}) {rest[..cut]}-{rest[cut..]}",  // (020) 7946-0999
                spaced.Replace(' ', '-'),                 // 020-7946-0999
                spaced.Replace(' ', '.'),                 // 020.7946.0999
                $"+44-{intl.Replace(' ', '-')}",          // +44-20-7946-0999
                $"+44{nsn}",                              // +442079460999
                $"  {spaced}  ",                          // surrounding spaces
            ];

            var entry = TelephoneNumber.ParseText(national).Value;
            Assert.Equal("+44" + nsn, entry.Value);
            var index = new MarketingCallIndex.Builder().AddScreening(entry, TelephonePreferenceRegisters.Ctps, Today).Build();
            foreach (var form in forms)
            {
                var parsed = TelephoneNumber.ParseText(form);
                Assert.True(parsed.IsSuccess, $"form {forms.ToList().IndexOf(form)} refused: {parsed.Error}");
                Assert.Equal(entry, parsed.Value);
                var decision = index.Decide(parsed.Value, Today);
                Assert.False(decision.MayCall);
                Assert.Equal(CallFactors.RegisteredCtps, decision.RefusedBecause);
            }
        }, iter: 10_000);
    }
}
