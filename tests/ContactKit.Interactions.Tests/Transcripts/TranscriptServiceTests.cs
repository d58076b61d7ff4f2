using System.Text;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Transcripts;

public sealed class TranscriptServiceTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Chat = InteractionId.Parse("chat-1");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId ChatRecording = RecordingId.Parse("rec-chat");
    private static readonly RecordingId CallRecording = RecordingId.Parse("rec-call");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private const string Card = "4111 1111 1111 1111";


    [Fact]
    public async Task StoreAsync_CardTypedIntoTheChat_IsRedactedBeforeItIsStoredAndFlaggedOnTheSession()
    {
        using var host = Host();
        await EndedChatAsync(host);

        var stored = await host.Transcripts.StoreAsync(ChatTranscript($"my card is {Card} thanks"));

        var text = await ReadAsync(host, stored.Value.Media.Location);
        Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1111", text, StringComparison.Ordinal);
        Assert.Contains("my card is", text, StringComparison.Ordinal);
        Assert.Equal(1, stored.Value.Report.Count(RedactionEntity.CardNumber));
        Assert.Equal(1, stored.Value.CardDataOutsidePause);

        var report = await ReportAsync(host, ChatRecording);
        Assert.Equal("card_number", Assert.Single(report.Redactions).Entity);
        Assert.Equal(1, report.CardDataSeenOutsidePause);
        Assert.Equal(RecordingState.Available, report.State);
        var sighting = Assert.Single(host.Alerts.Sightings);
        Assert.Equal((Council, Chat, ChatRecording, 1), (sighting.Tenant, sighting.Interaction, sighting.Recording, sighting.Count));
    }

    [Fact]
    public async Task StoreAsync_StoredTranscript_BecomesAnArtefactWithItsRetainedItem()
    {
        using var host = Host();
        await EndedChatAsync(host);

        var stored = await host.Transcripts.StoreAsync(ChatTranscript("hello, I'd like to book a bulky waste collection"));

        var artefact = stored.Value.Artefact;
        Assert.Equal(ArtefactKind.Transcript, artefact.Kind);
        Assert.Equal(stored.Value.Media.Sha256, artefact.Sha256);
        var item = (await host.Retention.GetAsync(Council, artefact.RetainedItem)).Value.Item;
        Assert.Equal(RecordClass.ChatTranscript, item.RecordClass);
        Assert.Equal(0, stored.Value.CardDataOutsidePause);
        Assert.Empty(host.Alerts.Sightings);
        Assert.Empty((await ReportAsync(host, ChatRecording)).Redactions);
    }

    [Fact]
    public async Task StoreAsync_CardSpokenDuringTheSecurePause_IsRedactedButNotFlagged()
    {
        using var host = Host();
        var pausedAt = await EndedCallWithSecurePauseAsync(host);
        var inPause = pausedAt - T0 + Duration.FromSeconds(2);

        var stored = await host.Transcripts.StoreAsync(SpokenTranscript(inPause));

        Assert.Equal(1, stored.Value.Report.Count(RedactionEntity.CardNumber));
        Assert.Equal(0, stored.Value.CardDataOutsidePause);
        var redaction = Assert.Single((await ReportAsync(host, CallRecording)).Redactions);
        Assert.Equal(inPause + Duration.FromMilliseconds(600), redaction.AudioStart); // the card begins at the third word
        Assert.Empty(host.Alerts.Sightings);
    }

    [Fact]
    public async Task StoreAsync_CardSpokenWhileCaptureRan_IsFlagged()
    {
        using var host = Host();
        await EndedCallWithSecurePauseAsync(host);

        var stored = await host.Transcripts.StoreAsync(SpokenTranscript(Duration.FromSeconds(1)));

        Assert.Equal(1, stored.Value.CardDataOutsidePause);
        Assert.Equal(1, (await ReportAsync(host, CallRecording)).CardDataSeenOutsidePause);
        Assert.Single(host.Alerts.Sightings);
    }

    [Fact]
    public async Task StoreAsync_RecordingStillLive_IsRefusedAndNothingIsStored()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Chat, Channel.Webchat, ChatRecording, [Caller], false, Telephony);

        var refused = await host.Transcripts.StoreAsync(ChatTranscript($"card {Card}"));

        Assert.Equal(InteractionsErrorCodes.Invalid, refused.Error?.Code);
        Assert.Equal("recording", refused.Error?.Field);
        Assert.Empty(await host.Artefacts.ReadByInteractionAsync(Council, Chat).ToListAsync());
    }

    [Fact]
    public async Task StoreArtefactAsync_Transcript_IsRefusedSoThatNoTranscriptSkipsTheRedactor()
    {
        using var host = Host();
        await EndedChatAsync(host);

        var refused = await host.Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Chat, Name = "transcript", Kind = ArtefactKind.Transcript, Recording = ChatRecording, Location = "crm/chat-1",
        });

        Assert.Equal(InteractionsErrorCodes.TranscriptNotRedacted, refused.Error?.Code);
        Assert.Empty(await host.Artefacts.ReadByInteractionAsync(Council, Chat).ToListAsync());
    }

    [Fact]
    public async Task StoreAsync_BadWordTimings_IsRefusedNamingTheWord()
    {
        using var host = Host();
        await EndedChatAsync(host);
        var bad = new TranscriptMessage(Caller.Id, Channel.Webchat, "hi") { Words = [new WordTiming(0, 40, Duration.Zero, Duration.FromSeconds(1))] };

        var refused = await host.Transcripts.StoreAsync(ChatTranscript("hello") with { Messages = [bad] });

        Assert.Equal("Words[0]", refused.Error?.Field);
    }

    private static TranscriptToStore ChatTranscript(string callerLine) => new()
    {
        Tenant = Council, Interaction = Chat, Recording = ChatRecording, Name = "transcript", Actor = Telephony,
        Messages =
        [
            new TranscriptMessage(Agent.Id, Channel.Webchat, "Hello, how can I help?"),
            new TranscriptMessage(Caller.Id, Channel.Webchat, callerLine),
        ],
    };

    // The caller reads a card out, as speech-to-text writes it, starting at the given offset into the recording.
    private static TranscriptToStore SpokenTranscript(Duration at)
    {
        var text = "it is " + Card;
        var words = new List<WordTiming>();
        var offset = 0;
        foreach (var word in text.Split(' '))
        {
            var start = at + Duration.FromMilliseconds(300 * words.Count);
            words.Add(new WordTiming(offset, word.Length, start, start + Duration.FromMilliseconds(250)));
            offset += word.Length + 1;
        }

        return new TranscriptToStore
        {
            Tenant = Council, Interaction = Call, Recording = CallRecording, Name = "transcript", Actor = Telephony,
            Messages = [new TranscriptMessage(Caller.Id, Channel.VoiceCall, text) { Words = words }],
        };
    }

    private static async Task EndedChatAsync(TestHost host)
    {
        await host.Service.StartAsync(Council, Chat, Channel.Webchat, ChatRecording, [Caller], false, Telephony);
        await host.Recordings.ApplyAsync(Council, ChatRecording, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Banner), Telephony);
        await host.Recordings.ApplyAsync(Council, ChatRecording, new CaptureStarted(EventId.New()), Telephony);
        host.Clock.AdvanceSeconds(60);
        await host.Service.EndAsync(Council, Chat, Telephony);
    }

    // Capture from T0, a secure pause from the instant returned for a minute, then capture again until the end.
    private static async Task<Instant> EndedCallWithSecurePauseAsync(TestHost host)
    {
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, CallRecording, [Caller], false, Telephony);
        await host.Recordings.ApplyAsync(Council, CallRecording, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Telephony);
        await host.Recordings.ApplyAsync(Council, CallRecording, new CaptureStarted(EventId.New()), Telephony);
        host.Clock.AdvanceSeconds(30);
        var paused = await host.Recordings.ApplyAsync(Council, CallRecording, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        host.Clock.AdvanceSeconds(60);
        await host.Recordings.ApplyAsync(Council, CallRecording, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        host.Clock.AdvanceSeconds(30);
        await host.Service.EndAsync(Council, Call, Telephony);
        return paused.Value.LastChangedAt;
    }

    private static async Task<string> ReadAsync(TestHost host, string location)
    {
        await using var stream = (await host.Media.OpenReadAsync(Council, location)).Value;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<CaptureReport> ReportAsync(TestHost host, RecordingId recording)
    {
        var session = (await host.Sessions.GetAsync(Council, recording)).Value;
        return CaptureReport.From(session, await host.Sessions.ReadEventsAsync(Council, recording).ToListAsync());
    }

    private static TestHost Host()
    {
        var clock = new SteppingClock(T0);
        var alerts = new RecordingAlerts();
        var provider = LayerFixtures.Host(clock, LayerFixtures.Schedule(), services: s => s.Replace(ServiceDescriptor.Singleton<IInteractionAlerts>(alerts)));
        return new TestHost(provider, clock, alerts);
    }


    private sealed class RecordingAlerts : IInteractionAlerts
    {
        public List<CardDataSighting> Sightings { get; } = [];

        public ValueTask CardDataSeenAsync(CardDataSighting sighting, CancellationToken cancellationToken = default)
        {
            Sightings.Add(sighting);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class TestHost(ServiceProvider provider, SteppingClock clock, RecordingAlerts alerts) : IDisposable
    {
        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public TranscriptService Transcripts { get; } = provider.GetRequiredService<TranscriptService>();

        public RecordingService Recordings { get; } = provider.GetRequiredService<RecordingService>();

        public IRecordingStore Sessions { get; } = provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media { get; } = provider.GetRequiredService<IRecordingMediaStore>();

        public IRetentionStore Retention { get; } = provider.GetRequiredService<IRetentionStore>();

        public IArtefactStore Artefacts { get; } = provider.GetRequiredService<IArtefactStore>();

        public SteppingClock Clock { get; } = clock;

        public RecordingAlerts Alerts { get; } = alerts;

        public void Dispose() => provider.Dispose();
    }
}
