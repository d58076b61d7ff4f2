using System.Text.Json;
using ContactKit;
using NodaTime;

namespace ContactKit.Abstractions.Tests.Serialization;

public class NodaTimeJsonTests
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new InstantJsonConverter(), new LocalDateJsonConverter(), new PeriodJsonConverter(), new DurationJsonConverter(), new DateTimeZoneJsonConverter() },
    };

    [Fact]
    public void NodaTimeValues_AreWrittenInIsoFormAndReadBack()
    {
        var instant = Instant.FromUtc(2026, 3, 29, 1, 30, 15);
        var date = new LocalDate(2027, 2, 28);
        var period = Period.FromMonths(6);
        var duration = Duration.FromSeconds(330);
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];

        Assert.Equal("\"2026-03-29T01:30:15Z\"", JsonSerializer.Serialize(instant, Options));
        Assert.Equal("\"2027-02-28\"", JsonSerializer.Serialize(date, Options));
        Assert.Equal("\"P6M\"", JsonSerializer.Serialize(period, Options));
        Assert.Equal("\"Europe/London\"", JsonSerializer.Serialize(zone, Options));
        Assert.Equal(instant, JsonSerializer.Deserialize<Instant>(JsonSerializer.Serialize(instant, Options), Options));
        Assert.Equal(date, JsonSerializer.Deserialize<LocalDate>(JsonSerializer.Serialize(date, Options), Options));
        Assert.Equal(period, JsonSerializer.Deserialize<Period>(JsonSerializer.Serialize(period, Options), Options));
        Assert.Equal(duration, JsonSerializer.Deserialize<Duration>(JsonSerializer.Serialize(duration, Options), Options));
        Assert.Equal(zone, JsonSerializer.Deserialize<DateTimeZone>(JsonSerializer.Serialize(zone, Options), Options));
    }

    [Fact]
    public void Period_IsNeverNormalised()
    {
        var twelveMonths = Period.FromMonths(12);

        var back = JsonSerializer.Deserialize<Period>(JsonSerializer.Serialize(twelveMonths, Options), Options);

        Assert.Equal(twelveMonths, back);
        Assert.NotEqual(Period.FromYears(1), back);
    }

    [Theory]
    [InlineData("\"2026-13-01\"")]   // no month 13
    [InlineData("20260101")]         // a number, not a string
    public void LocalDate_Malformed_ThrowsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>(json, Options));

    [Fact]
    public void AuditEntry_Json_RoundTripsWithEveryField()
    {
        var entry = new AuditEntry
        {
            Tenant = TenantId.Parse("council"),
            OccurredAt = Instant.FromUtc(2026, 11, 23, 10, 0),
            Actor = ActorId.Parse("agent-3"),
            Action = "recording.paused",
            Resource = ResourceRef.Recording(RecordingId.Parse("rec-1")),
            Subject = DataSubjectId.Parse("caller-9"),
            Reason = "secure payment",
            CorrelationId = CorrelationId.Parse("call-1"),
            Details = new Dictionary<string, string> { ["reason"] = "SecurePayment" },
            Sequence = 4,
        };

        var json = JsonSerializer.Serialize(entry, ContactKitJson.Options);
        var back = JsonSerializer.Deserialize<AuditEntry>(json, ContactKitJson.Options);

        Assert.Equal(entry, back);
        Assert.Contains("\"occurredAt\":\"2026-11-23T10:00:00Z\"", json, StringComparison.Ordinal);
    }
}
