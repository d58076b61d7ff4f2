using System.Diagnostics.Metrics;

namespace ContactKit.DataSubjects;

/// <summary>
/// The name of the data-subjects package's meter, for OpenTelemetry or <c>dotnet-counters</c>:
/// <c>AddMeter(DataSubjectsTelemetry.Name)</c>. <see cref="RightsRequestService"/> publishes on it each rights request
/// received and each one closed, by right, and whether it was closed after its due date. How many are open, due soon and
/// overdue is measured by the deadline watch of <c>ContactKit.Hosting</c>, which reads every open request.
/// </summary>
public static class DataSubjectsTelemetry
{
    /// <summary>The name of the meter: <c>ContactKit.DataSubjects</c>.</summary>
    public const string Name = "ContactKit.DataSubjects";

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "contactkit.data_subjects.rights_requests.received", "{request}", "Rights requests received, by right.");

    internal static readonly Counter<long> Closed = Meter.CreateCounter<long>(
        "contactkit.data_subjects.rights_requests.closed", "{request}", "Rights requests closed, by right, final state and whether they were closed after their due date (contactkit.late).");

    internal static void RecordReceived(RightsRequest request) =>
        Received.Add(1, new("contactkit.tenant", request.Tenant.Value), new("contactkit.right", request.Right.ToString()));

    internal static void RecordClosed(RightsRequest request, NodaTime.LocalDate today) =>
        Closed.Add(
            1,
            new("contactkit.tenant", request.Tenant.Value),
            new("contactkit.right", request.Right.ToString()),
            new("contactkit.state", request.State.ToString()),
            new("contactkit.late", today > request.DueOn));
}
