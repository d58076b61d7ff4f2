using CsCheck;
using NodaTime;

namespace ContactKit.Calendars.Tests.Deadlines;

public sealed class StatutoryDeadlinesTests
{
    private static readonly StatutoryDeadlines EnglandAndWales = new(UkCalendars.EnglandAndWales);

    private static readonly Gen<LocalDate> Dates = Gen.Int[0, 365 * 40].Select(d => new LocalDate(2012, 1, 1).PlusDays(d));

    private static readonly Gen<IWorkingDayCalendar> Calendars =
        Gen.Int[0, 3].Select(i => new[] { UkCalendars.EnglandAndWales, UkCalendars.Scotland, UkCalendars.NorthernIreland, WeekdayCalendar.Instance }[i]);

    // Any dates, in order or not: each offset is from the date before it, and may step back a few days.
    private static readonly Gen<(LocalDate Received, LocalDate? Identity, LocalDate? Fee, ClarificationWait[] Waits)> AnyDates =
        Gen.Select(Dates, Gen.Int[-3, 40], Gen.Int[-3, 40], Gen.Select(Gen.Int[-3, 40], Gen.Int[-3, 20], Gen.Int[0, 9]).Array[0, 4])
            .Select((received, identity, fee, waits) =>
            {
                var list = new ClarificationWait[waits.Length];
                var previous = received;
                for (var i = 0; i < waits.Length; i++)
                {
                    var (gap, length, openChance) = waits[i];
                    var asked = previous.PlusDays(gap);
                    LocalDate? answered = openChance == 0 ? null : asked.PlusDays(length);
                    list[i] = new ClarificationWait(asked, answered);
                    previous = answered ?? asked;
                }

                return (received, identity < -1 ? (LocalDate?)null : received.PlusDays(identity), fee < -1 ? (LocalDate?)null : received.PlusDays(fee), list);
            });

    // Clocks whose dates are in order, built through the one way in.
    private static readonly Gen<RightsRequestClock> Clocks =
        AnyDates.Where(d => InOrder(d.Received, d.Identity, d.Fee, d.Waits))
            .Select(d => RightsRequestClock.Create(d.Received, d.Identity, d.Fee, d.Waits).Value);

    [Theory]
    [InlineData("2026-09-03", "2026-10-05")] // the ICO's own shape: 3rd to 3rd, but 3 October 2026 is a Saturday
    [InlineData("2026-03-30", "2026-04-30")] // the corresponding date exists
    [InlineData("2027-01-31", "2027-03-01")] // no 31 February: the last day, 28 February 2027, is a Sunday
    [InlineData("2028-01-31", "2028-02-29")] // leap year: the last day of February is the 29th, a Tuesday
    [InlineData("2026-11-25", "2026-12-29")] // 25 December falls due: Christmas, Boxing Day substitute and weekend push it on
    [InlineData("2027-03-29", "2027-04-29")] // an ordinary Thursday the month after Easter
    public void RightsRequestDue_ReceivedOnly_IsTheCorrespondingDateMovedToAWorkingDay(string received, string due)
    {
        Assert.Equal(Date(due), EnglandAndWales.RightsRequestDue(RightsRequestClock.Start(Date(received))));
    }

    [Fact]
    public void RightsRequestDue_IdentityAndFeeArriveLater_ClockStartsAtTheLatest()
    {
        var clock = RightsRequestClock.Create(Date("2026-02-05"), identityInformationReceived: Date("2026-02-16"), feeReceived: Date("2026-02-10")).Value;

        Assert.Equal(Date("2026-02-16"), clock.RelevantTime);
        Assert.Equal(Date("2026-03-16"), EnglandAndWales.RightsRequestDue(clock));
        Assert.Equal(Date("2026-05-18"), EnglandAndWales.RightsRequestExtendedDue(clock)); // 16 May 2026 is a Saturday
    }

    [Fact]
    public void RightsRequestDue_ClarificationAskedOn4MarchAnsweredOn9March_BothDaysLeftOutSoDue8April()
    {
        // Art 12A(5)(b): the period beginning with the day asked and ending with the day answered does not count, both
        // days included: six days (4 to 9 March), not the five the old count gave (which made it 7 April).
        var clock = RightsRequestClock.Create(Date("2026-03-02"), clarifications: [new ClarificationWait(Date("2026-03-04"), Date("2026-03-09"))]).Value;

        Assert.Equal(Date("2026-04-08"), EnglandAndWales.RightsRequestDue(clock));
        Assert.Equal(Date("2026-04-08"), EnglandAndWales.ExtensionNoticeDue(clock));
        Assert.Equal(Date("2026-06-08"), EnglandAndWales.RightsRequestExtendedDue(clock));
    }

