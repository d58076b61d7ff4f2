using ContactKit.Calendars;
using CsCheck;
using NodaTime;

namespace ContactKit.Retention.Tests.Deadlines;

public sealed class StatutoryDeadlinesTests
{
    private static readonly StatutoryDeadlines EnglandAndWales = new(UkCalendars.EnglandAndWales);

    private static readonly Gen<LocalDate> Dates = Gen.Int[0, 365 * 40].Select(d => new LocalDate(2012, 1, 1).PlusDays(d));

    private static readonly Gen<IWorkingDayCalendar> Calendars =
        Gen.Int[0, 3].Select(i => new[] { UkCalendars.EnglandAndWales, UkCalendars.Scotland, UkCalendars.NorthernIreland, WeekdayCalendar.Instance }[i]);

    private static readonly Gen<RightsRequestClock> Clocks =
        Gen.Select(Dates, Gen.Int[-1, 40], Gen.Int[-1, 40], Gen.Int[-1, 60], Gen.Int[0, 30])
            .Select((received, identity, fee, asked, waited) => new RightsRequestClock
            {
                Received = received,
                IdentityInformationReceived = identity < 0 ? null : received.PlusDays(identity),
                FeeReceived = fee < 0 ? null : received.PlusDays(fee),
                ClarificationRequested = asked < 0 ? null : received.PlusDays(asked),
                ClarificationReceived = asked < 0 ? null : received.PlusDays(asked + waited),
            });

    [Theory]
    [InlineData("2026-09-03", "2026-10-05")] // the ICO's own shape: 3rd to 3rd, but 3 October 2026 is a Saturday
    [InlineData("2026-03-30", "2026-04-30")] // the corresponding date exists
    [InlineData("2027-01-31", "2027-03-01")] // no 31 February: the last day, 28 February 2027, is a Sunday
    [InlineData("2028-01-31", "2028-02-29")] // leap year: the last day of February is the 29th, a Tuesday
    [InlineData("2026-11-25", "2026-12-29")] // 25 December falls due: Christmas, Boxing Day substitute and weekend push it on
    [InlineData("2027-03-29", "2027-04-29")] // an ordinary Thursday the month after Easter
    public void RightsRequestDue_ReceivedOnly_IsTheCorrespondingDateMovedToAWorkingDay(string received, string due)
    {
        var clock = new RightsRequestClock { Received = Date(received) };

        Assert.Equal(Date(due), EnglandAndWales.RightsRequestDue(clock));
    }

    [Fact]
    public void RightsRequestDue_IdentityAndFeeArriveLater_ClockStartsAtTheLatest()
    {
        var clock = new RightsRequestClock
        {
            Received = Date("2026-02-05"),
            IdentityInformationReceived = Date("2026-02-16"),
            FeeReceived = Date("2026-02-10"),
        };

        Assert.Equal(Date("2026-02-16"), clock.RelevantTime);
        Assert.Equal(Date("2026-03-16"), EnglandAndWales.RightsRequestDue(clock));
        Assert.Equal(Date("2026-05-18"), EnglandAndWales.RightsRequestExtendedDue(clock)); // 16 May 2026 is a Saturday
    }

    [Fact]
    public void RightsRequestDue_ClarificationAwaited_DaysOfWaitingDoNotCount()
    {
        var clock = new RightsRequestClock
        {
            Received = Date("2026-06-01"),
            ClarificationRequested = Date("2026-06-05"),
            ClarificationReceived = Date("2026-06-15"),
        };

        Assert.Equal(10, clock.PausedDays);
        Assert.Equal(Date("2026-07-13"), EnglandAndWales.RightsRequestDue(clock)); // 1 July + 10 days = Saturday 11th
    }

