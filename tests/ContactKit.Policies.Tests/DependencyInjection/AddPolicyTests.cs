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
    public void AddPolicy_TwoTenantsPolicies_EachTenantGetsItsOwnControllerLawfulBasisAndRecordClasses()
    {
        static PolicyDocument Sample(string file) => PolicyLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file))).Document!;
        var bath = TenantId.Parse("bath-nes");
        var breckland = TenantId.Parse("breckland");
        var services = new ServiceCollection();
        services.AddContactKit().AddPolicy(Sample("bath-contact-centre.policy.json")).AddPolicy(Sample("breckland-customer-service.policy.json")).AddInteractions();
        using var provider = services.BuildServiceProvider();

        // Reading the options runs the start-up check that every stored kind has a rule in each tenant's schedule.
        var options = provider.GetRequiredService<IOptions<ContactKit.Interactions.InteractionsOptions>>().Value;

        Assert.Equal(("Bath and North East Somerset Council", LawfulBasis.LegalObligation), (options.ControllerFor(bath), options.LawfulBasisFor(bath)));
        Assert.Equal(("Breckland District Council", LawfulBasis.PublicTask), (options.ControllerFor(breckland), options.LawfulBasisFor(breckland)));
        Assert.Equal("interaction_record", options.RecordClassFor(bath, ContactKit.Interactions.ArtefactKind.Audio, Channel.VoiceCall).Value.Value);
        Assert.Equal("interaction_record", options.RecordClassFor(bath, ContactKit.Interactions.ArtefactKind.Transcript, Channel.Webchat).Value.Value);
        Assert.Equal("call_recording", options.RecordClassFor(breckland, ContactKit.Interactions.ArtefactKind.Transcript, Channel.VoiceCall).Value.Value);
        Assert.Equal("chat_transcript", options.RecordClassFor(breckland, ContactKit.Interactions.ArtefactKind.Transcript, Channel.Webchat).Value.Value);
        // The host's own settings, for tenants without a policy, are left as they were.
        Assert.Equal(("other-tenant", LawfulBasis.LegitimateInterests), (options.ControllerFor(TenantId.Parse("other-tenant")), options.LawfulBasis));
        Assert.Equal("call_recording", options.RecordClassFor(ContactKit.Interactions.ArtefactKind.Audio, Channel.VoiceCall).Value.Value);
    }

    [Fact]
    public void AddPolicy_TenantsControllerSetInCodeThatDiffers_StopsStartUpNamingTheSetting()
    {
        var council = SamplePolicies.Council();
        using var provider = Build(b => b.AddInteractions(o => o.Tenants[Council.Value] = new ContactKit.Interactions.InteractionsTenantOptions { Controller = "Someone Else Ltd" }).AddPolicy(council));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<ContactKit.Interactions.InteractionsOptions>>().Value);

        Assert.Equal(PoliciesErrorCodes.HostContradictsPolicy, ex.Error.Code);
        Assert.Equal("Interactions:Tenants:example-council:Controller", ex.Error.Field);
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
    public void AddPolicy_PolicyPromising21Days_RightsRequestsAreDueThreeWeeksAfterReceipt()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Rights = council.Rights! with { RespondWithin = Period.FromDays(21) } };
        using var provider = Build(b => b.AddPolicy(policy));

        var promise = provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value.ResponsePromiseFor(Council);
        var request = provider.GetRequiredService<RightsRequestWorkflow>().Receive(
            Council, RightsRequestId.New(), DataSubjectId.Parse("caller-1"), DataSubjectRight.Access,
            new RequestIntake { Channel = Channel.Email, Description = "A copy of my calls, please." }, ActorId.Parse("officer-7"),
            Instant.FromUtc(2026, 3, 2, 10, 0), new LocalDate(2026, 3, 2)).Value;

        Assert.Equal((21, false), (promise!.Days, promise.WorkingDays));
        Assert.Equal(new LocalDate(2026, 3, 23), request.DueOn);
    }

    [Fact]
    public void AddPolicy_PolicyPromising20WorkingDays_SetsAWorkingDayPromise()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Rights = council.Rights! with { RespondWithin = null, RespondWithinWorkingDays = 20 } };
        using var provider = Build(b => b.AddPolicy(policy));

        var promise = provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value.ResponsePromiseFor(Council);

        Assert.Equal((20, true), (promise!.Days, promise.WorkingDays));
    }

    [Fact]
    public void AddPolicy_PolicySayingOneMonth_LeavesTheStatutoryMonth()
    {
        // The council's policy says P1M: the law's own period, no shorter promise.
        using var provider = Build(b => b.AddPolicy(SamplePolicies.Council()));

        Assert.Null(provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value.ResponsePromiseFor(Council));
    }

    [Theory]
    [InlineData(14, false)] // a different number of days
    [InlineData(21, true)] // the same number, but working days
    public void AddPolicy_ResponsePromiseSetInCodeThatDiffers_StopsStartUpNamingTheSetting(int days, bool workingDays)
    {
        var council = SamplePolicies.Council();
        var policy = council with { Rights = council.Rights! with { RespondWithin = Period.FromDays(21) } };
        using var provider = Build(b => b.AddDataSubjects(o => o.TenantResponsePromises[Council.Value] = new RightsResponsePromise { Days = days, WorkingDays = workingDays }).AddPolicy(policy));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value);

        Assert.Equal((PoliciesErrorCodes.HostContradictsPolicy, "DataSubjects:TenantResponsePromises:example-council"), (ex.Error.Code, ex.Error.Field));
    }

    [Fact]
    public void AddPolicy_ResponsePromiseSetInCodeWhileThePolicySaysOneMonth_StopsStartUp()
    {
        using var provider = Build(b => b.AddDataSubjects(o => o.TenantResponsePromises[Council.Value] = new RightsResponsePromise { Days = 21 }).AddPolicy(SamplePolicies.Council()));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<DataSubjectsOptions>>().Value);

        Assert.Equal(PoliciesErrorCodes.HostContradictsPolicy, ex.Error.Code);
    }

    [Fact]
    public void AddPolicy_MarketingChannels_BecomeTheTenantsChannelRules()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            Marketing = new MarketingStatement
            {
                Channels = [new MarketingChannelEntry { Channel = MarketingChannel.Email, OptIn = false }, new MarketingChannelEntry { Channel = MarketingChannel.Sms, OptIn = true }],
            },
        };
        using var provider = Build(b => b.AddPolicy(policy));
        var permissions = provider.GetRequiredService<MarketingPermissions>();

        Assert.Equal(MarketingChannelRule.NoOptInRequired, permissions.RuleFor(Council, MarketingChannel.Email));
        Assert.Equal(MarketingChannelRule.OptInRequired, permissions.RuleFor(Council, MarketingChannel.Sms));
        Assert.Equal(MarketingChannelRule.NotUsed, permissions.RuleFor(Council, MarketingChannel.Phone));
        Assert.Equal(MarketingChannelRule.NotUsed, permissions.RuleFor(Council, MarketingChannel.Post));
    }

    [Fact]
    public void AddPolicy_MarketingChannelsSetInCodeThatDiffer_StopsStartUpNamingTheSetting()
    {
        var rules = new MarketingChannelRules();
        rules.Channels[MarketingChannel.Phone] = MarketingChannelRule.NoOptInRequired;
        using var provider = Build(b => b.AddConsent(o => o.TenantMarketingChannels[Council.Value] = rules).AddPolicy(SamplePolicies.Council()));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<ConsentOptions>>().Value);

        Assert.Equal((PoliciesErrorCodes.HostContradictsPolicy, "Consent:TenantMarketingChannels:example-council"), (ex.Error.Code, ex.Error.Field));
    }

    [Fact]
    public void AddPolicy_AnnouncementSetInCodeThatDiffers_StopsStartUpNamingTheSetting()
    {
        using var provider = Build(b => b.AddConsent(o => o.TenantAnnouncements[Council.Value] = new AnnouncementOptions { SpokenNotice = "Calls may be recorded." }).AddPolicy(SamplePolicies.Council()));

        var ex = Assert.Throws<ContactKitException>(() => provider.GetRequiredService<IOptions<ConsentOptions>>().Value);

        Assert.Equal((PoliciesErrorCodes.HostContradictsPolicy, "Consent:TenantAnnouncements:example-council:SpokenNotice"), (ex.Error.Code, ex.Error.Field));
    }

    [Fact]
    public void AddPolicy_AcceptKeySetInCode_IsKeptAndTheWordingIsThePolicys()
    {
        using var provider = Build(b => b.AddConsent(o => o.TenantAnnouncements[Council.Value] = new AnnouncementOptions { AcceptKey = "9" }).AddPolicy(SamplePolicies.Council()));
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse("DE"));
        var decision = RecordingRuleSet.Default.Decide(Channel.VoiceCall, [caller]).Value;
        var notice = new NoticeReference(PrivacyNoticeId.Parse("privacy"), 2, "en-GB", new string('c', 64));

        var prompt = provider.GetRequiredService<IRecordingAnnouncements>().Render(Council, decision, notice);

        Assert.Equal("Example Council records calls for quality monitoring and training. Recording stops while you give card details. We record only if you agree. To agree, press 9. Our privacy notice explains how we use recordings and how long we keep them.", prompt.PlainText);
        Assert.Equal("We record this chat only if you agree. Never type card details here: we will send you a secure payment link. See our privacy notice for how we use it.", prompt.ChatBanner);
    }

    [Fact]
    public void AddPolicy_OwnAnnouncementWithBraces_IsPlayedWordForWord()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Recording = council.Recording! with { Announcement = "Calls to {the council} are recorded." } };
        using var provider = Build(b => b.AddPolicy(policy));
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse("GB"));
        var decision = RecordingRuleSet.Default.Decide(Channel.VoiceCall, [caller]).Value;
        var notice = new NoticeReference(PrivacyNoticeId.Parse("privacy"), 2, "en-GB", new string('c', 64));

        var announcement = provider.GetRequiredService<IRecordingAnnouncements>().Render(Council, decision, notice);

        Assert.Equal("Calls to {the council} are recorded.", announcement.PlainText);
        Assert.Contains("What we say at the start of a call: “Calls to {the council} are recorded.”", NoticeRenderer.Render(policy, NoticeFormat.PlainText), StringComparison.Ordinal);
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
