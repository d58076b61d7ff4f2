using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>
/// A tenant's privacy policy: everything its privacy notice tells people and everything ContactKit enforces, in one
/// immutable document. Load it with <see cref="PolicyLoader"/>, render it as a notice and lint it
/// for drift.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>The tenant the policy belongs to (a ContactKit tenant id, for example <c>bath-council</c>).</summary>
    public string? Tenant { get; init; }

    /// <summary>The notice's title, for example <c>Contact centre privacy notice</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The language of the notice as a BCP 47 tag; <c>en-GB</c> when not given.</summary>
    public string Language { get => field ?? "en-GB"; init; }

    /// <summary>The date from which this version of the policy applies, when known.</summary>
    public LocalDate? EffectiveFrom { get; init; }

    /// <summary>Who is responsible for the data and how to reach them.</summary>
    public ControllerDetails? Controller { get; init; }

    /// <summary>The roles the organisation plays (controller for some processing, processor for clients' data).</summary>
    public ImmutableArray<RoleStatement> Roles { get => field.IsDefault ? [] : field; init; }

    /// <summary>The channels on which people contact the organisation.</summary>
    public ImmutableArray<Channel> Channels { get => field.IsDefault ? [] : field; init; }

    /// <summary>The kinds of people whose data is processed.</summary>
    public ImmutableArray<SubjectGroup> DataSubjects { get => field.IsDefault ? [] : field; init; }

    /// <summary>The inventory: each category of personal data collected, why, and on what lawful basis.</summary>
    public ImmutableArray<CategoryEntry> Categories { get => field.IsDefault ? [] : field; init; }

    /// <summary>Data derived from what is collected (sentiment, summaries), and whether any decision or profile uses it.</summary>
    public ImmutableArray<DerivedDataEntry> DerivedData { get => field.IsDefault ? [] : field; init; }

    /// <summary>What the notice says about automated decision-making and profiling.</summary>
    public AutomatedDecisionStatement? AutomatedDecisions { get; init; }

    /// <summary>The processors that act for the organisation and what each receives.</summary>
    public ImmutableArray<ProcessorEntry> Processors { get => field.IsDefault ? [] : field; init; }

    /// <summary>How calls and chats are recorded, paused and announced; absent when nothing is recorded.</summary>
    public RecordingStatement? Recording { get; init; }

    /// <summary>How long each class of record is kept.</summary>
    public ImmutableArray<RetentionEntry> Retention { get => field.IsDefault ? [] : field; init; }

    /// <summary>Direct marketing: opt-in per channel, how to opt out, preference-register screening.</summary>
    public MarketingStatement? Marketing { get; init; }

    /// <summary>Who data is shared with.</summary>
    public SharingStatement? Sharing { get; init; }

    /// <summary>Transfers outside the UK and the EEA and the safeguard of each.</summary>
    public ImmutableArray<TransferEntry> Transfers { get => field.IsDefault ? [] : field; init; }

    /// <summary>The rights people have and how to exercise them.</summary>
    public RightsStatement? Rights { get; init; }

    /// <summary>How changes to the policy are announced.</summary>
    public ChangeStatement? Changes { get; init; }

    /// <summary>How to complain to the regulator.</summary>
    public ComplaintsStatement? Complaints { get; init; }

    /// <summary>The tenant's own wording for sections of the notice, used in place of ContactKit's.</summary>
    public TenantWording? Wording { get; init; }
}

/// <summary>The organisation responsible for the data, and its data protection officer.</summary>
public sealed record ControllerDetails
{
    /// <summary>The organisation's legal name.</summary>
    public string? Name { get; init; }

    /// <summary>Its postal address.</summary>
    public string? Address { get; init; }

    /// <summary>An email address for privacy questions.</summary>
    public string? Email { get; init; }

    /// <summary>A telephone number for privacy questions.</summary>
    public string? Phone { get; init; }

    /// <summary>A web page with more information.</summary>
    public Uri? Website { get; init; }

    /// <summary>The company registration number, where there is one.</summary>
    public string? CompanyNumber { get; init; }

    /// <summary>The data protection officer, where one is appointed.</summary>
    public ContactPoint? Dpo { get; init; }
}

/// <summary>A person or office to contact.</summary>
public sealed record ContactPoint
{
    /// <summary>The name or title of the contact, for example <c>Data Protection Officer</c>.</summary>
    public string? Name { get; init; }

    /// <summary>An email address.</summary>
    public string? Email { get; init; }

    /// <summary>A telephone number.</summary>
    public string? Phone { get; init; }

    /// <summary>A postal address.</summary>
    public string? Address { get; init; }
}

/// <summary>A role the organisation plays and the processing it covers.</summary>
public sealed record RoleStatement
{
    /// <summary>Controller, processor, joint controller or sub-processor.</summary>
    public ProcessingRole Role { get; init; }