    [Theory]
    [InlineData(UkDivision.EnglandAndWales, "2026-10-30", "2026-11-30")] // St Andrew's Day is a working day in England and Wales
    [InlineData(UkDivision.Scotland, "2026-10-30", "2026-12-01")] // ...but a bank holiday in Scotland
    [InlineData(UkDivision.EnglandAndWales, "2027-06-12", "2027-07-12")] // 12 July is an ordinary Monday in England and Wales
    [InlineData(UkDivision.NorthernIreland, "2027-06-12", "2027-07-13")] // ...and the Battle of the Boyne holiday in Northern Ireland
    public void RightsRequestDue_DivisionsHolidays_MoveTheDeadlineOnlyWhereTheyApply(UkDivision division, string received, string due)
    {
        var deadlines = new StatutoryDeadlines(UkCalendars.For(division));

        Assert.Equal(Date(due), deadlines.RightsRequestDue(new RightsRequestClock { Received = Date(received) }));
    }

    [Fact]
    public void PausedDays_ClarificationAskedBeforeTheFeeArrived_CountsOnlyFromTheRelevantTime()
    {
        var clock = new RightsRequestClock
        {
            Received = Date("2026-06-01"),
            FeeReceived = Date("2026-06-10"),
            ClarificationRequested = Date("2026-06-03"),
            ClarificationReceived = Date("2026-06-12"),
        };

        Assert.Equal(2, clock.PausedDays);
        Assert.Equal(Date("2026-07-13"), EnglandAndWales.RightsRequestDue(clock)); // 10 July + 2 days is Sunday 12th
    }

    [Fact]
    public void PausedDays_EarlierWaitsAndTheLatestWait_AllDoNotCount()
    {
        Gen.Select(Clocks, Gen.Int[0, 60]).Sample((clock, earlier) =>
        {
            var withEarlier = clock with { EarlierPausedDays = earlier };

            Assert.Equal(clock.PausedDays + earlier, withEarlier.PausedDays);
            Assert.True(EnglandAndWales.RightsRequestDue(withEarlier) >= EnglandAndWales.RightsRequestDue(clock));
            Assert.Equal(
                UkCalendars.EnglandAndWales.OnOrNextWorkingDay(clock.RelevantTime.PlusMonths(1).PlusDays(clock.PausedDays + earlier)),
                EnglandAndWales.RightsRequestDue(withEarlier));
        });
    }

