using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Policies.Tests.DependencyInjection;

public sealed class AddPolicyTests
{
    private static readonly TenantId Council = TenantId.Parse("example-council");

    [Fact]
    public void AddPolicy_CouncilPolicy_ConfiguresEveryPackageFromTheDocument()
    {
        using var provider = Build(b => b.AddPolicy(SamplePolicies.Council()));

        var schedule = provider.GetRequiredService<IOptions<RetentionOptions>>().Value.TenantSchedules[Council.Value];
        var recording = provider.GetRequiredService<IOptions<RecordingOptions>>().Value.PolicyFor(Council);
        var consent = provider.GetRequiredService<IOptions<ConsentOptions>>().Value;
        var subjects = provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value;

        var calls = Assert.Single(schedule.RulesFor(RecordClass.CallRecording));
        Assert.Equal(Period.FromMonths(6), calls.Period);
        Assert.Equal(RetentionTrigger.InteractionEnded, calls.Trigger);
        var cases = Assert.Single(schedule.RulesFor(RecordClass.CaseRecord));
        Assert.Equal(Period.FromYears(6), cases.Period);
        Assert.Equal(RetentionReason.LegalObligation, cases.Reason);
        Assert.Equal(RetentionReason.LegitimateInterests, calls.Reason); // not stated in the policy
        Assert.True(recording.RecordingEnabled);
        Assert.True(recording.NoticeRequired);
        Assert.False(recording.CaptureBotPhase);
        Assert.Equal(Period.FromDays(30), consent.NoticePeriod);
        Assert.Equal(28, subjects.DeletionPeriodFor(Council));
    }

    [Fact]
    public void AddPolicy_ExplicitConsentJurisdictions_BecomeRecordingRules()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Recording = council.Recording! with { Consent = ConsentModel.ExplicitWhereRequired, ExplicitConsentIn = ["US-CA", "DE"] } };

        using var provider = Build(b => b.AddPolicy(policy));
        var rules = provider.GetRequiredService<IOptions<ConsentOptions>>().Value.RecordingRules;

        Assert.Equal(["US-CA", "DE"], rules.Select(r => r.Jurisdiction));
        Assert.All(rules, r => Assert.Equal(CaptureRequirement.ExplicitConsent, r.Requirement));
    }

    [Fact]
    public void AddPolicy_ScheduleSetInCodeThatDiffers_StopsStartUpNamingTheSetting()
    {
        var other = new RetentionSchedule
        {
            Name = "other",
            Rules = [new RetentionRule { Name = "calls", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromYears(2), Action = DisposalAction.Delete, Reason = RetentionReason.LegitimateInterests }],
        };

        using var provider = Build(b => b.AddRetention(o => o.TenantSchedules[Council.Value] = other).AddPolicy(SamplePolicies.Council()));
        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(PoliciesErrorCodes.HostContradictsPolicy, ex.Error.Code);
        Assert.Equal("Retention:TenantSchedules:example-council", ex.Error.Field);
    }

    [Fact]
    public void AddPolicy_DeletionPeriodSetInConfigurationThatDiffers_StopsStartUp()
    {
        using var provider = Build(b => b.AddDataSubjects(o => o.TenantDeletionPeriodDays[Council.Value] = 20).AddPolicy(SamplePolicies.Council()));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value);

        Assert.Equal("DataSubjects:TenantDeletionPeriodDays:example-council", ex.Error.Field);
    }

    [Fact]
    public void AddPolicy_SettingThatAgrees_IsAccepted()
    {
        using var provider = Build(b => b.AddDataSubjects(o => o.TenantDeletionPeriodDays[Council.Value] = 28).AddPolicy(SamplePolicies.Council()));

        Assert.Equal(28, provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value.DeletionPeriodFor(Council));
    }

    [Fact]
    public void AddPolicy_RetentionWithNeitherPeriodNorReview_BecomesAReviewAYearAfterTheTrigger()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Retention = council.Retention.Add(new RetentionEntry { RecordClass = "complaint", Trigger = "case_closed", Criteria = "as long as needed" }) };
        var services = new ServiceCollection();
        services.AddContactKit().AddPolicy(policy);
        using var provider = services.BuildServiceProvider();

        var rule = Assert.Single(provider.GetRequiredService<IOptions<RetentionOptions>>().Value.TenantSchedules[Council.Value].RulesFor(RecordClass.Parse("complaint")));

        Assert.Equal((DisposalAction.Review, Period.FromYears(1), RetentionTrigger.CaseClosed, (LocalDate?)null), (rule.Action, rule.Period, rule.Trigger, rule.ReviewOn));
    }

    [Fact]
    public void AddPolicy_FileThatIsNotAPolicy_IsRefusedWithTheFirstProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "tenant": "example-council", "categories": [ { "category": "contact.phone", "lawful_basis": "public_task", "purposes": ["not a purpose"] } ] }""");
        try
        {
            var ex = Assert.Throws<ContactKitException>(() => new ServiceCollection().AddContactKit().AddPolicy(path));

            Assert.StartsWith("CK08", ex.Error.Code, StringComparison.Ordinal);
            Assert.NotNull(ex.Error.Field);
            Assert.DoesNotContain("not a purpose", ex.Error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddPolicy_PolicyThatDoesNotRecord_TurnsRecordingOffForTheTenant()
    {
        using var provider = Build(b => b.AddPolicy(SamplePolicies.Council() with { Recording = null }));

        Assert.False(provider.GetRequiredService<IOptions<RecordingOptions>>().Value.PolicyFor(Council).RecordingEnabled);
    }

    private static ServiceProvider Build(Action<ContactKitBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(services.AddContactKit());
        return services.BuildServiceProvider();
    }
}
