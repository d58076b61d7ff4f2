using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit;

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
[JsonSerializable(typeof(RecordingEvent))]
[JsonSerializable(typeof(RecordedEvent))]
[JsonSerializable(typeof(IReadOnlyList<RecordedEvent>))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;

/// <summary>
/// JSON for the recording types (the event log, capture reports, media, policies), source-generated and AOT-safe, in the
/// same form as <see cref="ContactKitJson"/>. The event log is a published contract: version <see cref="EventContractVersion"/>.
/// </summary>
public static class RecordingJson
{
    /// <summary>The version of the event contract written by this release: discriminators and fields are only ever added to it.</summary>
    public const int EventContractVersion = 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The metadata for the recording types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => RecordingJsonContext.Default;

    /// <summary>Read-only serializer options that use <see cref="TypeInfoResolver"/>.</summary>
    public static JsonSerializerOptions Options => RecordingJsonContext.Default.Options;

    /// <summary>Writes one logged event.</summary>
    /// <param name="event">The event with its version and instant.</param>
    /// <returns>The JSON text, the event under <c>event</c> with its <c>type</c> discriminator.</returns>
    public static string Write(RecordedEvent @event) => JsonSerializer.Serialize(@event, RecordingJsonContext.Default.RecordedEvent);

    /// <summary>Writes a log.</summary>
    /// <param name="events">The events, in version order.</param>
    /// <returns>The JSON array.</returns>
    public static string Write(IReadOnlyList<RecordedEvent> events) => JsonSerializer.Serialize(events, RecordingJsonContext.Default.IReadOnlyListRecordedEvent);

    /// <summary>Reads one logged event written by <see cref="Write(RecordedEvent)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The text is not a logged recording event (including text that is not valid UTF-16, or an event without a known <c>type</c>).</exception>
    public static RecordedEvent ReadEvent(string json) =>
        Read(json, RecordingJsonContext.Default.RecordedEvent) is { Event: not null } read ? read : throw new JsonException("The JSON holds no recorded event.");

    /// <summary>Reads a log written by <see cref="Write(IReadOnlyList{RecordedEvent})"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The events.</returns>
    /// <exception cref="JsonException">The text is not a recording log.</exception>
    public static IReadOnlyList<RecordedEvent> ReadEvents(string json) =>
        Read(json, RecordingJsonContext.Default.IReadOnlyListRecordedEvent) is { } read && read.All(e => e?.Event is not null)
            ? read
            : throw new JsonException("The JSON holds no recording log, or an entry without its event.");

    // Reads with every failure of the input reported as a JsonException, as documented.
    internal static T? Read<T>(string json, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            throw new JsonException("The text is not valid UTF-16 (it holds an unpaired surrogate), so it is not JSON.", e);
        }

        try
        {
            return JsonSerializer.Deserialize(utf8, type);
        }
        catch (NotSupportedException e)
        {
            throw new JsonException("The JSON names no known type where one is needed (an event needs its 'type').", e);
        }
    }
}
