using NodaTime;

namespace ContactKit.Calendars;

/// <summary>A rights request's statutory deadlines, from <see cref="StatutoryDeadlines.ForRightsRequest"/>.</summary>
/// <param name="Due">The day the answer is due (one month).</param>
/// <param name="ExtendedDue">The day it is due if extended (three months).</param>
/// <param name="ExtensionNoticeDue">The last day to tell the requester of an extension (the end of the first month).</param>
public readonly record struct RightsRequestDeadlines(LocalDate Due, LocalDate ExtendedDue, LocalDate ExtensionNoticeDue);
