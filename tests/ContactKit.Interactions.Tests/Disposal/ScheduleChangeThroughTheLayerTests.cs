using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Interactions.Tests.Disposal;

/// <summary>
/// A council shortens how long it keeps call recordings from six months to three, over recordings the interaction
/// layer has already stored: applied retroactively the sweep deletes them at three months (never a held one), applied
/// for new items only it keeps them to six while new calls go at three.
/// </summary>
public sealed class ScheduleChangeThroughTheLayerTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId RecordsManager = ActorId.Parse("records-manager");
    private static readonly ActorId Worker = ActorId.Parse("sweeper-1");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);

    private static RetentionSchedule ThreeMonths => LayerFixtures.Schedule() with
    {
        Rules = [.. LayerFixtures.Schedule().Rules.Select(r => r.Name == "recordings" ? r with { Period = Period.FromMonths(3) } : r)],
    };

    [Fact]
    public async Task Retroactive_StoredRecording_IsDeletedAtThreeMonthsWithProofAndItsReplanningAudited()
    {
        using var host = new TestHost();
        var stored = await host.RecordedCallAsync("call-1", "rec-1");

        var preview = await host.Retention.PreviewScheduleChangeAsync(Council, ThreeMonths, ScheduleChangeMode.Retroactive, allowShortening: true);
        var report = await host.Retention.ApplyScheduleChangeAsync(Council, ThreeMonths, ScheduleChangeMode.Retroactive, RecordsManager, allowShortening: true);
        host.Schedules.Current = ThreeMonths;
        host.Clock.Advance(Duration.FromDays(100));
        var run = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);
        var audit = await host.Audit.ReadByTenantAsync(Council).ToListAsync();

        Assert.Equal((1, 1), (preview.Earlier, report.Earlier));
        Assert.Equal(stored.RetainedItem, Assert.Single(run.Proofs).Item);
        Assert.Equal(ErrorCodes.NotFound, (await host.Media.OpenReadAsync(Council, stored.Location!)).Error?.Code);
        Assert.Equal(RecordingState.Deleted, (await host.Sessions.GetAsync(Council, RecordingId.Parse("rec-1"))).Value.State);
        var replanned = Assert.Single(audit, e => e.Action == RetentionService.ReplannedAction);
        Assert.Equal(ResourceRef.Recording(RecordingId.Parse("rec-1")), replanned.Resource);
        Assert.Null(replanned.Subject);
    }

    [Fact]
    public async Task Retroactive_RecordingOfAHeldInteraction_KeepsItsDateAndIsNeverDeleted()
    {
        using var host = new TestHost();
        var stored = await host.RecordedCallAsync("call-1", "rec-1");
        var planned = (await host.Store.GetAsync(Council, stored.RetainedItem)).Value.DisposeAt;
        await host.Retention.PlaceHoldAsync(Council, HoldTarget.ForInteraction(InteractionId.Parse("call-1")), "complaint under investigation", ActorId.Parse("dpo"));

        var report = await host.Retention.ApplyScheduleChangeAsync(Council, ThreeMonths, ScheduleChangeMode.Retroactive, RecordsManager, allowShortening: true);
        host.Schedules.Current = ThreeMonths;
        host.Clock.Advance(Duration.FromDays(365));
        var run = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);

        Assert.Equal((1, 0, 1), (report.Held, report.Earlier, report.KeptByHold));
        Assert.Equal(planned, (await host.Store.GetAsync(Council, stored.RetainedItem)).Value.DisposeAt);
        Assert.Empty(run.Proofs);
        Assert.True((await host.Media.OpenReadAsync(Council, stored.Location!)).IsSuccess);
    }

    [Fact]
    public async Task FutureOnly_StoredRecordingKeptToSixMonths_NewCallGoesAtThree()
    {
        using var host = new TestHost();
        var old = await host.RecordedCallAsync("call-1", "rec-1");

        var report = await host.Retention.ApplyScheduleChangeAsync(Council, ThreeMonths, ScheduleChangeMode.FutureOnly, RecordsManager);
        host.Schedules.Current = ThreeMonths;
        var fresh = await host.RecordedCallAsync("call-2", "rec-2");
        host.Clock.Advance(Duration.FromDays(100));
        var atThreeMonths = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);
        host.Clock.Advance(Duration.FromDays(90));
        var atSixMonths = await host.Planner.RunOnceAsync(Council, Worker, host.Disposer);

        Assert.Equal((0, 1), (report.Earlier, report.KeptByFutureOnly));
        Assert.Equal([fresh.RetainedItem], atThreeMonths.Proofs.Select(p => p.Item));
        Assert.Equal([old.RetainedItem], atSixMonths.Proofs.Select(p => p.Item));
    }

    /// <summary>
    /// An artefact stored while its call is still going has no date yet, so a future-only change has none to keep: when
    /// the call ends, the layer records the end as its trigger and it is planned under the schedule then configured.
    /// </summary>
    [Fact]
    public async Task FutureOnly_ArtefactStoredBeforeTheCallEnds_IsPlannedUnderTheScheduleInForceWhenItEnds()
    {
        using var host = new TestHost();
        var during = await host.RecordedCallAsync("call-1", "rec-1", endBeforeStoring: false);

        var report = await host.Retention.ApplyScheduleChangeAsync(Council, ThreeMonths, ScheduleChangeMode.FutureOnly, RecordsManager);
        host.Schedules.Current = ThreeMonths;
        await host.Service.EndAsync(Council, InteractionId.Parse("call-1"), Telephony);
        var ended = host.Clock.GetCurrentInstant();
        var planned = (await host.Store.GetAsync(Council, during.RetainedItem)).Value.DisposeAt;

        Assert.Equal(0, report.KeptByFutureOnly);
        Assert.Equal(new RetentionCalculator(ThreeMonths).Decide((await host.Store.GetAsync(Council, during.RetainedItem)).Value.Item, DateTimeZoneProviders.Tzdb["Europe/London"]).DisposeAt, planned);
        Assert.True(planned < ended + Duration.FromDays(100));
    }

    private sealed class TestHost : IDisposable
    {
        private readonly ServiceProvider _provider;

        public TestHost()
        {
            Clock = new SteppingClock(T0);
            Schedules = new SwitchableSchedules { Current = LayerFixtures.Schedule() };
            _provider = LayerFixtures.Host(Clock, Schedules.Current, services: s => s.AddSingleton<IRetentionScheduleProvider>(Schedules));
        }

        public SteppingClock Clock { get; }

        public SwitchableSchedules Schedules { get; }

        public InteractionService Service => _provider.GetRequiredService<InteractionService>();

        public RecordingService Recordings => _provider.GetRequiredService<RecordingService>();

        public RetentionService Retention => _provider.GetRequiredService<RetentionService>();

        public IRetentionStore Store => _provider.GetRequiredService<IRetentionStore>();

        public IRecordingStore Sessions => _provider.GetRequiredService<IRecordingStore>();

        public IRecordingMediaStore Media => _provider.GetRequiredService<IRecordingMediaStore>();

        public DisposalPlanner Planner => _provider.GetRequiredService<DisposalPlanner>();

        public IRetainedItemDisposer Disposer => _provider.GetRequiredService<IRetainedItemDisposer>();

        public IAuditTrail Audit => _provider.GetRequiredService<IAuditTrail>();

        // A call captured, its audio stored in the media store and kept as an artefact; ended before the audio is
        // stored, or left going.
        public async Task<StoredArtefact> RecordedCallAsync(string call, string recording, bool endBeforeStoring = true)
        {
            var (interaction, voice) = (InteractionId.Parse(call), RecordingId.Parse(recording));
            await Service.StartAsync(Council, interaction, Channel.VoiceCall, voice, [Caller], false, Telephony);
            await Recordings.ApplyAsync(Council, voice, new RecordingNoticeGiven(EventId.New(), Caller.Id, PrivacyNoticeId.Parse("recording"), "v1", NoticeMethod.Announcement), Telephony);
            await Recordings.ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), Telephony);
            Clock.Advance(Duration.FromMinutes(5));
            if (endBeforeStoring)
            {
                await Service.EndAsync(Council, interaction, Telephony);
            }

            var media = (await Media.PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([1, 2, 3, 4]))).Value;
            if (endBeforeStoring)
            {
                await Recordings.ApplyAsync(Council, voice, new MediaStored(EventId.New(), media), Telephony);
            }

            var stored = await Service.StoreArtefactAsync(new ArtefactToStore
            {
                Tenant = Council, Interaction = interaction, Name = $"{recording}.audio", Kind = ArtefactKind.Audio, Recording = voice, Location = media.Location, Sha256 = media.Sha256,
            });
            Assert.True(stored.IsSuccess, stored.Error?.Message);
            return stored.Value;
        }

        public void Dispose() => _provider.Dispose();
    }

    private sealed class SwitchableSchedules : IRetentionScheduleProvider
    {
        public required RetentionSchedule Current { get; set; }

        public RetentionSchedule GetSchedule(TenantId tenant) => Current;
    }
}
