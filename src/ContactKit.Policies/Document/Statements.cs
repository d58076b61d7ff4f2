using System.Collections.Immutable;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>How interactions are recorded, paused and announced.</summary>
public sealed record RecordingStatement
{
    /// <summary>Whether recording is on for every interaction, or an optional feature enabled per plan.</summary>
    public RecordingPlan Plan { get; init; }

    /// <summary>The channels recorded (calls, webchat transcripts).</summary>
    public ImmutableArray<Channel> Channels { get => field.IsDefault ? [] : field; init; }

    /// <summary>The purposes recordings are made for (purpose keys).</summary>
    public ImmutableArray<string> Purposes { get => field.IsDefault ? [] : field; init; }

    /// <summary>Whether the automated phase (a chatbot or IVR) is recorded before a person joins.</summary>
    public bool RecordBotPhase { get; init; }

    /// <summary>Whether recording pauses while card details are taken.</summary>
    public bool SecurePauseForPayments { get; init; }

    /// <summary>Who is told the interaction is recorded.</summary>
    public NoticeAudience WhoIsTold { get; init; }

    /// <summary>How they are told.</summary>
    public ImmutableArray<NoticeMedium> HowTold { get => field.IsDefault ? [] : field; init; }

    /// <summary>How consent is obtained where the law asks for it.</summary>
    public ConsentModel Consent { get; init; }

    /// <summary>Jurisdictions (ISO country or subdivision codes, such as <c>US-CA</c>) where explicit consent is asked for.</summary>
    public ImmutableArray<string> ExplicitConsentIn { get => field.IsDefault ? [] : field; init; }

    /// <summary>Who may access recordings, in the tenant's words.</summary>
    public string? AccessRestrictedTo { get; init; }

    /// <summary>Whether a participant may ask for a copy of a recording.</summary>
    public bool CopyOnRequest { get; init; }

    /// <summary>Whether a recording may be stopped or deleted on request, and within what period once authorised.</summary>
    public Period? DeleteOnRequestWithin { get; init; }

    /// <summary>Whether calling line identity is captured for reporting.</summary>
    public bool CallingLineIdentityCaptured { get; init; }

    /// <summary>The tenant's wording of the spoken announcement, in place of ContactKit's.</summary>
    public string? Announcement { get; init; }
}

/// <summary>Whether recording is on for everyone or enabled per plan.</summary>
public enum RecordingPlan
{
    /// <summary>Every interaction on the recorded channels is recorded.</summary>
    Always = 0,

    /// <summary>Recording is an optional feature each customer enables on their plan.</summary>
    OptionalPerPlan = 1,
}

/// <summary>Who is told about recording.</summary>
public enum NoticeAudience
{
    /// <summary>Every party to the interaction.</summary>
    EveryParty = 0,

    /// <summary>External parties; staff are told through their employment.</summary>
    ExternalParties = 1,
}

/// <summary>How people are told about recording.</summary>
public enum NoticeMedium
{
    /// <summary>A spoken announcement when the call is answered.</summary>
    SpokenAnnouncement = 1,

    /// <summary>A message in the auto attendant or IVR menu.</summary>
    AutoAttendant = 2,

    /// <summary>A banner at the start of a chat.</summary>
    ChatBanner = 3,

    /// <summary>This privacy notice and other written materials.</summary>
    WrittenNotice = 4,
}

/// <summary>How consent to recording is obtained.</summary>
public enum ConsentModel
{
    /// <summary>People are told; continuing with the interaction is taken as agreement.</summary>
    NoticeAndContinue = 0,

    /// <summary>People are asked and must say yes before recording starts, where the law asks for it.</summary>
    ExplicitWhereRequired = 1,

    /// <summary>Everyone is asked and must say yes before recording starts.</summary>
    ExplicitAlways = 2,
}

/// <summary>How long one class of record is kept.</summary>
public sealed record RetentionEntry
{
    /// <summary>The record class (for example <c>call_recording</c>, <c>case_record</c>).</summary>
    public string? RecordClass { get; init; }

    /// <summary>What the records are, in the tenant's words.</summary>
    public string? Description { get; init; }

    /// <summary>The event the period runs from (<c>interaction_ended</c>, <c>relationship_ended</c>, ...).</summary>
    public string? Trigger { get; init; }

    /// <summary>How long the records are kept after the trigger; absent when only criteria are given.</summary>
    public Period? Period { get; init; }

    /// <summary>
    /// The artefacts of an interaction that the interaction layer keeps under this record class, where they are not kept
    /// under their own (an audio recording under <c>call_recording</c>, a call transcript under <c>transcript</c>, a chat
    /// transcript under <c>chat_transcript</c>, calling line identity under <c>calling_line_identity</c>). For example a
    /// <c>call_recording</c> entry that also covers <c>calling_line_identity</c>, or one <c>interaction_record</c> entry
    /// covering every artefact. Each artefact is listed by one entry at most.
    /// </summary>
    public ImmutableArray<InteractionArtefact> Artefacts { get => field.IsDefault ? [] : field; init; }

