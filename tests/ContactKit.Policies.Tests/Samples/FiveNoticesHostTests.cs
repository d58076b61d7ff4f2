using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Policies.Tests.Samples;

/// <summary>
/// A host configured from each of the five sample policies with <c>AddPolicy</c>. A policy that keeps something "as
/// long as needed" with no review date states a period nothing can enforce, so <c>AddPolicy</c> refuses it (CK0873)
/// until the tenant gives a period or a review date; the tests show both.
/// </summary>
public sealed class FiveNoticesHostTests
{
    private static PolicyDocument Load(string file) =>
        PolicyLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file))).Document!;

    private static ServiceProvider Build(PolicyDocument policy)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddPolicy(policy);
        return services.BuildServiceProvider();
    }

    // What a tenant does to answer CK0873: every open-ended entry gets a date by which it is reviewed.
    private static PolicyDocument WithReviewDates(PolicyDocument policy) => policy with
    {
        Retention = [.. policy.Retention.Select(r => r.Period is null ? r with { ReviewOn = new LocalDate(2027, 1, 31) } : r)],
    };

    [Theory]
    [InlineData(FiveNoticesTests.Bath, "$.retention[0]")]
    [InlineData(FiveNoticesTests.BetterComms, "$.retention[2]")]
    [InlineData(FiveNoticesTests.CallHandling, "$.retention[0]")]
    [InlineData(FiveNoticesTests.TelephoneOffice, "$.retention[0]")]
    public void AddPolicy_NoticeKeepingDataAsLongAsNeeded_IsRefusedAtTheFirstOpenEndedEntry(string file, string path)
    {
        var ex = Assert.Throws<ContactKitException>(() => Build(Load(file)));

        Assert.Equal(PoliciesErrorCodes.OpenEndedRetention, ex.Error.Code);
        Assert.Equal(path, ex.Error.Field);
    }

    [Fact]
    public void AddPolicy_Breckland_KeepsRecordingsSixMonthsAndCasesSixYearsAndLeavesTheChatbotUnrecorded()
    {
        var policy = Load(FiveNoticesTests.Breckland);
        using var provider = Build(policy);
        var tenant = TenantId.Parse(policy.Tenant!);

        var schedule = provider.GetRequiredService<IOptions<RetentionOptions>>().Value.TenantSchedules[tenant.Value];
        var recording = provider.GetRequiredService<IOptions<RecordingOptions>>().Value.PolicyFor(tenant);

        Assert.Equal(Period.FromMonths(6), Assert.Single(schedule.RulesFor(RecordClass.CallRecording)).Period);
        Assert.Equal(Period.FromMonths(6), Assert.Single(schedule.RulesFor(RecordClass.Parse("chat_transcript"))).Period);
        var cases = Assert.Single(schedule.RulesFor(RecordClass.CaseRecord));
        Assert.Equal(Period.FromYears(6), cases.Period);
        Assert.Equal(RetentionTrigger.CaseClosed, cases.Trigger);
        Assert.True(recording.RecordingEnabled);
        Assert.True(recording.NoticeRequired);
        Assert.False(recording.CaptureBotPhase);
    }

    [Fact]
    public void AddPolicy_BetterCommsWithReviewDates_CarriesEveryPeriodIntoTheSchedule()
    {
        var policy = WithReviewDates(Load(FiveNoticesTests.BetterComms));
        using var provider = Build(policy);

        var schedule = provider.GetRequiredService<IOptions<RetentionOptions>>().Value.TenantSchedules[policy.Tenant!];
        var subjects = provider.GetRequiredService<IOptions<ContactKit.DataSubjects.DataSubjectsOptions>>().Value;

        var customers = Assert.Single(schedule.RulesFor(RecordClass.Parse("customer_record")));
        Assert.Equal((Period.FromYears(6), RetentionTrigger.RelationshipEnded), (customers.Period, customers.Trigger));
        var enquirers = Assert.Single(schedule.RulesFor(RecordClass.Parse("enquiry")));
        Assert.Equal((Period.FromYears(2), RetentionTrigger.Created), (enquirers.Period, enquirers.Trigger));
        Assert.Equal(Period.FromMonths(6), Assert.Single(schedule.RulesFor(RecordClass.Parse("job_application"))).Period);
        var employees = Assert.Single(schedule.RulesFor(RecordClass.Parse("employment_record")));
        Assert.Equal((Period.FromYears(6), RetentionTrigger.EmploymentEnded), (employees.Period, employees.Trigger));
        // Recordings kept for the relationship become reviewed, not silently deleted.
        var calls = Assert.Single(schedule.RulesFor(RecordClass.CallRecording));
        Assert.Equal(DisposalAction.Review, calls.Action);
        Assert.Equal(28, subjects.DeletionPeriodFor(TenantId.Parse(policy.Tenant!)));
    }
}
