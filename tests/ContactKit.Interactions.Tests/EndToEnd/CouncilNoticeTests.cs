using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 001, a council contact centre, driven through the interaction layer on the in-memory stores: the telephone
/// chatbot is not recorded and recording starts when the caller reaches an officer; recording pauses while card
/// details are taken, on the phone and in webchat; recordings and transcripts are kept six months and then securely
/// deleted, case records six years.
/// </summary>
public sealed class CouncilNoticeTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId Sweeper = ActorId.Parse("sweeper");
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Officer = new(PartyId.Parse("officer-1"), PartyRole.Agent, Jurisdiction.England);
    private static readonly PrivacyNoticeId Notice = PrivacyNoticeId.Parse("council-recording");

    // Notice 001: recordings and transcripts six months, case records six years.
    private static readonly RetentionSchedule Schedule = LayerFixtures.Schedule(
        more: new RetentionRule { Name = "case-records", RecordClass = RecordClass.CaseRecord, Trigger = RetentionTrigger.CaseClosed, Period = Period.FromYears(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask });

    [Fact]
    public async Task Call_ChatbotThenOfficerWithACardPayment_OnlyTheOfficerPartOutsideThePauseIsCaptured()
    {
        using var council = new CouncilHost();
        var call = InteractionId.Parse("call-1");
        var voice = RecordingId.Parse("call-1.voice");
        await council.Service.StartAsync(Council, call, Channel.VoiceCall, voice, [Resident], beginsWithBot: true, Telephony);
        await council.Apply(voice, new RecordingNoticeGiven(EventId.New(), Resident.Id, Notice, "v1", NoticeMethod.Announcement));

        // The chatbot is not recorded.
        var duringBot = await council.Recordings.ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), Telephony);
        Assert.Equal(RecordingErrorCodes.BotPhaseNotCaptured, duringBot.Error?.Code);
        council.Clock.Advance(Duration.FromMinutes(2));

        // Recording starts when the resident reaches an officer; it pauses while card details are taken.
        await council.Apply(voice, new HandedToPerson(EventId.New(), Officer));
        await council.Apply(voice, new CaptureStarted(EventId.New()));
        council.Clock.Advance(Duration.FromMinutes(3));
        await council.Apply(voice, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment));
        council.Clock.Advance(Duration.FromMinutes(1));
        await council.Apply(voice, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment));
        council.Clock.Advance(Duration.FromMinutes(1));
        await council.Service.EndAsync(Council, call, Telephony);

        var report = (await council.Recordings.ReportAsync(Council, voice)).Value;
        Assert.Equal(
            [(false, UncapturedReason.BotPhase), (true, (UncapturedReason?)null), (false, UncapturedReason.SecurePayment), (true, null)],
            report.Segments.Select(s => (s.Captured, s.Reason)));
        Assert.Equal(Duration.FromMinutes(4), report.Captured);
    }

    [Fact]
    public async Task Webchat_CardTypedIntoTheChat_IsNeverStoredAndIsFlaggedAsAMissedPause()
    {
        using var council = new CouncilHost();
        var chat = InteractionId.Parse("chat-1");
        var text = RecordingId.Parse("chat-1.text");
        await council.Service.StartAsync(Council, chat, Channel.Webchat, text, [Resident], false, Telephony);
        await council.Apply(text, new RecordingNoticeGiven(EventId.New(), Resident.Id, Notice, "v1", NoticeMethod.Banner));
        await council.Apply(text, new CaptureStarted(EventId.New()));
        council.Clock.Advance(Duration.FromMinutes(4));
        await council.Service.EndAsync(Council, chat, Telephony);

        var stored = await council.Transcripts.StoreAsync(new TranscriptToStore
        {
            Tenant = Council, Interaction = chat, Recording = text, Name = "transcript", Actor = Telephony,
            Messages =
            [
                new TranscriptMessage(Resident.Id, Channel.Webchat, "I want to pay for my garden waste bin"),
                new TranscriptMessage(Resident.Id, Channel.Webchat, "card is 4111 1111 1111 1111 exp 04/28"),
            ],
        });

        await using var content = (await council.Media.OpenReadAsync(Council, stored.Value.Media.Location)).Value;
        var written = await new StreamReader(content).ReadToEndAsync();
        Assert.DoesNotContain("4111", written, StringComparison.Ordinal);
        Assert.Contains("garden waste", written, StringComparison.Ordinal);
        Assert.Equal(1, (await council.Recordings.ReportAsync(Council, text)).Value.CardDataSeenOutsidePause);
    }

    [Fact]
    public async Task Retention_RecordingsAndTranscriptsGoAfterSixMonthsWithProof_CaseRecordsStaySixYears()
    {
        using var council = new CouncilHost();
        var call = InteractionId.Parse("call-2");
        var voice = RecordingId.Parse("call-2.voice");
        await council.Service.StartAsync(Council, call, Channel.VoiceCall, voice, [Resident, Officer], false, Telephony);
        await council.Apply(voice, new RecordingNoticeGiven(EventId.New(), Resident.Id, Notice, "v1", NoticeMethod.Announcement));
        await council.Apply(voice, new CaptureStarted(EventId.New()));
        council.Clock.Advance(Duration.FromMinutes(5));
        await council.Service.EndAsync(Council, call, Telephony);
        var audio = (await council.Media.PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;
        await council.Apply(voice, new MediaStored(EventId.New(), audio));
        var recording = (await council.Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = call, Name = "audio", Kind = ArtefactKind.Audio, Recording = voice, Location = audio.Location, Sha256 = audio.Sha256,
        })).Value;
        var transcript = (await council.Transcripts.StoreAsync(new TranscriptToStore
        {
            Tenant = Council, Interaction = call, Recording = voice, Name = "transcript", Actor = Telephony,
            Messages = [new TranscriptMessage(Resident.Id, Channel.VoiceCall, "my bin was not collected")],
        })).Value;
        var caseRecord = RetainedItemId.Parse("case-77");
        await council.Retention.TrackAsync(new RetainedItem { Tenant = Council, Id = caseRecord, RecordClass = RecordClass.CaseRecord, CreatedAt = Monday, Interaction = call });
        await council.Retention.RecordTriggerAsync(Council, caseRecord, RetentionTrigger.CaseClosed, council.Clock.GetCurrentInstant());

        council.Clock.Advance(Duration.FromDays(175)); // under six months: nothing goes
        Assert.Empty((await council.Planner.RunOnceAsync(Council, Sweeper, council.Disposer)).Proofs);

        council.Clock.Advance(Duration.FromDays(10)); // past six months: recordings and transcripts go, with proof
        var run = await council.Planner.RunOnceAsync(Council, Sweeper, council.Disposer);

        Assert.Equal(new[] { recording.RetainedItem, transcript.Artefact.RetainedItem }.Order(), run.Proofs.Select(p => p.Item).Order());
        Assert.All(run.Proofs, p => Assert.StartsWith("sha256:", p.ContentHash, StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.NotFound, (await council.Media.OpenReadAsync(Council, audio.Location)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await council.Media.OpenReadAsync(Council, transcript.Media.Location)).Error?.Code);
        Assert.Equal(RecordingState.Deleted, (await council.Sessions.GetAsync(Council, voice)).Value.State);
        var kept = (await council.Retention.ExplainAsync(Council, caseRecord)).Value;
        Assert.False(kept.IsDueAt(council.Clock.GetCurrentInstant()));
        Assert.Equal(council.Clock.GetCurrentInstant().InUtc().Year + 6, kept.DisposeAt!.Value.InUtc().Year, tolerance: 1);
    }

    private sealed class CouncilHost : IDisposable
    {
        private readonly ServiceProvider _provider;

        public CouncilHost()
        {
            Clock = new SteppingClock(Monday);
            _provider = LayerFixtures.Host(Clock, Schedule, configure: b => b.AddRecording(o => o.CaptureBotPhase = false)); // the chatbot is not recorded
        }

        public SteppingClock Clock { get; }

        public InteractionService Service => _provider.GetRequiredService<InteractionService>();

        public TranscriptService Transcripts => _provider.GetRequiredService<TranscriptService>();

        public RecordingService Recordings => _provider.GetRequiredService<RecordingService>();

        public RetentionService Retention => _provider.GetRequiredService<RetentionService>();

        public DisposalPlanner Planner => _provider.GetRequiredService<DisposalPlanner>();

        public IRetainedItemDisposer Disposer => _provider.GetRequiredService<IRetainedItemDisposer>();

        public IRecordingStore Sessions => _provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media => _provider.GetRequiredService<IRecordingMediaStore>();

        public async Task Apply(RecordingId recording, RecordingEvent @event) =>
            Assert.True((await Recordings.ApplyAsync(Council, recording, @event, Telephony)).IsSuccess, $"{@event.Kind} was refused");

        public void Dispose() => _provider.Dispose();
    }

}
