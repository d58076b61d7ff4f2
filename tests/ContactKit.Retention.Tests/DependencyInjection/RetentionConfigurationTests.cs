using ContactKit.Retention.Tests.Schedules;
using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Retention.Tests.DependencyInjection;

public class RetentionConfigurationTests
{
    // The schedule as a file holds it; the same text sits in appsettings.json under ContactKit:Retention:Schedule.
    private const string ScheduleJson = """
        { "name": "Council contact centre", "rules": [
          { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended",
            "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" },
          { "name": "case_records", "recordClass": "case_record", "trigger": "case_closed",
            "period": "P6Y", "action": "delete", "reason": "legal_obligation", "minimum": "P6Y" },
          { "name": "complaints", "recordClass": "complaint", "trigger": "created",
            "reviewOn": "2030-03-31", "action": "review", "reason": "legitimate_interests" } ] }
        """;

    private const string ResellerJson = """
        { "name": "Reseller", "rules": [
          { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended",
            "period": "P90D", "action": "delete", "reason": "contract" } ] }
        """;

    [Fact]
    public void BindConfiguration_RetentionSection_BindsIsoDurationsAndTheSettings()
    {
        var options = AppSettings.Bind<RetentionOptions>("""
            { "ContactKit": { "Retention": { "ClaimTimeout": "PT5M", "BatchSize": 50 } } }
            """, ck => ck.AddRetention().UseInMemoryStores());

        Assert.Equal(Duration.FromMinutes(5), options.ClaimTimeout);
        Assert.Equal(50, options.BatchSize);
        Assert.Null(options.Schedule);
    }

    [Fact]
    public void BindConfiguration_SchedulesInConfiguration_GiveTheSameSchedulesAsTheirJsonFiles()
    {
        var options = AppSettings.Bind<RetentionOptions>($$"""
            { "ContactKit": { "Retention": { "Schedule": {{ScheduleJson}}, "TenantSchedules": { "reseller": {{ResellerJson}} } } } }
            """, ck => ck.AddRetention().UseInMemoryStores());

        Assert.Equal(RetentionScheduleJson.ParseText(ScheduleJson).Value, options.Schedule);
        Assert.Equal(RetentionScheduleJson.ParseText(ResellerJson).Value, options.TenantSchedules["reseller"]);
        Assert.Equal(Period.FromMonths(6), options.Schedule!.FindRule("recordings")!.Period);
        Assert.Equal(new LocalDate(2030, 3, 31), options.Schedule.FindRule("complaints")!.ReviewOn);
    }

    [Fact]
    public void ScheduleConfigurationRead_EveryNoticeSchedule_EqualsTheScheduleReadFromItsJson()
    {
        foreach (var json in new[] { ScheduleJson, ResellerJson, NoticeSchedules.AllJson })
        {
            var section = AppSettings.Parse($$"""{ "Schedule": {{json}} }""").GetSection("Schedule");

            Assert.Equal(RetentionScheduleJson.ParseText(json).Value, RetentionScheduleConfiguration.Read(section).Value);
        }
    }

    [Fact]
    public void StartupValidation_DurationInWords_FailsNamingTheKey()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Retention": { "ClaimTimeout": "five minutes" } } }""", ck => ck.AddRetention().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:Retention:ClaimTimeout", failure, StringComparison.Ordinal);
        Assert.Contains("ISO 8601 duration", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_BadRulesInAConfiguredSchedule_ReportsEveryOneNamingItsKey()
    {
        var failures = AppSettings.StartupFailures("""
            { "ContactKit": { "Retention": { "TenantSchedules": { "council": { "name": "Council", "rules": [
                { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "six months", "action": "delete", "reason": "public_task" },
                { "name": "cases", "recordClass": "case_record", "trigger": "case_closed", "period": "P6Y", "action": "shred", "reason": "legal_obligation" } ] } } } } }
            """, ck => ck.AddRetention().UseInMemoryStores());

        Assert.Contains(failures, f => f.StartsWith(RetentionErrorCodes.InvalidSchedule, StringComparison.Ordinal) && f.Contains("ContactKit:Retention:TenantSchedules:council:rules:0:period", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(RetentionErrorCodes.InvalidSchedule, StringComparison.Ordinal) && f.Contains("ContactKit:Retention:TenantSchedules:council:rules:1:action", StringComparison.Ordinal));
    }

    [Fact]
    public void ScheduleConfigurationRead_NoRules_IsRefusedAsTheJsonFileWouldBe()
    {
        var section = AppSettings.Parse("""{ "Schedule": { "name": "Empty" } }""").GetSection("Schedule");

        var result = RetentionScheduleConfiguration.Read(section);

        Assert.Equal(RetentionScheduleJson.ParseText("""{ "name": "Empty" }""").Error?.Message, result.Error?.Message);
    }
}
