using ContactKit.Retention;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>The dates a rights request's deadlines are counted from.</summary>
/// <param name="Received">The day the request was received.</param>
/// <param name="IdentityConfirmed">The day the requester's identity was confirmed, if it was needed.</param>
/// <param name="ClarificationRequested">The day clarification was asked for, if it was.</param>
/// <param name="ClarificationReceived">The day the clarification arrived.</param>
/// <param name="EarlierClarificationDays">Days of earlier, finished clarification waits on the same request, which do not count.</param>
public readonly record struct RequestTimeline(LocalDate Received, LocalDate? IdentityConfirmed, LocalDate? ClarificationRequested, LocalDate? ClarificationReceived, int EarlierClarificationDays = 0)
{
    // The statutory clock these dates start and pause (UK GDPR Art 12A), as the deadline calculator counts it.
    internal RightsRequestClock ToClock() => new()
    {
        Received = Received,
        IdentityInformationReceived = IdentityConfirmed,
        ClarificationRequested = ClarificationRequested,
        ClarificationReceived = ClarificationReceived,
        EarlierPausedDays = EarlierClarificationDays,
    };
}

/// <summary>A rights request's statutory deadlines.</summary>
/// <param name="Due">The day the answer is due (one month).</param>
/// <param name="ExtendedDue">The day it is due if extended (three months).</param>
/// <param name="ExtensionNoticeDue">The last day to tell the requester of an extension (the end of the first month).</param>
public readonly record struct RequestDeadlines(LocalDate Due, LocalDate ExtendedDue, LocalDate ExtensionNoticeDue);

/// <summary>Calculates a rights request's statutory deadlines for a tenant (whose working-day calendar may differ by nation).</summary>
public interface IRightsRequestDeadlines
{
    /// <summary>Calculates the deadlines.</summary>
    /// <param name="tenant">The tenant, whose calendar applies.</param>
    /// <param name="timeline">The dates counted from.</param>
    /// <returns>The deadlines.</returns>
    RequestDeadlines Calculate(TenantId tenant, in RequestTimeline timeline);
}
