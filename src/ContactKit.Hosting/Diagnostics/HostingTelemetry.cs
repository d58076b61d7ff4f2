using System.Diagnostics;
using System.Diagnostics.Metrics;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>
/// The names under which the hosted workers publish metrics and traces, for OpenTelemetry or <c>dotnet-counters</c>:
/// <c>AddMeter(HostingTelemetry.Name)</c> and <c>AddSource(HostingTelemetry.Name)</c>.
/// </summary>
public static class HostingTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ContactKit.Hosting</c>.</summary>
    public const string Name = "ContactKit.Hosting";

    internal static readonly ActivitySource Source = new(Name);
}

/// <summary>The instruments of the <c>ContactKit.Hosting</c> meter. Tags are few and fixed: tenant, action, error code, alert kind.</summary>
internal sealed class HostingMetrics : IDisposable
{
    private readonly Meter _meter;

    public HostingMetrics(IMeterFactory? factory)
    {
        _meter = factory?.Create(HostingTelemetry.Name) ?? new Meter(HostingTelemetry.Name);
        Disposals = _meter.CreateCounter<long>("contactkit.hosting.disposals", "{item}", "Retained items disposed of, with proof, by action.");
        DisposalLag = _meter.CreateHistogram<double>("contactkit.hosting.disposal.lag", "s", "How long after its due instant each item was disposed of.");
        DisposalFailures = _meter.CreateCounter<long>("contactkit.hosting.disposal.failures", "{item}", "Claimed items that were not disposed of, by error code; each is offered again.");
        SweepFailures = _meter.CreateCounter<long>("contactkit.hosting.sweep.failures", "{run}", "Tenant sweeps that failed because the store threw or refused a whole batch.");
        AlertsRaised = _meter.CreateCounter<long>("contactkit.hosting.alerts", "{alert}", "Compliance alerts raised, by kind.");
        RightsRequestsOpen = _meter.CreateGauge<long>("contactkit.hosting.rights_requests.open", "{request}", "Open rights requests at the last deadline watch, by tenant.");
        RightsRequestsDueSoon = _meter.CreateGauge<long>("contactkit.hosting.rights_requests.due_soon", "{request}", "Open rights requests due soon at the last deadline watch, by tenant.");
        RightsRequestsOverdue = _meter.CreateGauge<long>("contactkit.hosting.rights_requests.overdue", "{request}", "Open rights requests past their due date at the last deadline watch, by tenant.");
        DeletionRequestsOverdue = _meter.CreateGauge<long>("contactkit.hosting.deletion_requests.overdue", "{request}", "Authorised deletions on request past their due date at the last deadline watch, by tenant.");
        SecurePausesOverdue = _meter.CreateGauge<long>("contactkit.hosting.secure_pauses.overdue", "{recording}", "Secure-payment pauses open longer than their limit at the last deadline watch, by tenant.");
        ScreeningsGoingStale = _meter.CreateGauge<long>("contactkit.hosting.screenings.going_stale", "{number}", "Numbers on published calling lists whose screening goes stale within the warning window, at the last deadline watch, by tenant.");
        HoldsActive = _meter.CreateGauge<long>("contactkit.hosting.holds.active", "{hold}", "Legal holds in force at the last disposal sweep, by tenant.");
    }

    public Counter<long> Disposals { get; }

    public Histogram<double> DisposalLag { get; }

    public Counter<long> DisposalFailures { get; }

    public Counter<long> SweepFailures { get; }

    public Counter<long> AlertsRaised { get; }

    public Gauge<long> RightsRequestsOpen { get; }

    public Gauge<long> RightsRequestsDueSoon { get; }

    public Gauge<long> RightsRequestsOverdue { get; }

    public Gauge<long> DeletionRequestsOverdue { get; }

    public Gauge<long> SecurePausesOverdue { get; }

    public Gauge<long> ScreeningsGoingStale { get; }

    public Gauge<long> HoldsActive { get; }

    public static KeyValuePair<string, object?> Tenant(TenantId tenant) => new("contactkit.tenant", tenant.Value);

    public static double Seconds(Duration duration) => duration.TotalSeconds;

    public void Dispose() => _meter.Dispose();
}
