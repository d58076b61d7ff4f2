using CsCheck;
using NodaTime;

namespace ContactKit.Calendars.Tests.Calendars;

public class WeekdayCalendarTests
{
    private static readonly Gen<LocalDate> Dates = Gen.Int[0, 20_000].Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    [Fact]
    public void OnOrNextWorkingDay_AnyDate_IsAWeekdayNoEarlierAndAtMostTwoDaysLater()
    {
        Dates.Sample(date =>
        {
            var result = WeekdayCalendar.Instance.OnOrNextWorkingDay(date);

            Assert.True(WeekdayCalendar.Instance.IsWorkingDay(result));
            Assert.InRange(Period.Between(date, result, PeriodUnits.Days).Days, 0, 2);
        });
    }

    [Fact]
    public void AddWorkingDays_AnyDateAndCount_LandsOnAWorkingDayWithExactlyThatManyWorkingDaysBetween()
    {
        Gen.Select(Dates, Gen.Int[1, 60]).Sample((date, days) =>
        {
            var result = WeekdayCalendar.Instance.AddWorkingDays(date, days);

            var counted = 0;
            for (var d = date.PlusDays(1); d <= result; d = d.PlusDays(1))
            {
                counted += WeekdayCalendar.Instance.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(days, counted);
            Assert.True(WeekdayCalendar.Instance.IsWorkingDay(result));
        });
    }

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekend() =>
        Assert.Equal(new LocalDate(2026, 11, 30), WeekdayCalendar.Instance.AddWorkingDays(new LocalDate(2026, 11, 27), 1));
}
