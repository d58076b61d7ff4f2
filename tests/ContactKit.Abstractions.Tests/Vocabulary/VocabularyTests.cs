using System.Text.Json;
using ContactKit;
using CsCheck;

namespace ContactKit.Abstractions.Tests.Vocabulary;

public class VocabularyTests
{
    [Fact]
    public void Json_EveryEnumValue_RoundTripsAsItsName()
    {
        RoundTripAll<Channel>();
        RoundTripAll<LawfulBasis>();
        RoundTripAll<SpecialCategoryCondition>();
        RoundTripAll<DataSubjectRight>();
        RoundTripAll<DataSubjectKind>();
        RoundTripAll<ProcessingRole>();
        Assert.Equal("\"VoiceCall\"", JsonSerializer.Serialize(Channel.VoiceCall, ContactKitJson.Options));
    }

    [Fact]
    public void Channel_CoversEveryRouteTheNoticesName()
    {
        string[] expected = ["VoiceCall", "Webchat", "Chatbot", "Sms", "Email", "SocialMedia", "WhatsApp", "VoiceAssistant", "WebForm", "Post"];

        Assert.Equal(expected, Enum.GetNames<Channel>());
        Assert.True(Channel.VoiceCall.CarriesAudio());
        Assert.False(Channel.Webchat.CarriesAudio());
        Assert.True(Channel.Webchat.IsLive());
        Assert.False(Channel.Email.IsLive());
    }

    [Theory]
    [InlineData(LawfulBasis.Consent, "Art 6(1)(a)")]
    [InlineData(LawfulBasis.LegalObligation, "Art 6(1)(c)")]   // notice 000
    [InlineData(LawfulBasis.PublicTask, "Art 6(1)(e)")]        // notice 001
    [InlineData(LawfulBasis.LegitimateInterests, "Art 6(1)(f)")]
    public void Article_LawfulBasis_CitesArticle6(LawfulBasis basis, string expected) => Assert.Equal(expected, basis.Article());

    [Theory]
    [InlineData(SpecialCategoryCondition.ExplicitConsent, "Art 9(2)(a)")]
    [InlineData(SpecialCategoryCondition.EmploymentSocialSecurityAndSocialProtection, "Art 9(2)(b)")] // notice 000
    [InlineData(SpecialCategoryCondition.ArchivingResearchAndStatistics, "Art 9(2)(j)")]
    public void Article_SpecialCategoryCondition_CitesArticle9(SpecialCategoryCondition condition, string expected) =>
        Assert.Equal(expected, condition.Article());

    [Fact]
    public void Article_EveryRight_CitesArticles15To22()
    {
        Assert.Equal(
            ["Art 15", "Art 16", "Art 17", "Art 18", "Art 20", "Art 21(1)", "Art 21(2)", "Art 22"],
            Enum.GetValues<DataSubjectRight>().Select(r => r.Article()));
    }

    [Theory]
    [InlineData("gb-eng", "GB-ENG", "GB", "ENG")]   // any case is accepted and canonicalised
    [InlineData("GB", "GB", "GB", null)]
    [InlineData(" US-CA ", "US-CA", "US", "CA")]    // surrounding spaces are trimmed
    [InlineData("FR", "FR", "FR", null)]
    public void Jurisdiction_ValidCode_ParsesToCanonicalForm(string text, string canonical, string country, string? subdivision)
    {
        var jurisdiction = Jurisdiction.Parse(text);

        Assert.Equal(canonical, jurisdiction.Value);
        Assert.Equal(country, jurisdiction.CountryCode);
        Assert.Equal(subdivision, jurisdiction.SubdivisionCode);
    }

    [Theory]
    [InlineData("UK")]        // the UK's ISO code is GB
    [InlineData("G")]         // too short
    [InlineData("GB_ENG")]    // the separator is a hyphen
    [InlineData("GB-ENGLAND")] // subdivision codes are at most three characters
    [InlineData("")]
    public void Jurisdiction_BadCode_FailsWithCk0005(string text)
    {
        var result = Jurisdiction.ParseText(text);

        Assert.Equal(ErrorCodes.InvalidJurisdiction, result.Error?.Code);
        Assert.Equal("jurisdiction", result.Error!.Field);
    }

    [Fact]
    public void Jurisdiction_Facts_EeaUkAndContainment()
    {
        Assert.True(Jurisdiction.Parse("DE").IsInEuropeanEconomicArea);
        Assert.True(Jurisdiction.Parse("NO").IsInEuropeanEconomicArea);
        Assert.False(Jurisdiction.Scotland.IsInEuropeanEconomicArea);
        Assert.True(Jurisdiction.Scotland.IsInUnitedKingdom);
        Assert.True(Jurisdiction.UnitedKingdom.Contains(Jurisdiction.NorthernIreland));
        Assert.False(Jurisdiction.England.Contains(Jurisdiction.Wales));
        Assert.Equal(Jurisdiction.UnitedKingdom, Jurisdiction.Scotland.Country);
    }

    [Fact]
    public void Jurisdiction_AnyString_ParsesOrFailsWithCk0005AndRoundTripsThroughJson()
    {
        Gen.String[0, 8].Sample(text =>
        {
            var result = Jurisdiction.ParseText(text);
            if (result.IsSuccess)
            {
                var json = JsonSerializer.Serialize(result.Value, ContactKitJson.Options);
                Assert.Equal(result.Value, JsonSerializer.Deserialize<Jurisdiction>(json, ContactKitJson.Options));
            }
            else
            {
                Assert.Equal(ErrorCodes.InvalidJurisdiction, result.Error.Code);
            }
        });
    }

    [Theory]
    [InlineData("quality_monitoring", true)]
    [InlineData("loyalty_scheme_2", true)]   // hosts may name their own purposes
    [InlineData("Quality", false)]           // lower case only
    [InlineData("two words", false)]
    [InlineData("", false)]
    public void Purpose_Parse_AcceptsLowerCaseKeysOnly(string text, bool valid)
    {
        var result = Purpose.ParseText(text);

        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal(ErrorCodes.InvalidPurpose, result.Error!.Code);
        }
    }

    [Fact]
    public void Purpose_Json_RoundTripsPredefinedAndCustom()
    {
        Purpose[] purposes = [Purpose.Training, Purpose.Safeguarding, Purpose.CrimePrevention, Purpose.Parse("loyalty_scheme")];

        var json = purposes.Select(p => JsonSerializer.Serialize(p, ContactKitJson.Options)).ToArray();

        Assert.Equal(["\"training\"", "\"safeguarding\"", "\"crime_prevention\"", "\"loyalty_scheme\""], json);
        Assert.Equal(purposes, json.Select(j => JsonSerializer.Deserialize<Purpose>(j, ContactKitJson.Options)));
    }

    private static void RoundTripAll<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var json = JsonSerializer.Serialize(value, ContactKitJson.Options);
            Assert.Equal($"\"{value}\"", json);
            Assert.Equal(value, JsonSerializer.Deserialize<TEnum>(json, ContactKitJson.Options));
        }
    }
}
