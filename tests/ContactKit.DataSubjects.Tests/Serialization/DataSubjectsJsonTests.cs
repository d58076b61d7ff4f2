using System.Text.Json;

namespace ContactKit.DataSubjects.Tests.Serialization;

/// <summary>
/// Every JSON type of the data-subject model read with its optional parts missing, written back and read again to the
/// same value; and bad text (lone surrogates, NUL) refused with <see cref="JsonException"/>.
/// </summary>
public class DataSubjectsJsonTests
{
    private const string Request = """
        {"tenant":"council","id":"req-1","subject":"caller-1","right":"Access",
         "intake":{"channel":"VoiceCall","description":"copy of my calls","identityCheck":{"checkedBy":"officer-7","outcome":"Verified"}},
         "state":"Extended","receivedAt":"2026-03-02T10:00:00Z","receivedOn":"2026-03-02","dueOn":"2026-06-02",
         "extensionNoticeDueOn":"2026-04-02","extension":{"noticeSentOn":"2026-03-10"}}
        """;

    [Fact]
    public void RightsRequest_IdentityCheckWithoutMethods_WrittenBackAfterReading()
    {
        var read = JsonSerializer.Deserialize<RightsRequest>(Request, DataSubjectsJson.Options)!;

        var again = RoundTrip(read);

        Assert.Empty(read.Intake.IdentityCheck!.Methods);
        Assert.Empty(read.Extension!.Reasons);
        Assert.Equal(read, again);
    }

    [Fact]
    public void DataSubject_WithoutIdentifiers_RoundTrips() =>
        AssertRoundTrips<DataSubject>("""{"tenant":"council","id":"caller-1","kind":"Customer"}""");

    [Fact]
    public void PersonalDataItem_OnlyRequiredParts_RoundTrips() =>
        AssertRoundTrips<PersonalDataItem>("""{"source":"crm","itemId":"c-1","category":"identifier.name","lawfulBasis":"Consent"}""");

    [Fact]
    public void PersonalDataRecord_WithoutFieldsOrParticipants_RoundTrips() =>
        AssertRoundTrips<PersonalDataRecord>("""
            {"item":{"source":"crm","itemId":"c-1","category":"identifier.name","lawfulBasis":"Consent"},
             "recording":{"recording":"rec-1","mediaReference":"media/rec-1"}}
            """);

    [Fact]
    public void ErasurePlan_WithoutDecisions_RoundTrips() =>
        AssertRoundTrips<ErasurePlan>("""
            {"tenant":"council","subject":"caller-1","request":"req-1","authorisedBy":"officer-7","authorisedOn":"2026-03-05","eraseBy":"2026-04-02"}
            """);

    [Fact]
    public void SubjectAccessExportSummary_WithoutCounts_RoundTrips() =>
        AssertRoundTrips<SubjectAccessExportSummary>("""
            {"tenant":"council","subject":"caller-1","generatedAt":"2026-03-06T09:00:00Z","totalRecords":0,"recordings":0,"recordingsForRedactionReview":0}
            """);

    [Fact]
    public void SubjectAccessExportSummary_NullCounts_ReadAsEmpty()
    {
        var read = JsonSerializer.Deserialize<SubjectAccessExportSummary>("""
            {"tenant":"council","subject":"caller-1","generatedAt":"2026-03-06T09:00:00Z","totalRecords":0,"recordsBySource":null,"recordsByCategory":null,"recordings":0,"recordingsForRedactionReview":0}
            """, DataSubjectsJson.Options)!;

        Assert.Empty(read.RecordsBySource);
        Assert.Contains("0 records", read.ToReadableText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"AB123456C\"", typeof(NationalInsuranceNumber))] // each identifier is a JSON string
    [InlineData("\"jo@example.org\"", typeof(EmailAddress))]
    [InlineData("\"SW1A 1AA\"", typeof(UkPostcode))]
    [InlineData("\"Q123 ABC\"", typeof(VehicleRegistration))]
    [InlineData("\"1980-03-14\"", typeof(DateOfBirth))]
    [InlineData("\"Jo Bloggs\"", typeof(PersonName))]
    [InlineData("{\"kind\":\"Postcode\",\"value\":\"SW1A 1AA\"}", typeof(SubjectIdentifier))]
    public void Identifier_Json_RoundTrips(string json, Type type)
    {
        var read = JsonSerializer.Deserialize(json, type, DataSubjectsJson.Options);
        var written = JsonSerializer.Serialize(read, type, DataSubjectsJson.Options);

        Assert.Equal(read, JsonSerializer.Deserialize(written, type, DataSubjectsJson.Options));
    }

    [Theory]
    [InlineData("\"\\ud800\"")] // an escaped lone high surrogate
    [InlineData("\"\\udc00 x\"")] // an escaped lone low surrogate
    [InlineData("\"AB12\\u0000CDE\"")] // a NUL inside the value
    public void VehicleRegistration_BadEscapes_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<VehicleRegistration>(json, DataSubjectsJson.Options));
    }

    [Fact]
    public void RightsRequest_LoneSurrogateInDescription_JsonException()
    {
        var json = Request.Replace("copy of my calls", "copy \\ud800 of my calls", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RightsRequest>(json, DataSubjectsJson.Options));
    }

    [Fact]
    public void SubjectIdentifier_LoneSurrogateInValue_JsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubjectIdentifier>("{\"kind\":\"Postcode\",\"value\":\"SW1A\\udfff\"}", DataSubjectsJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubjectIdentifier>("{\"kind\":\"\\ud800\",\"value\":\"x\"}", DataSubjectsJson.Options));
    }

    [Fact]
    public void DataSubjectsJson_RawLoneSurrogateText_JsonException()
    {
        var json = "\"SW1A 1AA" + '\ud800' + "\"";

        Assert.Throws<JsonException>(() => DataSubjectsJson.Deserialize<UkPostcode>(json));
    }

    private static T RoundTrip<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, DataSubjectsJson.Options);
        return JsonSerializer.Deserialize<T>(json, DataSubjectsJson.Options)!;
    }

    private static void AssertRoundTrips<T>(string json)
    {
        var read = JsonSerializer.Deserialize<T>(json, DataSubjectsJson.Options)!;
        var written = JsonSerializer.Serialize(read, DataSubjectsJson.Options);
        var again = JsonSerializer.Deserialize<T>(written, DataSubjectsJson.Options)!;

        Assert.Equal(written, JsonSerializer.Serialize(again, DataSubjectsJson.Options));
    }
}
