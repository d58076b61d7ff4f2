using System.Collections.Immutable;
using ContactKit.Consent;

namespace ContactKit.Policies;

/// <summary>How serious a lint finding is.</summary>
public enum PolicyFindingSeverity
{
    /// <summary>Worth a look: the notice may be lawful, but it is weaker than it should be.</summary>
    Warning = 1,

    /// <summary>The notice lacks something the law requires, or the policy contradicts itself.</summary>
    Error = 2,
}

/// <summary>One finding of <see cref="PolicyLint.Check"/>.</summary>
/// <param name="Code">Its code (<c>CK0850</c>-<c>CK0899</c>, each in <c>docs/errors.md</c>).</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Path">The place in the policy document, as a JSON path (<c>$.categories[2].lawful_basis</c>).</param>
/// <param name="Message">What is wrong and how to put it right; it never repeats a value from the policy.</param>
public sealed record PolicyFinding(string Code, PolicyFindingSeverity Severity, string Path, string Message);

/// <summary>
/// Checks a policy for what UK GDPR Art 13 and 14 require its rendered notice to tell people, and for the policy
/// contradicting itself (derived data feeding a decision the notice says is never made, phone marketing without
/// screening, a processor receiving data the inventory does not list). Findings come in the order of the document.
/// </summary>
public static class PolicyLint
{
    private static readonly DataSubjectRight[] EveryoneHas =
        [DataSubjectRight.Access, DataSubjectRight.Rectification, DataSubjectRight.Erasure, DataSubjectRight.Restriction, DataSubjectRight.Objection];

    /// <summary>Checks the policy.</summary>
    /// <param name="policy">The policy, as loaded by <see cref="PolicyLoader"/>.</param>
    /// <returns>Every finding; none when the notice is complete and the policy consistent.</returns>
    public static ImmutableArray<PolicyFinding> Check(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var covered = NoticeComposer.Compose(policy).Covered;
        var findings = ImmutableArray.CreateBuilder<PolicyFinding>();
        void Error(string code, string path, string message) => findings.Add(new PolicyFinding(code, PolicyFindingSeverity.Error, path, message));
        void Warn(string code, string path, string message) => findings.Add(new PolicyFinding(code, PolicyFindingSeverity.Warning, path, message));

        if (!covered.HasFlag(NoticeItems.Controller))
        {
            Error(PoliciesErrorCodes.NoticeMissingController, "$.controller", "The notice must say who the controller is and how to contact them (Art 13(1)(a)); give controller.name and a contact.");
        }

        if (!covered.HasFlag(NoticeItems.Dpo))
        {
            Warn(PoliciesErrorCodes.NoticeMissingDpo, "$.controller.dpo", "The notice gives no contact for a data protection officer (Art 13(1)(b)); a public authority must have one.");
        }

        if (policy.Categories.IsEmpty)
        {
            Error(PoliciesErrorCodes.NoticeMissingPurposeOrBasis, "$.categories", "The notice must say what is collected, why and on what lawful basis (Art 13(1)(c)).");
        }

        var inventory = policy.Categories.Select(c => c.Category).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < policy.Categories.Length; i++)
        {
            var category = policy.Categories[i];
            var at = $"$.categories[{i}]";
            if (category.Purposes.IsEmpty || category.LawfulBasis is null)
            {
                Error(PoliciesErrorCodes.CategoryWithoutPurpose, category.Purposes.IsEmpty ? $"{at}.purposes" : $"{at}.lawful_basis", "A category is collected with no purpose or no lawful basis; give it both (Art 13(1)(c)).");
            }

            if (category.LawfulBasis == LawfulBasis.LegitimateInterests && string.IsNullOrWhiteSpace(category.LegitimateInterest))
            {
                Error(PoliciesErrorCodes.NoticeMissingLegitimateInterest, $"{at}.legitimate_interest", "Legitimate interests are relied on; the notice must say which (Art 13(1)(d)).");
            }

            if (DataCategoryTaxonomy.Default.Resolve(category.Category) is { IsSuccess: true } known && known.Value.IsSpecialCategory && category.SpecialCategoryCondition is null)
            {
                Error(PoliciesErrorCodes.SpecialCategoryWithoutCondition, $"{at}.special_category_condition", "Special category data needs an Art 9(2) condition as well as a lawful basis.");
            }

            if (category.Requirement is null)
            {
                Warn(PoliciesErrorCodes.NoticeMissingRequirement, $"{at}.requirement", "The notice should say whether providing this is required, and what happens if it is not given (Art 13(2)(e)).");
            }
        }