    /// <summary>The criteria used to decide how long, where no fixed period is given ("as long as necessary for ...").</summary>
    public string? Criteria { get; init; }

    /// <summary>When criteria-based retention is next reviewed.</summary>
    public LocalDate? ReviewOn { get; init; }

    /// <summary>What happens at the end of the period; deletion when not given.</summary>
    public ContactKit.Retention.DisposalAction Action { get; init; }

    /// <summary>
    /// Why the records are kept, which decides whether an erasure request can end their retention early (a legal
    /// obligation or legal claims outweigh it); legitimate interests when not given.
    /// </summary>
    public ContactKit.Retention.RetentionReason? Reason { get; init; }
}

/// <summary>An artefact of an interaction, as a retention entry names the ones it covers.</summary>
public enum InteractionArtefact
{
    /// <summary>The audio recording of a call.</summary>
    Audio = 1,

    /// <summary>The transcript of a call.</summary>
    Transcript = 2,

    /// <summary>The transcript of a chat or message thread.</summary>
    ChatTranscript = 3,

    /// <summary>A sentiment rating derived from an interaction.</summary>
    Sentiment = 4,

    /// <summary>A summary of an interaction.</summary>
    Summary = 5,

    /// <summary>A survey answer given after an interaction.</summary>
    SurveyAnswer = 6,

    /// <summary>The calling line identity of a call, kept for reporting.</summary>
    CallingLineIdentity = 7,
}

/// <summary>Direct marketing.</summary>
public sealed record MarketingStatement
{
    /// <summary>Each channel used for marketing and whether people must opt in first.</summary>
    public ImmutableArray<MarketingChannelEntry> Channels { get => field.IsDefault ? [] : field; init; }

    /// <summary>The ways people can opt out.</summary>
    public ImmutableArray<OptOutEntry> OptOut { get => field.IsDefault ? [] : field; init; }

    /// <summary>Screening of telephone marketing lists against the preference registers.</summary>
    public ScreeningStatement? Screening { get; init; }

    /// <summary>Whether data bought or obtained from third parties is used, and on what consent.</summary>
    public string? ThirdPartyData { get; init; }
}

/// <summary>One marketing channel.</summary>
public sealed record MarketingChannelEntry
{
    /// <summary>The channel.</summary>
    public MarketingChannel Channel { get; init; }

    /// <summary>Whether people must opt in before being marketed to on it.</summary>
    public bool OptIn { get; init; }

    /// <summary>Who receives it (for example <c>existing customers only</c>).</summary>
    public string? Audience { get; init; }
}

/// <summary>One way to opt out of marketing.</summary>
public sealed record OptOutEntry
{
    /// <summary>The route.</summary>
    public OptOutRoute Route { get; init; }

    /// <summary>The address, number or instruction for the route.</summary>
    public string? Detail { get; init; }
}

/// <summary>Preference-register screening of telephone marketing.</summary>
public sealed record ScreeningStatement
{
    /// <summary>The registers screened against.</summary>
    public ImmutableArray<TelephonePreferenceRegisters> Registers { get => field.IsDefault ? [] : field; init; }

    /// <summary>How old screened data may be before it is screened again (28 days in law).</summary>
    public Period? RescreenAfter { get; init; }
}

/// <summary>Who data is shared with.</summary>
public sealed record SharingStatement
{
    /// <summary>Internal services a query is passed to.</summary>
    public ImmutableArray<RecipientEntry> Internal { get => field.IsDefault ? [] : field; init; }

    /// <summary>External recipients (partners, service providers, authorities).</summary>
    public ImmutableArray<RecipientEntry> External { get => field.IsDefault ? [] : field; init; }

    /// <summary>Whether personal data is ever sold or given to third parties for their marketing.</summary>
    public bool SoldOrUsedForThirdPartyMarketing { get; init; }

    /// <summary>When data is disclosed because the law requires it, in the tenant's words.</summary>
    public string? LegalDisclosures { get; init; }
}

/// <summary>A recipient of personal data.</summary>
public sealed record RecipientEntry
{
    /// <summary>The recipient or kind of recipient.</summary>
    public string? Name { get; init; }

    /// <summary>Why it receives data.</summary>
    public string? Why { get; init; }

    /// <summary>Whether data goes to it only with the person's consent.</summary>
    public bool OnlyWithConsent { get; init; }
}

/// <summary>A transfer outside the UK and the EEA.</summary>
public sealed record TransferEntry
{
    /// <summary>Where the data goes (a country, or a description such as <c>outside the EEA</c>).</summary>
    public string? Destination { get; init; }

    /// <summary>Who receives it.</summary>
    public string? Recipient { get; init; }

    /// <summary>The safeguard that protects it.</summary>
    public TransferSafeguard? Safeguard { get; init; }

