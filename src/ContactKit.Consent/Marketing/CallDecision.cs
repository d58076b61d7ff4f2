using System.Text;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>The facts behind a marketing call decision. A decision carries every fact that applied, not just the first.</summary>
[Flags]
public enum CallFactors : ushort
{
    /// <summary>No facts.</summary>
    None = 0,

    /// <summary>Screened against TPS and CTPS within the screening validity (28 days by default, PECR regulation 21).</summary>
    ScreenedWithinValidity = 1 << 0,

    /// <summary>Never screened: it must be screened before it is called.</summary>
    NotScreened = 1 << 1,

    /// <summary>Screened too long ago: it must be screened again.</summary>
    ScreeningStale = 1 << 2,

    /// <summary>On the TPS register.</summary>
    RegisteredTps = 1 << 3,

    /// <summary>On the CTPS register.</summary>
    RegisteredCtps = 1 << 4,

    /// <summary>The subscriber told this caller they agree to its marketing calls for the time being.</summary>
    SpecificConsent = 1 << 5,

    /// <summary>The subscriber opted out of marketing calls from this caller.</summary>
    OptedOut = 1 << 6,

    /// <summary>The subscriber objected to direct marketing: absolute.</summary>
    Objected = 1 << 7,
}

/// <summary>
/// Whether a number may be called for marketing, and the facts why. A small value that allocates nothing;
/// <see cref="Explain"/> renders the words only when asked.
/// </summary>
/// <param name="Number">The number.</param>
/// <param name="MayCall">Whether it may be called.</param>
/// <param name="Factors">Every fact that applied.</param>
/// <param name="ScreenedOn">The local date it was last screened, if it was.</param>
public readonly record struct CallDecision(TelephoneNumber Number, bool MayCall, CallFactors Factors, LocalDate? ScreenedOn)
{
    /// <summary>The facts that stop the call; <see cref="CallFactors.None"/> when it may be made.</summary>
    public CallFactors RefusedBecause
    {
        get
        {
            if (MayCall)
            {
                return CallFactors.None;
            }

            var stops = Factors & (CallFactors.NotScreened | CallFactors.ScreeningStale | CallFactors.OptedOut | CallFactors.Objected);
            return (Factors & CallFactors.SpecificConsent) != 0 ? stops : stops | (Factors & (CallFactors.RegisteredTps | CallFactors.RegisteredCtps));
        }
    }

    /// <summary>Explains the decision in words, for example <c>refused: on the TPS register with no specific consent</c>.</summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var text = new StringBuilder(MayCall ? "may call: " : "refused: ");
        var reasons = new List<string>();
        if (Factors.HasFlag(CallFactors.Objected))
        {
            reasons.Add("objected to direct marketing");
        }

        if (Factors.HasFlag(CallFactors.OptedOut))
        {
            reasons.Add("opted out of marketing calls");
        }

        if (Factors.HasFlag(CallFactors.NotScreened))
        {
            reasons.Add("never screened against TPS/CTPS");
        }

        if (Factors.HasFlag(CallFactors.ScreeningStale))
        {
            reasons.Add($"last screened on {ScreenedOn:uuuu-MM-dd}, too long ago");
        }

        if (Factors.HasFlag(CallFactors.ScreenedWithinValidity))
        {
            reasons.Add($"screened on {ScreenedOn:uuuu-MM-dd}");
        }

        var registers = (Factors.HasFlag(CallFactors.RegisteredTps), Factors.HasFlag(CallFactors.RegisteredCtps)) switch
        {
            (true, true) => "the TPS and CTPS registers",
            (true, false) => "the TPS register",
            (false, true) => "the CTPS register",
            _ => null,
        };
        var consent = Factors.HasFlag(CallFactors.SpecificConsent);
        if (!Factors.HasFlag(CallFactors.NotScreened))
        {
            reasons.Add(registers is null
                ? "not on TPS or CTPS"
                : consent ? $"on {registers} but gave this caller specific consent" : $"on {registers} with no specific consent");
        }
        else if (consent)
        {
            reasons.Add("gave this caller specific consent");
        }
        return text.AppendJoin("; ", reasons).ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Number} {Explain()}";
}
