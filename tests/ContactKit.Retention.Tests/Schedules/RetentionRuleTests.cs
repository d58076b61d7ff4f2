using CsCheck;
using NodaTime;

namespace ContactKit.Retention.Tests.Schedules;

public sealed class RetentionRuleTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static readonly string[] ZoneIds = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/Sao_Paulo"];

    private static readonly Gen<Period> Periods =
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 24], Gen.Int[0, 8], Gen.Int[0, 400])
            .Where((y, m, w, d) => y + m + w + d > 0)
            .Select((y, m, w, d) => new PeriodBuilder { Years = y, Months = m, Weeks = w, Days = d }.Build());

    private static readonly Gen<Instant> Instants = Gen.Long[Instant.FromUtc(2000, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(2060, 1, 1, 0, 0).ToUnixTimeTicks()].Select(Instant.FromUnixTimeTicks);

    [Theory]
    [InlineData("2026-08-31T12:00", "P6M", "2027-02-28T12:00")] // no 31 February: the last day of the month
    [InlineData("2027-08-31T12:00", "P6M", "2028-02-29T12:00")] // a leap year's February has a 29th
    [InlineData("2028-02-29T09:00", "P1Y", "2029-02-28T09:00")] // a leap day plus a year lands on 28 February
    [InlineData("2028-02-29T09:00", "P4Y", "2032-02-29T09:00")] // ...but four years on the leap day exists again
    [InlineData("2026-01-31T09:00", "P1M2D", "2026-03-02T09:00")] // months first, then days, as NodaTime adds a period
    public void DisposalInstant_MonthEndsAndLeapDays_FollowCalendarArithmetic(string trigger, string period, string expected)
    {
        var rule = Rule(period);
        var start = Local(trigger).InZoneStrictly(London).ToInstant();

        var at = rule.DisposalInstant(start, London);

        Assert.Equal(Local(expected), at.InZone(London).LocalDateTime);
    }

    [Fact]
    public void DisposalInstant_LandsInTheSpringGap_MovesForwardByTheGap()
    {
        // 01:30 on 29 March 2026 does not exist in London (clocks go from 01:00 to 02:00): the result is 02:30 BST.
        var start = Local("2026-03-28T01:30").InZoneStrictly(London).ToInstant();

        var at = Rule("P1D").DisposalInstant(start, London);

        Assert.Equal(Local("2026-03-29T02:30"), at.InZone(London).LocalDateTime);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), at);
    }

    [Fact]
    public void DisposalInstant_LandsInTheAutumnOverlap_TakesTheLaterInstant()
    {
        // 01:30 on 25 October 2026 happens twice in London (BST then GMT): the later, 01:30 GMT, keeps the item longer.
        var start = Local("2026-10-24T01:30").InZoneStrictly(London).ToInstant();

        var at = Rule("P1D").DisposalInstant(start, London);

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 1, 30), at);
    }

    [Fact]
    public void DisposalInstant_AnyTriggerPeriodAndZone_IsNeverBeforeTriggerPlusPeriod()
    {
        Gen.Select(Instants, Periods, Gen.Int[0, ZoneIds.Length - 1]).Sample((trigger, period, z) =>
        {
            var zone = DateTimeZoneProviders.Tzdb[ZoneIds[z]];
            var at = Rule(period).DisposalInstant(trigger, zone);
            var localTrigger = trigger.InZone(zone).LocalDateTime;
            return at > trigger && at.InZone(zone).LocalDateTime >= localTrigger.Plus(period);
        }, iter: 20000);
    }

    [Fact]
    public void Resolve_AnyLocalTimeAndZone_AgreesWithTheDocumentedNodaTimeResolver()
    {
        // Local times near transitions are the interesting ones, so half the cases sit within a day of one.
        var zones = ZoneIds.Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        Gen.Select(Instants, Gen.Int[0, zones.Length - 1], Gen.Int[-180, 180], Gen.Bool).Sample((instant, z, minutes, nearTransition) =>
        {
            var zone = zones[z];
            var interval = zone.GetZoneInterval(instant);
            var probe = nearTransition && interval.HasEnd ? interval.End : instant;
            var local = probe.InUtc().LocalDateTime.PlusMinutes(minutes).Plus(Period.FromSeconds(zone.GetUtcOffset(probe).Seconds));
            return RetentionRule.Resolve(local, zone) == RetentionRule.DisposalResolver(zone.MapLocal(local)).ToInstant();
        }, iter: 20000);
    }

    [Fact]
    public void DisposalInstant_AfterWarmUp_AllocatesNothing()
    {
        var rule = Rule("P6M");
        var start = Instant.FromUtc(2026, 8, 31, 12, 0);
        rule.DisposalInstant(start, London);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var last = default(Instant);
        for (var i = 0; i < 100; i++)
        {
            last = rule.DisposalInstant(start.Plus(Duration.FromHours(i)), London);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(last > start);
    }

    [Fact]
    public void DisposalInstant_ReviewOnAFixedDate_IsTheStartOfThatDay()
    {
        var rule = Rule("P1D") with { Period = null, Action = DisposalAction.Review, ReviewOn = new LocalDate(2027, 7, 1) };

        Assert.Equal(Instant.FromUtc(2027, 6, 30, 23, 0), rule.DisposalInstant(Instant.FromUtc(2026, 1, 1, 0, 0), London));
    }

    internal static RetentionRule Rule(string period) => Rule(NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value);

    internal static RetentionRule Rule(Period period) => new()
    {
        Name = "rule",
        RecordClass = RecordClass.CallRecording,
        Trigger = RetentionTrigger.InteractionEnded,
        Period = period,
        Action = DisposalAction.Delete,
        Reason = RetentionReason.PublicTask,
    };

    private static LocalDateTime Local(string text) => NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text + ":00").Value;
}