    /// <summary>Where a copy of the safeguard can be obtained.</summary>
    public string? CopyFrom { get; init; }
}

/// <summary>The safeguard for a transfer outside the UK.</summary>
public enum TransferSafeguard
{
    /// <summary>UK adequacy regulations for the destination.</summary>
    Adequacy = 1,

    /// <summary>The ICO's International Data Transfer Agreement.</summary>
    InternationalDataTransferAgreement = 2,

    /// <summary>Standard contractual clauses with the UK addendum.</summary>
    StandardContractualClauses = 3,

    /// <summary>Binding corporate rules.</summary>
    BindingCorporateRules = 4,

    /// <summary>A derogation for a specific situation (Art 49).</summary>
    Derogation = 5,
}

/// <summary>The rights people have and how to exercise them.</summary>
public sealed record RightsStatement
{
    /// <summary>Each right offered, with how to exercise it where that differs from the general route.</summary>
    public ImmutableArray<RightEntry> Rights { get => field.IsDefault ? [] : field; init; }

    /// <summary>How to make a request (the general route).</summary>
    public ContactPoint? Contact { get; init; }

    /// <summary>
    /// How long the organisation takes to answer; one month (the statutory period) when not given. A shorter promise, in
    /// days or weeks (at most 28 days, so never longer than the statutory month), becomes the due date of the tenant's
    /// rights requests when the policy is added to a host; a promise longer than the month is refused when the policy is loaded.
    /// </summary>
    public Period? RespondWithin { get; init; }

    /// <summary>
    /// How many working days the organisation takes to answer, in place of <see cref="RespondWithin"/>: 1 to 20, so never
    /// longer than the statutory month. Counted on the tenant's working-day calendar when the policy is added to a host.
    /// </summary>
    public int? RespondWithinWorkingDays { get; init; }

    /// <summary>How to withdraw consent, where any processing relies on it.</summary>
    public string? WithdrawConsent { get; init; }
}

/// <summary>One right and how to exercise it.</summary>
public sealed record RightEntry
{
    /// <summary>The right.</summary>
    public DataSubjectRight Right { get; init; }

    /// <summary>How to exercise it, where it differs from the general route.</summary>
    public string? How { get; init; }
}

/// <summary>How changes to the policy are announced.</summary>
public sealed record ChangeStatement
{
    /// <summary>How long before a revised notice takes effect people are told; 30 days when not given.</summary>
    public Period? NoticePeriod { get; init; }

    /// <summary>How people are told (for example <c>on our website and by email</c>).</summary>
    public string? How { get; init; }

    /// <summary>Whether a shorter period is used where there are legal grounds.</summary>
    public bool ShorterWhereLegalGrounds { get; init; }
}

/// <summary>How to complain to the regulator.</summary>
public sealed record ComplaintsStatement
{
    /// <summary>The regulator's name; the Information Commissioner's Office when not given.</summary>
    public string? Regulator { get; init; }

    /// <summary>The regulator's website.</summary>
    public Uri? Website { get; init; }

    /// <summary>The regulator's helpline.</summary>
    public string? Phone { get; init; }

    /// <summary>Whether people are asked to contact the organisation first.</summary>
    public bool ContactUsFirst { get; init; }
}

/// <summary>The tenant's own wording for sections of the notice. Each text given replaces ContactKit's wording of that section.</summary>
public sealed record TenantWording
{
    /// <summary>An introduction shown before the first section.</summary>
    public string? Introduction { get; init; }

    /// <summary>Replacement bodies keyed by section (see <see cref="NoticeSectionId"/>).</summary>
    public ImmutableDictionary<NoticeSectionId, string> Sections { get => field ?? ImmutableDictionary<NoticeSectionId, string>.Empty; init; }
}

/// <summary>The sections of a rendered notice, in order.</summary>
public enum NoticeSectionId
{
    /// <summary>Who we are and how to contact us and the DPO.</summary>
    WhoWeAre = 1,

    /// <summary>Whose data and which channels.</summary>
    WhoThisCovers = 2,

    /// <summary>What data, why, and the lawful basis.</summary>
    WhatWeCollect = 3,

    /// <summary>Where data comes from when not from the person.</summary>
    Sources = 4,

    /// <summary>Recording of calls and chats.</summary>
    Recording = 5,

    /// <summary>Derived data, automated decisions and profiling.</summary>
    AutomatedDecisions = 6,

    /// <summary>Who data is shared with, including processors.</summary>
    Sharing = 7,

    /// <summary>Transfers outside the UK.</summary>
    Transfers = 8,

    /// <summary>How long data is kept.</summary>
    Retention = 9,

    /// <summary>Marketing.</summary>
    Marketing = 10,

    /// <summary>The person's rights.</summary>
    Rights = 11,

    /// <summary>Complaints to the regulator.</summary>
    Complaints = 12,

    /// <summary>Changes to the notice.</summary>
    Changes = 13,
}
