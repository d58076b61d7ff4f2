using NodaTime;

namespace ContactKit.Calendars;

/// <summary>
/// Statutory and promised deadlines counted on a working-day calendar. Rights requests follow UK GDPR Art 12A (in force
/// 5 February 2026) and the ICO's method: one month beginning with the relevant time, counted to the corresponding date
/// of the next month (or that month's last day where there is none), one day later for every day of a clarification
/// wait inside the period (the day of asking and the day of the answer both left out, Art 12A(5)(b)), then moved to the
/// next working day when it lands on a weekend or bank holiday. Nothing here allocates.
/// </summary>
public sealed class StatutoryDeadlines
{
    /// <summary>How many days a recording deletion request may take once authorised (notice 002).</summary>
    public const int DeletionOnRequestDays = 28;

    /// <summary>
    /// How many days old a TPS or CTPS screening may be before it must be done again (notice 002; PECR regulation 21 and
    /// the 28-day rule of the TPS and CTPS). ContactKit.Consent's <c>ScreeningValidity</c> may set a shorter age.
    /// </summary>
    public const int ScreeningValidDays = 28;

    /// <summary>The least number of days' notice given before a revised privacy notice takes effect (notice 003).</summary>
    public const int NoticeChangeDays = 30;

    /// <summary>Creates the calculator.</summary>
    /// <param name="calendar">The calendar whose non-working days push a deadline to the next working day.</param>
    public StatutoryDeadlines(IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>The working-day calendar.</summary>
    public IWorkingDayCalendar Calendar { get; }

    /// <summary>
    /// The day by which a request must be answered: the end of the one-month period
    /// (<see cref="RightsRequestClock.EndOfPeriod"/>), or the next working day after it. While
    /// <see cref="RightsRequestClock.IsAwaitingClarification"/>, the result is the earliest the deadline can be; each
    /// further day of waiting moves it one day later.
    /// </summary>
    /// <param name="clock">The facts of the request.</param>
    /// <returns>The last day to respond.</returns>
    public LocalDate RightsRequestDue(in RightsRequestClock clock) => MonthsFromRelevantTime(clock, 1);

    /// <summary>
    /// The day by which an extended request must be answered: the end of three months from the relevant time
    /// (one month plus the two-month extension), later by the days of clarification waits inside it, moved to the next
    /// working day.
    /// </summary>
    /// <param name="clock">The facts of the request.</param>
    /// <returns>The last day to respond when the period has been extended.</returns>
    public LocalDate RightsRequestExtendedDue(in RightsRequestClock clock) => MonthsFromRelevantTime(clock, 3);

    /// <summary>
    /// The last day to tell the requester, with reasons, that the period is being extended: the end of the
    /// first month, which is the same day as <see cref="RightsRequestDue"/> and moves with clarification waits the same way.
    /// </summary>
    /// <param name="clock">The facts of the request.</param>
    /// <returns>The last day to send the extension notice.</returns>
    public LocalDate ExtensionNoticeDue(in RightsRequestClock clock) => MonthsFromRelevantTime(clock, 1);

    /// <summary>All three deadlines of a request at once.</summary>
    /// <param name="clock">The facts of the request.</param>
    /// <returns>The deadlines.</returns>
    public RightsRequestDeadlines ForRightsRequest(in RightsRequestClock clock)
    {
        var due = RightsRequestDue(clock);
        return new RightsRequestDeadlines(due, RightsRequestExtendedDue(clock), due);
    }

    /// <summary>
    /// A promise to act within a number of calendar days (deletion on request within 28 days, for example): the start
    /// plus <paramref name="days"/> calendar days, moved to the next working day when that day is not a working day.
    /// Weekends and holidays inside the period still count; only the last day moves.
    /// </summary>
    /// <param name="start">The day the clock starts (for a deletion request, the day it was authorised).</param>
    /// <param name="days">How many calendar days; not negative.</param>
    /// <returns>The last day to act.</returns>
    public LocalDate WithinDays(LocalDate start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return Calendar.OnOrNextWorkingDay(start.PlusDays(days));
    }

    /// <summary>The last day a deletion request authorised on <paramref name="authorised"/> may take (notice 002).</summary>
    /// <param name="authorised">The day the request was authorised.</param>
    /// <returns>The deadline.</returns>
    public LocalDate DeletionOnRequestDue(LocalDate authorised) => WithinDays(authorised, DeletionOnRequestDays);

    /// <summary>
    /// Whether a TPS or CTPS screening done on <paramref name="screenedOn"/> is older than 28 days on
    /// <paramref name="today"/> and must be redone before calling (notice 002). Calendar days; no working-day rule.
    /// </summary>
    /// <param name="screenedOn">The day of the screening.</param>
    /// <param name="today">The day of the call.</param>
    /// <returns><see langword="true"/> when the screening is stale.</returns>
    public static bool IsScreeningStale(LocalDate screenedOn, LocalDate today) => Period.DaysBetween(screenedOn, today) > ScreeningValidDays;

    /// <summary>
    /// The earliest day a revised privacy notice published on <paramref name="published"/> may take effect: at least 30
    /// whole days later (notice 003). Calendar days; a notice may take effect on any day.
    /// </summary>
    /// <param name="published">The day the revised notice was published.</param>
    /// <returns>The earliest effective day.</returns>
    public static LocalDate EarliestNoticeEffectiveDate(LocalDate published) => published.PlusDays(NoticeChangeDays);

    private LocalDate MonthsFromRelevantTime(in RightsRequestClock clock, int months) =>
        Calendar.OnOrNextWorkingDay(clock.EndOfPeriod(months));
}
