using CsCheck;
using NodaTime;

namespace ContactKit.Calendars.Tests.Calendars;

public sealed class UkCalendarsTests
{
    private static readonly Lazy<BankHolidayFeed> Published = new(() => BankHolidayFeed.LoadFile(ReferenceFeed.Path!).Value);

    public static TheoryData<UkDivision, int> PublishedYears()
    {
        var data = new TheoryData<UkDivision, int>();
        foreach (var division in Enum.GetValues<UkDivision>())
        {
            for (var year = 2012; year <= 2028; year++)
            {
                data.Add(division, year);
            }
        }

        return data;
    }

    [ReferenceFeedTheory]
    [MemberData(nameof(PublishedYears))]
    public void GetBankHolidays_EveryPublishedYear_MatchesTheFeedFromRulesAndProclamationsAlone(UkDivision division, int year)
    {
        var feed = Published.Value;
        Assert.True(feed.Covers(division, year), $"the published feed should cover {division} {year}");

        var expected = feed.GetBankHolidays(division, year).Select(h => h.Date);
        var computed = UkCalendars.For(division).GetBankHolidays(year).Select(h => h.Date);

        Assert.Equal(expected, computed);
    }

    [ReferenceFeedTheory]
    [MemberData(nameof(PublishedYears))]
    public void IsWorkingDay_EveryDayOfPublishedYear_IsAWeekdayThatTheFeedDoesNotList(UkDivision division, int year)
    {
        var holidays = Published.Value.GetBankHolidays(division, year).Select(h => h.Date).ToHashSet();
        var calendar = UkCalendars.For(division);

        for (var day = new LocalDate(year, 1, 1); day.Year == year; day = day.PlusDays(1))
        {
            var expected = day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.Contains(day);
            Assert.True(expected == calendar.IsWorkingDay(day), $"{calendar.Name} {day:yyyy-MM-dd}: expected working day = {expected}");
        }
    }

    [Fact]
    public void StaticCalendars_AreTheThreeDivisions_WithTheirNames()
    {
        Assert.Equal("England and Wales", UkCalendars.EnglandAndWales.Name);
        Assert.Equal("Scotland", UkCalendars.Scotland.Name);
        Assert.Equal("Northern Ireland", UkCalendars.NorthernIreland.Name);
        Assert.Same(UkCalendars.Scotland, UkCalendars.For(UkDivision.Scotland));
    }

    [Theory]
    [InlineData(2011, "2011-01-03", "2011-01-04")] // 1 Jan Saturday, 2 Jan Sunday: both move, in order, to Monday and Tuesday
    [InlineData(2012, "2012-01-02", "2012-01-03")] // 1 Jan Sunday: 2 Jan is a Monday and stays, so New Year moves to Tuesday
    [InlineData(2017, "2017-01-02", "2017-01-03")] // the same shape as 2012, five years on, outside the proclaimed table
    [InlineData(2033, "2033-01-03", "2033-01-04")] // a year beyond any published feed, computed from the rules alone
    public void Scotland_NewYearFallsAtAWeekend_BothJanuaryHolidaysTakeTheNextFreeWeekdays(int year, string first, string second)
    {
        var january = UkCalendars.For(UkDivision.Scotland).GetBankHolidays(year).Where(h => h.Date.Month == 1).Select(h => h.Date.ToString("yyyy-MM-dd", null));

        Assert.Equal([first, second], january);
    }

    [Theory]
    [InlineData(2021)] // Christmas Saturday and Boxing Day Sunday: both substitute, Monday and Tuesday
    [InlineData(2022)] // Christmas Sunday: Boxing Day keeps Monday, Christmas takes Tuesday
    [InlineData(2032)] // Christmas Saturday again, beyond any feed
    public void Christmas_AtAWeekend_TwoWeekdayHolidaysFollowIt(int year)
    {
        var december = UkCalendars.For(UkDivision.EnglandAndWales).GetBankHolidays(year).Where(h => h.Date.Month == 12).ToList();

        Assert.Equal(2, december.Count);
        Assert.All(december, h => Assert.True(h.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)));
        Assert.Equal(december[0].Date.PlusDays(1), december[1].Date);
        Assert.Contains(december, h => h.IsSubstitute);
    }

    [Fact]
    public void EasterSunday_KnownYears_MatchesThePublishedDates()
    {
        // Easter Sundays from the Church of England's tables; a wrong algorithm misses at least one of these.
        string[] known = ["2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2038-04-25", "2285-03-22"];
        Assert.All(known, text =>
        {
            var date = NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
            Assert.Equal(date, UkBankHolidayRules.EasterSunday(date.Year));
        });
    }

    [Fact]
    public void GetBankHolidays_AnyYear_NeverOnAWeekendAndNeverTwiceOnOneDay()
    {
        Gen.Int[1972, 2400].Select(Gen.Enum<UkDivision>()).Sample((year, division) =>
        {
            var holidays = UkCalendars.For(division).GetBankHolidays(year);
            return holidays.All(h => h.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && h.Date.Year == year) &&
                   holidays.Select(h => h.Date).Distinct().Count() == holidays.Length &&
                   holidays.Length == division switch { UkDivision.EnglandAndWales => 8, UkDivision.Scotland => 9, _ => 10 } + Proclaimed(division, year);
        });
    }

    [Fact]
    public void IsWorkingDay_AfterWarmUp_AllocatesNothing()
    {
        var calendar = UkCalendars.For(UkDivision.NorthernIreland);
        var date = new LocalDate(2027, 7, 12);

        // Each year's holidays are worked out on first use; the dates below reach into 2028, so warm up both years first
        // (otherwise the test passes only when another test has already used 2028 on this shared calendar).
        for (var i = 0; i < 300; i++)
        {
            calendar.IsWorkingDay(date.PlusDays(i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        for (var i = 0; i < 1000; i++)
        {
            count += calendar.IsWorkingDay(date.PlusDays(i % 300)) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(count, 1, 999);
    }

    private static int Proclaimed(UkDivision division, int year)
    {
        var mask = (UkBankHolidayRules.Divisions)(1 << (int)division);
        return UkBankHolidayRules.Proclaimed.Count(c => c.Date.Year == year && (c.Divisions & mask) != 0 && c.Replaces is null);
    }
}
