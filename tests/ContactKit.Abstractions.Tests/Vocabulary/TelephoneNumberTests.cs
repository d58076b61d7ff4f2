using System.Text.Json;
using ContactKit;
using CsCheck;

namespace ContactKit.Abstractions.Tests.Vocabulary;

public class TelephoneNumberTests
{
    [Theory]
    [InlineData("020 7946 0999", "+442079460999")] // a London number as dialled in the UK
    [InlineData("+44 (0)20 7946 0999", "+442079460999")] // the bracketed trunk 0 after the country code is dropped
    [InlineData("+44 (0) 20 7946 0999", "+442079460999")] // the same with a space after the bracket
    [InlineData("0044 20 7946 0999", "+442079460999")] // the international prefix 00 stands for '+'
    [InlineData("(020) 7946-0999", "+442079460999")] // the area code in brackets, a hyphen in the number
    [InlineData("020.7946.0999", "+442079460999")] // dots as separators
    [InlineData("02079460999", "+442079460999")] // no separators at all
    [InlineData("07700 900123", "+447700900123")] // an Ofcom drama mobile number: possible, so accepted
    [InlineData("01697 73456", "+44169773456")] // a nine-digit UK national significant number
    [InlineData("+1 (415) 555-0100", "+14155550100")] // another country keeps its own country code
    [InlineData("+39 06 1234 5678", "+390612345678")] // an Italian number keeps its leading 0 in E.164
    public void ParseText_WrittenForms_NormaliseToE164(string text, string e164)
    {
        var number = TelephoneNumber.ParseText(text).Value;

        Assert.Equal(e164, number.Value);
        Assert.Equal(ulong.Parse(e164[1..], System.Globalization.CultureInfo.InvariantCulture), number.Digits);
    }

    [Theory]
    [InlineData("", "empty")] // nothing written
    [InlineData("07700 90012a", "may hold only")] // a letter is not part of a number
    [InlineData("020 7946 0999 ext 4", "may hold only")] // an extension is not part of the number screened
    [InlineData("020 7946 0999\0garbage", "may hold only")] // a NUL does not end the number: what follows is read and refused
    [InlineData("020 7946 \uD800 0999", "may hold only")] // a lone surrogate
    [InlineData("+44", "not a telephone number")] // a country code alone
    [InlineData("020 7946", "too few digits")] // too short for a UK number: the trunk 0 must not be kept as part of it
    [InlineData("020 794", "too few digits")] // shorter still
    [InlineData("+44 1234 5678 9012 3456", "too many digits")] // longer than E.164 allows
    [InlineData("+999 1234 5678", "country calling code")] // no country has code 999
    [InlineData("+ -", "no digits")] // separators only
    public void ParseText_Unusable_RefusedWithTheCodeAndTheRule(string text, string rule)
    {
        var result = TelephoneNumber.ParseText(text);

        Assert.Equal(ErrorCodes.InvalidTelephoneNumber, result.Error?.Code);
        Assert.Equal("telephoneNumber", result.Error!.Field);
        Assert.Contains(rule, result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)] // not a calling code at all: used to throw from the hand-written parser's formatting
    [InlineData(0)] // no country has code 0
    [InlineData(999)] // unassigned
    [InlineData(800)] // a non-geographic code has no national numbers
    [InlineData(int.MaxValue)] // far out of range
    public void ParseText_BadDefaultCountryCode_ReturnsCodedResultInsteadOfThrowing(int code)
    {
        var result = TelephoneNumber.ParseText("020 7946 0999", code);

        Assert.Equal(ErrorCodes.InvalidTelephoneNumber, result.Error?.Code);
        Assert.Equal("defaultCountryCode", result.Error!.Field);
    }

    [Fact]
    public void ParseText_OtherDefaultCountry_ReadsNationalNumbersThere() =>
        Assert.Equal("+14155550100", TelephoneNumber.ParseText("(415) 555-0100", 1).Value.Value);