    [Fact]
    public void RightsRequestDue_ClarificationAwaited_DaysOfWaitingDoNotCount()
    {
        var clock = RightsRequestClock.Create(Date("2026-06-01"), clarifications: [new ClarificationWait(Date("2026-06-05"), Date("2026-06-15"))]).Value;

        // Eleven days (5 to 15 June): 1 July + 11 days = Sunday 12 July, so Monday 13 July.
        Assert.Equal(Date("2026-07-12"), clock.EndOfPeriod(1));
        Assert.Equal(Date("2026-07-13"), EnglandAndWales.RightsRequestDue(clock));
    }

    [Theory]
    [InlineData(UkDivision.EnglandAndWales, "2026-10-30", "2026-11-30")] // St Andrew's Day is a working day in England and Wales
    [InlineData(UkDivision.Scotland, "2026-10-30", "2026-12-01")] // ...but a bank holiday in Scotland
    [InlineData(UkDivision.EnglandAndWales, "2027-06-12", "2027-07-12")] // 12 July is an ordinary Monday in England and Wales
    [InlineData(UkDivision.NorthernIreland, "2027-06-12", "2027-07-13")] // ...and the Battle of the Boyne holiday in Northern Ireland
    public void RightsRequestDue_DivisionsHolidays_MoveTheDeadlineOnlyWhereTheyApply(UkDivision division, string received, string due)
    {
        var deadlines = new StatutoryDeadlines(UkCalendars.For(division));

        Assert.Equal(Date(due), deadlines.RightsRequestDue(RightsRequestClock.Start(Date(received))));
    }

    [Fact]
    public void EndOfPeriod_ClarificationAskedBeforeTheFeeArrived_CountsOnlyFromTheRelevantTime()
    {
        var clock = RightsRequestClock.Create(Date("2026-06-01"), feeReceived: Date("2026-06-10"), clarifications: [new ClarificationWait(Date("2026-06-03"), Date("2026-06-12"))]).Value;

        // 10, 11 and 12 June do not count: 10 July + 3 days is Monday 13 July.
        Assert.Equal(Date("2026-07-13"), clock.EndOfPeriod(1));
        Assert.Equal(Date("2026-07-13"), EnglandAndWales.RightsRequestDue(clock));
    }

    [Fact]
    public void EndOfPeriod_WaitBeginsAfterThePeriodEnded_DoesNotReopenIt()
    {
        var clock = RightsRequestClock.Create(Date("2026-06-01"), clarifications: [new ClarificationWait(Date("2026-07-10"), Date("2026-07-20"))]).Value;

        Assert.Equal(Date("2026-07-01"), clock.EndOfPeriod(1));
        Assert.Equal(Date("2026-09-12"), clock.EndOfPeriod(3)); // inside the extended period it counts: 1 September + 11 days
    }

    [Fact]
    public void RightsRequestDue_ClarificationStillAwaited_IsTheEarliestItCanBe()
    {
        var awaiting = RightsRequestClock.Create(Date("2026-06-01"), clarifications: [new ClarificationWait(Date("2026-06-05"), null)]).Value;

        // The day of asking is already left out; each further day of waiting moves the deadline one day on.
        Assert.True(awaiting.IsAwaitingClarification);
        Assert.Equal(Date("2026-07-02"), EnglandAndWales.RightsRequestDue(awaiting));
    }

