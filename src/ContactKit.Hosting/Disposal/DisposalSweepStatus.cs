using NodaTime;

namespace ContactKit.Hosting;

/// <summary>What the disposal sweep last did, for its health check. Thread-safe.</summary>
internal sealed class DisposalSweepStatus
{
    private readonly Lock _lock = new();
    private Instant? _startedAt;
    private Instant? _lastCompletedAt;
    private Duration _longestLag;
    private int _consecutiveFailures;

    public (Instant? StartedAt, Instant? LastCompletedAt, Duration LongestLag, int ConsecutiveFailures) Read()
    {
        lock (_lock)
        {
            return (_startedAt, _lastCompletedAt, _longestLag, _consecutiveFailures);
        }
    }

    public void Started(Instant at)
    {
        lock (_lock)
        {
            _startedAt ??= at;
        }
    }

    /// <summary>Records a finished run and returns how many failed runs came before it in a row.</summary>
    public int Completed(Instant at, Duration longestLag)
    {
        lock (_lock)
        {
            var before = _consecutiveFailures;
            _startedAt ??= at;
            _lastCompletedAt = at;
            _longestLag = longestLag;
            _consecutiveFailures = 0;
            return before;
        }
    }

    /// <summary>Records a failed run and returns how many have failed in a row.</summary>
    public int Failed(Instant at)
    {
        lock (_lock)
        {
            _startedAt ??= at;
            return ++_consecutiveFailures;
        }
    }
}
