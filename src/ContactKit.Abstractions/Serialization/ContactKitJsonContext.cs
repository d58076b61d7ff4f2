using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit;

namespace ContactKit;

/// <summary>Source-generated JSON metadata for the shared vocabulary; reached through <see cref="ContactKitJson"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter), typeof(DurationJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(TenantId))]
[JsonSerializable(typeof(InteractionId))]
[JsonSerializable(typeof(RecordingId))]
[JsonSerializable(typeof(DataSubjectId))]
[JsonSerializable(typeof(DeletionRequestId))]
[JsonSerializable(typeof(RightsRequestId))]
[JsonSerializable(typeof(ConsentRecordId))]
[JsonSerializable(typeof(PrivacyNoticeId))]
[JsonSerializable(typeof(PartyId))]
[JsonSerializable(typeof(EventId))]
[JsonSerializable(typeof(CaseId))]
[JsonSerializable(typeof(LegalHoldId))]
[JsonSerializable(typeof(RetainedItemId))]
[JsonSerializable(typeof(ActorId))]
[JsonSerializable(typeof(CorrelationId))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(LawfulBasis))]
[JsonSerializable(typeof(SpecialCategoryCondition))]
[JsonSerializable(typeof(DataSubjectRight))]
[JsonSerializable(typeof(DataSubjectKind))]
[JsonSerializable(typeof(ProcessingRole))]
[JsonSerializable(typeof(Purpose))]
[JsonSerializable(typeof(DataCategoryKey))]
[JsonSerializable(typeof(DataCategory))]
[JsonSerializable(typeof(Jurisdiction))]
[JsonSerializable(typeof(TelephoneNumber))]
[JsonSerializable(typeof(ContactKitError))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
internal sealed partial class ContactKitJsonContext : JsonSerializerContext;

/// <summary>
/// JSON for the shared vocabulary, source-generated and AOT-safe: camel-case names, enums as their names, ids and keys
/// as strings, NodaTime values in ISO form. Combine <see cref="TypeInfoResolver"/> with your own context to serialise
/// your types that hold ContactKit values.
/// </summary>
public static class ContactKitJson
{
    /// <summary>The metadata for every vocabulary type.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => ContactKitJsonContext.Default;

    /// <summary>Read-only serializer options that use <see cref="TypeInfoResolver"/>.</summary>
    public static JsonSerializerOptions Options => ContactKitJsonContext.Default.Options;
}
