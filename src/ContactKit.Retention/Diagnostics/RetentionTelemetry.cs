using System.Diagnostics;

namespace ContactKit.Retention;

/// <summary>
/// The name of the retention package's activity source, for OpenTelemetry: <c>AddSource(RetentionTelemetry.Name)</c>.
/// <see cref="DisposalPlanner"/> traces each store call of a disposal (claim, begin, complete, release) as an activity
/// named <c>Retention.&lt;Call&gt;</c>, tagged with the tenant and, when the store refuses, the error code.
/// </summary>
public static class RetentionTelemetry
{
    /// <summary>The name of the activity source: <c>ContactKit.Retention</c>.</summary>
    public const string Name = "ContactKit.Retention";

    internal static readonly ActivitySource Source = new(Name);

    internal static Activity? Start(string call, TenantId tenant)
    {
        var activity = Source.StartActivity(call, ActivityKind.Client);
        activity?.SetTag("contactkit.tenant", tenant.Value);
        return activity;
    }

    internal static void Refused(Activity? activity, ContactKitError error)
    {
        if (activity is not null)
        {
            activity.SetTag("error.code", error.Code);
            activity.SetStatus(ActivityStatusCode.Error, error.Code);
        }
    }
}