    [Fact]
    public void EarlierPausedDays_Negative_IsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RightsRequestClock { Received = Date("2026-06-01"), EarlierPausedDays = -1 });

    [Fact]
    public void RightsRequestDue_ClarificationStillAwaited_IsTheEarliestItCanBe()
    {
        var awaiting = new RightsRequestClock { Received = Date("2026-06-01"), ClarificationRequested = Date("2026-06-05") };

        Assert.True(awaiting.IsAwaitingClarification);
        Assert.Equal(0, awaiting.PausedDays);
        Assert.Equal(Date("2026-07-01"), EnglandAndWales.RightsRequestDue(awaiting));
    }

    [Fact]
    public void ExtensionNoticeDue_Always_IsTheEndOfTheFirstMonth()
    {
        Clocks.Select(Calendars).Sample((clock, calendar) =>
        {
            var deadlines = new StatutoryDeadlines(calendar);
            return deadlines.ExtensionNoticeDue(clock) == deadlines.RightsRequestDue(clock) &&
                   deadlines.ExtensionNoticeDue(clock) < deadlines.RightsRequestExtendedDue(clock);
        });
    }

    [Fact]
    public void Deadlines_AnyClockAndCalendar_NeverFallOnANonWorkingDay()
    {
        Clocks.Select(Calendars, Gen.Int[0, 60]).Sample((clock, calendar, days) =>
        {
            var deadlines = new StatutoryDeadlines(calendar);
            return calendar.IsWorkingDay(deadlines.RightsRequestDue(clock)) &&
                   calendar.IsWorkingDay(deadlines.RightsRequestExtendedDue(clock)) &&
                   calendar.IsWorkingDay(deadlines.ExtensionNoticeDue(clock)) &&
                   calendar.IsWorkingDay(deadlines.WithinDays(clock.Received, days));
        }, iter: 5000);
    }

    [Fact]
    public void RightsRequestDue_AnyClock_IsTheFirstWorkingDayOnOrAfterOneMonthPlusPausedDays()
    {
        Clocks.Select(Calendars).Sample((clock, calendar) =>
        {
            var due = new StatutoryDeadlines(calendar).RightsRequestDue(clock);
            var earliest = CorrespondingDate(clock.RelevantTime, 1).PlusDays(clock.PausedDays);
            for (var d = earliest; d < due; d = d.PlusDays(1))
            {
                if (calendar.IsWorkingDay(d))
                {
                    return false;
                }
            }

            return due >= earliest;
        }, iter: 5000);
    }

    [Fact]
    public void MonthArithmetic_AnyDateAndMonths_AgreesWithNodaTimePlusMonths()
    {
        var everyDayWorks = new StatutoryDeadlines(new EveryDayCalendar());
        Gen.Select(Dates, Gen.Int[1, 3]).Sample((date, months) =>
        {
            var clock = new RightsRequestClock { Received = date };
            var due = months == 3 ? everyDayWorks.RightsRequestExtendedDue(clock) : everyDayWorks.RightsRequestDue(clock);
            var expected = months == 3 ? CorrespondingDate(date, 3) : CorrespondingDate(date, 1);
            return expected == date.PlusMonths(months == 3 ? 3 : 1) && due == expected;
        }, iter: 20000);
    }

    [Theory]
    [InlineData("2026-12-01", 28, "2026-12-29")] // 29 Dec 2026 is a Tuesday and a working day: weekends inside the period still count
    [InlineData("2026-11-27", 28, "2026-12-29")] // lands on Christmas Day 2026 (Friday), then the weekend, then the Boxing Day substitute
    [InlineData("2026-03-01", 0, "2026-03-02")] // zero days from a Sunday: the same day, moved to Monday
    public void WithinDays_CalendarDaysThenNextWorkingDay(string start, int days, string due)
    {
        Assert.Equal(Date(due), EnglandAndWales.WithinDays(Date(start), days));
    }

    [Fact]
    public void DeletionOnRequestDue_IsTwentyEightDaysThenNextWorkingDay()
    {
        Dates.Sample(d => EnglandAndWales.DeletionOnRequestDue(d) == EnglandAndWales.WithinDays(d, 28) && EnglandAndWales.DeletionOnRequestDue(d) >= d.PlusDays(28));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-29", false)] // exactly 28 days old is still fresh
    [InlineData("2026-03-01", "2026-03-30", true)] // 29 days old is over 28 days and must be rescreened
    public void IsScreeningStale_MoreThanTwentyEightDaysOld(string screened, string today, bool stale)
    {
        Assert.Equal(stale, StatutoryDeadlines.IsScreeningStale(Date(screened), Date(today)));
    }

    [Fact]
    public void EarliestNoticeEffectiveDate_IsThirtyDaysAfterPublication()
    {
        Dates.Sample(d => Period.DaysBetween(d, StatutoryDeadlines.EarliestNoticeEffectiveDate(d)) == 30);
    }

    [Fact]
    public void RightsRequestDue_AfterWarmUp_AllocatesNothing()
    {
        var clock = new RightsRequestClock { Received = Date("2026-11-25"), FeeReceived = Date("2026-11-26") };
        EnglandAndWales.RightsRequestDue(clock);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var due = default(LocalDate);
        for (var i = 0; i < 100; i++)
        {
            due = EnglandAndWales.RightsRequestDue(clock);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(UkCalendars.EnglandAndWales.IsWorkingDay(due));
    }

    // The rule written out by hand: the same day number next month, or that month's last day when it is shorter.
    private static LocalDate CorrespondingDate(LocalDate date, int months)
    {
        var year = date.Year + ((date.Month - 1 + months) / 12);
        var month = ((date.Month - 1 + months) % 12) + 1;
        var lastDay = CalendarSystem.Iso.GetDaysInMonth(year, month);
        return new LocalDate(year, month, Math.Min(date.Day, lastDay));
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    private sealed class EveryDayCalendar : IWorkingDayCalendar
    {
        public string Name => "Every day";

        public bool IsWorkingDay(LocalDate date) => true;
    }
}
