using System.Diagnostics.CodeAnalysis;
using ContactKit.Recording;
using NodaTime;
using Xunit;

namespace ContactKit.Testing;

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

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRecordingStore CreateStore();

    /// <summary>A session that was never saved is not found, with code CK0010.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task GetAsync_NeverSaved_IsNotFound()
    {
        var store = CreateStore();

        var read = await store.GetAsync(TenantA, Recording);

        Assert.Equal(ErrorCodes.NotFound, read.Error?.Code);
    }

    /// <summary>A new session saved at expected version 0 reads back with its version, state and history.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SaveAsync_NewSession_ReadsBackTheSameSession()
    {
        var store = CreateStore();
        var session = Advance(NewSession(TenantA), 2);

        var saved = await store.SaveAsync(session, 0);
        var read = await store.GetAsync(TenantA, Recording);

        Assert.True(saved.IsSuccess);
        Assert.Equal(session.Version, read.Value.Version);
        Assert.Equal(session.State, read.Value.State);
        Assert.Equal(session.History.Select(h => h.Event), read.Value.History.Select(h => h.Event));
    }

    /// <summary>A write based on a version that is no longer current is refused with CK0009 and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SaveAsync_StaleVersion_IsRefusedAndStoredSessionKept()
    {
        var store = CreateStore();
        var first = NewSession(TenantA);
        await store.SaveAsync(first, 0);
        var winner = Advance(first, 1);
        var loser = Advance(first, 2);
        await store.SaveAsync(winner, first.Version);

        var stale = await store.SaveAsync(loser, first.Version);
        var read = await store.GetAsync(TenantA, Recording);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(winner.Version, read.Value.Version);
        Assert.Equal(winner.LastEvent, read.Value.LastEvent);
    }

    /// <summary>Saving a new session over an existing one (expected version 0) is refused.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SaveAsync_NewSessionOverExistingOne_IsRefused()
    {
        var store = CreateStore();
        await store.SaveAsync(NewSession(TenantA), 0);

        var again = await store.SaveAsync(NewSession(TenantA), 0);

        Assert.Equal(ErrorCodes.VersionConflict, again.Error?.Code);
    }

    /// <summary>Many writers updating one session at once, each retrying on CK0009, lose no event.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SaveAsync_ConcurrentWriters_LoseNothing()
    {
        const int writers = 6;
        const int perWriter = 25;
        var store = CreateStore();
        await store.SaveAsync(NewSession(TenantA), 0);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var hold = new HoldPlaced(EventId.Parse($"hold-{w}-{i}"), LegalHoldId.Parse($"h-{w}-{i}"));
                while (true)
                {
                    var current = (await store.GetAsync(TenantA, Recording)).Value;
                    var next = RecordingLifecycle.Apply(current, hold, current.LastChangedAt).Value;
                    if ((await store.SaveAsync(next, current.Version)).IsSuccess)
                    {
                        break;
                    }
                }
            }
        })));

        var final = (await store.GetAsync(TenantA, Recording)).Value;
        Assert.Equal(2 + (writers * perWriter), final.Version);
        Assert.Equal(writers * perWriter, final.Holds.Count);
    }

    /// <summary>One tenant cannot read another's session, even with the same recording id.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task GetAsync_OtherTenant_IsNotFound()
    {
        var store = CreateStore();
        await store.SaveAsync(NewSession(TenantA), 0);

        var read = await store.GetAsync(TenantB, Recording);

        Assert.Equal(ErrorCodes.NotFound, read.Error?.Code);
    }

    /// <summary>A session of another tenant with the same recording id is kept apart and never changes the first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SaveAsync_OtherTenantSameRecordingId_ChangesNothingOfTheFirst()
    {
        var store = CreateStore();
        var ofA = Advance(NewSession(TenantA), 2);
        await store.SaveAsync(ofA, 0);

        var ofB = await store.SaveAsync(NewSession(TenantB), 0);
        var staleForB = await store.SaveAsync(Advance(NewSession(TenantB), 3), ofA.Version);

        Assert.True(ofB.IsSuccess);
        Assert.Equal(ErrorCodes.VersionConflict, staleForB.Error?.Code);
        Assert.Equal(ofA.Version, (await store.GetAsync(TenantA, Recording)).Value.Version);
        Assert.Equal(2, (await store.GetAsync(TenantB, Recording)).Value.Version);
    }

    /// <summary>One tenant cannot delete another's session.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task DeleteAsync_OtherTenant_IsNotFoundAndSessionKept()
    {
        var store = CreateStore();
        var ofA = NewSession(TenantA);
        await store.SaveAsync(ofA, 0);

        var delete = await store.DeleteAsync(TenantB, Recording, ofA.Version);

        Assert.Equal(ErrorCodes.NotFound, delete.Error?.Code);
        Assert.True((await store.GetAsync(TenantA, Recording)).IsSuccess);
    }

    /// <summary>A delete at the current version removes the session; a stale one is refused.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task DeleteAsync_CurrentAndStaleVersion_RemovesOnlyWhenCurrent()
    {
        var store = CreateStore();
        var session = Advance(NewSession(TenantA), 1);
        await store.SaveAsync(session, 0);

        var stale = await store.DeleteAsync(TenantA, Recording, session.Version - 1);
        var current = await store.DeleteAsync(TenantA, Recording, session.Version);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.True(current.IsSuccess);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetAsync(TenantA, Recording)).Error?.Code);
    }

    /// <summary>A session that has ended with nothing captured, ready for holds, for the tests.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The session at version 2.</returns>
    protected static RecordingSession NewSession(TenantId tenant)
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), tenant, Recording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var session = RecordingLifecycle.Begin(started, Start).Value;
        return RecordingLifecycle.Apply(session, new InteractionEnded(EventId.Parse("ended")), Start).Value;
    }

    /// <summary>Applies some hold events to a session.</summary>
    /// <param name="session">The session.</param>
    /// <param name="count">How many holds to place.</param>
    /// <returns>The session after them.</returns>
    protected static RecordingSession Advance(RecordingSession session, int count)
    {
        ArgumentNullException.ThrowIfNull(session);
        for (var i = 0; i < count; i++)
        {
            session = RecordingLifecycle.Apply(session, new HoldPlaced(EventId.Parse($"advance-{i}"), LegalHoldId.Parse($"advance-{i}")), session.LastChangedAt).Value;
        }

        return session;
    }
}