        if (policy.DataSubjects.Any(g => g.Kind == DataSubjectKind.Representative) && !covered.HasFlag(NoticeItems.Source))
        {
            Warn(PoliciesErrorCodes.NoticeMissingSource, "$.categories", "Data is received about people from their representatives; the notice must say where data not obtained from the person comes from (Art 14(2)(f)).");
        }

        if (policy.AutomatedDecisions is null)
        {
            Error(PoliciesErrorCodes.NoticeMissingAutomatedDecisions, "$.automated_decisions", "The notice must say whether any decision is made by automated means, profiling included (Art 13(2)(f)).");
        }

        var retained = policy.Retention.Select(r => r.RecordClass).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < policy.DerivedData.Length; i++)
        {
            var derived = policy.DerivedData[i];
            if (derived.FeedsAutomatedDecision && policy.AutomatedDecisions is { Used: false })
            {
                Error(PoliciesErrorCodes.UndeclaredAutomatedDecision, $"$.derived_data[{i}].feeds_automated_decision", "Derived data feeds an automated decision, while the notice says no automated decisions are made.");
            }

            // What it is derived from must be in the inventory, or the notice never says why that data is held.
            for (var j = 0; j < derived.DerivedFrom.Length; j++)
            {
                if (!inventory.Contains(derived.DerivedFrom[j]))
                {
                    Error(PoliciesErrorCodes.UnknownReference, $"$.derived_data[{i}].derived_from[{j}]", "Derived data is derived from a category the inventory does not list; add it to categories or remove it here.");
                }
            }

            if (derived.RecordClass is { } recordClass && !retained.Contains(recordClass))
            {
                Error(PoliciesErrorCodes.RecordClassWithoutRetention, $"$.derived_data[{i}].record_class", "Derived data is kept under a record class with no retention entry; add one.");
            }
        }

        // Calling line identity kept for reporting is stored like any artefact, so it needs a retention entry too.
        if (policy.Recording is { CallingLineIdentityCaptured: true } && !retained.Contains("calling_line_identity")
            && !policy.Retention.Any(r => r.Artefacts.Contains(InteractionArtefact.CallingLineIdentity)))
        {
            Error(PoliciesErrorCodes.RecordClassWithoutRetention, "$.recording.calling_line_identity_captured", "Calling line identity is kept with no retention entry; add one for calling_line_identity, or list it in the artefacts of the entry it is kept under.");
        }

        for (var i = 0; i < policy.Processors.Length; i++)
        {
            var processor = policy.Processors[i];
            for (var j = 0; j < processor.Receives.Length; j++)
            {
                if (!inventory.Contains(processor.Receives[j]))
                {
                    Error(PoliciesErrorCodes.ProcessorReceivesUnlistedData, $"$.processors[{i}].receives[{j}]", "A processor receives a category the inventory does not list; add it to categories or remove it here.");
                }
            }

            // A permission an app asks for hands the processor that data category (AppPermissions maps each to one), so
            // the inventory and the processor's receives must both list it.
            for (var j = 0; j < processor.Permissions.Length; j++)
            {
                var permission = processor.Permissions[j].Permission;
                if (!Enum.IsDefined(permission))
                {
                    continue;
                }

                var category = permission.Category().Value;
                if (!inventory.Contains(category))
                {
                    Warn(PoliciesErrorCodes.PermissionForUnlistedData, $"$.processors[{i}].permissions[{j}].permission", $"An app of this processor asks for a permission to data the inventory does not list; add {category} to categories, or remove the permission.");
                }
                else if (!processor.Receives.Contains(category, StringComparer.Ordinal))
                {
                    Warn(PoliciesErrorCodes.PermissionForUnlistedData, $"$.processors[{i}].permissions[{j}].permission", $"An app of this processor asks for a permission to data the processor is not listed as receiving; add {category} to its receives, or remove the permission.");
                }
            }
        }

        if (!covered.HasFlag(NoticeItems.Recipients))
        {
            Warn(PoliciesErrorCodes.NoticeMissingRecipients, "$.sharing", "The notice names no recipients (Art 13(1)(e)); say who receives the data, or that no one does.");
        }

        for (var i = 0; i < policy.Transfers.Length; i++)
        {
            if (policy.Transfers[i].Safeguard is null)
            {
                Error(PoliciesErrorCodes.NoticeMissingTransferSafeguard, $"$.transfers[{i}].safeguard", "A transfer outside the UK needs its safeguard stated (Art 13(1)(f)).");
            }
        }

        if (policy.Retention.IsEmpty)
        {
            Error(PoliciesErrorCodes.NoticeMissingRetention, "$.retention", "The notice must say how long data is kept, or the criteria used to decide (Art 13(2)(a)).");
        }

        for (var i = 0; i < policy.Retention.Length; i++)
        {
            var entry = policy.Retention[i];
            if (entry.Period is null && entry.ReviewOn is null)
            {
                Warn(PoliciesErrorCodes.OpenEndedRetention, $"$.retention[{i}]", "Kept with no period and no review date (\"as long as necessary\"); give a period, or a date by which it is reviewed.");
            }
        }

        if (policy.Marketing is { } marketing)
        {
            for (var i = 0; i < marketing.Channels.Length; i++)
            {
                var channel = marketing.Channels[i];
                if (channel.Channel == MarketingChannel.Phone && marketing.Screening is not { Registers.IsEmpty: false })
                {
                    Error(PoliciesErrorCodes.PhoneMarketingWithoutScreening, $"$.marketing.channels[{i}]", "Marketing calls are made without screening against the TPS or CTPS; add marketing.screening.");
                }

                if (!channel.OptIn && channel.Channel is MarketingChannel.Email or MarketingChannel.Sms)
                {
                    Warn(PoliciesErrorCodes.MarketingWithoutOptIn, $"$.marketing.channels[{i}].opt_in", "Email and text marketing to individuals needs their prior consent unless the soft opt-in applies; say which.");
                }
            }
        }

        var listed = policy.Rights?.Rights.Select(r => r.Right).ToHashSet() ?? [];
        foreach (var right in EveryoneHas.Where(r => !listed.Contains(r)))
        {
            Error(PoliciesErrorCodes.NoticeMissingRight, "$.rights.rights", $"The notice does not mention the right {right} ({right.Article()}), which everyone has (Art 13(2)(b)).");
        }

        if (policy.Categories.Any(c => c.LawfulBasis == LawfulBasis.Consent || c.SpecialCategoryCondition == SpecialCategoryCondition.ExplicitConsent) && !covered.HasFlag(NoticeItems.WithdrawConsent))
        {
            Error(PoliciesErrorCodes.NoticeMissingWithdrawal, "$.rights.withdraw_consent", "Consent is relied on; the notice must say how to withdraw it (Art 13(2)(c)).");
        }

        if (!covered.HasFlag(NoticeItems.Complaint))
        {
            Error(PoliciesErrorCodes.NoticeMissingComplaint, "$.complaints.regulator", "The notice must say people may complain to the regulator (Art 13(2)(d)).");
        }

        if (policy.Changes is { NoticePeriod: { } period, ShorterWhereLegalGrounds: false } && period.Years == 0 && period.Months == 0 && (period.Weeks * 7) + period.Days < 30)
        {
            Warn(PoliciesErrorCodes.ShortChangeNotice, "$.changes.notice_period", "Changes are announced less than 30 days ahead; give 30 days, or record the legal grounds for less.");
        }

        return findings.ToImmutable();
    }
}
