namespace ContactKit;

// Every id of the suite. Each is one declaration: the members (validation, the parse forms, ordering, formatting, the
// JSON and type converters) are written by the id generator in eng/ContactKit.Generators from the [ContactKitId] line.
// The text rule is the same for all: see IContactKitId<TSelf>.

/// <summary>Names who did something: a member of staff, a service account, the data subject or the system itself.</summary>
[ContactKitId("actor id")]
public readonly partial record struct ActorId;

/// <summary>Names a case in a case-management system: an enquiry, complaint or service request.</summary>
[ContactKitId("case id", CanCreate = true)]
public readonly partial record struct CaseId;

/// <summary>Names one record in the consent ledger.</summary>
[ContactKitId("consent record id", CanCreate = true)]
public readonly partial record struct ConsentRecordId;

/// <summary>Ties together the audit entries and events that one operation or interaction caused.</summary>
[ContactKitId("correlation id", CanCreate = true)]
public readonly partial record struct CorrelationId;

/// <summary>Names a data subject: the person the personal data is about (caller, customer, enquirer, employee, ...).</summary>
[ContactKitId("data subject id", CanCreate = true)]
public readonly partial record struct DataSubjectId;

/// <summary>Names one event, so that replaying the same event twice changes nothing.</summary>
[ContactKitId("event id", CanCreate = true)]
public readonly partial record struct EventId;

/// <summary>Names one interaction: a call, chat, message thread or letter, on any channel.</summary>
[ContactKitId("interaction id", CanCreate = true)]
public readonly partial record struct InteractionId;

/// <summary>Names a legal hold that suspends disposal.</summary>
[ContactKitId("legal hold id", CanCreate = true)]
public readonly partial record struct LegalHoldId;

/// <summary>Names one party to an interaction: the caller, an agent, a supervisor, a third party on transfer or conference.</summary>
[ContactKitId("party id", CanCreate = true)]
public readonly partial record struct PartyId;

/// <summary>Names a privacy notice, across all its versions and languages.</summary>
[ContactKitId("privacy notice id", CanCreate = true)]
public readonly partial record struct PrivacyNoticeId;

/// <summary>Names one recording session: the capture of a call's audio or a chat's transcript, from start to disposal.</summary>
[ContactKitId("recording id", CanCreate = true)]
public readonly partial record struct RecordingId;

/// <summary>Names one item under a retention schedule: a recording, transcript, case record, account or file.</summary>
[ContactKitId("retained item id", CanCreate = true)]
public readonly partial record struct RetainedItemId;

/// <summary>Names a request by a data subject to exercise one of their rights (access, erasure, ...).</summary>
[ContactKitId("rights request id", CanCreate = true)]
public readonly partial record struct RightsRequestId;

/// <summary>Names a tenant: the council, reseller customer or bureau client whose commitments apply. Every operation in ContactKit is scoped to one tenant.</summary>
[ContactKitId("tenant id")]
public readonly partial record struct TenantId;
