using System.Text.Json;
using ContactKit.Consent.Ledger;
using ContactKit.Consent.Notices;
using ContactKit.Consent.Serialization;
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
}
