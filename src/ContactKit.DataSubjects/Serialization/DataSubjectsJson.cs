using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit;

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

    /// <summary>
    /// Reads one data-subject type from JSON text. Any bad input, including text that is not valid UTF-16 (a lone
    /// surrogate), is reported as a <see cref="JsonException"/>, never another exception.
    /// </summary>
    /// <typeparam name="T">A type of the data-subject model (for example <see cref="RightsRequest"/>).</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value read; <see langword="null"/> for the JSON literal <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for the type.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a type of the data-subject model.</exception>
    public static T? Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        try
        {
            return JsonSerializer.Deserialize(json, info);
        }
        catch (ArgumentException e)
        {
            // The serializer reports text it cannot transcode to UTF-8 (a lone surrogate) as an argument error.
            throw new JsonException("The JSON text is not valid UTF-16: it holds a lone surrogate.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("The JSON text holds a string that is not valid UTF-16, such as an escaped lone surrogate.", e);
        }
    }

    /// <summary>Writes one data-subject type as JSON text.</summary>
    /// <typeparam name="T">A type of the data-subject model.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a type of the data-subject model.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
}
