using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests;

/// <summary>What the interaction layer's tests share: a council's schedule, a host on the in-memory stores, a clock they move.</summary>
internal static class LayerFixtures
{
    /// <summary>
    /// Six months for call recordings and for call and chat transcripts after the interaction ends (notice 001), with an
    /// optional minimum on call recordings, and any further rules.
    /// </summary>
    public static RetentionSchedule Schedule(Period? minimum = null, params RetentionRule[] more) => new()
    {
        Name = "council",
        Rules =
        [
            new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Minimum = minimum, Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            .. more,
        ],
    };

    /// <summary>A host with the whole layer on the in-memory stores, validated as at start-up.</summary>
    public static ServiceProvider Host(IClock clock, RetentionSchedule schedule, Action<IServiceCollection>? services = null, Action<ContactKitBuilder>? configure = null)
    {
        var collection = new ServiceCollection().AddSingleton(clock);
        var builder = collection.AddContactKit().AddRetention(o => o.Schedule = schedule).AddInteractions().UseInMemoryStores();
        configure?.Invoke(builder);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class SteppingClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now;

    public void Advance(Duration by) => _now += by;

    public void AdvanceSeconds(int seconds) => Advance(Duration.FromSeconds(seconds));
}
