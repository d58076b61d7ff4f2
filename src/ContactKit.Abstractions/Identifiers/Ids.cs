using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit;

// Every id of the suite. Each is one declaration: the members (validation, the parse forms, ordering, formatting, the
// type converter) are written by the id generator in eng/ContactKit.Generators from the [ContactKitId] attribute.
// The JSON converter is named here, not generated, because the System.Text.Json source generator (in this package and
// in every package's JSON context) cannot see what another generator adds. The text rule is the same for all: see
// IContactKitId<TSelf>.

/// <summary>Names who did something: a member of staff, a service account, the data subject or the system itself.</summary>
[ContactKitId("actor id"), JsonConverter(typeof(TextValueJsonConverter<ActorId>))]
public readonly partial record struct ActorId;

/// <summary>Names a case in a case-management system: an enquiry, complaint or service request.</summary>
[ContactKitId("case id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<CaseId>))]
public readonly partial record struct CaseId;

/// <summary>Names one record in the consent ledger.</summary>
[ContactKitId("consent record id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<ConsentRecordId>))]
public readonly partial record struct ConsentRecordId;

/// <summary>Ties together the audit entries and events that one operation or interaction caused.</summary>
[ContactKitId("correlation id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<CorrelationId>))]
public readonly partial record struct CorrelationId;

/// <summary>Names a data subject: the person the personal data is about (caller, customer, enquirer, employee, ...).</summary>
[ContactKitId("data subject id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<DataSubjectId>))]
public readonly partial record struct DataSubjectId;

/// <summary>Names a request to delete a recording (a caller asks for their call to be deleted), from its request to its disposal.</summary>
[ContactKitId("deletion request id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<DeletionRequestId>))]
public readonly partial record struct DeletionRequestId;

/// <summary>Names one event, so that replaying the same event twice changes nothing.</summary>
[ContactKitId("event id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<EventId>))]
public readonly partial record struct EventId;

/// <summary>Names one interaction: a call, chat, message thread or letter, on any channel.</summary>
[ContactKitId("interaction id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<InteractionId>))]
public readonly partial record struct InteractionId;

/// <summary>Names a legal hold that suspends disposal.</summary>
[ContactKitId("legal hold id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<LegalHoldId>))]
public readonly partial record struct LegalHoldId;

/// <summary>Names one party to an interaction: the caller, an agent, a supervisor, a third party on transfer or conference.</summary>
[ContactKitId("party id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<PartyId>))]
public readonly partial record struct PartyId;

/// <summary>Names a privacy notice, across all its versions and languages.</summary>
[ContactKitId("privacy notice id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<PrivacyNoticeId>))]
public readonly partial record struct PrivacyNoticeId;

/// <summary>Names one recording session: the capture of a call's audio or a chat's transcript, from start to disposal.</summary>
[ContactKitId("recording id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<RecordingId>))]
public readonly partial record struct RecordingId;

/// <summary>Names one item under a retention schedule: a recording, transcript, case record, account or file.</summary>
[ContactKitId("retained item id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<RetainedItemId>))]
public readonly partial record struct RetainedItemId;

/// <summary>Names a request by a data subject to exercise one of their rights (access, erasure, ...).</summary>
[ContactKitId("rights request id", CanCreate = true), JsonConverter(typeof(TextValueJsonConverter<RightsRequestId>))]
public readonly partial record struct RightsRequestId;

/// <summary>Names a tenant: the council, reseller customer or bureau client whose commitments apply. Every operation in ContactKit is scoped to one tenant.</summary>
[ContactKitId("tenant id"), JsonConverter(typeof(TextValueJsonConverter<TenantId>))]
public readonly partial record struct TenantId;
