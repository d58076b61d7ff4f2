using System.Text.Json;
using ContactKit;
using CsCheck;
using NodaTime;

namespace ContactKit.Abstractions.Tests.Serialization;

public class JsonInputTests
{
    [Theory]
    [InlineData("{}")] // no code and no message: the constructor's ArgumentNullException used to escape
    [InlineData("{\"code\":\"CK0001\"}")] // no message
    [InlineData("{\"message\":\"m\"}")] // no code
    [InlineData("{\"code\":\"XX1\",\"message\":\"m\"}")] // a code outside the CK0000 form: ArgumentException used to escape
    [InlineData("{\"code\":\"CK0001\",\"message\":\"  \"}")] // a blank message
    [InlineData("{\"code\":1,\"message\":\"m\"}")] // a number where text belongs
    [InlineData("[]")] // not an object
    public void ContactKitError_ReadThroughOptionsWithBadContent_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContactKitError>(json, ContactKitJson.Options));

    [Fact]
    public void ContactKitError_ReadWithBadCode_MessageIsShortAndEscaped()
    {
        var json = "{\"code\":\"CK\\r\\n" + new string('9', 100_000) + "\",\"message\":\"m\"}";

        var thrown = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContactKitError>(json, ContactKitJson.Options));

        Assert.True(thrown.Message.Length < 300, thrown.Message);
        Assert.DoesNotContain('\n', thrown.Message);
    }

    [Theory]
    [InlineData("{\"code\":\"CK0001\",\"message\":\"m\",\"field\":\"id\"}")] // every part
    [InlineData("{\"code\":\"CK0001\",\"message\":\"m\"}")] // the optional field missing
    [InlineData("{\"message\":\"m\",\"unknown\":[1,{}],\"code\":\"CK0001\"}")] // unknown members are skipped, order does not matter
    public void ContactKitError_Json_RoundTripsWithOptionalPartsMissing(string json)
    {
        var error = JsonSerializer.Deserialize<ContactKitError>(json, ContactKitJson.Options)!;

        var back = JsonSerializer.Deserialize<ContactKitError>(JsonSerializer.Serialize(error, ContactKitJson.Options), ContactKitJson.Options);

        Assert.Equal(error, back);
        Assert.Equal("CK0001", back!.Code);
    }

    [Theory]
    [InlineData("\"2026-03-02T09:00:00Z\\u0000garbage\"")] // a NUL used to end NodaTime's parse early
    [InlineData("\"2026-03-02T09:00:00Z\\u0000\"")] // a NUL alone after the value
    [InlineData("\"2026-03-02T09:00:00Z\\r\\n\"")] // a line break after the value
    public void Instant_WithNulOrControlCharacterAfterIt_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, ContactKitJson.Options));

    [Theory]
    [InlineData("\"2026-03-02\\u0000x\"")]
    public void LocalDate_WithNulAfterIt_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>(json, WithNodaTime));

    [Theory]
    [InlineData("\"P6M\\u0000x\"")]
    public void Period_WithNulAfterIt_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Period>(json, WithNodaTime));

    [Fact]
    public void Instant_LongGarbage_MessageIsShort()
    {
        var json = "\"" + new string('x', 1_000_000) + "\"";

        var thrown = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, ContactKitJson.Options));

        Assert.True(thrown.Message.Length < 400, thrown.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryVocabularyType_LoneSurrogate_GivesJsonExceptionNeverArgumentException()
    {
        const string lone = "\"a\\uD800b\"";
        Refused<TenantId>(lone);
        Refused<ConsentRecordId>(lone);
        Refused<Purpose>(lone);
        Refused<DataCategoryKey>(lone);
        Refused<Jurisdiction>(lone);
        Refused<TelephoneNumber>(lone);
        Refused<Instant>(lone);
        
        Refused<ContactKitError>("{\"code\":\"CK0001\",\"message\":" + lone + "}", allowSuccess: true);
        Refused<AuditEntry>("{\"tenant\":" + lone + "}");
    }

    [Fact]
    public void EveryVocabularyType_AnyString_GivesValueOrJsonException()
    {
        var text = Gen.OneOf(Gen.String, Gen.Char["\uD800\uDC00\0\r\n ab-:.1Z"].Array[0, 12].Select(a => new string(a)));
        text.Sample(s =>
        {
            var json = JsonSerializer.Serialize(s);
            Refused<TenantId>(json, allowSuccess: true);
            Refused<Purpose>(json, allowSuccess: true);
            Refused<DataCategoryKey>(json, allowSuccess: true);
            Refused<Jurisdiction>(json, allowSuccess: true);
            Refused<TelephoneNumber>(json, allowSuccess: true);
            Refused<Instant>(json, allowSuccess: true);

        }, iter: 10_000);
    }

    private static readonly JsonSerializerOptions WithNodaTime = new()
    {
        Converters = { new InstantJsonConverter(), new LocalDateJsonConverter(), new PeriodJsonConverter(), new DurationJsonConverter(), new DateTimeZoneJsonConverter() },
    };

    private static void Refused<T>(string json, bool allowSuccess = false)
    {
        try
        {
            _ = JsonSerializer.Deserialize<T>(json, ContactKitJson.Options);
            Assert.True(allowSuccess, $"{typeof(T).Name} accepted {json}");
        }
        catch (JsonException)
        {
        }
    }
}
