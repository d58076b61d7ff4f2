using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactKit;

/// <summary>
/// Reads and writes a <see cref="ContactKitError"/> as <c>{"code":"CK0001","message":"...","field":"..."}</c>. Reading
/// checks what the constructor checks and reports a missing or bad part as a <see cref="JsonException"/>, so that bad
/// input never surfaces as an argument exception.
/// </summary>
public sealed class ContactKitErrorJsonConverter : JsonConverter<ContactKitError>
{
    /// <inheritdoc />
    public override ContactKitError Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for an error, found {reader.TokenType}.");
        }

        string? code = null, message = null, field = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = JsonText.GetString(ref reader);
            reader.Read();
            switch (name)
            {
                case "code":
                    code = ReadText(ref reader, "code");
                    break;
                case "message":
                    message = ReadText(ref reader, "message");
                    break;
                case "field":
                    field = reader.TokenType == JsonTokenType.Null ? null : ReadText(ref reader, "field");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (code is null || !ContactKitError.IsCode(code))
        {
            throw new JsonException($"An error's 'code' must be 'CK' followed by four digits; it is {Errors.Excerpt(code)}.");
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            throw new JsonException("An error's 'message' is required and was missing or empty.");
        }

        return new ContactKitError(code, message, field);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ContactKitError value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteString("message", value.Message);
        if (value.Field is not null)
        {
            writer.WriteString("field", value.Field);
        }

        writer.WriteEndObject();
    }

    private static string ReadText(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.String
            ? JsonText.GetString(ref reader)
            : throw new JsonException($"An error's '{name}' must be a JSON string, found {reader.TokenType}.");
}
