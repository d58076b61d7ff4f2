using ContactKit.Interactions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>What a compliance alert is about.</summary>
public enum ComplianceAlertKind
{
    /// <summary>A rights request is due within the warning window.</summary>
    RightsRequestDueSoon = 1,

    /// <summary>A rights request is past its due date and not closed.</summary>
    RightsRequestOverdue = 2,

    /// <summary>The last day to tell the requester that a rights request is extended is within the warning window.</summary>
    ExtensionNoticeDue = 3,

    /// <summary>An authorised deletion on request is due within the warning window.</summary>
    DeletionRequestDueSoon = 4,

    /// <summary>An authorised deletion on request is past its due date and not completed.</summary>
    DeletionRequestOverdue = 5,

    /// <summary>
    /// A secure-payment pause has stayed open longer than its session's limit (<c>Reference</c> is the recording;
    /// <c>DueOn</c> the day the limit passed): capture has not resumed after a card payment.
    /// </summary>
    SecurePauseOverdue = 6,

    /// <summary>
    /// Screenings of a published calling list go stale within the warning window (<c>Reference</c> is the list's name;
    /// <c>DueOn</c> the first day a number on it may no longer be called until it is screened again).
    /// </summary>
    ScreeningGoingStale = 7,

    /// <summary>
    /// A retained item kept "as long as needed" has reached its review (<c>Reference</c> is the retained item;
    /// <c>DueOn</c> the day the review fell due): the disposal sweep kept it and destroyed nothing. Decide whether it is
    /// still needed, and erase it if not.
    /// </summary>
    RetentionReviewDue = 8,

    /// <summary>
    /// Card data was found in a transcript outside a secure-payment pause (<c>Reference</c> names the interaction and
    /// recording; <c>DueOn</c> is the day it was found). It was redacted before anything was stored, but shows a pause that
    /// should have happened: check the agent's script and the payment flow.
    /// </summary>
    CardDataSeenOutsidePause = 20,
}

/// <summary>One deadline about to be missed, or missed. It names the request by its id only, never the person.</summary>
/// <param name="Kind">What the alert is about.</param>
/// <param name="Tenant">The tenant.</param>
/// <param name="Reference">The id of the request the alert is about.</param>
/// <param name="DueOn">The date the work is due, in the tenant's time zone.</param>
/// <param name="RaisedAt">When the alert was raised.</param>
public sealed record ComplianceAlert(ComplianceAlertKind Kind, TenantId Tenant, string Reference, LocalDate DueOn, Instant RaisedAt)
{
    /// <summary>Whether the deadline has already passed.</summary>
    public bool IsOverdue => Kind is ComplianceAlertKind.RightsRequestOverdue or ComplianceAlertKind.DeletionRequestOverdue;

    /// <summary>The error code of an overdue alert (<see cref="HostingErrorCodes.DeadlineOverdue"/>), otherwise <see langword="null"/>.</summary>
    public string? Code => IsOverdue ? HostingErrorCodes.DeadlineOverdue : null;
}

/// <summary>
/// Receives compliance alerts from the deadline watch, so that a host can page someone or open a ticket. Each alert is
/// raised once per process while its condition holds. The default writes a log entry (event 712, or 713 when overdue);
/// register your own with <c>services.AddSingleton&lt;IComplianceAlerts, MyAlerts&gt;()</c>, before or after
/// <c>AddDeadlineWatch()</c>.
/// </summary>
public interface IComplianceAlerts
{
    /// <summary>Raises one alert. An exception leaves the alert to be raised again at the next run.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the alert has been handed on.</returns>
    ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default);
}

internal sealed class LoggingComplianceAlerts(ILogger<LoggingComplianceAlerts> logger) : IComplianceAlerts
{
    public ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var due = NodaTime.Text.LocalDatePattern.Iso.Format(alert.DueOn);
        if (alert.IsOverdue)
        {
            logger.OverdueAlert(alert.Kind, alert.Tenant.Value, alert.Reference, due);
        }
        else
        {
            logger.ComplianceAlert(alert.Kind, alert.Tenant.Value, alert.Reference, due);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Raises the interaction layer's alerts (<see cref="IInteractionAlerts"/>) as compliance alerts.</summary>
internal sealed class InteractionAlertsAsComplianceAlerts(IComplianceAlerts alerts, ITenantTimeZones zones) : IInteractionAlerts
{
    public ValueTask CardDataSeenAsync(CardDataSighting sighting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sighting);
        var day = sighting.At.InZone(zones.GetTimeZone(sighting.Tenant)).Date;
        return alerts.RaiseAsync(
            new ComplianceAlert(ComplianceAlertKind.CardDataSeenOutsidePause, sighting.Tenant, $"{sighting.Interaction}/{sighting.Recording}", day, sighting.At),
            cancellationToken);
    }
}
