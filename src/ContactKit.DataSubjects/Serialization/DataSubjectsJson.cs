using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Serialization;

namespace ContactKit.DataSubjects;

/// <summary>Source-generated JSON metadata for the data-subject model; reached through <see cref="DataSubjectsJson"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter), typeof(DurationJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(DataSubject))]
[JsonSerializable(typeof(RightsRequest))]
[JsonSerializable(typeof(PersonalDataItem))]
[JsonSerializable(typeof(PersonalDataRecord))]
[JsonSerializable(typeof(ErasurePlan))]
[JsonSerializable(typeof(SubjectAccessExportSummary))]
[JsonSerializable(typeof(NationalInsuranceNumber))]
[JsonSerializable(typeof(TelephoneNumber))]
[JsonSerializable(typeof(EmailAddress))]
[JsonSerializable(typeof(UkPostcode))]
[JsonSerializable(typeof(VehicleRegistration))]
[JsonSerializable(typeof(DateOfBirth))]
[JsonSerializable(typeof(PersonName))]
[JsonSerializable(typeof(SubjectIdentifier))]
internal sealed partial class DataSubjectsJsonContext : JsonSerializerContext;

/// <summary>
/// JSON for the data-subject model (subjects, rights requests with their history, items, erasure plans, export
/// summaries and identifiers), source-generated and AOT-safe, in the same style as <see cref="ContactKitJson"/>:
/// identifiers as their canonical text, enums as names, NodaTime values in ISO form. For durable stores.
/// </summary>
public static class DataSubjectsJson
{
    /// <summary>The metadata for the data-subject types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => DataSubjectsJsonContext.Default;

    /// <summary>Read-only serializer options that use <see cref="TypeInfoResolver"/>.</summary>
    public static JsonSerializerOptions Options => DataSubjectsJsonContext.Default.Options;
}
