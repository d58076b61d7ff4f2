using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Hosting.Tests.Disposal;

public sealed class DeletionOnRequestSweepTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Staff = ActorId.Parse("records-officer");
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);

    [Fact]
    public async Task SweepOnce_AuthorisedDeletionRequest_IsCarriedOutWithTheRecordingTombstoned()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit()
            .AddRetention(o => o.Schedule = new RetentionSchedule
            {
                Name = "council",
                Rules =
                [
                    new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                    new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                    new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                ],
            })
            .AddInteractions()
            .AddHosting(o => o.Tenants.Add("council"))
            .AddDisposalSweep()
            .UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var interactions = provider.GetRequiredService<InteractionService>();
        var recordings = provider.GetRequiredService<RecordingService>();
        var deletions = provider.GetRequiredService<DeletionRequestService>();
        var call = InteractionId.Parse("call-1");
        var voice = RecordingId.Parse("call-1.voice");
        await interactions.StartAsync(Council, call, Channel.VoiceCall, voice, [Caller], false, Staff);
        await recordings.ApplyAsync(Council, voice, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Staff);
        await recordings.ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), Staff);
        clock.AdvanceMinutes(3);
        await interactions.EndAsync(Council, call, Staff);
        var media = (await provider.GetRequiredService<IRecordingMediaStore>().PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([4, 5, 6]))).Value;
        await recordings.ApplyAsync(Council, voice, new MediaStored(EventId.New(), media), Staff);
        await interactions.StoreArtefactAsync(new ArtefactToStore { Tenant = Council, Interaction = call, Name = "audio", Kind = ArtefactKind.Audio, Recording = voice, Location = media.Location, Sha256 = media.Sha256 });
        var request = await deletions.RequestAsync(Council, call, voice, Staff, "the caller asked");
        await deletions.AuthoriseAsync(Council, request.Value.Id, Staff);

        var report = await provider.GetRequiredService<DisposalSweep>().SweepOnceAsync();

        Assert.Equal(1, report.Disposed);
        Assert.Equal(DeletionRequestState.Completed, (await provider.GetRequiredService<IDeletionRequestStore>().GetAsync(Council, request.Value.Id)).Value.State);
        Assert.Equal(RecordingState.Deleted, (await provider.GetRequiredService<IRecordingStore>().GetAsync(Council, voice)).Value.State);
    }
}
