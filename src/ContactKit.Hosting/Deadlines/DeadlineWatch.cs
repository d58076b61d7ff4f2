using System.Diagnostics;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>
/// A background service that watches statutory deadlines: every <see cref="DeadlineWatchOptions.Interval"/>, for each
/// tenant in <see cref="HostingOptions.Tenants"/>, it reads the open rights requests and the open deletions on request
/// and raises, through <see cref="IComplianceAlerts"/>, each request due soon, each overdue, and each extension notice
/// whose last day is near; with the recording package, each secure-payment pause left open past the session's
/// <see cref="RecordingPolicy.MaxSecurePause"/>; with the consent package, each published calling list
/// (<see cref="CallingListScreenings"/>) whose screenings go stale within <see cref="DeadlineWatchOptions.ScreeningStaleWarningDays"/>.
/// Each alert is raised once while its condition holds (per process); one whose condition
/// ends and returns is raised again. Dates are the tenant's, in its time zone.
/// </summary>
public sealed class DeadlineWatch : TenantWorker
{
    private readonly IRightsRequestStore _rights;
    private readonly IDeletionRequestStore? _deletions;
    private readonly IRecordingStore? _recordings;
    private readonly CallingListScreenings? _screenings;
    private readonly IComplianceAlerts _alerts;
    private readonly ITenantTimeZones _zones;
    private readonly IOptionsMonitor<DeadlineWatchOptions> _options;
    private readonly IOptionsMonitor<DataSubjectsOptions> _dataSubjects;
    private readonly DeadlineWatchStatus _status;
    private readonly Dictionary<TenantId, HashSet<string>> _raised = [];
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    internal DeadlineWatch(
        IRightsRequestStore rights,
        IDeletionRequestStore? deletions,
        IComplianceAlerts alerts,
        IClock clock,
        ITenantTimeZones zones,
        IWorkerDelay delay,
        IOptionsMonitor<HostingOptions> hosting,
        IOptionsMonitor<DeadlineWatchOptions> options,
        IOptionsMonitor<DataSubjectsOptions> dataSubjects,
        HostingMetrics metrics,
        DeadlineWatchStatus status,
        ILogger<DeadlineWatch> logger,
        IRecordingStore? recordings = null,
        CallingListScreenings? screenings = null)
        : base(clock, delay, hosting, metrics, logger)
    {
        _recordings = recordings;
        _screenings = screenings;
        _rights = rights;
        _deletions = deletions;
        _alerts = alerts;
        _zones = zones;
        _options = options;
        _dataSubjects = dataSubjects;
        _status = status;
    }

    /// <summary>
    /// Runs the watch once over every tenant, raises what is new, and returns what it found. The background loop calls
    /// it; a host may call it directly.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the run found.</returns>
    public async Task<DeadlineWatchReport> CheckOnceAsync(CancellationToken cancellationToken = default)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = HostingTelemetry.Source.StartActivity("DeadlineWatch.Run");
            var total = new Counts();
            var failed = await ForEachTenantAsync(
                async tenant => total.Add(await CheckTenantAsync(tenant, cancellationToken).ConfigureAwait(false)),
                (tenant, ex) =>
                {
                    Logger.WatchFailed(tenant.Value, HostingErrorCodes.WatchFailed, ex.GetType().Name, ex);
                    activity?.SetStatus(ActivityStatusCode.Error, HostingErrorCodes.WatchFailed);
                },
                cancellationToken).ConfigureAwait(false);

            var report = new DeadlineWatchReport(total.Open, total.DueSoon, total.Overdue, total.ExtensionNotices, total.DeletionsDueSoon, total.DeletionsOverdue, total.Raised, failed)
            {
                SecurePausesOverdue = total.PausesOverdue,
                ScreeningsGoingStale = total.ScreeningsGoingStale,
            };
            _status.Record(report, Clock.GetCurrentInstant());
            Logger.WatchCompleted(report.RightsRequestsOpen, report.RightsRequestsDueSoon, report.RightsRequestsOverdue, report.DeletionRequestsOverdue, report.AlertsRaised);
            return report;
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<Counts> CheckTenantAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        using var activity = HostingTelemetry.Source.StartActivity("DeadlineWatch.Tenant");
        activity?.SetTag("contactkit.tenant", tenant.Value);
        var options = _options.CurrentValue;
        var now = Clock.GetCurrentInstant();
        var today = now.InZone(_zones.GetTimeZone(tenant)).Date;
        var dueSoonDays = options.RightsRequestDueSoonDays ?? _dataSubjects.CurrentValue.DueSoonWithinDays;
        var counts = new Counts();
        var current = new List<ComplianceAlert>();

        using (HostingTelemetry.Source.StartActivity("DeadlineWatch.ReadRightsRequests"))
        {
            await foreach (var request in _rights.ListOpenDueByAsync(tenant, LocalDate.MaxIsoValue, cancellationToken).ConfigureAwait(false))
            {
                if (!request.IsOpen)
                {
                    continue;
                }

                counts.Open++;
                var reference = request.Id.Value;
                if (request.IsOverdue(today))
                {
                    counts.Overdue++;
                    current.Add(new(ComplianceAlertKind.RightsRequestOverdue, tenant, reference, request.DueOn, now));
                }
                else if (request.IsDueSoon(today, dueSoonDays))
                {
                    counts.DueSoon++;
                    current.Add(new(ComplianceAlertKind.RightsRequestDueSoon, tenant, reference, request.DueOn, now));
                }

                if (request.IsClockRunning && request.Extension is null &&
                    request.ExtensionNoticeDueOn >= today && request.ExtensionNoticeDueOn <= today.PlusDays(options.ExtensionNoticeWarningDays))
                {
                    counts.ExtensionNotices++;
                    current.Add(new(ComplianceAlertKind.ExtensionNoticeDue, tenant, reference, request.ExtensionNoticeDueOn, now));
                }
            }
        }

