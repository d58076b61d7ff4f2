using System.Diagnostics;
using System.Globalization;
using ContactKit.Interactions;
using ContactKit.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>
/// A background service that disposes of what is due: every <see cref="DisposalSweepOptions.Interval"/>, for each
/// tenant in <see cref="HostingOptions.Tenants"/>, it claims batches of due items through the retention package's
/// <see cref="DisposalPlanner"/>, hands each to the registered <see cref="IRetainedItemDisposer"/> and records proof,
/// until less than a full batch is due. An item whose rule asks for a review is kept, and raised as a
/// <see cref="ComplianceAlertKind.RetentionReviewDue"/> alert. With the interaction layer, each pass also carries out the authorised deletions
/// on request (<see cref="DeletionRequestService.CarryOutDueAsync"/>). Several instances may sweep one store: claims
/// keep them apart.
/// </summary>
/// <remarks>
/// When the store throws, or refuses every item of a batch, the run counts as failed: the sweep waits
/// <see cref="DisposalSweepOptions.RetryInitialDelay"/>, doubling after each further failure up to
/// <see cref="DisposalSweepOptions.RetryMaxDelay"/>, and reports unhealthy until a run succeeds. On shutdown the batch in
/// hand is finished before the sweep stops; if the host's shutdown timeout cuts it short, the claims of the items not
/// done lapse after the retention claim timeout and another run takes them. Nothing is disposed of twice: an item is
/// completed only under its claim.
/// </remarks>
public sealed class DisposalSweep : TenantWorker
{
    private readonly DisposalPlanner _planner;
    private readonly IRetainedItemDisposer _disposer;
    private readonly DeletionRequestService? _deletions;
    private readonly IRetentionStore? _store;
    private readonly IComplianceAlerts? _alerts;
    private readonly ITenantTimeZones? _zones;
    private readonly IOptionsMonitor<DisposalSweepOptions> _options;
    private readonly IOptionsMonitor<RetentionOptions> _retention;
    private readonly DisposalSweepStatus _status;
    private readonly CancellationTokenSource _hardStop = new();
    private int _failedRuns;

    internal DisposalSweep(
        DisposalPlanner planner,
        IRetainedItemDisposer disposer,
        IClock clock,
        IWorkerDelay delay,
        IOptionsMonitor<HostingOptions> hosting,
        IOptionsMonitor<DisposalSweepOptions> options,
        IOptionsMonitor<RetentionOptions> retention,
        HostingMetrics metrics,
        DisposalSweepStatus status,
        ILogger<DisposalSweep> logger,
        DeletionRequestService? deletions = null,
        IRetentionStore? store = null,
        IComplianceAlerts? alerts = null,
        ITenantTimeZones? zones = null)
        : base(clock, delay, hosting, metrics, logger)
    {
        _alerts = alerts;
        _zones = zones;
        _store = store;
        _deletions = deletions;
        _planner = planner;
        _disposer = disposer;
        _options = options;
        _retention = retention;
        _status = status;
        Worker = ActorId.Parse(options.CurrentValue.WorkerId ?? DefaultWorkerId());
    }

    /// <summary>The worker id this sweep writes in its claims and proofs.</summary>
    public ActorId Worker { get; }

    /// <summary>
    /// Runs the sweep once over every tenant, draining each until less than a full batch is due, and returns what it
    /// did. The background loop calls it; a host may call it directly (for example from a command that runs once).
    /// </summary>
    /// <param name="cancellationToken">Stops the run between batches; the batch in hand is finished.</param>
    /// <returns>What the run did.</returns>
    public async Task<DisposalSweepReport> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        var batchSize = _options.CurrentValue.BatchSize ?? _retention.CurrentValue.BatchSize;
        using var activity = HostingTelemetry.Source.StartActivity("DisposalSweep.Run");
        _status.Started(Clock.GetCurrentInstant());
        int disposed = 0, notDisposed = 0, refusedTenants = 0;
        var longestLag = Duration.Zero;
        var failedTenants = await ForEachTenantAsync(
            async tenant =>
            {
                var (d, n, lag, refused) = await SweepTenantAsync(tenant, batchSize, cancellationToken).ConfigureAwait(false);
                var (deleted, notDeleted) = await CarryOutDeletionRequestsAsync(tenant).ConfigureAwait(false);
                await MeasureHoldsAsync(tenant, _hardStop.Token).ConfigureAwait(false); // a graceful stop still measures: only the shutdown timeout cuts the run
                disposed += d + deleted;
                notDisposed += n + notDeleted;
                longestLag = Duration.Max(longestLag, lag);
                if (refused)
                {
                    refusedTenants++;
                }
            },
            (tenant, ex) =>
            {
                Metrics.SweepFailures.Add(1, HostingMetrics.Tenant(tenant), new("error.type", ex.GetType().Name));
                Logger.SweepFailed(tenant.Value, HostingErrorCodes.SweepFailed, ex.GetType().Name, ex);
                activity?.SetStatus(ActivityStatusCode.Error, HostingErrorCodes.SweepFailed);
            },
            cancellationToken).ConfigureAwait(false);

