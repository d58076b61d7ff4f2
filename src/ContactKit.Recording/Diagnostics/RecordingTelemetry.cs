using System.Diagnostics.Metrics;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// The name of the recording package's meter, for OpenTelemetry or <c>dotnet-counters</c>: <c>AddMeter(RecordingTelemetry.Name)</c>.
/// <see cref="RecordingService"/> publishes on it: each accepted transition, each refusal by code, and the seconds of
/// each interaction captured and not captured, by reason. Tags are few and fixed: tenant, event kind, state, error code,
/// reason.
/// </summary>
public static class RecordingTelemetry
{
    /// <summary>The name of the meter: <c>ContactKit.Recording</c>.</summary>
    public const string Name = "ContactKit.Recording";

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
        "contactkit.recording.transitions", "{event}", "Events accepted by the recording lifecycle and stored, by event kind and the state they led to.");

    internal static readonly Counter<long> Refusals = Meter.CreateCounter<long>(
        "contactkit.recording.refusals", "{event}", "Events the recording lifecycle or its store refused, by event kind and error code.");

    internal static readonly Counter<double> Captured = Meter.CreateCounter<double>(
        "contactkit.recording.captured", "s", "Seconds of interactions captured (recorded or transcribed).");

    internal static readonly Counter<double> Uncaptured = Meter.CreateCounter<double>(
        "contactkit.recording.uncaptured", "s", "Seconds of live interactions not captured, by reason (bot phase, secure payment, on hold, missing notice or consent, ...).");

    // The time between two accepted events was spent in the state before the second: captured, or not captured for a reason.
    internal static void RecordTransition(RecordingSession before, RecordingSession after, Instant at)
    {
        var tenant = new KeyValuePair<string, object?>("contactkit.tenant", after.Tenant.Value);
        Transitions.Add(1, tenant, new("contactkit.event", EventName(after.LastEvent.Kind)), new("contactkit.state", StateName(after.State)));
        if (at <= before.LastChangedAt || before.EndedAt is not null)
        {
            return;
        }

        var seconds = (at - before.LastChangedAt).TotalSeconds;
        if (before.State == RecordingState.Capturing)
        {
            Captured.Add(seconds, tenant);
        }
        else if (before.PauseReason is { } reason)
        {
            Uncaptured.Add(seconds, tenant, new("contactkit.reason", ReasonName(reason)));
        }
    }

    internal static void RecordStarted(RecordingSession session) =>
        Transitions.Add(1, new("contactkit.tenant", session.Tenant.Value), new("contactkit.event", EventName(RecordingEventKind.InteractionStarted)), new("contactkit.state", StateName(session.State)));

    internal static void RecordRefusal(TenantId tenant, RecordingEventKind kind, ContactKitError error) =>
        Refusals.Add(1, new("contactkit.tenant", tenant.Value), new("contactkit.event", EventName(kind)), new("error.code", error.Code));

    // Enum names as cached strings, so that a measurement allocates no text.
    private static readonly string[] EventNames = Names<RecordingEventKind>();
    private static readonly string[] StateNames = Names<RecordingState>();
    private static readonly string[] ReasonNames = Names<UncapturedReason>();

    private static string EventName(RecordingEventKind kind) => Lookup(EventNames, (int)kind, kind);

    private static string StateName(RecordingState state) => Lookup(StateNames, (int)state, state);

    private static string ReasonName(UncapturedReason reason) => Lookup(ReasonNames, (int)reason, reason);

    private static string Lookup<T>(string[] names, int value, T fallback)
        where T : struct, Enum =>
        value >= 0 && value < names.Length && names[value] is { } name ? name : fallback.ToString();

    private static string[] Names<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = value.ToString();
        }

        return names;
    }
}
