using ContactKit.Hosting;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Samples.Worker;

/// <summary>
/// Simulated time for the hosted workers: when every worker is waiting, the clock jumps to the earliest wake-up and
/// that worker runs. Once the next wake-up is past <c>until</c>, the host is asked to stop. Nothing sleeps.
/// </summary>
internal sealed class FakeTimeline(FakeClock clock, int workers, Instant until, IHostApplicationLifetime lifetime) : IWorkerDelay
{
    private readonly Lock _lock = new();
    private readonly List<(Instant Wake, TaskCompletionSource Done)> _waiting = [];

    public async ValueTask WaitAsync(Duration delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiting.Add((clock.GetCurrentInstant() + delay, done));
            if (_waiting.Count == workers)
            {
                Advance();
            }
        }

        using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        await done.Task.ConfigureAwait(false);
    }

    private void Advance()
    {
        var next = _waiting.Min(w => w.Wake);
        if (next > until)
        {
            lifetime.StopApplication();
            return;
        }

        if (next > clock.GetCurrentInstant())
        {
            clock.Reset(next);
        }

        foreach (var waiter in _waiting.Where(w => w.Wake <= next).ToList())
        {
            _waiting.Remove(waiter);
            waiter.Done.TrySetResult();
        }
    }
}