        var report = new DisposalSweepReport(disposed, notDisposed, failedTenants + refusedTenants, longestLag);
        activity?.SetTag("contactkit.disposed", disposed);
        activity?.SetTag("contactkit.not_disposed", notDisposed);
        var now = Clock.GetCurrentInstant();
        if (report.Failed)
        {
            _status.Failed(now);
        }
        else
        {
            var before = _status.Completed(now, longestLag);
            if (before > 0)
            {
                Logger.SweepRecovered(before);
            }
        }

        Logger.SweepCompleted(disposed, notDisposed, Text(longestLag));
        return report;
    }

    private async Task<(int Disposed, int NotDisposed, Duration LongestLag, bool Failed)> SweepTenantAsync(TenantId tenant, int batchSize, CancellationToken stopping)
    {
        int disposed = 0, notDisposed = 0;
        var longestLag = Duration.Zero;
        while (true)
        {
            using var activity = HostingTelemetry.Source.StartActivity("DisposalSweep.Batch");
            activity?.SetTag("contactkit.tenant", tenant.Value);

            // The batch in hand is finished even when the host asks to stop; only the host's shutdown timeout cuts it.
            // Records kept "as long as needed" are never destroyed by the sweep: a person is asked to review them. The alert
            // is raised before the item's plan is cleared, so an alert that cannot be raised is raised on the next run.
            var run = await _planner.RunOnceAsync(tenant, Worker, _disposer, batchSize, _alerts is null ? null : RaiseReviewAsync, _hardStop.Token).ConfigureAwait(false);
            activity?.SetTag("contactkit.claimed", run.Claimed);
            activity?.SetTag("contactkit.disposed", run.Proofs.Length);
            foreach (var proof in run.Proofs)
            {
                var lag = proof.DueAt is { } due && proof.DisposedAt > due ? proof.DisposedAt - due : Duration.Zero;
                longestLag = Duration.Max(longestLag, lag);
                var action = new KeyValuePair<string, object?>("contactkit.action", (proof.Action ?? DisposalAction.Delete).ToString());
                Metrics.Disposals.Add(1, HostingMetrics.Tenant(tenant), action);
                Metrics.DisposalLag.Record(HostingMetrics.Seconds(lag), HostingMetrics.Tenant(tenant), action);
            }

            foreach (var (item, error) in run.Failures)
            {
                Metrics.DisposalFailures.Add(1, HostingMetrics.Tenant(tenant), new("error.code", error.Code));
                Logger.ItemNotDisposed(tenant.Value, item.Value, error.Code);
            }

            disposed += run.Proofs.Length;
            notDisposed += run.Failures.Length;
            Logger.SweepBatch(tenant.Value, run.Claimed, run.Proofs.Length, run.Failures.Length);
            if (run.Failures.Length > 0 && run.Proofs.Length == 0)
            {
                // Every claimed item was refused: the store or the disposer is failing, so back off.
                Metrics.SweepFailures.Add(1, HostingMetrics.Tenant(tenant), new("error.type", run.Failures[0].Error.Code));
                Logger.SweepFailed(tenant.Value, HostingErrorCodes.SweepFailed, run.Failures[0].Error.Code, null);
                activity?.SetStatus(ActivityStatusCode.Error, HostingErrorCodes.SweepFailed);
                return (disposed, notDisposed, longestLag, true);
            }

            // A released item would be claimed again at once: leave it for the next run.
            if (run.Claimed < batchSize || run.Failures.Length > 0 || stopping.IsCancellationRequested)
            {
                return (disposed, notDisposed, longestLag, false);
            }
        }
    }

    // A review that came due, raised as an alert for a person, dated in the tenant's zone.
    private ValueTask RaiseReviewAsync(ReviewReminder review, CancellationToken cancellationToken)
    {
        var tenant = review.AuditEntry.Tenant;
        var at = Clock.GetCurrentInstant();
        var zone = _zones?.GetTimeZone(tenant) ?? DateTimeZone.Utc;
        return _alerts!.RaiseAsync(new ComplianceAlert(ComplianceAlertKind.RetentionReviewDue, tenant, review.Item.Value, (review.DueAt ?? at).InZone(zone).Date, at), cancellationToken);
    }

    // Deletions on request that have been authorised are carried out on every pass, with proof (notice 002).
    private async Task<(int Deleted, int NotDeleted)> CarryOutDeletionRequestsAsync(TenantId tenant)
    {
        if (_deletions is null)
        {
            return (0, 0);
        }

        using var activity = HostingTelemetry.Source.StartActivity("DisposalSweep.DeletionRequests");
        activity?.SetTag("contactkit.tenant", tenant.Value);
        var (completed, failed) = await _deletions.CarryOutDueAsync(tenant, Worker, _hardStop.Token).ConfigureAwait(false);
        foreach (var (request, error) in failed)
        {
            Metrics.DisposalFailures.Add(1, HostingMetrics.Tenant(tenant), new("error.code", error.Code));
            Logger.ItemNotDisposed(tenant.Value, request.Value, error.Code);
        }

        if (completed.Count > 0)
        {
            Metrics.Disposals.Add(completed.Count, HostingMetrics.Tenant(tenant), new("contactkit.action", "DeleteOnRequest"));
        }

        return (completed.Count, failed.Count);
    }

    // The holds in force, as a gauge per tenant. Legal holds are few, so reading them all each run costs little.
    private async Task MeasureHoldsAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        if (_store is null || !Metrics.HoldsActive.Enabled)
        {
            return;
        }

        using var activity = HostingTelemetry.Source.StartActivity("DisposalSweep.ReadHolds");
        activity?.SetTag("contactkit.tenant", tenant.Value);
        long active = 0;
        await foreach (var hold in _store.ReadHoldsAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            active += hold.IsActive ? 1 : 0;
        }

        Metrics.HoldsActive.Record(active, HostingMetrics.Tenant(tenant));
    }

    private protected override async Task<Duration> RunForLoopAsync(CancellationToken stoppingToken)
    {
        var report = await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
        var options = _options.CurrentValue;
        if (!report.Failed)
        {
            _failedRuns = 0;
            return options.Interval;
        }

        _failedRuns++;
        var wait = Backoff(options, _failedRuns);
        Logger.SweepBackingOff(_failedRuns, Text(wait));
        return wait;
    }

    // The shutdown timeout cut the batch in hand short: its remaining claims lapse and another run takes them.
    private protected override bool IsCutShort(CancellationToken stoppingToken) => _hardStop.IsCancellationRequested;

    private protected override void LogStarted()
    {
        var options = _options.CurrentValue;
        _status.Started(Clock.GetCurrentInstant());
        Logger.SweepStarted(Worker.Value, Hosting.CurrentValue.Tenants.Count, Text(options.Interval), Text(options.MaxLag));
    }

    private protected override void LogStopped() => Logger.SweepStopped(Worker.Value);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // When the host's shutdown timeout ends, the batch in hand is cut short; its claims lapse and are taken again.
        using var registration = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _hardStop);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    internal static Duration Backoff(DisposalSweepOptions options, int failures)
    {
        var wait = options.RetryInitialDelay;
        for (var i = 1; i < failures && wait < options.RetryMaxDelay; i++)
        {
            wait += wait;
        }

        return Duration.Min(wait, options.RetryMaxDelay);
    }

    internal static string Text(Duration duration) => NodaTime.Text.DurationPattern.Roundtrip.Format(duration);

    private static string DefaultWorkerId()
    {
        var machine = new string([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        return string.Create(CultureInfo.InvariantCulture, $"sweep-{machine}-{Environment.ProcessId}");
    }
}
