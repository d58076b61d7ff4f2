using System.Collections.Immutable;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>What a policy sets in each package, worked out once when the policy is added.</summary>
internal sealed record PolicySettings(
    TenantId Tenant,
    RetentionSchedule Schedule,
    RecordingStatement? Recording,
    Period? NoticePeriod,
    Period? ScreeningValidity,
    ImmutableArray<Jurisdiction> ExplicitConsentIn,
    int? DeletionPeriodDays)
{
    public static PolicySettings From(PolicyDocument policy)
    {
        var errors = PolicyLoader.Validate(policy);
        if (!errors.IsEmpty)
        {
            throw new ContactKitException(errors[0]);
        }

        if (TenantId.ParseText(policy.Tenant) is not { IsSuccess: true } tenant)
        {
            throw new ContactKitException(new ContactKitError(PoliciesErrorCodes.Missing, "A policy added to a host names its tenant; set tenant to the tenant's id.", "$.tenant"));
        }

        var rules = ImmutableArray.CreateBuilder<RetentionRule>();
        for (var i = 0; i < policy.Retention.Length; i++)
        {
            var entry = policy.Retention[i];
            if (entry.Period is null && entry.ReviewOn is null)
            {
                throw new ContactKitException(new ContactKitError(
                    PoliciesErrorCodes.OpenEndedRetention,
                    "A retention entry has neither a period nor a review date, so nothing can dispose of its records or review them; give one.",
                    $"$.retention[{i}]"));
            }

            rules.Add(new RetentionRule
            {
                Name = $"{entry.RecordClass}.{entry.Trigger}",
                RecordClass = RecordClass.Parse(entry.RecordClass!),
                Trigger = RetentionTrigger.Parse(entry.Trigger!),
                Period = entry.Period,
                ReviewOn = entry.ReviewOn,
                Action = entry.Period is null ? DisposalAction.Review : entry.Action,
                Reason = entry.Reason ?? RetentionReason.LegitimateInterests,
                Source = entry.Criteria,
            });
        }

        var deletion = policy.Recording?.DeleteOnRequestWithin is { } within && within.Years == 0 && within.Months == 0 ? (within.Weeks * 7) + within.Days : (int?)null;
        return new PolicySettings(
            tenant.Value,
            new RetentionSchedule { Name = $"{tenant.Value} privacy policy", Rules = rules.ToImmutable() },
            policy.Recording,
            policy.Changes?.NoticePeriod,
            policy.Marketing?.Screening?.RescreenAfter,
            [.. (policy.Recording?.ExplicitConsentIn ?? []).Select(j => Jurisdiction.Parse(j))],
            deletion);
    }

    /// <summary>The tenant's recording plan: what the policy states, over whatever else the host set for the tenant.</summary>
    public RecordingPlanOptions Plan(RecordingPlanOptions? configured)
    {
        var plan = new RecordingPlanOptions
        {
            RecordingEnabled = Recording is null ? false : Recording.Plan == RecordingPlan.Always ? true : configured?.RecordingEnabled,
            NoticeRequired = Recording is null ? configured?.NoticeRequired : true,
            CaptureBotPhase = Recording?.RecordBotPhase ?? configured?.CaptureBotPhase,
            StaffToldByEmployment = Recording is null ? configured?.StaffToldByEmployment : Recording.WhoIsTold == NoticeAudience.ExternalParties,
            MaxSecurePause = configured?.MaxSecurePause,
        };
        foreach (var rule in configured?.AccessRules ?? [])
        {
            plan.AccessRules.Add(rule);
        }

        return plan;
    }

    /// <summary>Whether a plan set for the tenant elsewhere says nothing the policy contradicts.</summary>
    public bool SamePlan(RecordingPlanOptions configured)
    {
        var stated = Plan(null);
        return Agrees(configured.RecordingEnabled, stated.RecordingEnabled) && Agrees(configured.NoticeRequired, stated.NoticeRequired) &&
            Agrees(configured.CaptureBotPhase, stated.CaptureBotPhase) && Agrees(configured.StaffToldByEmployment, stated.StaffToldByEmployment);

        static bool Agrees(bool? configured, bool? stated) => configured is null || stated is null || configured == stated;
    }
}
