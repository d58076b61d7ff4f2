using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Deletion;

public sealed class DeletionRequestServiceTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId Officer = ActorId.Parse("records-officer");
    private static readonly ActorId Worker = ActorId.Parse("sweeper-1");
    private static readonly Instant Friday = Instant.FromUtc(2026, 3, 6, 10, 0); // 28 days later is Good Friday
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);

    [Fact]
    public async Task Authorise_Request_IsDueWithin28DaysAndTheMediaCannotBeUsedAnyMore()
    {
        using var host = Host();
        await RecordedCallAsync(host);
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked for the recording to be deleted");

        var authorised = await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);

        Assert.Equal(DeletionRequestState.Authorised, authorised.Value.State);
        Assert.Equal(new LocalDate(2026, 4, 7), authorised.Value.DueBy); // Good Friday and Easter Monday are bank holidays
        Assert.Equal(RecordingState.DeletionAuthorised, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
        Assert.False(authorised.Value.IsOverdue(new LocalDate(2026, 4, 7)));
        Assert.True(authorised.Value.IsOverdue(new LocalDate(2026, 4, 8)));
    }

    [Fact]
    public async Task CarryOutDue_AuthorisedRequest_DeletesTheContentTombstonesTheSessionAndLeavesProof()
    {
        using var host = Host();
        var audio = await RecordedCallAsync(host);
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked for the recording to be deleted");
        await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);

        var (completed, failed) = await host.Deletions.CarryOutDueAsync(Council, Worker);
        var again = await host.Deletions.CarryOutDueAsync(Council, Worker);

        Assert.Empty(failed);
        Assert.Equal(DeletionRequestState.Completed, Assert.Single(completed).State);
        Assert.Empty(again.Completed);
        Assert.Equal(ErrorCodes.NotFound, (await host.Media.OpenReadAsync(Council, audio.Location!)).Error?.Code);
        Assert.Equal(DisposalReason.Request, (await host.Artefacts.GetAsync(Council, audio.RetainedItem)).Value.DisposedBecause);
        Assert.True((await host.Provider.GetRequiredService<IRetentionStore>().GetAsync(Council, audio.RetainedItem)).Value.IsDisposed);
        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
        var proof = Assert.Single(await host.Provider.GetRequiredService<IAuditTrail>().ReadByResourceAsync(Council, ResourceRef.Recording(Voice)).ToListAsync(), e => e.Action == DeletionRequestService.DeletedAction);
        Assert.Equal($"sha256:{audio.Sha256}", proof.Details["content_hash"]);
        Assert.Equal(request.Value.Id.Value, proof.Details["request"]);
    }

    [Theory]
    [InlineData(true)] // stopped after the item was recorded disposed of with its proof, before the artefact was marked
    [InlineData(false)] // stopped after the content was deleted, before anything was recorded
    public async Task CarryOutDue_StoppedPartWay_TheNextRunFinishesWithExactlyOneProof(bool afterTheProof)
    {
        var artefacts = new StoppingArtefactStore();
        var retention = new StoppingRetentionStore();
        using var host = new TestHost(LayerFixtures.Host(FakeClocks.At(Friday, Duration.FromSeconds(1)), LayerFixtures.Schedule(), services =>
        {
            services.AddSingleton<IArtefactStore>(artefacts);
            services.AddSingleton<IRetentionStore>(sp => retention.Over(new InMemoryRetentionStore(sp.GetRequiredService<IAuditTrail>())));
        }));
        var audio = await RecordedCallAsync(host);
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked for the recording to be deleted");
        await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);
        artefacts.StopMarkingDisposed = afterTheProof;
        retention.StopCompleting = !afterTheProof;

        var stopped = await host.Deletions.CarryOutDueAsync(Council, Worker);
        (artefacts.StopMarkingDisposed, retention.StopCompleting) = (false, false);
        var resumed = await host.Deletions.CarryOutDueAsync(Council, Worker);

        Assert.Empty(stopped.Completed);
        Assert.Single(stopped.Failed);
        Assert.Empty(resumed.Failed);
        Assert.Equal(DeletionRequestState.Completed, Assert.Single(resumed.Completed).State);
        Assert.Equal(DisposalReason.Request, (await host.Artefacts.GetAsync(Council, audio.RetainedItem)).Value.DisposedBecause);
        Assert.True((await host.Provider.GetRequiredService<IRetentionStore>().GetAsync(Council, audio.RetainedItem)).Value.IsDisposed);
        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
        var proof = Assert.Single(await host.Provider.GetRequiredService<IAuditTrail>().ReadByResourceAsync(Council, ResourceRef.Recording(Voice)).ToListAsync(), e => e.Action == DeletionRequestService.DeletedAction);
        Assert.Equal($"sha256:{audio.Sha256}", proof.Details["content_hash"]);
    }

    [Fact]
    public async Task Authorise_RecordingUnderHold_IsRefusedWithTheHoldsReason()
    {
        using var host = Host();
        await RecordedCallAsync(host);
        await host.Provider.GetRequiredService<RetentionService>().PlaceHoldAsync(Council, HoldTarget.ForInteraction(Call), "ombudsman investigation", ActorId.Parse("dpo"));
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked");

        var refused = await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);

        Assert.Equal(InteractionsErrorCodes.UnderHold, refused.Error?.Code);
        Assert.Contains("ombudsman investigation", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(DeletionRequestState.Requested, (await host.Requests.GetAsync(Council, request.Value.Id)).Value.State);
    }

    [Fact]
    public async Task Authorise_WithinTheRulesMinimum_IsRefused()
    {
        using var host = Host(minimum: Period.FromMonths(3));
        await RecordedCallAsync(host);
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked");

        var refused = await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);

        Assert.Equal(InteractionsErrorCodes.WithinMinimumRetention, refused.Error?.Code);
    }

    [Fact]
    public async Task Refuse_Request_PutsTheRecordingBackAndCannotBeDecidedTwice()
    {
        using var host = Host();
        await RecordedCallAsync(host);
        var request = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, "caller asked");

        var refused = await host.Deletions.RefuseAsync(Council, request.Value.Id, Officer, "needed for an open complaint");
        var twice = await host.Deletions.AuthoriseAsync(Council, request.Value.Id, Officer);

        Assert.Equal(DeletionRequestState.Refused, refused.Value.State);
        Assert.Equal(RecordingState.Available, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
        Assert.Equal(InteractionsErrorCodes.DeletionNotPending, twice.Error?.Code);
    }

    [Fact]
    public async Task Request_WithoutReason_OrForAnotherInteractionsRecording_IsRefused()
    {
        using var host = Host();
        await RecordedCallAsync(host);

        var noReason = await host.Deletions.RequestAsync(Council, Call, Voice, Officer, " ");
        var other = await host.Deletions.RequestAsync(Council, Call, RecordingId.Parse("someone-elses"), Officer, "caller asked");

        Assert.Equal("reason", noReason.Error?.Field);
        Assert.Equal(InteractionsErrorCodes.UnknownRecording, other.Error?.Code);
    }

    private static async Task<StoredArtefact> RecordedCallAsync(TestHost host)
    {
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Caller], false, Telephony);
        await host.Recordings.ApplyAsync(Council, Voice, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Telephony);
        await host.Recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony);
        await host.Service.EndAsync(Council, Call, Telephony);
        var media = (await host.Media.PutAsync(Council, Voice, MediaKind.Audio, new MemoryStream([9, 8, 7, 6]))).Value;
        await host.Recordings.ApplyAsync(Council, Voice, new MediaStored(EventId.New(), media), Telephony);
        return (await host.Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Call, Name = "rec-voice.audio", Kind = ArtefactKind.Audio, Recording = Voice, Location = media.Location, Sha256 = media.Sha256,
        })).Value;
    }

    private static TestHost Host(Period? minimum = null)
    {
        return new TestHost(LayerFixtures.Host(FakeClocks.At(Friday, Duration.FromSeconds(1)), LayerFixtures.Schedule(minimum)));
    }

    // An artefact store whose writes of a disposed artefact fail while StopMarkingDisposed is set, as if the worker stopped.
    private sealed class StoppingArtefactStore : IArtefactStore
    {
        private readonly InMemoryArtefactStore _inner = new();

        public bool StopMarkingDisposed;

        public ValueTask<Result<StoredArtefact>> SaveAsync(StoredArtefact artefact, CancellationToken cancellationToken = default) =>
            StopMarkingDisposed && artefact.IsDisposed ? ValueTask.FromResult<Result<StoredArtefact>>(new ContactKitError(ErrorCodes.VersionConflict, "Another writer got there first.")) : _inner.SaveAsync(artefact, cancellationToken);

        public ValueTask<Result<StoredArtefact>> GetAsync(TenantId tenant, RetainedItemId item, CancellationToken cancellationToken = default) => _inner.GetAsync(tenant, item, cancellationToken);

        public IAsyncEnumerable<StoredArtefact> ReadByInteractionAsync(TenantId tenant, InteractionId interaction, CancellationToken cancellationToken = default) =>
            _inner.ReadByInteractionAsync(tenant, interaction, cancellationToken);
    }

    // A retention store whose disposals fail to be recorded while StopCompleting is set, as if the worker stopped.
    private sealed class StoppingRetentionStore
    {
        public bool StopCompleting;

        public IRetentionStore Over(IRetentionStore inner) => DispatchProxyFor(inner);

        private IRetentionStore DispatchProxyFor(IRetentionStore inner)
        {
            var proxy = System.Reflection.DispatchProxy.Create<IRetentionStore, Proxy>();
            ((Proxy)(object)proxy).Set(inner, this);
            return proxy;
        }

        public class Proxy : System.Reflection.DispatchProxy
        {
            private IRetentionStore _inner = null!;
            private StoppingRetentionStore _owner = null!;

            internal void Set(IRetentionStore inner, StoppingRetentionStore owner) => (_inner, _owner) = (inner, owner);

            protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args)
            {
                if (_owner.StopCompleting && targetMethod!.Name == nameof(IRetentionStore.CompleteDisposalsAsync))
                {
                    return new ValueTask<IReadOnlyList<Result<AuditEntry>>>([Result<AuditEntry>.Failure(new ContactKitError(ErrorCodes.VersionConflict, "Another writer got there first."))]);
                }

                return targetMethod!.Invoke(_inner, args);
            }
        }
    }

    private sealed class TestHost(ServiceProvider provider) : IDisposable
    {
        public ServiceProvider Provider { get; } = provider;

        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public DeletionRequestService Deletions { get; } = provider.GetRequiredService<DeletionRequestService>();

        public IDeletionRequestStore Requests { get; } = provider.GetRequiredService<IDeletionRequestStore>();

        public RecordingService Recordings { get; } = provider.GetRequiredService<RecordingService>();

        public IRecordingStore Sessions { get; } = provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media { get; } = provider.GetRequiredService<IRecordingMediaStore>();

        public IArtefactStore Artefacts { get; } = provider.GetRequiredService<IArtefactStore>();

        public void Dispose() => Provider.Dispose();
    }
}
