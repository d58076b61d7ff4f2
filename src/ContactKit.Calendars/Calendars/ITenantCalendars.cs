namespace ContactKit.Calendars;

/// <summary>
/// The one source of working-day calendars and statutory clocks for every package: each tenant's calendar (the bank
/// holidays of its UK nation, with the loaded feed) and the deadlines counted on it. <c>AddCalendars()</c> registers it.
/// </summary>
public interface ITenantCalendars
{
    /// <summary>The working-day calendar of a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The calendar.</returns>
    IWorkingDayCalendar CalendarFor(TenantId tenant);

    /// <summary>The statutory deadlines counted on a tenant's calendar.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The deadlines.</returns>
    StatutoryDeadlines DeadlinesFor(TenantId tenant);
}
