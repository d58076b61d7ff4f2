using System.Collections.Immutable;

namespace ContactKit.Policies.Tests.Rendering;

public sealed class PolicyLintTests
{
    [Fact]
    public void Check_CompleteCouncilPolicy_FindsNothing()
    {
        Assert.Empty(PolicyLint.Check(SamplePolicies.Council()));
    }

    [Fact]
    public void Check_SkillAskingForDataTheInventoryOrTheProcessorDoesNotList_WarnsAtEachPermission()
    {
        var council = SamplePolicies.Council();
        var skill = new ProcessorEntry
        {
            Name = "Voice assistant",
            Receives = ["contact.phone"],
            Permissions =
            [
                new PermissionEntry { Permission = ContactKit.Consent.AppPermission.PhoneNumber }, // received and in the inventory: nothing to say
                new PermissionEntry { Permission = ContactKit.Consent.AppPermission.Address }, // the inventory does not list contact.address
                new PermissionEntry { Permission = ContactKit.Consent.AppPermission.Name }, // listed, but the processor is not said to receive it
            ],
        };
        var policy = council with
        {
            Categories = council.Categories.Add(new CategoryEntry { Category = "identifier.name", Purposes = ["service_delivery"], LawfulBasis = ContactKit.LawfulBasis.PublicTask }),
            Processors = council.Processors.Add(skill),
        };

        var findings = PolicyLint.Check(policy).Where(f => f.Code == PoliciesErrorCodes.PermissionForUnlistedData).ToList();

        Assert.Equal(["$.processors[1].permissions[1].permission", "$.processors[1].permissions[2].permission"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.Equal(PolicyFindingSeverity.Warning, f.Severity));
        Assert.Contains("add contact.address to categories", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("add identifier.name to its receives", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DerivedFromACategoryTheInventoryDoesNotList_IsAnErrorAtEachReference()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            DerivedData =
            [
                // derived from a listed category and from one the inventory does not list
                council.DerivedData[0] with { DerivedFrom = ["media.call_recording", "media.chat_transcript"] },
                // a second entry: each unlisted reference gets its own finding at its own place
                new DerivedDataEntry { Name = "interaction_summary", DerivedFrom = ["contact.email", "contact.phone"], RecordClass = "call_recording" },
            ],
        };

        var findings = PolicyLint.Check(policy);

        Assert.All(findings, f => Assert.Equal((PoliciesErrorCodes.UnknownReference, PolicyFindingSeverity.Error), (f.Code, f.Severity)));
        Assert.Equal(["$.derived_data[0].derived_from[1]", "$.derived_data[1].derived_from[0]"], findings.Select(f => f.Path));
        Assert.All(findings, f => Assert.DoesNotContain("media.chat_transcript", f.Message, StringComparison.Ordinal));
        Assert.Empty(PolicyLint.Check(policy with { Categories = council.Categories.AddRange(
            new CategoryEntry { Category = "media.chat_transcript", Purposes = ["training"], LawfulBasis = LawfulBasis.PublicTask, Requirement = new RequirementStatement() },
            new CategoryEntry { Category = "contact.email", Purposes = ["service_delivery"], LawfulBasis = LawfulBasis.PublicTask, Requirement = new RequirementStatement() }) }));
    }

    [Fact]
    public void Check_CallingLineIdentityCapturedWithNoRetention_IsAnErrorUntilAnEntryCoversIt()
    {
        var council = SamplePolicies.Council();
        var capturing = council with { Recording = council.Recording! with { CallingLineIdentityCaptured = true } };
        var covered = capturing with
        {
            Retention = capturing.Retention.SetItem(0, capturing.Retention[0] with { Artefacts = [InteractionArtefact.CallingLineIdentity] }),
        };

        var finding = Assert.Single(PolicyLint.Check(capturing));

        Assert.Equal((PoliciesErrorCodes.RecordClassWithoutRetention, "$.recording.calling_line_identity_captured", PolicyFindingSeverity.Error), (finding.Code, finding.Path, finding.Severity));
        Assert.Empty(PolicyLint.Check(covered));
    }

    [Fact]
    public void Check_MinimalPolicy_SaysWhichArticle13ItemsAreMissing()
    {
        var codes = PolicyLint.Check(SamplePolicies.Minimal()).Select(f => f.Code).ToHashSet();

        Assert.Contains(PoliciesErrorCodes.NoticeMissingAutomatedDecisions, codes);
        Assert.Contains(PoliciesErrorCodes.NoticeMissingComplaint, codes);
        Assert.Contains(PoliciesErrorCodes.NoticeMissingRight, codes);
        Assert.Contains(PoliciesErrorCodes.NoticeMissingRecipients, codes);
        Assert.DoesNotContain(PoliciesErrorCodes.NoticeMissingController, codes);
        Assert.DoesNotContain(PoliciesErrorCodes.NoticeMissingDpo, codes);
    }

    [Fact]
    public void Check_EachRuleBroken_GivesItsCodeAtItsPlace()
    {
        var council = SamplePolicies.Council();
        var broken = council with
        {
            Controller = council.Controller! with { Dpo = null },
            Categories = council.Categories
                .SetItem(0, council.Categories[0] with { LawfulBasis = LawfulBasis.LegitimateInterests, LegitimateInterest = null })
                .SetItem(2, council.Categories[2] with { SpecialCategoryCondition = null })
                .SetItem(1, council.Categories[1] with { Purposes = [] }),
            DerivedData = [council.DerivedData[0] with { FeedsAutomatedDecision = true, RecordClass = "enquiry", DerivedFrom = ["contact.email"] }],
            Processors = [council.Processors[0] with { Receives = ["contact.email"] }],
            Transfers = [new TransferEntry { Destination = "United States", Recipient = "ChatCo" }],
            Retention = council.Retention.Add(new RetentionEntry { RecordClass = "complaint", Trigger = "case_closed", Criteria = "as long as necessary" }),
            Marketing = council.Marketing! with { Channels = [new MarketingChannelEntry { Channel = ContactKit.Consent.MarketingChannel.Phone, OptIn = true }] },
            Rights = council.Rights! with { WithdrawConsent = null, Rights = council.Rights.Rights.RemoveAt(2) },
            Changes = council.Changes! with { NoticePeriod = NodaTime.Period.FromDays(7) },
        };

        var findings = PolicyLint.Check(broken).Select(f => (f.Code, f.Path)).ToList();

        Assert.Contains((PoliciesErrorCodes.NoticeMissingDpo, "$.controller.dpo"), findings);
        Assert.Contains((PoliciesErrorCodes.NoticeMissingLegitimateInterest, "$.categories[0].legitimate_interest"), findings);
        Assert.Contains((PoliciesErrorCodes.CategoryWithoutPurpose, "$.categories[1].purposes"), findings);
        Assert.Contains((PoliciesErrorCodes.SpecialCategoryWithoutCondition, "$.categories[2].special_category_condition"), findings);
        Assert.Contains((PoliciesErrorCodes.UndeclaredAutomatedDecision, "$.derived_data[0].feeds_automated_decision"), findings);
        Assert.Contains((PoliciesErrorCodes.RecordClassWithoutRetention, "$.derived_data[0].record_class"), findings);
        Assert.Contains((PoliciesErrorCodes.UnknownReference, "$.derived_data[0].derived_from[0]"), findings);
        Assert.Contains((PoliciesErrorCodes.ProcessorReceivesUnlistedData, "$.processors[0].receives[0]"), findings);
        Assert.Contains((PoliciesErrorCodes.NoticeMissingTransferSafeguard, "$.transfers[0].safeguard"), findings);
        Assert.Contains((PoliciesErrorCodes.OpenEndedRetention, "$.retention[2]"), findings);
        Assert.Contains((PoliciesErrorCodes.PhoneMarketingWithoutScreening, "$.marketing.channels[0]"), findings);
        Assert.Contains((PoliciesErrorCodes.NoticeMissingRight, "$.rights.rights"), findings);
        Assert.Contains((PoliciesErrorCodes.NoticeMissingWithdrawal, "$.rights.withdraw_consent"), findings);
        Assert.Contains((PoliciesErrorCodes.ShortChangeNotice, "$.changes.notice_period"), findings);
    }

    [Fact]
    public void Check_Findings_NeverRepeatAValueFromThePolicy()
    {
        var secret = "sk-do-not-echo-4111111111111111";
        var policy = SamplePolicies.Council() with
        {
            Processors = [new ProcessorEntry { Name = secret, Receives = [secret] }],
            Transfers = [new TransferEntry { Destination = secret }],
        };

        Assert.All(PolicyLint.Check(policy), f => Assert.DoesNotContain(secret, f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SeverityFollowsTheLaw_MissingItemsAreErrorsAndWeaknessesWarnings()
    {
        var findings = PolicyLint.Check(SamplePolicies.Minimal()).ToImmutableDictionary(f => f.Code + f.Path, f => f.Severity);

        Assert.Equal(PolicyFindingSeverity.Error, findings[PoliciesErrorCodes.NoticeMissingComplaint + "$.complaints.regulator"]);
        Assert.Equal(PolicyFindingSeverity.Warning, findings[PoliciesErrorCodes.NoticeMissingRequirement + "$.categories[0].requirement"]);
    }
}