    [Fact]
    public void ParseText_Refused_NeverRepeatsTheNumber()
    {
        var result = TelephoneNumber.ParseText("020 7946 09x9");

        Assert.DoesNotContain("7946", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("personal data", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseText_TenMegabyteInputWithLineBreaks_GivesShortMessageWithoutLineBreaks()
    {
        var huge = "020\r\n" + new string('7', 10_000_000);

        var error = TelephoneNumber.ParseText(huge).Error!;

        Assert.True(error.Message.Length < 200, error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ParseText_LineBreakInNumber_IsEscapedInTheMessage()
    {
        var error = TelephoneNumber.ParseText("020\r\n7946 0999").Error!;

        Assert.Contains("'\\u000D'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', error.Message);
    }

    [Fact]
    public void ToString_IsMaskedAndNeverTheNumber()
    {
        var number = TelephoneNumber.Parse("020 7946 0999");

        Assert.Equal("+44•••••••999", number.ToString());
        Assert.Equal("+44•••••••999", number.Masked);
        Assert.Equal("02079460999", number.National);
        Assert.True(number.IsUnitedKingdom);
        Assert.DoesNotContain("7946", $"{number}", StringComparison.Ordinal);
    }

    [Fact]
    public void Default_HasEmptyTextAndIsNotUnitedKingdom()
    {
        var number = default(TelephoneNumber);

        Assert.Equal(string.Empty, number.Value);
        Assert.Equal(string.Empty, number.ToString());
        Assert.False(number.IsUnitedKingdom);
    }

    [Fact]
    public void ParsableForms_AgreeWithParseText()
    {
        Assert.Equal(TelephoneNumber.ParseText("020 7946 0999").Value, ParseGeneric<TelephoneNumber>("020 7946 0999"));
        Assert.Equal(TelephoneNumber.ParseText("020 7946 0999").Value, ParseSpan<TelephoneNumber>("020 7946 0999"));
        Assert.True(TelephoneNumber.TryParse("0044 20 7946 0999", out var parsed));
        Assert.Equal("+442079460999", parsed.Value);
        Assert.False(TelephoneNumber.TryParse("not a number", out _));
        Assert.False(TelephoneNumber.TryParse("12".AsSpan(), null, out _));
        var thrown = Assert.Throws<ContactKitFormatException>(() => TelephoneNumber.Parse("12"));
        Assert.Equal(ErrorCodes.InvalidTelephoneNumber, thrown.Error.Code);
    }

    [Fact]
    public void FromDigits_OutsideE164Length_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneNumber.FromDigits(12345));
        Assert.Throws<ArgumentOutOfRangeException>(() => TelephoneNumber.FromDigits(1_234_567_890_123_456));
        Assert.Equal("+442079460999", TelephoneNumber.FromDigits(442079460999).Value);
    }

    [Fact]
    public void Json_WritesE164AndReadsItBack()
    {
        var number = TelephoneNumber.Parse("020 7946 0999");

        var json = JsonSerializer.Serialize(number, ContactKitJson.Options);

        Assert.Equal(number, JsonSerializer.Deserialize<TelephoneNumber>(json, ContactKitJson.Options));
        Assert.Equal(number, JsonSerializer.Deserialize<TelephoneNumber>("\"+442079460999\"", ContactKitJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TelephoneNumber>("\"x\"", ContactKitJson.Options));
    }

    [Fact]
    public void ParseText_AnyString_NeverThrowsAndRefusesWithTheCode()
    {
        var nasty = Gen.OneOf(
            Gen.String,
            Gen.Char["0123456789 +-().\t\0\r\n/x\uD800"].Array[0, 24].Select(a => new string(a)));

        nasty.Sample(text =>
        {
            var result = TelephoneNumber.ParseText(text);
            if (result.IsFailure)
            {
                Assert.Equal(ErrorCodes.InvalidTelephoneNumber, result.Error.Code);
                Assert.DoesNotContain(result.Error.Message, c => c is '\r' or '\n' or '\0');
            }
            else
            {
                Assert.Equal(result.Value, TelephoneNumber.ParseText(result.Value.Value).Value);
            }
        }, iter: 10_000);
    }

    private static T ParseGeneric<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static T ParseSpan<T>(string text)
        where T : ISpanParsable<T> => T.Parse(text.AsSpan(), null);
}
