using ContactKit.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactKit.Samples.Worker;

/// <summary>
/// Where the deadline watch's alerts go. A deployment pages someone or opens a ticket here; the sample writes a log
/// entry and keeps the alert, so a simulated run can check what was raised. An alert names the request by id only.
/// </summary>
internal sealed partial class PagerAlerts(ILogger<PagerAlerts> logger) : IComplianceAlerts
{
    private readonly Lock _lock = new();
    private readonly List<ComplianceAlert> _raised = [];

    public IReadOnlyList<ComplianceAlert> Raised
    {
        get
        {
            lock (_lock)
            {
                return [.. _raised];
            }
        }
    }

    public ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            _raised.Add(alert);
        }

        Paged(logger, alert.Kind, alert.Tenant.Value, alert.Reference, NodaTime.Text.LocalDatePattern.Iso.Format(alert.DueOn), alert.Code ?? "-");
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1, EventName = "Paged", Level = LogLevel.Warning, Message = "Paged the on-call officer: {Kind} for tenant {Tenant}, {Reference} due {DueOn} ({Code})")]
    private static partial void Paged(ILogger logger, ComplianceAlertKind kind, string tenant, string reference, string dueOn, string code);
}
