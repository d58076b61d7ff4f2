using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Properties;

/// <summary>
/// Generated lives of a few calls through the layer: holds placed and released, deletion requests authorised, time
/// passing and sweeps at random instants. After every step: no artefact under hold has been disposed of, every disposed
/// artefact has its proof, no artefact outlives its rule past a sweep, and no disposed media can be read.
/// </summary>
public sealed class InteractionLifecyclePropertyTests
{
    private const int Calls = 3;
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Staff = ActorId.Parse("staff");
    private static readonly ActorId Worker = ActorId.Parse("sweeper");
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);


    private enum Op
    {
        Advance,
        PlaceHold,
        ReleaseHold,
        RequestDeletion,
        Sweep,
    }

    private static readonly Gen<(Op Op, int Call, int Days)> GenStep = Gen.Select(
        Gen.Frequency((4, Gen.Const(Op.Advance)), (2, Gen.Const(Op.PlaceHold)), (2, Gen.Const(Op.ReleaseHold)), (1, Gen.Const(Op.RequestDeletion)), (3, Gen.Const(Op.Sweep))),
        Gen.Int[0, Calls - 1],
        Gen.Int[1, 120]);

    [Fact]
    public void GeneratedLives_KeepEveryPromiseAfterEveryStep()
    {
        GenStep.Array[1, 25].Sample(steps => Run(steps).GetAwaiter().GetResult(), iter: 1_500, threads: 1);
    }

    private static async Task Run((Op Op, int Call, int Days)[] steps)
    {
        var clock = new SteppingClock(T0);
        await using var provider = LayerFixtures.Host(clock, LayerFixtures.Schedule());
        var world = new World(provider, clock);
        for (var i = 0; i < Calls; i++)
        {
            await world.RecordCallAsync(i);
        }

        foreach (var step in steps)
        {
            await world.ApplyAsync(step.Op, step.Call, step.Days);
            await world.CheckAsync();
        }
    }

    private sealed class World(ServiceProvider provider, SteppingClock clock)
    {
        private readonly InteractionService _service = provider.GetRequiredService<InteractionService>();
        private readonly RecordingService _recordings = provider.GetRequiredService<RecordingService>();
        private readonly RetentionService _retention = provider.GetRequiredService<RetentionService>();
        private readonly DeletionRequestService _deletions = provider.GetRequiredService<DeletionRequestService>();
        private readonly DisposalPlanner _planner = provider.GetRequiredService<DisposalPlanner>();
        private readonly IRetainedItemDisposer _disposer = provider.GetRequiredService<IRetainedItemDisposer>();
        private readonly IArtefactStore _artefacts = provider.GetRequiredService<IArtefactStore>();
        private readonly IRecordingMediaStore _media = provider.GetRequiredService<IRecordingMediaStore>();
        private readonly IAuditTrail _audit = provider.GetRequiredService<IAuditTrail>();
        private readonly Dictionary<int, LegalHoldId> _holds = [];
        private readonly HashSet<RetainedItemId> _disposedSeen = [];
        private readonly Dictionary<int, (StoredArtefact Audio, Instant Ended)> _calls = [];

        public async Task RecordCallAsync(int i)
        {
            var call = InteractionId.Parse($"call-{i}");
            var voice = RecordingId.Parse($"rec-{i}");
            await _service.StartAsync(Council, call, Channel.VoiceCall, voice, [Caller], false, Staff);
            await _recordings.ApplyAsync(Council, voice, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Staff);
            await _recordings.ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), Staff);
            clock.Advance(Duration.FromMinutes(3));
            await _service.EndAsync(Council, call, Staff);
            var ended = clock.GetCurrentInstant();
            var media = (await _media.PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([(byte)i, 1, 2, 3]))).Value;
            await _recordings.ApplyAsync(Council, voice, new MediaStored(EventId.New(), media), Staff);
            var audio = await _service.StoreArtefactAsync(new ArtefactToStore
            {
                Tenant = Council, Interaction = call, Name = "audio", Kind = ArtefactKind.Audio, Recording = voice, Location = media.Location, Sha256 = media.Sha256,
            });
            _calls[i] = (audio.Value, ended);
        }

        public async Task ApplyAsync(Op op, int i, int days)
        {
            var call = InteractionId.Parse($"call-{i}");
            switch (op)
            {
                case Op.Advance:
                    clock.Advance(Duration.FromDays(days));
                    break;
                case Op.PlaceHold when !_holds.ContainsKey(i):
                    var placed = await _retention.PlaceHoldAsync(Council, HoldTarget.ForInteraction(call), "complaint", Staff);
                    _holds[i] = placed.Value.Id;
                    break;
                case Op.ReleaseHold when _holds.Remove(i, out var hold):
                    await _retention.ReleaseHoldAsync(Council, hold, Staff, "complaint closed");
                    break;
                case Op.RequestDeletion:
                    var request = await _deletions.RequestAsync(Council, call, RecordingId.Parse($"rec-{i}"), Staff, "caller asked");
                    if (request.IsSuccess)
                    {
                        var authorised = await _deletions.AuthoriseAsync(Council, request.Value.Id, Staff);
                        Assert.True(authorised.IsSuccess != _holds.ContainsKey(i), "a deletion request is authorised exactly when no hold covers the call");
                        if (authorised.IsFailure)
                        {
                            await _deletions.RefuseAsync(Council, request.Value.Id, Staff, "under hold");
                        }
                    }

                    break;
                case Op.Sweep:
                    await _planner.RunOnceAsync(Council, Worker, _disposer);
                    await _deletions.CarryOutDueAsync(Council, Worker);
                    await CheckNothingDueSurvivesAsync();
                    break;
            }
        }

        public async Task CheckAsync()
        {
            foreach (var (i, (audio, _)) in _calls)
            {
                var artefact = (await _artefacts.GetAsync(Council, audio.RetainedItem)).Value;
                if (!artefact.IsDisposed)
                {
                    continue;
                }

                if (_disposedSeen.Add(artefact.RetainedItem))
                {
                    Assert.False(_holds.ContainsKey(i), $"call {i} was disposed of while under hold");
                }

                Assert.Equal(ErrorCodes.NotFound, (await _media.OpenReadAsync(Council, artefact.Location!)).Error?.Code);
                var proofs = await _audit.ReadByResourceAsync(Council, ResourceRef.Recording(artefact.Recording!.Value)).ToListAsync();
                Assert.Single(proofs, e => e.Action is DisposalPlanner.DisposedAction or DeletionRequestService.DeletedAction);
            }
        }

        // Right after a sweep, every artefact past its rule and free of holds is gone; the rule's date is six months
        // after the call ended (to the day, in the tenant's time zone).
        private async Task CheckNothingDueSurvivesAsync()
        {
            foreach (var (i, (audio, ended)) in _calls)
            {
                if ((await _artefacts.GetAsync(Council, audio.RetainedItem)).Value.IsDisposed)
                {
                    continue;
                }

                var due = (await _retention.ExplainAsync(Council, audio.RetainedItem)).Value.DisposeAt!.Value;
                var sixMonths = ended.InUtc().LocalDateTime.PlusMonths(6).InUtc().ToInstant();
                Assert.InRange(due, sixMonths - Duration.FromDays(1), sixMonths + Duration.FromDays(1));
                Assert.False(clock.GetCurrentInstant() >= due && !_holds.ContainsKey(i), $"call {i} outlived its rule past a sweep");
            }
        }
    }

}
