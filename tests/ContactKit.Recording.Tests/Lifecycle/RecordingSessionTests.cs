using System.Reflection;
using ContactKit.Recording;

namespace ContactKit.Recording.Tests.Lifecycle;

public class RecordingSessionTests
{
    [Fact]
    public void RecordingSession_PublicProperties_HaveNoPublicSetter()
    {
        var settable = typeof(RecordingSession).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);

        Assert.Empty(settable);
    }

    [Fact]
    public void RecordingSession_NoPublicInit_SoOnlyTheLifecycleBuildsOne()
    {
        var initable = typeof(RecordingSession).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } or { IsFamily: true })
            .Select(p => p.Name);

        Assert.Empty(initable);
    }

    [Fact]
    public void RecordingSession_EveryField_IsReadOnly()
    {
        // Not even the lifecycle can change a session once it is built: a transition builds a new one from a copy of the facts.
        var writable = typeof(RecordingSession).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => !f.IsInitOnly)
            .Select(f => f.Name);

        Assert.Empty(writable);
    }

    [Fact]
    public void Apply_EventCopiedWithANewId_IsANewEventAndTheOldIdStillReplays()
    {
        var paused = Calls.Pause(UncapturedReason.OnHold);
        var session = Calls.Capturing().Then(paused).Then(Calls.Resume(UncapturedReason.OnHold));

        // The copy differs only by its id: it is a new pause, while the original is recognised as already applied.
        var again = paused with { Id = EventId.Parse("pause-again") };

        Assert.Same(session, session.Try(paused).Value);
        var pausedAgain = session.Then(again);
        Assert.Equal(RecordingState.Paused, pausedAgain.State);

        // The same event built afresh, not copied, is recognised as the one already applied.
        var rebuilt = new CapturePaused(EventId.Parse("pause-again"), UncapturedReason.OnHold);
        Assert.Same(pausedAgain, pausedAgain.Try(rebuilt).Value);
    }

    [Fact]
    public void Apply_AcceptedEvent_LeavesThePreviousSessionAsItWas()
    {
        var before = Calls.Capturing();
        var state = before.State;
        var version = before.Version;
        var pauses = before.OpenPauses;

        _ = before.Then(Calls.Pause()).Then(Calls.Resume());

        Assert.Equal(state, before.State);
        Assert.Equal(version, before.Version);
        Assert.Equal(pauses, before.OpenPauses);
    }
}
