using NodaTime;

namespace ContactKit.Calendars;

/// <summary>Says which dates are working days, for deadlines that count or land on them.</summary>
public interface IWorkingDayCalendar
{
    /// <summary>The calendar's name, for explanations (for example <c>England and Wales</c>).</summary>
    string Name { get; }

    /// <summary>Whether the date is a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a working day.</returns>
    bool IsWorkingDay(LocalDate date);
}

/// <summary>Monday to Friday are working days; there are no holidays.</summary>
public sealed class WeekdayCalendar : IWorkingDayCalendar
{
    private WeekdayCalendar()
    {
    }

    /// <summary>The one instance.</summary>
    public static WeekdayCalendar Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "Weekdays";

    /// <inheritdoc />
    public bool IsWorkingDay(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}

/// <summary>Counting with a <see cref="IWorkingDayCalendar"/>.</summary>
public static class WorkingDayCalendarExtensions
{
    /// <summary>The date itself if it is a working day, otherwise the next working day after it.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The date.</param>
    /// <returns>The working day.</returns>
    public static LocalDate OnOrNextWorkingDay(this IWorkingDayCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>Counts <paramref name="days"/> working days after <paramref name="date"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The start, which is not counted.</param>
    /// <param name="days">How many working days; zero returns the start.</param>
    /// <returns>The date of the last counted working day.</returns>
    public static LocalDate AddWorkingDays(this IWorkingDayCalendar calendar, LocalDate date, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (calendar.IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }
}
