using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Serialization;

namespace ContactKit.Recording;

/// <summary>Source-generated JSON metadata for the recording types; reached through <see cref="RecordingJson"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter), typeof(DurationJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(CaptureReport))]
[JsonSerializable(typeof(RecordingMedia))]
[JsonSerializable(typeof(RecordingPolicy))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;

/// <summary>JSON for the recording types (capture reports, media, policies), source-generated and AOT-safe, in the same form as <see cref="ContactKitJson"/>.</summary>
public static class RecordingJson
{
    /// <summary>The metadata for the recording types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => RecordingJsonContext.Default;

    /// <summary>Read-only serializer options that use <see cref="TypeInfoResolver"/>.</summary>
    public static JsonSerializerOptions Options => RecordingJsonContext.Default.Options;
}