    /// <summary>The processing the role covers, for example <c>our own customer relationships</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// The channels whose interactions the role covers, where it covers every interaction on them (for a processor, the
    /// services run for clients, such as <c>webchat</c>). A host configured from the policy marks what it holds from
    /// interactions on a processor's channels as the clients' data: a rights request about it is referred to the client,
    /// the controller, and not answered by the tenant itself (see <c>InteractionsTenantOptions.ProcessorChannels</c>).
    /// Each channel is one the policy handles and is named by one role at most.
    /// </summary>
    public ImmutableArray<Channel> Channels { get => field.IsDefault ? [] : field; init; }
}

/// <summary>A kind of data subject and where their data comes from.</summary>
public sealed record SubjectGroup
{
    /// <summary>The kind of person.</summary>
    public DataSubjectKind Kind { get; init; }

    /// <summary>Who they are, in the tenant's words.</summary>
    public string? Description { get; init; }
}

/// <summary>One category of personal data in the inventory.</summary>
public sealed record CategoryEntry
{
    /// <summary>The data category key, for example <c>contact.phone</c> or <c>identifier.national_insurance_number</c>.</summary>
    public string? Category { get; init; }

    /// <summary>What the category holds, in the tenant's words.</summary>
    public string? Description { get; init; }

    /// <summary>The purposes it is used for (purpose keys such as <c>service_delivery</c>).</summary>
    public ImmutableArray<string> Purposes { get => field.IsDefault ? [] : field; init; }

    /// <summary>The Art 6 lawful basis.</summary>
    public LawfulBasis? LawfulBasis { get; init; }

    /// <summary>The legitimate interest pursued, required when the basis is legitimate interests.</summary>
    public string? LegitimateInterest { get; init; }

    /// <summary>The Art 9 condition, required for special-category data.</summary>
    public SpecialCategoryCondition? SpecialCategoryCondition { get; init; }

    /// <summary>The kinds of data subject the category is collected about; every kind when empty.</summary>
    public ImmutableArray<DataSubjectKind> Subjects { get => field.IsDefault ? [] : field; init; }

    /// <summary>Whether providing the data is a statutory or contractual requirement, and what follows if it is not given.</summary>
    public RequirementStatement? Requirement { get; init; }

    /// <summary>Where the data comes from when not from the person (Art 14); <see langword="null"/> when the person gives it.</summary>
    public string? Source { get; init; }
}

/// <summary>Whether a person must provide data and what happens if they do not (Art 13(2)(e)).</summary>
public sealed record RequirementStatement
{
    /// <summary>Whether the data must be provided.</summary>
    public bool Required { get; init; }

    /// <summary>Why it must be (a statute, a contract, a condition of entering a contract), when it must.</summary>
    public string? Basis { get; init; }

    /// <summary>What follows if the data is not provided.</summary>
    public string? Consequence { get; init; }
}

/// <summary>Data derived from what is collected, such as a sentiment score or a summary of the interaction.</summary>
public sealed record DerivedDataEntry
{
    /// <summary>A name for the derived data, for example <c>sentiment</c>.</summary>
    public string? Name { get; init; }

    /// <summary>What it is, in the tenant's words.</summary>
    public string? Description { get; init; }

    /// <summary>The category keys it is derived from.</summary>
    public ImmutableArray<string> DerivedFrom { get => field.IsDefault ? [] : field; init; }

    /// <summary>Whether it is stored against the person's identity.</summary>
    public bool StoredAgainstIdentity { get; init; }

    /// <summary>Whether any decision with legal or similarly significant effect is made from it without a person.</summary>
    public bool FeedsAutomatedDecision { get; init; }

    /// <summary>Whether it is used to build a profile of the person.</summary>
    public bool UsedForProfiling { get; init; }

    /// <summary>The record class its retention rule is found under.</summary>
    public string? RecordClass { get; init; }
}

/// <summary>What the notice says about automated decisions and profiling (Art 13(2)(f)).</summary>
public sealed record AutomatedDecisionStatement
{
    /// <summary>Whether automated decision-making, including profiling, is used.</summary>
    public bool Used { get; init; }

    /// <summary>The logic involved and its consequences for the person, when it is used.</summary>
    public string? Logic { get; init; }
}

/// <summary>A processor acting for the organisation and what it receives.</summary>
public sealed record ProcessorEntry
{
    /// <summary>The processor's name.</summary>
    public string? Name { get; init; }

    /// <summary>The service it provides, for example <c>webchat platform</c>.</summary>
    public string? Service { get; init; }

    /// <summary>The category keys it receives; each must be in the inventory.</summary>
    public ImmutableArray<string> Receives { get => field.IsDefault ? [] : field; init; }

    /// <summary>Permissions an app of the processor asks the person for (a voice-assistant skill's name, address, email).</summary>
    public ImmutableArray<PermissionEntry> Permissions { get => field.IsDefault ? [] : field; init; }

    /// <summary>The processor's own privacy notice.</summary>
    public Uri? PrivacyNotice { get; init; }
}

/// <summary>A permission an app asks the person for, and what it is used for.</summary>
public sealed record PermissionEntry
{
    /// <summary>The permission.</summary>
    public ContactKit.Consent.AppPermission Permission { get; init; }

    /// <summary>What the permission is used for.</summary>
    public string? UsedFor { get; init; }

    /// <summary>Whether the person can revoke it at any time.</summary>
    public bool Revocable { get; init; }
}
