using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit;

namespace ContactKit.Retention;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter), typeof(DurationJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(RetentionScheduleDocument))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext;

/// <summary>The source-generated JSON metadata of the retention package, for hosts that serialise its types.</summary>
public static class RetentionJson
{
    /// <summary>The resolver for the package's types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => RetentionJsonContext.Default;

    /// <summary>The serializer options the package uses.</summary>
    public static JsonSerializerOptions Options => RetentionJsonContext.Default.Options;
}
