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
    public void Apply_AcceptedEvent_LeavesThePreviousSessionAsItWas()
    {
        var before = Calls.Capturing();
        var state = before.State;
        var version = before.Version;
        var history = before.History.Count;

        _ = before.Then(Calls.Pause()).Then(Calls.Resume());

        Assert.Equal(state, before.State);
        Assert.Equal(version, before.Version);
        Assert.Equal(history, before.History.Count);
    }
}
