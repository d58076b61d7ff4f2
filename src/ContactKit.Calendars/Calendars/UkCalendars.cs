
namespace ContactKit.Calendars;

/// <summary>
/// The working-day calendars of the three UK divisions, with the holidays built into this release. To use a newer
/// published list without a new release, load it with <see cref="BankHolidayFeed"/> and call <see cref="Create"/>.
/// </summary>
public static class UkCalendars
{
    private static readonly UkWorkingDayCalendar EnglandAndWalesCalendar = new(UkDivision.EnglandAndWales, null);
    private static readonly UkWorkingDayCalendar ScotlandCalendar = new(UkDivision.Scotland, null);
    private static readonly UkWorkingDayCalendar NorthernIrelandCalendar = new(UkDivision.NorthernIreland, null);

    /// <summary>England and Wales.</summary>
    public static IWorkingDayCalendar EnglandAndWales => EnglandAndWalesCalendar;

    /// <summary>Scotland.</summary>
    public static IWorkingDayCalendar Scotland => ScotlandCalendar;

    /// <summary>Northern Ireland.</summary>
    public static IWorkingDayCalendar NorthernIreland => NorthernIrelandCalendar;

    /// <summary>The built-in calendar of one division.</summary>
    /// <param name="division">The division.</param>
    /// <returns>The calendar.</returns>
    public static UkWorkingDayCalendar For(UkDivision division) => division switch
    {
        UkDivision.Scotland => ScotlandCalendar,
        UkDivision.NorthernIreland => NorthernIrelandCalendar,
        UkDivision.EnglandAndWales => EnglandAndWalesCalendar,
        _ => throw new ArgumentOutOfRangeException(nameof(division), division, "Not a UK division."),
    };

    /// <summary>A calendar of one division in which <paramref name="feed"/>, when given, wins for every year it covers.</summary>
    /// <param name="division">The division.</param>
    /// <param name="feed">A loaded feed, or <see langword="null"/> for the built-in rules alone.</param>
    /// <returns>The calendar.</returns>
    public static UkWorkingDayCalendar Create(UkDivision division, BankHolidayFeed? feed = null) =>
        feed is null ? For(division) : For(division).WithFeed(feed);
}
