using System.Xml.Linq;
using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Policies.Tests.Samples;

/// <summary>
/// A host configured from each of the five sample policies with <c>AddPolicy</c>. A policy that keeps something "as
/// long as needed" with no review date gets the lint's warning (CK0873); the host keeps those records, never disposes
/// of them automatically, and reminds the tenant to review them a year after their trigger.
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
    [InlineData(FiveNoticesTests.Bath, "interaction_record")]
    [InlineData(FiveNoticesTests.BetterComms, "call_recording")]
    [InlineData(FiveNoticesTests.BetterComms, "complaint")]
    [InlineData(FiveNoticesTests.CallHandling, "customer_record")]
    [InlineData(FiveNoticesTests.CallHandling, "employment_record")]
    [InlineData(FiveNoticesTests.TelephoneOffice, "call_recording")]
    public void AddPolicy_RecordsKeptAsLongAsNeeded_AreReviewedAYearAfterTheirTriggerAndNeverDeleted(string file, string recordClass)
    {
        var policy = Load(file);
        using var provider = Build(policy);

        var schedule = provider.GetRequiredService<IOptions<RetentionOptions>>().Value.TenantSchedules[policy.Tenant!];
        var rule = Assert.Single(schedule.RulesFor(RecordClass.Parse(recordClass)));

        Assert.Equal((DisposalAction.Review, Period.FromYears(1)), (rule.Action, rule.Period));
        Assert.Equal(policy.Retention.Single(r => r.RecordClass == recordClass).Criteria, rule.Source);
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

    public static TheoryData<string> Files => FiveNoticesTests.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void AddPolicy_EachSample_AnnouncesWhatTheRenderedNoticeStates(string file)
    {
        var policy = Load(file);
        using var provider = Build(policy);
        var tenant = TenantId.Parse(policy.Tenant!);
        var notice = new NoticeReference(PrivacyNoticeId.Parse("privacy"), 1, policy.Language, new string('a', 64));
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse("GB"));
        var decision = provider.GetRequiredService<RecordingRuleSet>().Decide(Channel.VoiceCall, [caller]).Value;
        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);
        var stated = RecordingAnnouncement.From(policy);

        if (stated is null)
        {
            // A policy that does not record says nothing about it, and leaves the host no wording of its own.
            Assert.DoesNotContain("Recording calls and chats", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(provider.GetRequiredService<IOptions<ConsentOptions>>().Value.TenantAnnouncements.ContainsKey(tenant.Value));
            return;
        }

        var played = provider.GetRequiredService<IRecordingAnnouncements>().Render(tenant, decision, notice);

        Assert.Equal(stated.Text, played.PlainText);
        Assert.Equal(stated.Text, XDocument.Parse(played.Ssml).Root!.Value);
        Assert.Equal(stated.ChatBanner, played.ChatBanner);
        Assert.Equal(notice, played.Notice);
        if (policy.Recording!.HowTold.Any(m => m is NoticeMedium.SpokenAnnouncement or NoticeMedium.AutoAttendant))
        {
            // Word for word, except that ContactKit's closing pointer to the notice is told in the notice's own voice
            // rather than quoted inside the notice it points to; a tenant's own wording is quoted whole.
            const string pointer = " Our privacy notice explains how we use recordings and how long we keep them.";
            Assert.Contains(
                played.PlainText.EndsWith(pointer, StringComparison.Ordinal)
                    ? $"What we say at the start of a call: “{played.PlainText[..^pointer.Length]}” We then tell callers that this notice explains how we use recordings and how long we keep them."
                    : $"What we say at the start of a call: “{played.PlainText}”",
                text,
                StringComparison.Ordinal);
            Assert.DoesNotContain("Our privacy notice explains", text, StringComparison.Ordinal);
        }
        else
        {
            // Told by the written notice only: the notice quotes no announcement it does not make.
            Assert.DoesNotContain("What we say at the start of a call", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void AddPolicy_EachSample_AsksForExplicitConsentInTheSameWordsWithTheKeyToPress(string file)
    {
        var policy = Load(file);
        if (RecordingAnnouncement.From(policy) is null)
        {
            return;
        }

        using var provider = Build(policy);
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse("US-CA"));
        var decision = provider.GetRequiredService<RecordingRuleSet>().Decide(Channel.VoiceCall, [caller]).Value;
        var notice = new NoticeReference(PrivacyNoticeId.Parse("privacy"), 1, policy.Language, new string('a', 64));

        var prompt = provider.GetRequiredService<IRecordingAnnouncements>().Render(TenantId.Parse(policy.Tenant!), decision, notice);

        Assert.True(prompt.AwaitsExplicitConsent);
        Assert.StartsWith(policy.Controller?.Name is { } name ? $"{name} records calls" : "We record calls", prompt.PlainText, StringComparison.Ordinal);
        Assert.Contains("We record only if you agree. To agree, press 1.", prompt.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPolicy_CallHandling_RefersRightsRequestsAboutClientsChatsToTheClientAndTheNoticeSaysSo()
    {
        // Notice 003: a controller for its own relationships, a processor for the chat services it runs for clients.
        var policy = Load(FiveNoticesTests.CallHandling);
        var services = new ServiceCollection();
        services.AddContactKit().AddPolicy(policy).AddInteractions(o => o.StoredKinds.Clear());
        using var provider = services.BuildServiceProvider();
        var tenant = TenantId.Parse(policy.Tenant!);

        var options = provider.GetRequiredService<IOptions<ContactKit.Interactions.InteractionsOptions>>().Value;
        var processed = policy.Channels.Where(c => options.IsProcessorFor(tenant, c)).ToList();

        // Webchat and text chat are run for clients; the web form, phone and email are the bureau's own.
        Assert.Equal([Channel.Webchat, Channel.Sms], processed);
        // What it holds from those channels is referred to the client, never erased on its own authority.
        var item = new ContactKit.DataSubjects.PersonalDataItem
        {
            Source = "interactions", ItemId = "chat-1.summary", Category = DataCategories.InteractionSummary.Key,
            LawfulBasis = LawfulBasis.LegitimateInterests, HeldAsProcessor = true,
        };
        var decision = ContactKit.DataSubjects.ErasureDecider.Decide(item, ContactKit.DataSubjects.RetentionFacts.None, new LocalDate(2026, 3, 30));
        Assert.Equal((ContactKit.DataSubjects.ErasureVerdict.Refer, "Art 28(3)(e)"), (decision.Verdict, decision.Article));
        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);
        Assert.Contains("acts as a processor, acting on our clients' instructions for the services we run for our clients, with their customers' data, on webchats and text messages.", text, StringComparison.Ordinal);
        Assert.Contains("For webchats and text messages we handle for a client, as its processor, the client decides how your information is used: if you ask us to use your rights over that information, we pass your request to the client and help them answer it.", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void AddPolicy_EachSample_MarketsOnlyWhereTheNoticeSaysItDoes(string file)
    {
        var policy = Load(file);
        using var provider = Build(policy);
        var tenant = TenantId.Parse(policy.Tenant!);
        var permissions = new MarketingPermissions(provider.GetRequiredService<IOptions<ConsentOptions>>());
        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        var used = Enum.GetValues<MarketingChannel>().Where(c => permissions.RuleFor(tenant, c) != MarketingChannelRule.NotUsed).ToList();

        if (policy.Marketing is null)
        {
            // Bath, Breckland and Telephone Office say nothing about marketing: no channel is used, and the notice says so.
            Assert.Empty(used);
            Assert.Contains("We do not use your details for marketing.", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(policy.Marketing.Channels.Select(c => c.Channel).Order(), used.Order());
            Assert.DoesNotContain("We do not use your details for marketing.", text, StringComparison.Ordinal);
        }
    }
}
