using System.Text.Json;

namespace ContactKit;

/// <summary>Reads JSON text for the converters, turning every way the text can be unreadable into a <see cref="JsonException"/>.</summary>
internal static class JsonText
{
    /// <summary>Reads the current string token (or property name).</summary>
    /// <param name="reader">The reader, on a string or property name.</param>
    /// <returns>The text.</returns>
    /// <exception cref="JsonException">The token is null, or holds a lone surrogate that cannot be read as text.</exception>
    public static string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? throw new JsonException("Expected a JSON string, found null.");
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("The JSON text holds a lone surrogate or invalid UTF-8 and cannot be read as text.", e);
        }
    }
}
