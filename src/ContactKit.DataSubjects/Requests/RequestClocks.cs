using ContactKit.Calendars;

namespace ContactKit.DataSubjects;

/// <summary>Maps a rights request's dates onto the statutory clock that ContactKit.Calendars counts (UK GDPR Art 12A).</summary>
internal static class RequestClocks
{
    /// <summary>
    /// The clock of a request: the day it was received, the day the identity information asked for arrived, the day the
    /// fee arrived (so the clock counts from the relevant time, UK GDPR Art 12A(2)), and every clarification wait in its
    /// history (asked, then answered), so that no earlier wait is forgotten.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The clock, or <see cref="CalendarsErrorCodes.ClockStepsBack"/> when its dates step backwards.</returns>
    public static Result<RightsRequestClock> Of(RightsRequest request)
    {
        List<ClarificationWait>? waits = null;
        foreach (var e in request.History)
        {
            if (e.Action == RightsRequestAction.AskClarification)
            {
                (waits ??= []).Add(new ClarificationWait(e.On, null));
            }
            else if (e.Action == RightsRequestAction.ReceiveClarification && waits is [.., { Answered: null } open])
            {
                waits[^1] = open with { Answered = e.On };
            }
        }

        return RightsRequestClock.Create(request.ReceivedOn, request.IdentityInformationReceivedOn, request.FeeReceivedOn, waits);
    }

    /// <summary>The days of the finished clarification waits that fall on or after the relevant time, both ends included.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The number of days that do not count.</returns>
    public static int FinishedWaitDays(in RightsRequestClock clock)
    {
        var days = 0;
        var start = clock.RelevantTime;
        foreach (var (asked, answered) in clock.Clarifications)
        {
            var from = asked < start ? start : asked;
            if (answered is { } to && to >= from)
            {
                days += NodaTime.Period.DaysBetween(from, to) + 1;
            }
        }

        return days;
    }
}
