using System.Text.Json;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Consent.Tests.Serialization;

public class ConsentJsonTests
{
    [Fact]
    public void ConsentRecord_RoundTrips_WithEvidenceAndNotice()
    {
        var record = new ConsentRecord
        {
            Id = ConsentRecordId.Parse("cr-1"),
            Tenant = TenantId.Parse("council"),
            Subject = DataSubjectId.Parse("caller-1"),
            Controller = "Fen and Marsh Council",
            Purposes = [Purpose.Training, Purpose.QualityMonitoring],
            DataCategories = [DataCategories.CallRecording.Key],
            Channel = Channel.VoiceCall,
            Status = ConsentStatus.Given,
            Method = ConsentMethod.KeyPress,
            Notice = new NoticeReference(PrivacyNoticeId.Parse("n"), 2, "en-GB", new string('f', 64)),
            Evidence = new ConsentEvidence(RecordingId.Parse("rec-1"), Duration.FromSeconds(12)),
            RecordedAt = Instant.FromUtc(2026, 1, 2, 3, 4),
            Sequence = 7,
        };

        var json = JsonSerializer.Serialize(record, ConsentJson.Options.GetTypeInfo(typeof(ConsentRecord)));
        var back = (ConsentRecord?)JsonSerializer.Deserialize(json, ConsentJson.Options.GetTypeInfo(typeof(ConsentRecord)));

        Assert.Equal(record, back);
        Assert.Contains("\"method\":\"KeyPress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"recordedAt\":\"2026-01-02T03:04:00Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivacyNoticeVersion_RoundTrips_WithItsSectionsAndHash()
    {
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var at = Instant.FromUtc(2026, 1, 5, 9, 0);
        var draft = new NoticeDraft("Title", [new NoticeSection("One", "First"), new NoticeSection("Two", "Second")]);
        var version = PrivacyNoticeHistory.Create(TenantId.Parse("council"), PrivacyNoticeId.Parse("n"), "cy-GB").Value
            .Publish(draft, at, at, Period.FromDays(30), london).Value.Versions[0];

        var json = JsonSerializer.Serialize(version, ConsentJson.Options.GetTypeInfo(typeof(PrivacyNoticeVersion)));
        var back = (PrivacyNoticeVersion?)JsonSerializer.Deserialize(json, ConsentJson.Options.GetTypeInfo(typeof(PrivacyNoticeVersion)));

        Assert.Equal(version, back);
        Assert.Equal(draft.ContentHash("cy-GB"), back!.ContentHash);
    }

    [Fact]
    public void ConsentRecord_ReadWithoutDataCategories_CanBeWrittenBackAndReadAgain()
    {
        // A record read without "dataCategories" held a default array, and writing it back threw InvalidOperationException.
        const string json = """
            {"id":"cr-1","tenant":"t","subject":"s","controller":"C","purposes":["marketing"],"channel":"WebForm",
             "status":"Refused","method":"OptInTick","recordedAt":"2026-01-02T03:04:00Z"}
            """;

        var record = RoundTrip<ConsentRecord>(json);

        Assert.Empty(record.DataCategories);
        Assert.False(record.DataCategories.IsDefault);
    }

    [Theory]
    [InlineData("{\"id\":\"cr-1\",\"tenant\":\"t\",\"subject\":\"s\",\"controller\":\"C\",\"purposes\":[\"marketing\"],\"channel\":\"VoiceCall\",\"status\":\"Given\",\"method\":\"KeyPress\",\"recordedAt\":\"2026-01-02T03:04:00Z\",\"notice\":{\"noticeId\":\"n\",\"version\":1,\"language\":\"en\",\"contentHash\":\"h\"},\"evidence\":{}}")] // evidence with no parts
    public void ConsentRecord_OptionalPartsMissing_RoundTrips(string json) => RoundTrip<ConsentRecord>(json);

    [Fact]
    public void ConsentRecordList_Empty_RoundTrips() => Assert.Empty(RoundTrip<IReadOnlyList<ConsentRecord>>("[]"));

    [Theory]
    [InlineData("""{"tenant":"t","noticeId":"n","language":"en-GB","version":1,"content":{"title":"T","sections":[{"heading":"H","body":"B"}]},"publishedAt":"2026-01-02T03:04:00Z","effectiveFrom":"2026-01-02T03:04:00Z","contentHash":"h"}""")] // no short-notice override
    [InlineData("""{"tenant":"t","noticeId":"n","language":"en-GB","version":1,"content":{"title":"T"},"publishedAt":"2026-01-02T03:04:00Z","effectiveFrom":"2026-01-02T03:04:00Z","contentHash":"h"}""")] // content without sections
    [InlineData("""{"tenant":"t","noticeId":"n","language":"en-GB","version":1,"content":{"title":"T","sections":[]},"publishedAt":"2026-01-02T03:04:00Z","effectiveFrom":"2026-01-02T03:04:00Z","contentHash":"h","shortNoticeOverride":null}""")] // the override written as null
    public void PrivacyNoticeVersion_OptionalPartsMissing_RoundTrips(string json) => RoundTrip<PrivacyNoticeVersion>(json);

    [Theory]
    [InlineData("""{"kind":"OptedIn","at":"2026-01-02T03:04:00Z"}""")] // only the required parts
    [InlineData("""{"kind":"OptedIn","at":"2026-01-02T03:04:00Z","channel":null,"route":null,"partner":null,"evidence":null}""")] // every optional part null
    public void MarketingEvent_OptionalPartsMissing_RoundTrips(string json) => RoundTrip<MarketingEvent>(json);

    [Fact]
    public void MarketingEventList_Empty_RoundTrips() => Assert.Empty(RoundTrip<IReadOnlyList<MarketingEvent>>("[]"));

    [Theory]
    [InlineData("""{"id":"a\uD800","tenant":"t"}""")] // a lone surrogate in an id
    [InlineData("""{"id":"cr-1","tenant":"t","subject":"s","controller":"C\uDC00","purposes":["marketing"],"channel":"WebForm","status":"Refused","method":"OptInTick","recordedAt":"2026-01-02T03:04:00Z"}""")] // in plain text
    [InlineData("""{"id":"cr-1","tenant":"t","subject":"s","controller":"C","purposes":["marketing"],"channel":"WebForm","status":"Refused","method":"OptInTick","recordedAt":"2026-01-02T03:04:00Z\u0000x"}""")] // a NUL after an instant
    public void ConsentRecord_BadText_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ConsentJson.Options.GetTypeInfo(typeof(ConsentRecord))));

    private static T RoundTrip<T>(string json)
    {
        var info = ConsentJson.Options.GetTypeInfo(typeof(T));
        var read = (T)JsonSerializer.Deserialize(json, info)!;
        var written = JsonSerializer.Serialize(read, info);
        var again = (T)JsonSerializer.Deserialize(written, info)!;
        Assert.Equal(written, JsonSerializer.Serialize(again, info));
        if (read is not System.Collections.IEnumerable)
        {
            Assert.Equal(read, again);
        }

        return again;
    }
}
