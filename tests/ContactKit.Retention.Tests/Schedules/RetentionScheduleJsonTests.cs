using NodaTime;

namespace ContactKit.Retention.Tests.Schedules;

public sealed class RetentionScheduleJsonTests
{
    [Fact]
    public void Parse_ReferenceSchedule_ReadsEveryRule()
    {
        var schedule = NoticeSchedules.All;

        Assert.Equal(8, schedule.Rules.Length);
        var employees = schedule.FindRule("employees-six-years")!;
        Assert.Equal(RecordClass.EmployeeFile, employees.RecordClass);
        Assert.Equal(RetentionTrigger.EmploymentEnded, employees.Trigger);
        Assert.Equal(Period.FromYears(6), employees.Period);
        Assert.Equal(Period.FromYears(6), employees.Minimum);
        Assert.Equal(RetentionReason.LegalObligation, employees.Reason);
        Assert.Empty(schedule.Validate());
    }

    [Fact]
    public void Serialize_ThenParse_GivesAnEqualSchedule()
    {
        var schedule = NoticeSchedules.All with
        {
            Rules = NoticeSchedules.All.Rules.Add(new RetentionRule
            {
                Name = "review-on-a-date",
                RecordClass = RecordClass.Complaint,
                Trigger = RetentionTrigger.Created,
                ReviewOn = new LocalDate(2027, 4, 1),
                Action = DisposalAction.Review,
                Reason = RetentionReason.LegalClaims,
            }),
        };

        var again = RetentionScheduleJson.ParseText(RetentionScheduleJson.Serialize(schedule));

        Assert.Equal(schedule, again.Value);
    }

    [Theory]
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P0D","action":"delete","reason":"contract"}]}""", "$.rules[0].period", "positive")] // a zero period keeps nothing
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"-P6M","action":"delete","reason":"contract"}]}""", "$.rules[0].period", "positive")] // a negative period
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"PT6H","action":"delete","reason":"contract"}]}""", "$.rules[0].period", "years, months, weeks or days")] // hours are not a retention period
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"six months","action":"delete","reason":"contract"}]}""", "$.rules[0].period", "ISO 8601")] // prose is not a period
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"Call Recording","trigger":"created","period":"P6M","action":"delete","reason":"contract"}]}""", "$.rules[0].recordClass", "lower-case")] // a class name with spaces
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P6M","action":"shred","reason":"contract"}]}""", "$.rules[0].action", "'delete', 'anonymise', 'review'")] // an unknown action
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P6M","action":"delete","reason":"because"}]}""", "$.rules[0].reason", "legal_obligation")] // an unknown reason
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P6M","action":"delete","reason":"contract","minimum":"P1Y"}]}""", "$.rules[0].minimum", "longer than the period")] // a minimum beyond disposal
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P6M","action":"delete","reason":"contract"},{"name":"b","recordClass":"call_recording","trigger":"created","period":"P1Y","action":"delete","reason":"contract"}]}""", "$.rules[1].trigger", "conflicts with rule 'a'")] // two rules for one class and clock
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":"P6M","action":"delete","reason":"contract"},{"name":"a","recordClass":"enquiry","trigger":"created","period":"P1Y","action":"delete","reason":"contract"}]}""", "$.rules[1].name", "named twice")] // duplicate names make explanations ambiguous
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","reviewOn":"2027-01-01","action":"delete","reason":"contract"}]}""", "$.rules[0].period", "has no period")] // a fixed date is only for reviews
    [InlineData("""{"name":"s","rules":[{"name":"a","recordClass":"call_recording","trigger":"created","period":6,"action":"delete","reason":"contract"}]}""", "$.rules[0].period", "not valid JSON")] // a number where an ISO period belongs
    [InlineData("""{"name":"","rules":[]}""", "$.name", "needs a name")] // an unnamed, empty schedule
    public void Parse_BadSchedule_NamesTheJsonPathAndTheRuleBroken(string json, string path, string words)
    {
        var error = RetentionScheduleJson.ParseText(json).Error;

        Assert.Equal(RetentionErrorCodes.InvalidSchedule, error?.Code);
        Assert.Equal(path, error?.Field);
        Assert.Contains(words, error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeveralProblems_ReportsEveryOneWithTheRuleName()
    {
        var json = """{"name":"s","rules":[{"name":"recordings","recordClass":"call_recording","trigger":"created","period":"P0D","action":"shred","reason":"contract"}]}""";

        var errors = RetentionScheduleJson.Check(json);

        Assert.Equal(["$.rules[0].action", "$.rules[0].period"], errors.Select(e => e.Field).Order());
        Assert.All(errors, e => Assert.StartsWith("Rule 'recordings'", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScheduleBuiltInCode_UsesTheSameRules()
    {
        var schedule = new RetentionSchedule
        {
            Name = "code",
            Rules = [RetentionRuleTests.Rule("P6M") with { Period = Period.FromMonths(-1) }],
        };

        var error = Assert.Single(schedule.Validate());

        Assert.Equal("$.rules[0].period", error.Field);
    }
}
