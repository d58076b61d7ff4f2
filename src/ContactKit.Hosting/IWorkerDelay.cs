using NodaTime;

namespace ContactKit.Hosting;

/// <summary>
/// Waits between the runs of a hosted worker. The default waits on the host's <see cref="TimeProvider"/>; a test
/// replaces it with one that advances a fake clock, so no test sleeps.
/// </summary>
public interface IWorkerDelay
{
    /// <summary>Waits for <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Ends the wait early (the host is stopping).</param>
    /// <returns>A task that completes when the time has passed, or is cancelled.</returns>
    ValueTask WaitAsync(Duration delay, CancellationToken cancellationToken);
}

internal sealed class TimeProviderWorkerDelay(TimeProvider time) : IWorkerDelay
{
    public ValueTask WaitAsync(Duration delay, CancellationToken cancellationToken) =>
        new(Task.Delay(delay.ToTimeSpan(), time, cancellationToken));
}
