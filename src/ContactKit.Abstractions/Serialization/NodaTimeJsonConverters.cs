using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ContactKit;

/// <summary>Reads and writes a NodaTime value as a JSON string through a NodaTime pattern.</summary>
/// <typeparam name="T">The NodaTime type.</typeparam>
public abstract class NodaPatternJsonConverter<T> : JsonConverter<T>
{
    private readonly IPattern<T> _pattern;

    /// <summary>Creates the converter.</summary>
    /// <param name="pattern">The pattern that formats and parses the value.</param>
    /// <param name="example">A value whose text shows the pattern in error messages.</param>
    protected NodaPatternJsonConverter(IPattern<T> pattern, T example)
    {
        _pattern = pattern;
        Example = example;
    }

    private T Example { get; }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        var text = JsonText.GetString(ref reader);

        // NodaTime's parser treats a NUL as the end of the text, so "2026-03-02T09:00:00Z\0junk" would parse: refuse any
        // control character before parsing, so that nothing after one is ignored.
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || text.Contains('\u007F', StringComparison.Ordinal))
        {
            throw new JsonException($"Not a valid {typeof(T).Name}: {Errors.Excerpt(text)} holds a control character.");
        }

        var result = _pattern.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"Not a valid {typeof(T).Name}: {Errors.Excerpt(text)} does not match the pattern '{_pattern.Format(Example)}' shows.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_pattern.Format(value));
    }
}

/// <summary>An <see cref="Instant"/> in ISO 8601 UTC form, for example <c>2026-11-23T09:15:00Z</c>.</summary>
public sealed class InstantJsonConverter() : NodaPatternJsonConverter<Instant>(InstantPattern.ExtendedIso, Instant.FromUtc(2026, 11, 23, 9, 15));

/// <summary>A <see cref="LocalDate"/> in ISO 8601 form, for example <c>2026-11-23</c>.</summary>
public sealed class LocalDateJsonConverter() : NodaPatternJsonConverter<LocalDate>(LocalDatePattern.Iso, new LocalDate(2026, 11, 23));

/// <summary>A <see cref="Period"/> in ISO 8601 form, for example <c>P6M</c> or <c>P1Y2M</c>; written exactly as built, never normalised.</summary>
public sealed class PeriodJsonConverter() : NodaPatternJsonConverter<Period>(PeriodPattern.Roundtrip, Period.FromMonths(6));

/// <summary>A <see cref="Duration"/> as days, hours, minutes and seconds, for example <c>0:00:05:30</c> for five and a half minutes.</summary>
public sealed class DurationJsonConverter() : NodaPatternJsonConverter<Duration>(DurationPattern.Roundtrip, Duration.FromSeconds(330));

/// <summary>A <see cref="DateTimeZone"/> as its IANA id, for example <c>Europe/London</c>.</summary>
public sealed class DateTimeZoneJsonConverter : JsonConverter<DateTimeZone>
{
    /// <inheritdoc />
    public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var id = reader.TokenType == JsonTokenType.String ? JsonText.GetString(ref reader) : null;
        return id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone
            ? zone
            : throw new JsonException($"{Errors.Excerpt(id)} is not an IANA time zone id such as 'Europe/London'.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Id);
    }
}
