using CsCheck;
using NodaTime;

namespace ContactKit.Retention.Tests.Schedules;

/// <summary>Periods too long for the calendar, text that is not Unicode, and the calculator over every schedule that validates.</summary>
public sealed class RetentionPeriodBoundsTests
{
    private const string Template = """{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"PERIOD","action":"delete","reason":"contract"MINIMUM}]}""";

    private static readonly DateTimeZone[] Zones =
    [
        DateTimeZoneProviders.Tzdb["Europe/London"],
        DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"], // UTC+14: the local date runs ahead of UTC
        DateTimeZoneProviders.Tzdb["Pacific/Pago_Pago"], // UTC-11: the local date runs behind UTC
        DateTimeZone.Utc,
    ];

    [Theory]
    [InlineData("P8000Y")] // regression: threw ArgumentOutOfRangeException from Parse
    [InlineData("P99999Y")] // regression: accepted, then threw from Decide
    [InlineData("P2147483647D")] // regression: accepted, then threw from Decide
    [InlineData("P201Y")] // one year past the bound
    [InlineData("P2401M")] // 200 years and a month, written in months
    [InlineData("P199Y24M")] // each part within the bound, together past it
    public void Parse_PeriodLongerThan200Years_IsRefusedWithItsCodeAndJsonPath(string period)
    {
        var json = Template.Replace("PERIOD", period, StringComparison.Ordinal).Replace("MINIMUM", string.Empty, StringComparison.Ordinal);

        var result = RetentionScheduleJson.ParseText(json);
        var all = RetentionScheduleJson.Check(json);

        Assert.Equal(RetentionErrorCodes.PeriodTooLong, result.Error?.Code);
        Assert.Equal("$.rules[0].period", result.Error?.Field);
        Assert.Contains("200 years", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(result.Error, Assert.Single(all));
    }

    [Fact]
    public void Parse_MinimumLongerThan200Years_IsRefusedAtTheMinimumsPath()
    {
        var json = Template.Replace("PERIOD", "P6Y", StringComparison.Ordinal).Replace("MINIMUM", ""","minimum":"P99999Y" """, StringComparison.Ordinal);

        var error = RetentionScheduleJson.ParseText(json).Error;

        Assert.Equal(RetentionErrorCodes.PeriodTooLong, error?.Code);
        Assert.Equal("$.rules[0].minimum", error?.Field);
    }

    [Fact]
    public void Parse_Exactly200Years_IsAccepted()
    {
        var json = Template.Replace("PERIOD", "P200Y", StringComparison.Ordinal).Replace("MINIMUM", string.Empty, StringComparison.Ordinal);

        Assert.True(RetentionScheduleJson.ParseText(json).IsSuccess);
    }

    // Attribute strings cannot carry a lone surrogate, so each case is picked by number.
    [Theory]
    [InlineData(0)] // a lone high surrogate
    [InlineData(1)] // a lone low surrogate
    [InlineData(2)] // a pair in the wrong order
    [InlineData(3)] // a high surrogate at the very end of the text
    public void Parse_LoneSurrogateInTheText_IsARefusalNotAnException(int which)
    {
        var surrogate = new[] { "\uD800", "\uDC00", "\uDC00\uD800", string.Empty }[which];
        var json = Template.Replace("PERIOD", "P6M", StringComparison.Ordinal).Replace("MINIMUM", string.Empty, StringComparison.Ordinal)
            .Replace("\"s\"", $"\"s{surrogate}\"", StringComparison.Ordinal) + (which == 3 ? "\uD800" : string.Empty);

        var parsed = RetentionScheduleJson.ParseText(json);
        var checkedAll = RetentionScheduleJson.Check(json);

        Assert.Equal(RetentionErrorCodes.InvalidSchedule, parsed.Error?.Code);
        Assert.Equal("$", parsed.Error?.Field);
        Assert.Contains("surrogate", parsed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(RetentionErrorCodes.InvalidSchedule, Assert.Single(checkedAll).Code);
    }

    [Fact]
    public void Parse_LongBadValue_EchoesOnlyAnEscapedExcerpt()
    {
        var bad = "call_recording\r\n" + new string('x', 10_000);
        var json = Template.Replace("PERIOD", "P6M", StringComparison.Ordinal).Replace("MINIMUM", string.Empty, StringComparison.Ordinal)
            .Replace("\"call_recording\"", $"\"{bad.Replace("\r\n", "\\r\\n", StringComparison.Ordinal)}\"", StringComparison.Ordinal);

        var error = RetentionScheduleJson.ParseText(json).Error;

        Assert.Equal("$.rules[0].recordClass", error?.Field);
        Assert.DoesNotContain("\r", error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void RecordClassParse_LongBadValue_EchoesOnlyAnEscapedExcerpt()
    {
        var error = RecordClass.ParseText("Bad\nclass" + new string('x', 5000)).Error;

        Assert.DoesNotContain("\n", error!.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    /// <summary>
    /// Every schedule that validates, over generated periods of every kind and generated instants across the whole
    /// calendar, is decided without an exception; a result past the end of the calendar keeps the item.
    /// </summary>
    [Fact]
    public void Decide_AnyScheduleThatValidates_NeverThrows()
    {
        var periods = Gen.Select(Gen.Int[0, 250], Gen.Int[0, 3100], Gen.Int[0, 11000], Gen.Int[0, 80000], Gen.Int[0, 3])
            .Select((years, months, weeks, days, kind) => kind switch
            {
                0 => Period.FromYears(years),
                1 => Period.FromMonths(months),
                2 => Period.FromWeeks(weeks),
                _ => Period.FromDays(days),
            });
        var instants = Gen.Long[Instant.FromUtc(-9998, 1, 1, 0, 0).ToUnixTimeSeconds(), Instant.FromUtc(9999, 12, 31, 0, 0).ToUnixTimeSeconds()]
            .Select(Instant.FromUnixTimeSeconds);
        var nearEnds = Gen.OneOf(
            Gen.Int[0, 86_400 * 800].Select(s => Instant.FromUtc(9999, 12, 31, 23, 59) - Duration.FromSeconds(s)),
            Gen.Int[0, 86_400 * 800].Select(s => Instant.FromUtc(-9998, 1, 1, 0, 0) + Duration.FromSeconds(s)));
        Gen.Select(periods, periods, Gen.Bool, Gen.Frequency((3, instants), (1, nearEnds)), Gen.Int[0, Zones.Length - 1]).Sample((period, minimum, withMinimum, at, zone) =>
        {
            var rule = RetentionRuleTests.Rule("P6M") with { Period = period, Minimum = withMinimum ? minimum : null };
            var schedule = new RetentionSchedule { Name = "generated", Rules = [rule] };
            if (!schedule.Validate().IsEmpty)
            {
                return true;
            }

            var item = NoticeSchedules.Item(RecordClass.CallRecording, at).WithTrigger(rule.Trigger, at);
            var decision = new RetentionCalculator(schedule).Decide(item, Zones[zone]);
            _ = decision.Explain();
            return decision.Status == DisposalStatus.Scheduled && (decision.DisposeAt >= at || decision.DisposeAt!.Value.InUtc().Year == 9999);
        }, iter: 20_000);
    }
}
