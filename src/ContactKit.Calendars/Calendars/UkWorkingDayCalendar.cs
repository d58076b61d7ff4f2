using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Calendars;

/// <summary>
/// A UK working-day calendar: Monday to Friday except the bank holidays of one division. Holidays come from the
/// statutory rules and the proclaimed changes built into the package, or from a <see cref="BankHolidayFeed"/> for the
/// years the feed covers. Each year is worked out once and kept, so asking about a date allocates nothing.
/// </summary>
public sealed class UkWorkingDayCalendar : IWorkingDayCalendar
{
    private const int FirstCachedYear = 1900;
    private const int LastCachedYear = 2299;

    private readonly BankHolidayFeed? _feed;
    private readonly YearHolidays?[] _years = new YearHolidays?[LastCachedYear - FirstCachedYear + 1];

    internal UkWorkingDayCalendar(UkDivision division, BankHolidayFeed? feed)
    {
        Division = division;
        _feed = feed;
        Name = division switch
        {
            UkDivision.Scotland => "Scotland",
            UkDivision.NorthernIreland => "Northern Ireland",
            _ => "England and Wales",
        };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The division whose bank holidays this calendar keeps.</summary>
    public UkDivision Division { get; }

    /// <inheritdoc />
    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>Whether the date is a bank holiday in this division.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a bank holiday.</returns>
    public bool IsBankHoliday(LocalDate date) => GetYear(date.Year).Contains(date.DayOfYear);

    /// <summary>The bank holidays of one year, in date order.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The holidays.</returns>
    public ImmutableArray<BankHoliday> GetBankHolidays(int year) => GetYear(year).Holidays;

    /// <summary>The same division with <paramref name="feed"/> taking precedence for the years it covers.</summary>
    /// <param name="feed">The feed.</param>
    /// <returns>A new calendar.</returns>
    public UkWorkingDayCalendar WithFeed(BankHolidayFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return new UkWorkingDayCalendar(Division, feed);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private YearHolidays GetYear(int year)
    {
        if (year is < FirstCachedYear or > LastCachedYear)
        {
            return Compute(year);
        }

        var index = year - FirstCachedYear;
        return Volatile.Read(ref _years[index]) ?? Interlocked.CompareExchange(ref _years[index], Compute(year), null) ?? _years[index]!;
    }

    private YearHolidays Compute(int year) =>
        new(_feed is not null && _feed.Covers(Division, year)
            ? _feed.GetBankHolidays(Division, year)
            : UkBankHolidayRules.Compute(Division, year));

    private sealed class YearHolidays
    {
        private readonly ulong[] _days = new ulong[6];

        public YearHolidays(ImmutableArray<BankHoliday> holidays)
        {
            Holidays = holidays;
            foreach (var h in holidays)
            {
                _days[h.Date.DayOfYear >> 6] |= 1UL << (h.Date.DayOfYear & 63);
            }
        }

        public ImmutableArray<BankHoliday> Holidays { get; }

        public bool Contains(int dayOfYear) => (_days[dayOfYear >> 6] & (1UL << (dayOfYear & 63))) != 0;
    }
}