    [Fact]
    public void RightsRequestDue_AnyDatesAndSeveralWaits_EqualsADayByDayCountAndRefusesClockSteps()
    {
        Gen.Select(AnyDates, Calendars).Sample((dates, calendar) =>
        {
            var (received, identity, fee, waits) = dates;
            var created = RightsRequestClock.Create(received, identity, fee, waits);
            if (!InOrder(received, identity, fee, waits))
            {
                Assert.Equal(CalendarsErrorCodes.ClockStepsBack, created.Error?.Code);
                Assert.False(string.IsNullOrEmpty(created.Error!.Field));
                return;
            }

            var clock = created.Value;
            var deadlines = new StatutoryDeadlines(calendar);
            var withoutWaits = RightsRequestClock.Create(received, identity, fee).Value;
            foreach (var months in new[] { 1, 3 })
            {
                var expected = calendar.OnOrNextWorkingDay(CountDayByDay(clock.RelevantTime, months, waits));
                var due = months == 1 ? deadlines.RightsRequestDue(clock) : deadlines.RightsRequestExtendedDue(clock);
                Assert.Equal(expected, due);
                Assert.True(due >= (months == 1 ? deadlines.RightsRequestDue(withoutWaits) : deadlines.RightsRequestExtendedDue(withoutWaits)));
            }

            Assert.Equal(deadlines.RightsRequestDue(clock), deadlines.ExtensionNoticeDue(clock));
            Assert.Equal(new RightsRequestDeadlines(deadlines.RightsRequestDue(clock), deadlines.RightsRequestExtendedDue(clock), deadlines.ExtensionNoticeDue(clock)), deadlines.ForRightsRequest(clock));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("2026-03-01", null, null, "identityInformationReceived")] // identity information before the request
    [InlineData(null, "2026-03-01", null, "feeReceived")] // a fee before the request
    [InlineData(null, null, "2026-03-01", "clarifications[0].asked")] // clarification asked before the request
    public void Create_DateBeforeTheRequest_RefusedNamingTheField(string? identity, string? fee, string? asked, string field)
    {
        ClarificationWait[] waits = asked is null ? [] : [new ClarificationWait(Date(asked), null)];

        var result = RightsRequestClock.Create(Date("2026-03-02"), identity is null ? null : Date(identity), fee is null ? null : Date(fee), waits);

        Assert.Equal(CalendarsErrorCodes.ClockStepsBack, result.Error?.Code);
        Assert.Equal(field, result.Error?.Field);
    }

    [Fact]
    public void Create_ClarificationAnsweredBeforeItWasAsked_Refused()
    {
        var result = RightsRequestClock.Create(Date("2026-03-02"), clarifications: [new ClarificationWait(Date("2026-03-09"), Date("2026-03-04"))]);

        Assert.Equal(CalendarsErrorCodes.ClockStepsBack, result.Error?.Code);
        Assert.Equal("clarifications[0].answered", result.Error?.Field);
    }

    [Fact]
    public void Create_SecondWaitWhileTheFirstIsAwaited_Refused()
    {
        var result = RightsRequestClock.Create(Date("2026-03-02"), clarifications: [new ClarificationWait(Date("2026-03-04"), null), new ClarificationWait(Date("2026-03-06"), Date("2026-03-07"))]);

        Assert.Equal("clarifications[1].asked", result.Error?.Field);
    }

    [Fact]
    public void Default_Clock_HasNoWaitsAndCountsFromItsDate()
    {
        var clock = default(RightsRequestClock);

        Assert.Empty(clock.Clarifications);
        Assert.False(clock.IsAwaitingClarification);
        Assert.Equal(clock.Received.PlusMonths(1), clock.EndOfPeriod(1));
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
    public void RightsRequestDue_AnyClock_IsTheFirstWorkingDayOnOrAfterTheEndOfPeriod()
    {
        Clocks.Select(Calendars).Sample((clock, calendar) =>
        {
            var due = new StatutoryDeadlines(calendar).RightsRequestDue(clock);
            var earliest = clock.EndOfPeriod(1);
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
            var clock = RightsRequestClock.Start(date);
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
    public void DeletionOnRequest_Notice002_WithinTwentyEightDaysOfAuthorisation()
    {
        // Moved from Retention's notice tests with the clock: authorised 1 April 2026, gone by Wednesday 29 April.
        Assert.Equal(new LocalDate(2026, 4, 29), EnglandAndWales.DeletionOnRequestDue(new LocalDate(2026, 4, 1)));
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
        var clock = RightsRequestClock.Create(Date("2026-11-25"), feeReceived: Date("2026-11-26"), clarifications: [new ClarificationWait(Date("2026-11-27"), Date("2026-11-30")), new ClarificationWait(Date("2026-12-02"), null)]).Value;
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

    // Whether the dates never step backwards, written out independently of the clock.
    private static bool InOrder(LocalDate received, LocalDate? identity, LocalDate? fee, ClarificationWait[] waits)
    {
        if (identity < received || fee < received)
        {
            return false;
        }

        var previous = received;
        for (var i = 0; i < waits.Length; i++)
        {
            if ((i > 0 && waits[i - 1].Answered is null) || waits[i].Asked < previous || waits[i].Answered < waits[i].Asked)
            {
                return false;
            }

            previous = waits[i].Answered ?? waits[i].Asked;
        }

        return true;
    }

    // The reference count, one day at a time: the period has as many counting days as run from the relevant time to
    // the corresponding day months later, both included; a day inside a wait (an awaited one: its first day) does not count.
    private static LocalDate CountDayByDay(LocalDate relevantTime, int months, ClarificationWait[] waits)
    {
        var needed = Period.DaysBetween(relevantTime, CorrespondingDate(relevantTime, months)) + 1;
        var day = relevantTime;
        while (true)
        {
            var excluded = waits.Any(w => w.Asked <= day && day <= (w.Answered ?? w.Asked));
            if (!excluded && --needed == 0)
            {
                return day;
            }

            day = day.PlusDays(1);
        }
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
