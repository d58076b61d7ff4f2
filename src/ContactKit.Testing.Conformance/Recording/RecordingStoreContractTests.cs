using System.Diagnostics.CodeAnalysis;
using ContactKit.Recording;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IRecordingStore"/> must show. Inherit it in a test project and return a fresh, empty
/// store from <see cref="CreateStore"/>; xunit runs every test below against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class RecordingStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly RecordingId Recording = RecordingId.Parse("rec-1");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly ActorId Staff = ActorId.Parse("officer-1");

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRecordingStore CreateStore();

    /// <summary>A session that was never saved is not found, with code CK0010, and has no log.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_NeverSaved_IsNotFoundWithNoLog()
    {
        var store = CreateStore();

        var read = await store.GetAsync(TenantA, Recording);

        Assert.Equal(ErrorCodes.NotFound, read.Error?.Code);
        Assert.Empty(await ReadLogAsync(store, TenantA));
    }

    /// <summary>A session saved event by event reads back as the same snapshot, and its log replays to it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_EventByEvent_ReadsBackTheSnapshotAndALogThatReplaysToIt()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 2);

        await SaveAllAsync(store, steps);
        var read = await store.GetAsync(TenantA, Recording);
        var log = await ReadLogAsync(store, TenantA);

        Assert.Equal(steps[^1].Session, read.Value);
        Assert.Equal(steps.Select(s => s.Event), log);
        Assert.Equal(read.Value, RecordingLifecycle.Replay(log).Value);
    }

    /// <summary>A write based on a version that is no longer current is refused with CK0009 and changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_StaleVersion_IsRefusedAndStoredSessionKept()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 0);
        await SaveAllAsync(store, steps);
        var first = steps[^1].Session;
        var winner = Next(first, "winner");
        var loser = Next(first, "loser");
        await store.SaveAsync(winner.Session, winner.Event, first.Version);

        var stale = await store.SaveAsync(loser.Session, loser.Event, first.Version);
        var read = await store.GetAsync(TenantA, Recording);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(winner.Session, read.Value);
        Assert.Equal(winner.Event, (await ReadLogAsync(store, TenantA))[^1]);
    }

    /// <summary>
    /// Regression: an older session saved with the current version as the expected one (<c>SaveAsync(v1, expectedVersion: 2)</c>)
    /// was accepted and rolled the session back, so a step taken in between vanished. A save must be exactly one version on.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_OlderSessionWithCurrentExpectedVersion_IsRefusedAndNothingRolledBack()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 1);
        await SaveAllAsync(store, steps);
        var current = steps[^1].Session;

        var rollback = await store.SaveAsync(steps[0].Session, steps[0].Event, current.Version);
        var sameVersion = await store.SaveAsync(current, steps[^1].Event, current.Version);

        Assert.Equal(RecordingErrorCodes.SaveNotNextVersion, rollback.Error?.Code);
        Assert.Equal(RecordingErrorCodes.SaveNotNextVersion, sameVersion.Error?.Code);
        Assert.Equal(current, (await store.GetAsync(TenantA, Recording)).Value);
        Assert.Equal(RecordingState.DeletionRequested, current.State);
        Assert.Equal(steps.Count, (await ReadLogAsync(store, TenantA)).Count);
    }

    /// <summary>A save that skips a version, or whose event is not at the session's version, is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_SkippingAVersionOrMismatchedEvent_IsRefused()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 2);
        await SaveAllAsync(store, steps.Take(2));

        var skipping = await store.SaveAsync(steps[3].Session, steps[3].Event, steps[1].Session.Version);
        var mismatched = await store.SaveAsync(steps[2].Session, steps[3].Event, steps[1].Session.Version);

        Assert.Equal(RecordingErrorCodes.SaveNotNextVersion, skipping.Error?.Code);
        Assert.Equal(RecordingErrorCodes.SaveNotNextVersion, mismatched.Error?.Code);
        Assert.Equal(steps[1].Session, (await store.GetAsync(TenantA, Recording)).Value);
    }

    /// <summary>Saving a new session over an existing one (expected version 0) is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_NewSessionOverExistingOne_IsRefused()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 0);
        await SaveAllAsync(store, steps);

        var again = await store.SaveAsync(steps[0].Session, steps[0].Event, 0);

        Assert.Equal(ErrorCodes.VersionConflict, again.Error?.Code);
    }

    /// <summary>An event whose id the session's log already holds is refused with CK0112, however old it is.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_EventIdAlreadyInTheLog_IsRefusedWithEventIdReused()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 1);
        await SaveAllAsync(store, steps);
        var current = steps[^1].Session;
        var next = Next(current, "another");

        // The snapshot is one version on, but its event reuses the id of the log's first event.
        var reused = next.Event with { Event = new DeletionRefused(steps[0].Event.Event.Id, Staff, "another") };
        var saved = await store.SaveAsync(next.Session, reused, current.Version);

        Assert.Equal(RecordingErrorCodes.EventIdReused, saved.Error?.Code);
        Assert.Equal(current, (await store.GetAsync(TenantA, Recording)).Value);
        Assert.Equal(steps.Count, (await ReadLogAsync(store, TenantA)).Count);
    }

    /// <summary>Many writers updating one session at once, each retrying on CK0009, lose no event; the log replays to the snapshot.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_ConcurrentWriters_LoseNothing()
    {
        const int writers = 6;
        const int perWriter = 25;
        var store = CreateStore();
        await SaveAllAsync(store, Steps(TenantA, advances: 0));

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                while (true)
                {
                    var current = (await store.GetAsync(TenantA, Recording)).Value;
                    var step = Advance(current, $"{w}-{i}");
                    var next = RecordingLifecycle.Apply(current, step, current.LastChangedAt).Value;
                    if ((await store.SaveAsync(next, new RecordedEvent(next.Version, next.LastChangedAt, step), current.Version)).IsSuccess)
                    {
                        break;
                    }
                }
            }
        })));

        var final = (await store.GetAsync(TenantA, Recording)).Value;
        var log = await ReadLogAsync(store, TenantA);
        Assert.Equal(2 + (writers * perWriter), final.Version);
        Assert.Equal(Enumerable.Range(1, (int)final.Version).Select(v => (long)v), log.Select(e => e.Version));
        Assert.Equal(final, RecordingLifecycle.Replay(log).Value);
    }

    /// <summary>One tenant cannot read another's session or log, even with the same recording id.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetAsync_OtherTenant_IsNotFound()
    {
        var store = CreateStore();
        await SaveAllAsync(store, Steps(TenantA, advances: 0));

        var read = await store.GetAsync(TenantB, Recording);

        Assert.Equal(ErrorCodes.NotFound, read.Error?.Code);
        Assert.Empty(await ReadLogAsync(store, TenantB));
    }

    /// <summary>A session of another tenant with the same recording id is kept apart and never changes the first.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_OtherTenantSameRecordingId_ChangesNothingOfTheFirst()
    {
        var store = CreateStore();
        var ofA = Steps(TenantA, advances: 2);
        await SaveAllAsync(store, ofA);
        var ofB = Steps(TenantB, advances: 3);

        var firstOfB = await store.SaveAsync(ofB[0].Session, ofB[0].Event, 0);
        var staleForB = await store.SaveAsync(ofB[^1].Session, ofB[^1].Event, ofA[^1].Session.Version);

        Assert.True(firstOfB.IsSuccess);
        Assert.Equal(ErrorCodes.VersionConflict, staleForB.Error?.Code);
        Assert.Equal(ofA[^1].Session, (await store.GetAsync(TenantA, Recording)).Value);
        Assert.Equal(1, (await store.GetAsync(TenantB, Recording)).Value.Version);
    }

    /// <summary>One tenant cannot delete another's session.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task DeleteAsync_OtherTenant_IsNotFoundAndSessionKept()
    {
        var store = CreateStore();
        var ofA = Steps(TenantA, advances: 0);
        await SaveAllAsync(store, ofA);

        var delete = await store.DeleteAsync(TenantB, Recording, ofA[^1].Session.Version);

        Assert.Equal(ErrorCodes.NotFound, delete.Error?.Code);
        Assert.True((await store.GetAsync(TenantA, Recording)).IsSuccess);
    }

    /// <summary>A delete at the current version removes the session and its log; a stale one is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task DeleteAsync_CurrentAndStaleVersion_RemovesOnlyWhenCurrent()
    {
        var store = CreateStore();
        var steps = Steps(TenantA, advances: 1);
        await SaveAllAsync(store, steps);
        var version = steps[^1].Session.Version;

        var stale = await store.DeleteAsync(TenantA, Recording, version - 1);
        var current = await store.DeleteAsync(TenantA, Recording, version);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.True(current.IsSuccess);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantA, Recording)).Error?.Code);
        Assert.Empty(await ReadLogAsync(store, TenantA));
    }

    /// <summary>
    /// Only the tenant's sessions with a secure-payment pause open now are read, longest open first: not one on hold, not
    /// one whose secure pause was resumed, not one that ended while paused, not another tenant's.
    /// </summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadSecurePausedAsync_SessionsInEveryPauseState_ReadsOnlyTheOpenSecurePausesOfTheTenantOldestFirst()
    {
        var store = CreateStore();
        var secure = UncapturedReason.SecurePayment;
        await SaveAllAsync(store, Live(TenantA, "later", Duration.FromMinutes(9), new CapturePaused(EventId.Parse("p"), secure)));
        await SaveAllAsync(store, Live(TenantA, "earlier", Duration.FromMinutes(2), new CapturePaused(EventId.Parse("p"), secure)));
        await SaveAllAsync(store, Live(TenantA, "on-hold", Duration.FromMinutes(1), new CapturePaused(EventId.Parse("p"), UncapturedReason.OnHold)));
        await SaveAllAsync(store, Live(TenantA, "resumed", Duration.FromMinutes(1), new CapturePaused(EventId.Parse("p"), secure), new CaptureResumed(EventId.Parse("r"), secure)));
        await SaveAllAsync(store, Live(TenantA, "ended", Duration.FromMinutes(1), new CapturePaused(EventId.Parse("p"), secure), new InteractionEnded(EventId.Parse("e"))));
        await SaveAllAsync(store, Live(TenantB, "other-tenant", Duration.FromMinutes(1), new CapturePaused(EventId.Parse("p"), secure)));

        var paused = new List<RecordingSession>();
        await foreach (var session in store.ReadSecurePausedAsync(TenantA))
        {
            paused.Add(session);
        }

        Assert.Equal(["earlier", "later"], paused.Select(s => s.Id.Value));
        Assert.Equal(Start + Duration.FromMinutes(3), paused[0].SecurePauseSince);
        Assert.All(paused, s => Assert.Equal(TenantA, s.Tenant));
    }

    // A live voice session under its own id; its events come a minute apart, the first a minute after firstAfter.
    private static List<(RecordingSession Session, RecordedEvent Event)> Live(TenantId tenant, string id, Duration firstAfter, params RecordingEvent[] events)
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), tenant, RecordingId.Parse(id), Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var session = RecordingLifecycle.Begin(started, Start).Value;
        var steps = new List<(RecordingSession, RecordedEvent)> { (session, new RecordedEvent(1, Start, started)) };
        var at = Start + firstAfter;
        foreach (var @event in events)
        {
            at += Duration.FromMinutes(1);
            var next = RecordingLifecycle.Apply(session, @event, at);
            Assert.True(next.IsSuccess, next.IsFailure ? next.Error.ToString() : null);
            session = next.Value;
            steps.Add((session, new RecordedEvent(session.Version, at, @event)));
        }

        return steps;
    }

    /// <summary>
    /// The steps of a session, each snapshot with the event that produced it: an interaction that started and ended with
    /// nothing captured, then <paramref name="advances"/> steps that each move it on by one version (a deletion asked
    /// for, then refused, then asked for again).
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="advances">How many steps to take after the end.</param>
    /// <returns>The steps, first to last.</returns>
    protected static IReadOnlyList<(RecordingSession Session, RecordedEvent Event)> Steps(TenantId tenant, int advances)
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), tenant, Recording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var session = RecordingLifecycle.Begin(started, Start).Value;
        var steps = new List<(RecordingSession, RecordedEvent)> { (session, new RecordedEvent(1, Start, started)) };
        for (var i = -1; i < advances; i++)
        {
            var @event = i < 0 ? new InteractionEnded(EventId.Parse("ended")) : Advance(session, $"advance-{i}");
            var at = session.LastChangedAt + Duration.FromMinutes(1);
            session = RecordingLifecycle.Apply(session, @event, at).Value;
            steps.Add((session, new RecordedEvent(session.Version, at, @event)));
        }

        return steps;
    }

    // A step that moves an ended session on by one version, as often as needed: a deletion asked for, or refused.
    private static RecordingEvent Advance(RecordingSession session, string name) =>
        session.State == RecordingState.DeletionRequested
            ? new DeletionRefused(EventId.Parse($"refuse-{name}"), Staff, "kept for the complaint")
            : new DeletionRequested(EventId.Parse($"ask-{name}"), Staff, "caller asked");

    private static (RecordingSession Session, RecordedEvent Event) Next(RecordingSession session, string name)
    {
        var @event = Advance(session, $"next-{name}");
        var next = RecordingLifecycle.Apply(session, @event, session.LastChangedAt).Value;
        return (next, new RecordedEvent(next.Version, next.LastChangedAt, @event));
    }

    private static async Task SaveAllAsync(IRecordingStore store, IEnumerable<(RecordingSession Session, RecordedEvent Event)> steps)
    {
        foreach (var (session, @event) in steps)
        {
            var saved = await store.SaveAsync(session, @event, session.Version - 1);
            Assert.True(saved.IsSuccess, saved.IsFailure ? saved.Error.ToString() : null);
        }
    }

    private static async Task<List<RecordedEvent>> ReadLogAsync(IRecordingStore store, TenantId tenant)
    {
        var log = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadEventsAsync(tenant, Recording))
        {
            log.Add(recorded);
        }

        return log;
    }
}
