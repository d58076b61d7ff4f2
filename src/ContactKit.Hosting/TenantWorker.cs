using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>
/// What the hosted workers share: a run over every tenant in <see cref="HostingOptions.Tenants"/>, one tenant's
/// failure kept from the others, then a wait on <see cref="IWorkerDelay"/>, until the host stops. Time comes from the
/// injected <see cref="IClock"/>, so a test drives a worker with a fake clock and no sleeps.
/// </summary>
public abstract class TenantWorker : BackgroundService
{
    private protected TenantWorker(IClock clock, IWorkerDelay delay, IOptionsMonitor<HostingOptions> hosting, HostingMetrics metrics, ILogger logger)
    {
        Clock = clock;
        Delay = delay;
        Hosting = hosting;
        Metrics = metrics;
        Logger = logger;
    }

    private protected IClock Clock { get; }

    private protected IWorkerDelay Delay { get; }

    private protected IOptionsMonitor<HostingOptions> Hosting { get; }

    private protected HostingMetrics Metrics { get; }

    private protected ILogger Logger { get; }

    /// <summary>Runs once, and returns how long to wait before the next run.</summary>
    private protected abstract Task<Duration> RunForLoopAsync(CancellationToken stoppingToken);

    /// <summary>Whether a cancellation seen while running means the worker must stop now, rather than a failure.</summary>
    private protected virtual bool IsCutShort(CancellationToken stoppingToken) => stoppingToken.IsCancellationRequested;

    private protected abstract void LogStarted();

    private protected abstract void LogStopped();

    /// <summary>
    /// Runs <paramref name="work"/> for each tenant in turn, stopping between tenants once <paramref name="stoppingToken"/>
    /// is cancelled. A tenant whose work throws is handed to <paramref name="failed"/> and the next tenant runs; only a
    /// cancellation that <see cref="IsCutShort"/> accepts ends the loop by throwing.
    /// </summary>
    /// <returns>How many tenants failed.</returns>
    private protected async Task<int> ForEachTenantAsync(Func<TenantId, Task> work, Action<TenantId, Exception> failed, CancellationToken stoppingToken)
    {
        var failures = 0;
        foreach (var name in Hosting.CurrentValue.Tenants)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var tenant = TenantId.Parse(name);
            try
            {
                await work(tenant).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !IsCutShort(stoppingToken))
            {
                failures++;
                failed(tenant, ex);
            }
        }

        return failures;
    }

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted();
        while (!stoppingToken.IsCancellationRequested)
        {
            Duration wait;
            try
            {
                wait = await RunForLoopAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (IsCutShort(stoppingToken))
            {
                break;
            }

            try
            {
                await Delay.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        LogStopped();
    }
}
