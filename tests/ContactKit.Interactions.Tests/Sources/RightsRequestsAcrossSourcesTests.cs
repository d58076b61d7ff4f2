using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static ContactKit.Interactions.Tests.Erasure.ErasureFixtures;

namespace ContactKit.Interactions.Tests.Sources;

/// <summary>
/// A subject's rights requests reach what the interaction layer holds with no source written by the host: the
/// recordings and transcripts of every interaction they took part in, and the consent ledger's records about them.
/// </summary>
public sealed class RightsRequestsAcrossSourcesTests
{
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");
    private static readonly RecordingParty CallerParty = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent-3"), PartyRole.Agent, Jurisdiction.England);
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("recording-notice"), 2, "en-GB", new string('c', 64));

    [Fact]
    public async Task SubjectAccess_CallTheSubjectTookPartIn_ExportHasTheRecordingWithTheAgentFlaggedAndTheConsentEvidence()
    {
        using var host = await CallWithAudioAndTranscriptAsync();

        using var destination = new MemoryStream();
        var summary = await host.Exporter.ExportAsync(Council, Caller, destination);

        Assert.Equal(1, summary.Recordings);
        Assert.Equal(1, summary.RecordingsForRedactionReview);
        Assert.Equal(2, summary.RecordsBySource["interactions"]);
        Assert.Equal(1, summary.RecordsBySource["consent-ledger"]);
        var json = System.Text.Encoding.UTF8.GetString(destination.ToArray());
        Assert.Contains("call-1.voice", json, StringComparison.Ordinal); // the recording, and the ledger's evidence naming it
        Assert.Contains("recording-notice/v2/en-GB", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectAccess_AnotherSubject_GetsNothingOfTheCall()
    {
        using var host = await CallWithAudioAndTranscriptAsync();

        using var destination = new MemoryStream();
        var summary = await host.Exporter.ExportAsync(Council, DataSubjectId.Parse("someone-else"), destination);

        Assert.Equal(0, summary.TotalRecords);
    }

    [Fact]
    public async Task Erasure_RecordingsAreErasedWithProofAndTheSessionTombstoned_TheConsentRecordIsKept()
    {
        using var host = await CallWithAudioAndTranscriptAsync();
        var plan = (await host.Erasure.PlanAsync(Authorised(Monday2March))).Value;

        var answer = await host.Erasure.ExecuteAsync(plan);

        Assert.Empty(answer.Failed);
        Assert.Equal(["interactions", "interactions"], answer.Erased.Select(d => d.Item.Source));
        var kept = Assert.Single(answer.Kept);
        Assert.Equal(("consent-ledger", "Art 17(3)(b)"), (kept.Item.Source, kept.Article));
        foreach (var erased in answer.Erased)
        {
            var item = (await host.Retention.GetAsync(Council, erased.Item.RetainedItem!.Value)).Value;
            Assert.True(item.IsDisposed);
            var artefact = (await host.Artefacts.GetAsync(Council, erased.Item.RetainedItem.Value)).Value;
            Assert.Equal(DisposalReason.Erasure, artefact.DisposedBecause);
            Assert.Equal(ErrorCodes.NotFound, (await host.Media.OpenReadAsync(Council, artefact.Location!)).Error?.Code);
        }

        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
        var audited = await host.Audit.ReadByResourceAsync(Council, ResourceRef.RightsRequest(plan.Request)).ToListAsync();
        Assert.Equal(2, audited.Count(e => e.Action == "erasure.item_erased" && e.Details["content_hash"].StartsWith("sha256:", StringComparison.Ordinal)));
        var after = await host.Exporter.ExportAsync(Council, Caller, Stream.Null);
        Assert.Equal(0, after.RecordsBySource.GetValueOrDefault("interactions"));
    }

    [Fact]
    public async Task Erasure_InteractionUnderHold_NothingOfItIsErased()
    {
        using var host = await CallWithAudioAndTranscriptAsync();
        await host.Holds.PlaceHoldAsync(Council, HoldTarget.ForInteraction(Call), "complaint under investigation", Officer);
        var plan = (await host.Erasure.PlanAsync(Authorised(Monday2March))).Value;

        var answer = await host.Erasure.ExecuteAsync(plan);

        Assert.Empty(answer.Erased);
        Assert.Equal(3, answer.Kept.Length);
        Assert.All(answer.Kept.Where(d => d.Item.Source == "interactions"), d => Assert.Contains("complaint under investigation", d.Reason, StringComparison.Ordinal));
        Assert.Equal(RecordingState.Available, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
    }

    [Fact]
    public async Task Erase_ConsentRecordAskedForDirectly_RefusedAsKeptEvidence()
    {
        using var host = await CallWithAudioAndTranscriptAsync();
        var source = host.Registry.Get("consent-ledger").Value;
        var record = Assert.Single(await source.FindAsync(Council, Caller).ToListAsync());

        var erased = await source.EraseAsync(Council, Caller, record.ItemId);

        Assert.Equal(InteractionsErrorCodes.ConsentEvidenceKept, erased.Error?.Code);
        Assert.Single(await source.FindAsync(Council, Caller).ToListAsync());
    }

    [Fact]
    public async Task Erase_ArtefactOfAnInteractionTheSubjectWasNotIn_NotFoundAndKept()
    {
        using var host = await CallWithAudioAndTranscriptAsync();
        var source = host.Registry.Get("interactions").Value;
        var audio = StoredArtefact.RetainedItemFor(Call, "audio").Value;

        var erased = await source.EraseAsync(Council, DataSubjectId.Parse("someone-else"), audio);

        Assert.Equal(ErrorCodes.NotFound, erased.Error?.Code);
        Assert.False((await host.Artefacts.GetAsync(Council, StoredArtefact.RetainedItemFor(Call, "audio"))).Value.IsDisposed);
    }

    // One call: the caller, identified as the subject, is told the call is recorded; an agent joins; the audio and a
    // transcript are stored.
    private static async Task<TestHost> CallWithAudioAndTranscriptAsync()
    {
        var clock = new SteppingClock(At(Monday2March));
        var host = new TestHost(LayerFixtures.Host(clock, LayerFixtures.Schedule()));
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [CallerParty, Agent], false, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, CallerParty.Id, Caller);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, CallerParty.Id, Notice, NoticeMethod.Announcement, Telephony);
        await host.Recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony);
        clock.Advance(Duration.FromMinutes(4));
        await host.Service.EndAsync(Council, Call, Telephony);
        var audio = (await host.Media.PutAsync(Council, Voice, MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;
        await host.Recordings.ApplyAsync(Council, Voice, new MediaStored(EventId.New(), audio), Telephony);
        _ = (await host.Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Call, Name = "audio", Kind = ArtefactKind.Audio, Recording = Voice, Location = audio.Location, Sha256 = audio.Sha256,
        })).Value;
        _ = (await host.Transcripts.StoreAsync(new TranscriptToStore
        {
            Tenant = Council, Interaction = Call, Recording = Voice, Name = "transcript", Actor = Telephony,
            Messages = [new TranscriptMessage(CallerParty.Id, Channel.VoiceCall, "I would like to change my address")],
        })).Value;
        return host;
    }

    private sealed class TestHost(ServiceProvider provider) : IDisposable
    {
        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public TranscriptService Transcripts { get; } = provider.GetRequiredService<TranscriptService>();

        public RecordingService Recordings { get; } = provider.GetRequiredService<RecordingService>();

        public IRecordingStore Sessions { get; } = provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media { get; } = provider.GetRequiredService<IRecordingMediaStore>();

        public IArtefactStore Artefacts { get; } = provider.GetRequiredService<IArtefactStore>();

        public IRetentionStore Retention { get; } = provider.GetRequiredService<IRetentionStore>();

        public RetentionService Holds { get; } = provider.GetRequiredService<RetentionService>();

        public IAuditTrail Audit { get; } = provider.GetRequiredService<IAuditTrail>();

        public SubjectAccessExporter Exporter { get; } = provider.GetRequiredService<SubjectAccessExporter>();

        public ErasureService Erasure { get; } = provider.GetRequiredService<ErasureService>();

        public IPersonalDataSourceRegistry Registry { get; } = provider.GetRequiredService<IPersonalDataSourceRegistry>();

        public void Dispose() => provider.Dispose();
    }
}
