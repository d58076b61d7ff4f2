using BenchmarkDotNet.Attributes;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Benchmarks.Interactions;

/// <summary>
/// One whole interaction through the interaction layer on the in-memory stores: start with the caller, notice given,
/// handover from the bot to an agent, capture, a secure-payment pause and its end, a transfer, the end, the audio stored
/// and its retained item created. Budget: under 50 microseconds and 32 KB allocated.
/// </summary>
[MemoryDiagnoser]
public class InteractionBenchmarks
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Specialist = new(PartyId.Parse("specialist"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private static readonly PrivacyNoticeId Notice = PrivacyNoticeId.Parse("recording");
    private static readonly RecordingMedia Audio = new(MediaKind.Audio, "memory://audio", 1024, new string('a', 64), Duration.FromMinutes(4));

    private ServiceProvider _provider = null!;
    private InteractionService _service = null!;
    private RecordingService _recordings = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(Instant.FromUtc(2026, 3, 2, 9, 0), Duration.FromSeconds(1)));
        services.AddContactKit().AddRetention(o => o.Schedule = new RetentionSchedule
        {
            Name = "council",
            Rules =
            [
                new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            ],
        }).AddInteractions().UseInMemoryStores();
        _provider = services.BuildServiceProvider();
        _service = _provider.GetRequiredService<InteractionService>();
        _recordings = _provider.GetRequiredService<RecordingService>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public async Task<StoredArtefact> WholeInteraction()
    {
        var n = _next++;
        var interaction = InteractionId.Parse($"call-{n}");
        var recording = RecordingId.Parse($"rec-{n}");
        await _service.StartAsync(Tenant, interaction, Channel.VoiceCall, recording, [Caller], true, Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new RecordingNoticeGiven(EventId.New(), Caller.Id, Notice, "v1", NoticeMethod.Announcement), Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new HandedToPerson(EventId.New(), Agent), Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new CaptureStarted(EventId.New()), Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new Transferred(EventId.New(), Specialist, Agent.Id, "licensing"), Telephony);
        await _service.EndAsync(Tenant, interaction, Telephony);
        await _recordings.ApplyAsync(Tenant, recording, new MediaStored(EventId.New(), Audio), Telephony);
        var stored = await _service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Tenant, Interaction = interaction, Name = "audio", Kind = ArtefactKind.Audio, Recording = recording, Location = Audio.Location, Sha256 = Audio.Sha256,
        });
        return stored.Value;
    }
}
