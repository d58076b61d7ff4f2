using System.Security.Cryptography;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Disposal;

public sealed class ArtefactDisposerTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId Worker = ActorId.Parse("sweeper-1");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly byte[] Audio = [1, 2, 3, 4, 5, 6, 7, 8];


    [Fact]
    public async Task Sweep_DueRecording_DeletesTheBytesTombstonesTheSessionAndLeavesProofWithTheirHash()
    {
        using var host = Host();
        var stored = await RecordedCallAsync(host);
        host.Clock.Advance(Duration.FromDays(190));

        var run = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);

        var proof = Assert.Single(run.Proofs);
        Assert.Equal(stored.RetainedItem, proof.Item);
        Assert.Equal($"sha256:{Convert.ToHexStringLower(SHA256.HashData(Audio))}", proof.ContentHash);
        Assert.Equal(ErrorCodes.NotFound, (await host.Media.OpenReadAsync(Council, stored.Location!)).Error?.Code);
        Assert.True((await host.Artefacts.GetAsync(Council, stored.RetainedItem)).Value.IsDisposed);
        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
    }

    [Fact]
    public async Task Sweep_DisposedRecording_AccessIsRefusedAndAudited()
    {
        using var host = Host();
        var stored = await RecordedCallAsync(host);
        host.Clock.Advance(Duration.FromDays(190));
        await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);
        var access = host.Provider.GetRequiredService<RecordingAccessService>();

        var opened = await access.OpenAsync(new RecordingAccessRequest(Council, Voice, ActorId.Parse("officer-1"), "complaints", RecordingAccessKind.Play, Purpose.ComplaintHandling, "complaint 42"), stored.Location!);

        Assert.Equal(RecordingErrorCodes.RecordingDeleted, opened.Error?.Code);
        var audit = await host.Provider.GetRequiredService<IAuditTrail>().ReadByResourceAsync(Council, ResourceRef.Recording(Voice)).ToListAsync();
        Assert.Contains(audit, e => e.Action == "recording.access_denied");
    }

    [Fact]
    public async Task Sweep_InteractionUnderHold_DisposesNothing()
    {
        using var host = Host();
        var stored = await RecordedCallAsync(host);
        await host.Provider.GetRequiredService<RetentionService>().PlaceHoldAsync(Council, HoldTarget.ForInteraction(Call), "complaint under investigation", ActorId.Parse("dpo"));
        host.Clock.Advance(Duration.FromDays(190));

        var run = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);

        Assert.Empty(run.Proofs);
        Assert.True((await host.Media.OpenReadAsync(Council, stored.Location!)).IsSuccess);
        Assert.Equal(RecordingState.Available, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
    }

    [Fact]
    public async Task Sweep_WorkerStoppedAfterDeletingTheBytes_NextSweepCompletesItOnceWithProof()
    {
        using var host = Host();
        var stored = await RecordedCallAsync(host);
        host.Clock.Advance(Duration.FromDays(190));

        // The first worker claims the item, deletes its content and stops before recording the proof.
        var claimed = Assert.Single(await host.Planner.TakeDueAsync(Council, Worker));
        var begun = await host.Planner.BeginAsync(claimed, Worker);
        Assert.True((await host.Disposer.DisposeAsync(begun.Value)).IsSuccess);
        Assert.Empty(await host.Sweeps());

        // Its claim lapses; the next sweep takes the item again.
        host.Clock.Advance(host.Provider.GetRequiredService<IOptions<RetentionOptions>>().Value.ClaimTimeout + Duration.FromSeconds(1));
        var run = await host.Planner.RunOnceAsync(Council, ActorId.Parse("sweeper-2"), host.Disposer);
        var again = await host.Planner.RunOnceAsync(Council, ActorId.Parse("sweeper-2"), host.Disposer);

        var proof = Assert.Single(run.Proofs);
        Assert.Equal($"sha256:{Convert.ToHexStringLower(SHA256.HashData(Audio))}", proof.ContentHash);
        Assert.Empty(again.Proofs);
        Assert.Single(await host.Sweeps());
        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
    }

    [Fact]
    public async Task DisposeAsync_ItemThatIsNoArtefact_IsRefusedSoTheHostRegistersItsOwnDisposer()
    {
        using var host = Host();
        var item = new StoredRetainedItem { Item = new RetainedItem { Tenant = Council, Id = RetainedItemId.Parse("crm-case-9"), RecordClass = RecordClass.CaseRecord, CreatedAt = T0 } };

        var result = await host.Disposer.DisposeAsync(item);

        Assert.Equal(ErrorCodes.NotFound, result.Error?.Code);
        Assert.Contains("IRetainedItemDisposer", result.Error!.Message, StringComparison.Ordinal);
    }

    // A call captured and ended, its audio stored in the media store and kept as an artefact.
    private static async Task<StoredArtefact> RecordedCallAsync(TestHost host)
    {
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Caller], false, Telephony);
        await host.Recordings.ApplyAsync(Council, Voice, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Telephony);
        await host.Recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony);
        host.Clock.Advance(Duration.FromMinutes(5));
        await host.Service.EndAsync(Council, Call, Telephony);
        var media = (await host.Media.PutAsync(Council, Voice, MediaKind.Audio, new MemoryStream(Audio))).Value;
        await host.Recordings.ApplyAsync(Council, Voice, new MediaStored(EventId.New(), media), Telephony);
        return (await host.Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Call, Name = "rec-voice.audio", Kind = ArtefactKind.Audio, Recording = Voice, Location = media.Location, Sha256 = media.Sha256,
        })).Value;
    }

    private static TestHost Host()
    {
        var clock = new SteppingClock(T0);
        return new TestHost(LayerFixtures.Host(clock, LayerFixtures.Schedule()), clock);
    }


    private sealed class TestHost(ServiceProvider provider, SteppingClock clock) : IDisposable
    {
        public ServiceProvider Provider { get; } = provider;

        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public RecordingService Recordings { get; } = provider.GetRequiredService<RecordingService>();

        public IRecordingStore Sessions { get; } = provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media { get; } = provider.GetRequiredService<IRecordingMediaStore>();

        public IArtefactStore Artefacts { get; } = provider.GetRequiredService<IArtefactStore>();

        public DisposalPlanner Planner { get; } = provider.GetRequiredService<DisposalPlanner>();

        public IRetainedItemDisposer Disposer { get; } = provider.GetRequiredService<IRetainedItemDisposer>();

        public SteppingClock Clock { get; } = clock;

        // The retention proofs written for the artefact's item.
        public async Task<List<AuditEntry>> Sweeps() =>
            (await Provider.GetRequiredService<IAuditTrail>().ReadByResourceAsync(Council, ResourceRef.Recording(Voice)).ToListAsync())
                .Where(e => e.Action == DisposalPlanner.DisposedAction).ToList();

        public void Dispose() => Provider.Dispose();
    }
}
