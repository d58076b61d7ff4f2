using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>The names under which the hosted workers register their health checks.</summary>
public static class HostingHealthChecks
{
    /// <summary>The disposal sweep: its store reachable (the last run did not fail) and its lag under <see cref="DisposalSweepOptions.MaxLag"/>.</summary>
    public const string DisposalSweep = "contactkit-disposal-sweep";

    /// <summary>The deadline watch: no statutory deadline overdue at its last run.</summary>
    public const string Deadlines = "contactkit-deadlines";

    /// <summary>The tag on every ContactKit health check, for filtering in <c>MapHealthChecks</c>.</summary>
    public const string Tag = "contactkit";
}

internal sealed class DisposalSweepHealthCheck(DisposalSweepStatus status, IClock clock, IOptionsMonitor<DisposalSweepOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (startedAt, lastCompletedAt, longestLag, failures) = status.Read();
        var maxLag = options.CurrentValue.MaxLag;
        var now = clock.GetCurrentInstant();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["consecutiveFailures"] = failures,
            ["longestLagSeconds"] = longestLag.TotalSeconds,
        };
        HealthCheckResult result;
        if (failures > 0)
        {
            result = HealthCheckResult.Unhealthy(Say($"{HostingErrorCodes.SweepFailed}: the last {failures} disposal sweep runs failed (the store threw or refused every item); the sweep is backing off and retrying."), data: data);
        }
        else if (longestLag > maxLag)
        {
            result = HealthCheckResult.Unhealthy(Say($"{HostingErrorCodes.SweepLagging}: the last run disposed of an item {DisposalSweep.Text(longestLag)} after it was due, more than MaxLag ({DisposalSweep.Text(maxLag)})."), data: data);
        }
        else if ((lastCompletedAt ?? startedAt) is { } since && now - since > maxLag)
        {
            result = HealthCheckResult.Unhealthy(Say($"{HostingErrorCodes.SweepLagging}: no disposal sweep run has finished for {DisposalSweep.Text(now - since)}, more than MaxLag ({DisposalSweep.Text(maxLag)})."), data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy(lastCompletedAt is null ? "The disposal sweep has not finished a run yet." : "The disposal sweep is keeping up.", data);
        }

        return Task.FromResult(result);
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed class DeadlineHealthCheck(DeadlineWatchStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (last, _) = status.Read();
        if (last is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The deadline watch has not run yet."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["rightsRequestsOverdue"] = last.RightsRequestsOverdue,
            ["deletionRequestsOverdue"] = last.DeletionRequestsOverdue,
            ["failedTenants"] = last.FailedTenants,
        };
        var result = last.AnyOverdue
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"{HostingErrorCodes.DeadlineOverdue}: {last.RightsRequestsOverdue} rights requests and {last.DeletionRequestsOverdue} deletions on request are past their statutory deadline."), data: data)
            : last.FailedTenants > 0
                ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"{HostingErrorCodes.WatchFailed}: the deadline watch could not read the stores of {last.FailedTenants} tenants at its last run."), data: data)
                : HealthCheckResult.Healthy("No statutory deadline is overdue.", data);
        return Task.FromResult(result);
    }
}
