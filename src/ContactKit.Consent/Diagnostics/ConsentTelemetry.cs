using System.Diagnostics.Metrics;

namespace ContactKit.Consent;

/// <summary>
/// The name of the consent package's meter, for OpenTelemetry or <c>dotnet-counters</c>: <c>AddMeter(ConsentTelemetry.Name)</c>.
/// <see cref="MarketingCallScreener"/> publishes each marketing call decision on it, by outcome and by the first reason
/// that stopped the call.
/// </summary>
public static class ConsentTelemetry
{
    /// <summary>The name of the meter: <c>ContactKit.Consent</c>.</summary>
    public const string Name = "ContactKit.Consent";

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> ScreeningDecisions = Meter.CreateCounter<long>(
        "contactkit.consent.screening.decisions", "{call}",
        "Marketing call decisions, by outcome (may_call, refused) and the first reason that stopped the call (objected, opted_out, not_screened, screening_stale, registered).");

    internal static void RecordDecision(TenantId tenant, CallDecision decision)
    {
        if (!ScreeningDecisions.Enabled)
        {
            return;
        }

        var stops = decision.RefusedBecause;
        var reason = decision.MayCall ? "none"
            : (stops & CallFactors.Objected) != 0 ? "objected"
            : (stops & CallFactors.OptedOut) != 0 ? "opted_out"
            : (stops & CallFactors.NotScreened) != 0 ? "not_screened"
            : (stops & CallFactors.ScreeningStale) != 0 ? "screening_stale"
            : "registered";
        ScreeningDecisions.Add(
            1,
            new("contactkit.tenant", tenant.Value),
            new("contactkit.decision", decision.MayCall ? "may_call" : "refused"),
            new("contactkit.reason", reason));
    }
}
