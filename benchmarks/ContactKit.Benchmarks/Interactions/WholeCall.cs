using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Benchmarks.Interactions;

/// <summary>
/// One whole call through the interaction layer, as the benchmarks drive it on any stores: started with the caller and a
/// bot phase, notice given, handed to an agent, captured, paused for a card payment and resumed, transferred, ended, the
/// audio stored and its retained item created.
/// </summary>
public static class WholeCall
{
    /// <summary>The tenant of every benchmark call.</summary>
    public static readonly TenantId Tenant = TenantId.Parse("council");

    /// <summary>The recording events one call writes to the recording's event log.</summary>
    public const int RecordingEvents = 9;

    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Specialist = new(PartyId.Parse("specialist"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private static readonly PrivacyNoticeId Notice = PrivacyNoticeId.Parse("recording");
    private static readonly RecordingMedia Audio = new(MediaKind.Audio, "memory://audio", 1024, new string('a', 64), Duration.FromMinutes(4));

    /// <summary>The council's schedule: recordings and transcripts kept six months after the interaction ends.</summary>
    public static RetentionSchedule Schedule => new()
    {
        Name = "council",
        Rules =
        [
            new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
        ],
    };

    /// <summary>The interaction and recording ids of call <paramref name="name"/>.</summary>
    public static (InteractionId Interaction, RecordingId Recording) Ids(string name) => (InteractionId.Parse($"call-{name}"), RecordingId.Parse($"rec-{name}"));

    /// <summary>Runs call <paramref name="name"/> from the first ring to its stored audio.</summary>
    /// <param name="service">The interaction layer.</param>
    /// <param name="recordings">The recording service.</param>
    /// <param name="name">Names the call's ids; unique in the stores.</param>
    /// <returns>The stored audio.</returns>
    public static async Task<StoredArtefact> RunAsync(InteractionService service, RecordingService recordings, string name)
    {
        var (interaction, recording) = Ids(name);
        await service.StartAsync(Tenant, interaction, Channel.VoiceCall, recording, [Caller], true, Telephony);
        await recordings.ApplyAsync(Tenant, recording, new RecordingNoticeGiven(EventId.New(), Caller.Id, Notice, "v1", NoticeMethod.Announcement), Telephony);
        await service.HandOverAsync(Tenant, interaction, recording, Agent, Telephony);
        await recordings.ApplyAsync(Tenant, recording, new CaptureStarted(EventId.New()), Telephony);
        await recordings.ApplyAsync(Tenant, recording, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        await recordings.ApplyAsync(Tenant, recording, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment), Telephony);
        await service.TransferAsync(Tenant, interaction, recording, Specialist, Agent.Id, "licensing", Telephony);
        await service.EndAsync(Tenant, interaction, Telephony);
        await recordings.ApplyAsync(Tenant, recording, new MediaStored(EventId.New(), Audio), Telephony);
        var stored = await service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Tenant, Interaction = interaction, Name = "audio", Kind = ArtefactKind.Audio, Recording = recording, Location = Audio.Location, Sha256 = Audio.Sha256,
        });
        return stored.IsSuccess ? stored.Value : throw new InvalidOperationException($"call {name}: {stored.Error}");
    }
}
