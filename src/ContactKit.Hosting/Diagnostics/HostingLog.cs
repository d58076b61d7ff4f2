using Microsoft.Extensions.Logging;

namespace ContactKit.Hosting;

/// <summary>
/// The log messages of the hosted workers, with stable event ids 700-799. No message carries personal data: tenants,
/// items and requests appear by their opaque ids, errors by their code.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 700, EventName = "SweepStarted", Level = LogLevel.Information,
        Message = "Disposal sweep {Worker} started for {TenantCount} tenants, every {Interval}, maximum lag {MaxLag}")]
    public static partial void SweepStarted(this ILogger logger, string worker, int tenantCount, string interval, string maxLag);

    [LoggerMessage(EventId = 701, EventName = "SweepBatch", Level = LogLevel.Debug,
        Message = "Disposal sweep of tenant {Tenant}: claimed {Claimed}, disposed of {Disposed}, not disposed of {Failed}")]
    public static partial void SweepBatch(this ILogger logger, string tenant, int claimed, int disposed, int failed);

    [LoggerMessage(EventId = 702, EventName = "ItemNotDisposed", Level = LogLevel.Warning,
        Message = "Retained item {Item} of tenant {Tenant} was not disposed of ({Code}); it was released and is offered again")]
    public static partial void ItemNotDisposed(this ILogger logger, string tenant, string item, string code);

    [LoggerMessage(EventId = 703, EventName = "SweepFailed", Level = LogLevel.Error,
        Message = "Disposal sweep of tenant {Tenant} failed ({Code}, {ErrorType})")]
    public static partial void SweepFailed(this ILogger logger, string tenant, string code, string errorType, Exception? exception);

    [LoggerMessage(EventId = 704, EventName = "SweepBackingOff", Level = LogLevel.Warning,
        Message = "Disposal sweep failed {Failures} runs in a row; next run in {Delay}")]
    public static partial void SweepBackingOff(this ILogger logger, int failures, string delay);

    [LoggerMessage(EventId = 705, EventName = "SweepCompleted", Level = LogLevel.Information,
        Message = "Disposal sweep run disposed of {Disposed} items, {Failed} not disposed of, longest lag {LongestLag}")]
    public static partial void SweepCompleted(this ILogger logger, int disposed, int failed, string longestLag);

    [LoggerMessage(EventId = 706, EventName = "SweepStopped", Level = LogLevel.Information,
        Message = "Disposal sweep {Worker} stopped")]
    public static partial void SweepStopped(this ILogger logger, string worker);

    [LoggerMessage(EventId = 707, EventName = "SweepRecovered", Level = LogLevel.Information,
        Message = "Disposal sweep recovered after {Failures} failed runs")]
    public static partial void SweepRecovered(this ILogger logger, int failures);

    [LoggerMessage(EventId = 710, EventName = "WatchStarted", Level = LogLevel.Information,
        Message = "Deadline watch started for {TenantCount} tenants, every {Interval}; deletion requests watched: {DeletionsWatched}")]
    public static partial void WatchStarted(this ILogger logger, int tenantCount, string interval, bool deletionsWatched);

    [LoggerMessage(EventId = 711, EventName = "WatchFailed", Level = LogLevel.Error,
        Message = "Deadline watch of tenant {Tenant} failed ({Code}, {ErrorType}); it runs again at the next interval")]
    public static partial void WatchFailed(this ILogger logger, string tenant, string code, string errorType, Exception? exception);

    [LoggerMessage(EventId = 712, EventName = "ComplianceAlert", Level = LogLevel.Warning,
        Message = "Compliance alert {Kind} for tenant {Tenant}: {Reference} due {DueOn}")]
    public static partial void ComplianceAlert(this ILogger logger, ComplianceAlertKind kind, string tenant, string reference, string dueOn);

    [LoggerMessage(EventId = 713, EventName = "OverdueAlert", Level = LogLevel.Error,
        Message = "Compliance alert {Kind} for tenant {Tenant}: {Reference} was due {DueOn} and is overdue")]
    public static partial void OverdueAlert(this ILogger logger, ComplianceAlertKind kind, string tenant, string reference, string dueOn);

    [LoggerMessage(EventId = 714, EventName = "AlertNotDelivered", Level = LogLevel.Error,
        Message = "Compliance alert {Kind} for tenant {Tenant} could not be raised ({ErrorType}); it is raised again at the next run")]
    public static partial void AlertNotDelivered(this ILogger logger, ComplianceAlertKind kind, string tenant, string errorType, Exception exception);

    [LoggerMessage(EventId = 715, EventName = "WatchCompleted", Level = LogLevel.Information,
        Message = "Deadline watch run: {Open} rights requests open, {DueSoon} due soon, {Overdue} overdue; {DeletionsOverdue} deletions on request overdue; {Raised} alerts raised")]
    public static partial void WatchCompleted(this ILogger logger, int open, int dueSoon, int overdue, int deletionsOverdue, int raised);

    [LoggerMessage(EventId = 716, EventName = "WatchStopped", Level = LogLevel.Information,
        Message = "Deadline watch stopped")]
    public static partial void WatchStopped(this ILogger logger);
}
