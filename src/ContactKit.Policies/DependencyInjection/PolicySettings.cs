using System.Collections.Immutable;
using ContactKit.Consent;
using ContactKit.Interactions;
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
    int? DeletionPeriodDays,
    string? Controller,
    LawfulBasis? RecordingLawfulBasis,
    ImmutableDictionary<ArtefactKind, string> RecordClasses,
    string? ChatTranscriptRecordClass,
    bool StatesResponsePeriod,
    (int Days, bool WorkingDays)? ResponsePromise,
    ImmutableDictionary<MarketingChannel, MarketingChannelRule> MarketingChannels,
    ImmutableArray<Channel> ProcessorChannels)
{
    // The derived data a policy names, as the interaction layer's kinds of artefact.
    private static readonly Dictionary<string, ArtefactKind> DerivedKinds = new(StringComparer.Ordinal)
    {
        ["sentiment"] = ArtefactKind.Sentiment,
        ["interaction_summary"] = ArtefactKind.Summary,
        ["summary"] = ArtefactKind.Summary,
        ["survey_answer"] = ArtefactKind.SurveyAnswer,
    };

    // The artefacts a retention entry may cover, as the interaction layer's kinds (a chat transcript has its own setting).
    private static readonly Dictionary<InteractionArtefact, ArtefactKind> ArtefactKinds = new()
    {
        [InteractionArtefact.Audio] = ArtefactKind.Audio,
        [InteractionArtefact.Transcript] = ArtefactKind.Transcript,
        [InteractionArtefact.Sentiment] = ArtefactKind.Sentiment,
        [InteractionArtefact.Summary] = ArtefactKind.Summary,
        [InteractionArtefact.SurveyAnswer] = ArtefactKind.SurveyAnswer,
        [InteractionArtefact.CallingLineIdentity] = ArtefactKind.CallingLineIdentity,
    };

    /// <summary>When a record kept "as long as needed", with no review date, is first reviewed: a year after its trigger.</summary>
    public static readonly Period OpenEndedReview = Period.FromYears(1);

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
            rules.Add(new RetentionRule
            {
                Name = $"{entry.RecordClass}.{entry.Trigger}",
                RecordClass = RecordClass.Parse(entry.RecordClass!),
                Trigger = RetentionTrigger.Parse(entry.Trigger!),
                // Kept "as long as needed" with no review date: kept, never disposed of automatically, and reviewed a
                // year after the trigger (the lint warns, CK0873).
                Period = entry.Period ?? (entry.ReviewOn is null ? OpenEndedReview : null),
                ReviewOn = entry.ReviewOn,
                Action = entry.Period is null ? DisposalAction.Review : entry.Action,
                Reason = entry.Reason ?? RetentionReason.LegitimateInterests,
                Source = entry.Criteria,
            });
        }

        var deletion = policy.Recording?.DeleteOnRequestWithin is { } within && within.Years == 0 && within.Months == 0 ? (within.Weeks * 7) + within.Days : (int?)null;
        // Recordings are kept on the lawful basis the policy gives the recording itself (or, for a chat-only policy, its transcript).
        var recordingBasis = (policy.Categories.FirstOrDefault(c => c.Category == "media.call_recording" && c.LawfulBasis is not null)
            ?? policy.Categories.FirstOrDefault(c => c.Category == "media.chat_transcript" && c.LawfulBasis is not null))?.LawfulBasis;
        var derived = ImmutableDictionary.CreateBuilder<ArtefactKind, string>();
        foreach (var entry in policy.DerivedData)
        {
            if (entry.Name is { } name && entry.RecordClass is { } recordClass && DerivedKinds.TryGetValue(name, out var kind))
            {
                derived[kind] = recordClass;
            }
        }

        // A retention entry that covers artefacts kept under its record class rather than their own.
        string? chatTranscripts = null;
        foreach (var entry in policy.Retention)
        {
            foreach (var artefact in entry.Artefacts)
            {
                if (artefact == InteractionArtefact.ChatTranscript)
                {
                    chatTranscripts = entry.RecordClass;
                }
                else
                {
                    derived[ArtefactKinds[artefact]] = entry.RecordClass!;
                }
            }
        }

        // A promise to answer rights requests sooner than the statutory month; P1M is the month itself.
        var respond = policy.Rights?.RespondWithinWorkingDays is { } working
            ? (working, true)
            : policy.Rights?.RespondWithin is { Years: 0, Months: 0 } days ? ((days.Weeks * 7) + days.Days, false) : ((int, bool)?)null;

        return new PolicySettings(
            tenant.Value,
            new RetentionSchedule { Name = $"{tenant.Value} privacy policy", Rules = rules.ToImmutable() },
            policy.Recording,
            policy.Changes?.NoticePeriod,
            policy.Marketing?.Screening?.RescreenAfter,
            [.. (policy.Recording?.ExplicitConsentIn ?? []).Select(j => Jurisdiction.Parse(j))],
            deletion,
            policy.Controller?.Name,
            recordingBasis,
            derived.ToImmutable(),
            chatTranscripts,
            policy.Rights is { RespondWithin: not null } or { RespondWithinWorkingDays: not null },
            respond,
            // Each channel the policy markets on, opt-in or not; a channel it does not list (or every channel, when it
            // says nothing about marketing) is not used for marketing.
            (policy.Marketing?.Channels ?? []).ToImmutableDictionary(c => c.Channel, c => c.OptIn ? MarketingChannelRule.OptInRequired : MarketingChannelRule.NoOptInRequired),
            // The channels whose interactions the tenant handles for clients, as their processor (or a processor's).
            [.. NoticeComposer.ProcessorChannels(policy).Order()]);
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

    /// <summary>The tenant's marketing channel rules, as the policy lists them.</summary>
    public MarketingChannelRules MarketingRules()
    {
        var rules = new MarketingChannelRules();
        foreach (var (channel, rule) in MarketingChannels)
        {
            rules.Channels[channel] = rule;
        }

        return rules;
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
