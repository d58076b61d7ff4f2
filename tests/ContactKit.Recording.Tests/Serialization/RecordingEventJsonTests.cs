using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactKit.Recording;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Serialization;

/// <summary>
/// The event log is a published contract (version 1). One sample of every event type is kept, as JSON, in
/// <c>recording-events.v1.jsonl</c>: what this code writes must be exactly that text, and that text must read back to the
/// same events, so the contract cannot drift without a failing test.
/// </summary>
public class RecordingEventJsonTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 11, 30);

    private static readonly RecordingEvent[] Samples =
    [
        new InteractionStarted(EventId.Parse("e-01"), Tenant, CallRecording, Channel.VoiceCall, RecordingPolicy.Default, [Caller, CaliforniaCaller], true) { Interaction = InteractionId.Parse("int-1") },
        new RecordingNoticeGiven(EventId.Parse("e-02"), Caller.Id, Notice, "v3", NoticeMethod.Announcement),
        new RecordingConsentGiven(EventId.Parse("e-03"), CaliforniaCaller.Id, ConsentAnswerMethod.KeyPress, "prompt recording-consent, key 1"),
        new RecordingConsentRefused(EventId.Parse("e-04"), CaliforniaCaller.Id, ConsentAnswerMethod.Spoken, "spoken no at 00:00:14"),
        new PartyJoined(EventId.Parse("e-05"), Agent),
        new PartyLeft(EventId.Parse("e-06"), Agent.Id),
        new HandedToPerson(EventId.Parse("e-07"), Agent2),
        new CaptureStarted(EventId.Parse("e-08")),
        new CapturePaused(EventId.Parse("e-09"), UncapturedReason.SecurePayment),
        new CaptureResumed(EventId.Parse("e-10"), UncapturedReason.SecurePayment),
        new StopRequested(EventId.Parse("e-11"), Caller.Id),
        new Transferred(EventId.Parse("e-12"), Interpreter, Agent.Id, "licensing"),
        new InteractionEnded(EventId.Parse("e-13")),
        new MediaStored(EventId.Parse("e-14"), Audio),
        new TranscriptStored(EventId.Parse("e-15"), new RecordingMedia(MediaKind.Transcript, "memory://rec-1/transcript", 2048, new string('b', 64))),
        new MediaFailed(EventId.Parse("e-16"), "disk full"),
        new DeletionRequested(EventId.Parse("e-19"), ActorId.Parse("dpo"), "caller asked for erasure"),
        new DeletionAuthorised(EventId.Parse("e-20"), ActorId.Parse("records-manager")),
        new DeletionRefused(EventId.Parse("e-21"), ActorId.Parse("records-manager"), "needed for an open complaint"),
        new Disposed(EventId.Parse("e-22"), ActorId.Parse("retention-service")),
        new TranscriptStored(EventId.Parse("e-23"), new RecordingMedia(MediaKind.Transcript, "memory://rec-1/chat", 512, new string('c', 64)))
        {
            Redactions = [new TranscriptRedaction("card_number", Duration.FromSeconds(65), Duration.FromSeconds(72)), new TranscriptRedaction("email_address")],
        },
        new CardDataSeen(EventId.Parse("e-24"), 2),
    ];

    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Serialization", "recording-events.v1.jsonl");

    private static string[] Golden => File.ReadAllLines(GoldenPath);

    public static TheoryData<int> Indexes => [.. Enumerable.Range(0, Samples.Length)];

    [Fact]
    public void Samples_CoverEveryEventTypeOfTheContract()
    {
        var published = typeof(RecordingEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var concrete = typeof(RecordingEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RecordingEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(concrete, published);
        Assert.Equal(concrete, Samples.Select(s => s.GetType()).ToHashSet());
        Assert.Equal(Samples.Length, Golden.Length);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Write_EachEventType_IsExactlyTheGoldenSample(int index)
    {
        var recorded = new RecordedEvent(index + 1, At + Duration.FromSeconds(index), Samples[index]);

        Assert.Equal(Golden[index], RecordingJson.Write(recorded));
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void ReadEvent_EachGoldenSample_ReadsBackToTheSameEvent(int index)
    {
        var read = RecordingJson.ReadEvent(Golden[index]);

        Assert.Equal(new RecordedEvent(index + 1, At + Duration.FromSeconds(index), Samples[index]), read);
    }

    [Theory]
    [InlineData("""{"version":1,"at":"2026-03-02T09:00:00Z","event":{"id":"e-1"}}""")] // no type: the contract needs one
    [InlineData("""{"version":1,"at":"2026-03-02T09:00:00Z","event":{"type":"capture-exploded","id":"e-1"}}""")] // a type the contract does not have
    [InlineData("""{"version":1,"at":"2026-03-02T09:00:00Z"}""")] // no event at all
    [InlineData("{\"version\":1,\"event\":{\"type\":\"capture_started\",\"id\":\"\uD800\"}}")] // a lone surrogate
    public void ReadEvent_NotAnEventOfTheContract_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => RecordingJson.ReadEvent(json));
    }

    [Theory]
    [InlineData("""{"type":"interaction_started","id":"e-1","tenant":"council","recording":"rec-1"}""")] // no policy, no parties
    [InlineData("""{"type":"media_stored","id":"e-1"}""")] // no media
    [InlineData("""{"type":"transferred","id":"e-1","to":{"id":"p","jurisdiction":"GB"}}""")] // a party without role or requirement, no one leaving
    [InlineData("""{"type":"capture_resumed","id":"e-1"}""")] // no reason
    public void Event_ReadWithOptionalPartsMissing_CanBeWrittenBack(string json)
    {
        var read = JsonSerializer.Deserialize<RecordingEvent>(json, RecordingJson.Options)!;

        var written = JsonSerializer.Serialize(read, RecordingJson.Options);

        Assert.Equal(read, JsonSerializer.Deserialize<RecordingEvent>(written, RecordingJson.Options));
    }

    // Run once with CK_WRITE_GOLDEN=1 to create the samples file; after that the file is the contract and only grows.
    [Fact]
    public void Golden_WrittenOnRequest()
    {
        if (Environment.GetEnvironmentVariable("CK_WRITE_GOLDEN") is not "1")
        {
            return;
        }

        var lines = Samples.Select((e, i) => RecordingJson.Write(new RecordedEvent(i + 1, At + Duration.FromSeconds(i), e)));
        File.WriteAllLines(Path.Combine(Environment.GetEnvironmentVariable("CK_GOLDEN_DIR")!, "recording-events.v1.jsonl"), lines);
    }
}