        if (_deletions is not null)
        {
            using (HostingTelemetry.Source.StartActivity("DeadlineWatch.ReadDeletionRequests"))
            {
                await foreach (var request in _deletions.ReadOpenAsync(tenant, cancellationToken).ConfigureAwait(false))
                {
                    if (request.State != DeletionRequestState.Authorised || request.DueBy is not { } due)
                    {
                        continue;
                    }

                    if (request.IsOverdue(today))
                    {
                        counts.DeletionsOverdue++;
                        current.Add(new(ComplianceAlertKind.DeletionRequestOverdue, tenant, request.Id.Value, due, now));
                    }
                    else if (due <= today.PlusDays(options.DeletionDueSoonDays))
                    {
                        counts.DeletionsDueSoon++;
                        current.Add(new(ComplianceAlertKind.DeletionRequestDueSoon, tenant, request.Id.Value, due, now));
                    }
                }
            }
        }

        if (_recordings is not null)
        {
            using (HostingTelemetry.Source.StartActivity("DeadlineWatch.ReadSecurePauses"))
            {
                await foreach (var session in _recordings.ReadSecurePausedAsync(tenant, cancellationToken).ConfigureAwait(false))
                {
                    if (session.SecurePauseSince is { } since && session.IsSecurePauseOverdue(now))
                    {
                        counts.PausesOverdue++;
                        var limit = (since + session.Policy.MaxSecurePause).InZone(_zones.GetTimeZone(tenant)).Date;
                        current.Add(new(ComplianceAlertKind.SecurePauseOverdue, tenant, session.Id.Value, limit, now));
                    }
                }
            }
        }

        if (_screenings is not null)
        {
            foreach (var list in _screenings.Read(tenant))
            {
                var stale = list.Index.GoingStale(today, options.ScreeningStaleWarningDays);
                if (stale.FirstStaleOn is { } first)
                {
                    counts.ScreeningsGoingStale += stale.Count;
                    current.Add(new(ComplianceAlertKind.ScreeningGoingStale, tenant, list.Name, first, now));
                }
            }
        }

        var tag = HostingMetrics.Tenant(tenant);
        Metrics.RightsRequestsOpen.Record(counts.Open, tag);
        Metrics.RightsRequestsDueSoon.Record(counts.DueSoon, tag);
        Metrics.RightsRequestsOverdue.Record(counts.Overdue, tag);
        Metrics.DeletionRequestsOverdue.Record(counts.DeletionsOverdue, tag);
        if (_recordings is not null)
        {
            Metrics.SecurePausesOverdue.Record(counts.PausesOverdue, tag);
        }

        if (_screenings is not null)
        {
            Metrics.ScreeningsGoingStale.Record(counts.ScreeningsGoingStale, tag);
        }
        counts.Raised = await RaiseNewAsync(tenant, current, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private async Task<int> RaiseNewAsync(TenantId tenant, List<ComplianceAlert> current, CancellationToken cancellationToken)
    {
        if (!_raised.TryGetValue(tenant, out var before))
        {
            before = new HashSet<string>(StringComparer.Ordinal);
            _raised[tenant] = before;
        }

        var now = new HashSet<string>(StringComparer.Ordinal);
        var raised = 0;
        foreach (var alert in current)
        {
            var key = string.Concat(alert.Kind.ToString(), "|", alert.Reference, "|", NodaTime.Text.LocalDatePattern.Iso.Format(alert.DueOn));
            if (before.Contains(key))
            {
                now.Add(key);
                continue;
            }

            try
            {
                await _alerts.RaiseAsync(alert, cancellationToken).ConfigureAwait(false);
                now.Add(key);
                raised++;
                Metrics.AlertsRaised.Add(1, HostingMetrics.Tenant(tenant), new("contactkit.alert.kind", alert.Kind.ToString()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.AlertNotDelivered(alert.Kind, tenant.Value, ex.GetType().Name, ex);
            }
        }

        // Only the alerts whose condition still holds are remembered, so the set does not grow and a returning condition is raised again.
        _raised[tenant] = now;
        return raised;
    }

    private protected override async Task<Duration> RunForLoopAsync(CancellationToken stoppingToken)
    {
        await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
        return _options.CurrentValue.Interval;
    }

    private protected override void LogStarted() =>
        Logger.WatchStarted(Hosting.CurrentValue.Tenants.Count, DisposalSweep.Text(_options.CurrentValue.Interval), _deletions is not null);

    private protected override void LogStopped() => Logger.WatchStopped();

    /// <inheritdoc />
    public override void Dispose()
    {
        _oneRunAtATime.Dispose();
        base.Dispose();
    }

    private sealed class Counts
    {
        public int Open { get; set; }

        public int DueSoon { get; set; }

        public int Overdue { get; set; }

        public int ExtensionNotices { get; set; }

        public int DeletionsDueSoon { get; set; }

        public int DeletionsOverdue { get; set; }

        public int Raised { get; set; }

        public int PausesOverdue { get; set; }

        public int ScreeningsGoingStale { get; set; }

        public void Add(Counts other)
        {
            Open += other.Open;
            DueSoon += other.DueSoon;
            Overdue += other.Overdue;
            ExtensionNotices += other.ExtensionNotices;
            DeletionsDueSoon += other.DeletionsDueSoon;
            DeletionsOverdue += other.DeletionsOverdue;
            Raised += other.Raised;
            PausesOverdue += other.PausesOverdue;
            ScreeningsGoingStale += other.ScreeningsGoingStale;
        }
    }
}
