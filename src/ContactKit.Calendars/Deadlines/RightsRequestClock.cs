using NodaTime;

namespace ContactKit.Retention;

/// <summary>
/// The facts that start and pause the statutory clock of a data subject's request (UK GDPR Art 12A). Dates are the
/// local dates, in the controller's time zone, on which each thing arrived.
/// </summary>
public readonly record struct RightsRequestClock
{
    /// <summary>The day the request was received.</summary>
    public required LocalDate Received { get; init; }

    /// <summary>The day identity information that was asked for arrived, if it was asked for.</summary>
    public LocalDate? IdentityInformationReceived { get; init; }

    /// <summary>The day a fee that was asked for arrived, if one was asked for.</summary>
    public LocalDate? FeeReceived { get; init; }

    /// <summary>
    /// Access requests only: the day the controller asked the requester to clarify what they want. Days from this
    /// date until <see cref="ClarificationReceived"/> do not count.
    /// </summary>
    public LocalDate? ClarificationRequested { get; init; }

    /// <summary>Access requests only: the day the clarification arrived.</summary>
    public LocalDate? ClarificationReceived { get; init; }

    /// <summary>
    /// Access requests only: the days of earlier clarification waits on the same request, which have ended and do not
    /// count either. <see cref="ClarificationRequested"/> and <see cref="ClarificationReceived"/> describe the latest wait.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int EarlierPausedDays
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>
    /// The relevant time: the latest of <see cref="Received"/>, <see cref="IdentityInformationReceived"/> and
    /// <see cref="FeeReceived"/>. The one-month period begins on this day.
    /// </summary>
    public LocalDate RelevantTime
    {
        get
        {
            var latest = Received;
            if (IdentityInformationReceived is { } identity && identity > latest)
            {
                latest = identity;
            }

            if (FeeReceived is { } fee && fee > latest)
            {
                latest = fee;
            }

            return latest;
        }
    }

    /// <summary>Whether clarification has been asked for and has not yet arrived, so the clock is stopped.</summary>
    public bool IsAwaitingClarification => ClarificationRequested is not null && ClarificationReceived is null;

    /// <summary>
    /// How many days do not count because the controller was waiting for clarification: <see cref="EarlierPausedDays"/>
    /// plus the days of the latest wait, from the later of <see cref="ClarificationRequested"/> and
    /// <see cref="RelevantTime"/> up to the day before <see cref="ClarificationReceived"/> (none while it has not ended).
    /// </summary>
    public int PausedDays
    {
        get
        {
            if (ClarificationRequested is not { } asked || ClarificationReceived is not { } answered)
            {
                return EarlierPausedDays;
            }

            var from = asked > RelevantTime ? asked : RelevantTime;
            return EarlierPausedDays + (answered > from ? Period.DaysBetween(from, answered) : 0);
        }
    }
}
