using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Consent;
using ContactKit;

namespace ContactKit.Consent;

/// <summary>Source-generated JSON metadata for the consent types; reached through <see cref="ConsentJson"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter), typeof(DurationJsonConverter), typeof(DateTimeZoneJsonConverter)])]
[JsonSerializable(typeof(ConsentRecord))]
[JsonSerializable(typeof(IReadOnlyList<ConsentRecord>))]
[JsonSerializable(typeof(PrivacyNoticeVersion))]
[JsonSerializable(typeof(MarketingEvent))]
[JsonSerializable(typeof(IReadOnlyList<MarketingEvent>))]
internal sealed partial class ConsentJsonContext : JsonSerializerContext;

/// <summary>
/// JSON for consent records, notice versions and marketing events, source-generated and AOT-safe, in the same style as
/// <see cref="ContactKitJson"/>: camel-case names, enums as names, NodaTime values in ISO form.
/// </summary>
public static class ConsentJson
{
    /// <summary>The metadata for the consent types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => ConsentJsonContext.Default;

    /// <summary>Read-only serializer options that use <see cref="TypeInfoResolver"/>.</summary>
    public static JsonSerializerOptions Options => ConsentJsonContext.Default.Options;
}
