using System.Text;
using CsCheck;
using PhoneNumbers;

namespace ContactKit.Redaction.Tests;

/// <summary>
/// The check asked before libphonenumber's matcher must never drop a number the matcher would find; these tests hold it
/// to that against the matcher itself, and hold the facts it is built on to libphonenumber's own metadata.
/// </summary>
public sealed class TelephoneCandidatesTests
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly CompiledSettings Settings = new(new RedactionSettings());

    // UK regions (the crown dependencies share +44), and others with short, long and unusual numbers, written after a plus.
    private static readonly string[] Regions = ["GB", "GB", "GB", "GG", "JE", "IM", "IE", "US", "DE", "FR", "AT", "NU", "SH", "TK", "IN"];

    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER, PhoneNumberType.UAN,
    ];

    private static readonly string[] Separators = [" ", " ", "-", ".", "/", "", "  ", " - ", "\u2013", "\u00A0", "x", ")", " (", "~"];

    private static readonly string[] Fillers = ["call me on ", "it's ", "ok ", "", "tracking 1552 9434 0971 20 and ", "card 4111 1111 1111 1111 then ", "тел", "ref ", "x"];

    /// <summary>A number in a random written form: every format libphonenumber writes, regrouped, with other prefixes and digits.</summary>
    private static readonly Gen<string> Written =
        Gen.Select(Gen.Int[0, Regions.Length - 1], Gen.Int[0, Types.Length - 1], Gen.Long, Gen.Int[0, 9], Gen.Int[0, Separators.Length - 1], Gen.Int[0, 4])
        .Select(c => Write(c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, c.Item6))
        .Where(text => text.Length > 0);

    /// <summary>A written number with words or other digits around it, now and then in another script.</summary>
    private static readonly Gen<string> Message =
        Gen.Select(Gen.Int[0, Fillers.Length - 1], Written, Gen.Int[-1, Fillers.Length - 1], Gen.Int[0, 3])
        .Select(c => Digits(Fillers[c.Item1] + c.Item2 + (c.Item3 < 0 ? string.Empty : " " + Fillers[c.Item3]), c.Item4));

    [Fact]
    public void MayHoldNumber_EveryTextTheMatcherFindsANumberIn_IsPassedToIt()
    {
        var found = 0;
        Message.Sample(text =>
        {
            if (Phones.FindNumbers(text, "GB").Any())
            {
                Interlocked.Increment(ref found);
                Assert.True(MayHoldNumber(text, []), $"dropped a number the matcher finds: {text}");
            }
        }, iter: 20_000);

        Assert.True(found > 5_000, $"only {found} generated texts held a number"); // the generator is worth its name
    }

    [Theory]
    [InlineData("ok 3780 9327 1")] // the start of a split card
    [InlineData("Tracking: 15529434097120")]
    [InlineData("6759 1686 7126 988")]
    [InlineData("7911 123456")] // a UK number without its national prefix, which the matcher does not accept
    [InlineData("0800 111")] // too short for any UK number
    [InlineData("it's 4499.9224")] // starts with the country code, but too short for a UK number after it
    [InlineData("it's 4472-3740-62")] // the country code and 8 digits not starting with 8
    [InlineData("It's order 0742 3579")] // the national prefix and 7 digits not starting with 8
    [InlineData("the order is ORD-0493-6318")]
    [InlineData("Your appointment is on 09/09/2026 at 12:00.")]
    [InlineData("Your tracking number is 1Z019AA0554529202")] // digits right after a Latin letter
    [InlineData("The parcel's tracking reference is BI051931520GB")]
    [InlineData("order ORD12345678 on 12/03/2026 for £45.99")]
    public void MayHoldNumber_DigitsThatCannotBeATelephoneNumber_AreNotPassedToTheMatcher(string text)
    {
        Assert.Empty(Phones.FindNumbers(text, "GB"));
        Assert.False(MayHoldNumber(text, []));
    }

    [Fact]
    public void MayHoldNumber_NumberInsideARemovedValue_IsNotPassedToTheMatcher()
    {
        const string text = "it's 0161 496 0000 0000 and AB123456C";
        Assert.True(MayHoldNumber(text, []));
        Assert.False(MayHoldNumber(text, [new Detection(RedactionEntity.CardNumber, 5, 23)]));
    }

    [Theory]
    [InlineData("call 0800 1111")] // the shortest UK numbers have 7 digits and start with 8
    [InlineData("0845 46 47")]
    [InlineData("+44 800 1111")]
    [InlineData("44 800 1111")]
    [InlineData("0044 800 1111")]
    [InlineData("+44 (0)20 7946 0018")]
    [InlineData("44 (0)20 7946 0018")]
    [InlineData("180020 20 7946 0018")] // the text relay prefix
    [InlineData("+290 22222")] // a short number abroad, after a plus sign
    [InlineData("00 290 22222")]
    [InlineData("(020) 7946-0018")]
    [InlineData("\u0442\u0435\u043B07911 123456")] // letters of another script may touch it
    public void MayHoldNumber_ShortAndUnusualNumbersTheMatcherFinds_ArePassedToIt(string text)
    {
        Assert.NotEmpty(Phones.FindNumbers(text, "GB"));
        Assert.True(MayHoldNumber(text, []));
    }

    [Fact]
    public void Metadata_ForPlusFortyFour_IsWhatTheCheckIsBuiltOn()
    {
        var gb = Phones.GetMetadataForRegion("GB");
        Assert.Equal("0", gb.NationalPrefix);
        Assert.Equal("0|180020", gb.NationalPrefixForParsing);
        Assert.Equal(string.Empty, gb.NationalPrefixTransformRule);
        Assert.Equal("00", gb.InternationalPrefix);

        // Every UK format asks for the national prefix, so a number written without it is not taken (see the property).
        Assert.All(gb.NumberFormatList, f =>
        {
            Assert.False(f.NationalPrefixOptionalWhenFormatting);
            Assert.StartsWith("0", f.NationalPrefixFormattingRule, StringComparison.Ordinal);
        });

        // The national numbers of +44: 9 or 10 digits, or 7 starting with 8. A change here means the check must be read again.
        Assert.Equal(["GB", "GG", "IM", "JE"], Phones.GetRegionCodesForCountryCode(44).Order(StringComparer.Ordinal));
        Assert.Equal(@"[1-357-9][0-9]{9}|[18][0-9]{8}|8[0-9]{6}", gb.GeneralDesc.NationalNumberPattern);
        Assert.Equal(@"(?:1481|[357-9][0-9]{3})[0-9]{6}|8[0-9]{6}(?:[0-9]{2})?", Phones.GetMetadataForRegion("GG").GeneralDesc.NationalNumberPattern);
        Assert.Equal([10], Phones.GetMetadataForRegion("IM").GeneralDesc.PossibleLengthList);
        Assert.Equal([10], Phones.GetMetadataForRegion("JE").GeneralDesc.PossibleLengthList);
        Assert.Equal(7, TelephoneCandidates.ShortestNational);
        Assert.Equal(9, TelephoneCandidates.ShortestNationalAnyStart);

        // After a plus sign: the shortest country code and national number anywhere.
        var shortest = Phones.GetSupportedRegions().Select(r => Phones.GetMetadataForRegion(r))
            .Concat(Phones.GetSupportedGlobalNetworkCallingCodes().Select(c => Phones.GetMetadataForNonGeographicalRegion(c)))
            .Where(m => m.GeneralDesc.PossibleLengthCount > 0)
            .Min(m => m.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + m.GeneralDesc.PossibleLengthList.Min());
        Assert.True(shortest >= TelephoneCandidates.ShortestInternational);
    }

    /// <summary>Asks the check as the redactor does, with what the tokenizer noticed about the text.</summary>
    private static bool MayHoldNumber(string text, List<Detection> removed)
    {
        var summary = Tokenizer.Tokenize(text, Settings, []);
        return TelephoneCandidates.MayHoldNumber(text, removed, summary.AsciiDigits, !summary.HasNonAscii);
    }

    private static string Write(int region, int type, long seed, int tail, int separator, int form)
    {
        var example = Phones.GetExampleNumberForType(Regions[region], Types[type]);
        if (example is null)
        {
            return string.Empty;
        }

        // Change the last digits of the example, keeping only numbers libphonenumber holds valid.
        var random = new Random((int)seed);
        var national = Phones.GetNationalSignificantNumber(example).ToCharArray();
        for (var i = Math.Max(national.Length - 1 - tail % 4, 1); i < national.Length; i++)
        {
            national[i] = (char)('0' + random.Next(10));
        }

        var number = Phones.Parse("+" + example.CountryCode + new string(national), Regions[region]);
        if (!Phones.IsValidNumber(number))
        {
            number = example;
        }

        var nsn = Phones.GetNationalSignificantNumber(number);
        var text = (form, random.Next(8)) switch
        {
            (0, _) => Phones.Format(number, PhoneNumberFormat.NATIONAL),
            (1, _) => Phones.Format(number, PhoneNumberFormat.INTERNATIONAL),
            (2, _) => Phones.Format(number, PhoneNumberFormat.E164),
            (3, 0) => nsn, // no national prefix
            (3, 1) => number.CountryCode + " " + nsn, // country code without a plus
            (3, 2) => "00" + number.CountryCode + " " + nsn,
            (3, 3) => "180020 " + nsn,
            (3, 4) => "+" + number.CountryCode + " (0)" + nsn,
            (3, _) => Phones.Format(number, PhoneNumberFormat.RFC3966),
            _ => Phones.FormatOutOfCountryCallingNumber(number, "GB"),
        };

        // Regroup: every space becomes another separator, and now and then groups are cut elsewhere.
        var regrouped = new StringBuilder();
        foreach (var c in text)
        {
            if (c == ' ')
            {
                regrouped.Append(Separators[separator]);
            }
            else
            {
                regrouped.Append(c);
                if (char.IsAsciiDigit(c) && random.Next(12) == 0)
                {
                    regrouped.Append(Separators[random.Next(Separators.Length)]);
                }
            }
        }

        return regrouped.ToString();
    }

    /// <summary>Now and then writes the digits in another script, as libphonenumber reads any decimal digit.</summary>
    private static string Digits(string text, int script) => script switch
    {
        1 => string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('\uFF10' + (c - '0')) : c)), // full width
        2 => string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c)), // Arabic-Indic
        _ => text,
    };
}
