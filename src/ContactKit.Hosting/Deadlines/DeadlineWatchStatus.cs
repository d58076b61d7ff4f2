using NodaTime;

namespace ContactKit.Hosting;

/// <summary>What the deadline watch last found, for its health check. Thread-safe.</summary>
internal sealed class DeadlineWatchStatus
{
    private readonly Lock _lock = new();
    private DeadlineWatchReport? _last;
    private Instant? _lastRunAt;

    public (DeadlineWatchReport? Last, Instant? LastRunAt) Read()
    {
        lock (_lock)
        {
            return (_last, _lastRunAt);
        }
    }

    public void Record(DeadlineWatchReport report, Instant at)
    {
        lock (_lock)
        {
            _last = report;
            _lastRunAt = at;
        }
    }
}
