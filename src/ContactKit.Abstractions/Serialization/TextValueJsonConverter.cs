using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactKit;

/// <summary>
/// Writes a <see cref="ITextValue{TSelf}"/> (an id, a purpose, a data category key, a jurisdiction) as its text
/// and reads it back through the type's own validation; works for dictionary keys too.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class TextValueJsonConverter<T> : JsonConverter<T>
    where T : ITextValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        return ParseForJson(JsonText.GetString(ref reader));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseForJson(JsonText.GetString(ref reader));

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WritePropertyName(value.Value);
    }

    private static T ParseForJson(string? text)
    {
        var result = T.ParseText(text);
        return result.IsSuccess ? result.Value : throw new JsonException(result.Error.ToString(), new ContactKitFormatException(result.Error));
    }
}
