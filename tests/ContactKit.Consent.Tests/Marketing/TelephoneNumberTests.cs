using ContactKit.Consent.Marketing;

namespace ContactKit.Consent.Tests.Marketing;

public class TelephoneNumberTests
{
    [Theory]
    [InlineData("07700 900123", 447700900123UL)] // a UK mobile written nationally
    [InlineData("+44 7700 900123", 447700900123UL)] // the same number written internationally
    [InlineData("0044 (0)7700-900123", 4407700900123UL)] // the '(0)' convention is not guessed at: kept as written
    [InlineData("(020) 7946 0018", 442079460018UL)] // a London number with brackets
    [InlineData("+1 415 555 0100", 14155550100UL)] // a US number
    public void Parse_WrittenForms_NormaliseToE164(string text, ulong digits)
    {
        Assert.Equal(digits, TelephoneNumber.Parse(text).Value.Digits);
    }

    [Theory]
    [InlineData("7700 900123")] // neither national 0 nor international prefix: the country is unknown
    [InlineData("07700 90012a")] // a letter
    [InlineData("+44")] // too short
    [InlineData("+44 1234 5678 9012 3456")] // too long for E.164
    [InlineData("")] // empty
    public void Parse_Unusable_IsRefused(string text)
    {
        Assert.Equal(ConsentErrorCodes.InvalidTelephoneNumber, TelephoneNumber.Parse(text).Error?.Code);
    }

    [Fact]
    public void ToString_IsPlusAndDigits()
    {
        Assert.Equal("+447700900123", TelephoneNumber.Parse("07700 900123").Value.ToString());
    }
}
