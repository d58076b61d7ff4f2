using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Calendars;

/// <summary>
/// The bank holidays of each UK division computed from the standing rules (the Banking and Financial Dealings Act 1971
/// schedule and the customary proclamations) plus a table of one-off changes proclaimed since 2012.
/// </summary>
internal static class UkBankHolidayRules
{
    private const string NewYearsDay = "New Year’s Day";
    private const string SecondJanuary = "2nd January";
    private const string StPatricksDay = "St Patrick’s Day";
    private const string GoodFriday = "Good Friday";
    private const string EasterMonday = "Easter Monday";
    private const string EarlyMay = "Early May bank holiday";
    private const string Spring = "Spring bank holiday";
    private const string BattleOfTheBoyne = "Battle of the Boyne (Orangemen’s Day)";
    private const string Summer = "Summer bank holiday";
    private const string StAndrewsDay = "St Andrew’s Day";
    private const string ChristmasDay = "Christmas Day";
    private const string BoxingDay = "Boxing Day";

    /// <summary>The proclaimed changes, in our own format: one line per change, each naming the divisions it applies to.</summary>
    internal static readonly ImmutableArray<ProclaimedChange> Proclaimed =
    [
        ProclaimedChange.Moved(Divisions.All, new LocalDate(2012, 5, 28), new LocalDate(2012, 6, 4), Spring),
        ProclaimedChange.Extra(Divisions.All, new LocalDate(2012, 6, 5), "Queen’s Diamond Jubilee"),
        ProclaimedChange.Moved(Divisions.All, new LocalDate(2020, 5, 4), new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)"),
        ProclaimedChange.Moved(Divisions.All, new LocalDate(2022, 5, 30), new LocalDate(2022, 6, 2), Spring),
        ProclaimedChange.Extra(Divisions.All, new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday"),
        ProclaimedChange.Extra(Divisions.All, new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        ProclaimedChange.Extra(Divisions.All, new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        ProclaimedChange.Extra(Divisions.Scotland, new LocalDate(2026, 6, 15), "World Cup bank holiday"),
    ];

    [Flags]
    internal enum Divisions
    {
        EnglandAndWales = 1,
        Scotland = 2,
        NorthernIreland = 4,
        All = EnglandAndWales | Scotland | NorthernIreland,
    }

    /// <summary>The holidays of one division in one year, in date order.</summary>
    internal static ImmutableArray<BankHoliday> Compute(UkDivision division, int year)
    {
        var fixedDays = new List<(LocalDate Usual, string Title)>(6) { (new LocalDate(year, 1, 1), NewYearsDay) };
        var moving = new List<BankHoliday>(8);
        var easter = EasterSunday(year);
        moving.Add(new BankHoliday(easter.PlusDays(-2), GoodFriday));
        if (division != UkDivision.Scotland)
        {
            moving.Add(new BankHoliday(easter.PlusDays(1), EasterMonday));
        }

        moving.Add(new BankHoliday(FirstMonday(year, 5), EarlyMay));
        moving.Add(new BankHoliday(LastMonday(year, 5), Spring));
        moving.Add(new BankHoliday(division == UkDivision.Scotland ? FirstMonday(year, 8) : LastMonday(year, 8), Summer));
        switch (division)
        {
            case UkDivision.Scotland:
                fixedDays.Add((new LocalDate(year, 1, 2), SecondJanuary));
                fixedDays.Add((new LocalDate(year, 11, 30), StAndrewsDay));
                break;
            case UkDivision.NorthernIreland:
                fixedDays.Add((new LocalDate(year, 3, 17), StPatricksDay));
                fixedDays.Add((new LocalDate(year, 7, 12), BattleOfTheBoyne));
                break;
        }

        fixedDays.Add((new LocalDate(year, 12, 25), ChristmasDay));
        fixedDays.Add((new LocalDate(year, 12, 26), BoxingDay));

        var mask = division switch
        {
            UkDivision.Scotland => Divisions.Scotland,
            UkDivision.NorthernIreland => Divisions.NorthernIreland,
            _ => Divisions.EnglandAndWales,
        };
        foreach (var change in Proclaimed)
        {
            if ((change.Divisions & mask) == 0 || change.Date.Year != year)
            {
                continue;
            }

            if (change.Replaces is { } replaced)
            {
                moving.RemoveAll(h => h.Date == replaced);
            }

            moving.Add(new BankHoliday(change.Date, change.Title, change.Replaces is not null));
        }

        // Fixed-date holidays on a weekday stay put; those on a weekend take the next weekday not already a holiday.
        var result = new List<BankHoliday>(moving);
        foreach (var (usual, title) in fixedDays)
        {
            if (!IsWeekend(usual))
            {
                result.Add(new BankHoliday(usual, title));
            }
        }

        foreach (var (usual, title) in fixedDays)
        {
            if (IsWeekend(usual))
            {
                var day = usual;
                while (IsWeekend(day) || result.Exists(h => h.Date == day))
                {
                    day = day.PlusDays(1);
                }

                result.Add(new BankHoliday(day, title, IsSubstitute: true));
            }
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return [.. result];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm published by Meeus, Jones and Butcher).</summary>
    internal static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static LocalDate FirstMonday(int year, int month)
    {
        var first = new LocalDate(year, month, 1);
        return first.DayOfWeek == IsoDayOfWeek.Monday ? first : first.Next(IsoDayOfWeek.Monday);
    }

    private static LocalDate LastMonday(int year, int month)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        return last.DayOfWeek == IsoDayOfWeek.Monday ? last : last.Previous(IsoDayOfWeek.Monday);
    }

    /// <summary>A proclaimed change: a holiday moved from its usual date, or an extra one.</summary>
    internal sealed record ProclaimedChange(Divisions Divisions, LocalDate? Replaces, LocalDate Date, string Title)
    {
        public static ProclaimedChange Moved(Divisions divisions, LocalDate from, LocalDate to, string title) => new(divisions, from, to, title);

        public static ProclaimedChange Extra(Divisions divisions, LocalDate date, string title) => new(divisions, null, date, title);
    }
}
