namespace ContactKit.Hosting;

/// <summary>What one run of the deadline watch found, over every tenant.</summary>
/// <param name="RightsRequestsOpen">Open rights requests.</param>
/// <param name="RightsRequestsDueSoon">Open rights requests due within the warning window (the clock running).</param>
/// <param name="RightsRequestsOverdue">Open rights requests past their due date (the clock running).</param>
/// <param name="ExtensionNoticesDue">Open, unextended rights requests whose last day for an extension notice is within the warning window.</param>
/// <param name="DeletionRequestsDueSoon">Authorised deletions on request due within the warning window.</param>
/// <param name="DeletionRequestsOverdue">Authorised deletions on request past their due date.</param>
/// <param name="AlertsRaised">Alerts raised by this run (an alert already raised is not raised again).</param>
/// <param name="FailedTenants">Tenants whose watch failed because a store threw.</param>
public sealed record DeadlineWatchReport(
    int RightsRequestsOpen,
    int RightsRequestsDueSoon,
    int RightsRequestsOverdue,
    int ExtensionNoticesDue,
    int DeletionRequestsDueSoon,
    int DeletionRequestsOverdue,
    int AlertsRaised,
    int FailedTenants)
{
    /// <summary>Whether any statutory deadline has passed with the work not done.</summary>
    public bool AnyOverdue => RightsRequestsOverdue > 0 || DeletionRequestsOverdue > 0;

    /// <summary>Secure-payment pauses open longer than their session's limit (not a statutory deadline: card data may be going unrecorded, or recording never resumed).</summary>
    public int SecurePausesOverdue { get; init; }

    /// <summary>Numbers on published calling lists whose TPS/CTPS screening goes stale within the warning window.</summary>
    public int ScreeningsGoingStale { get; init; }
}
