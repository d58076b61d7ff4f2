namespace ContactKit.Retention;

/// <summary>
/// Checks the short names used for record classes and triggers: lower-case words of letters and digits joined by single
/// underscores, starting with a letter (for example <c>call_recording</c>), the key style of the whole suite.
/// </summary>
internal static class RetentionName
{
    public const int MaxLength = 64;

    public static ContactKitError? Validate(string? text, string kind, string errorCode)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ContactKitError(errorCode, $"A {kind} must not be empty; use a name such as 'call_recording'.", kind);
        }

        return IsValid(text)
            ? null
            : new ContactKitError(errorCode, $"The {kind} {Errors.Excerpt(text)} must be lower-case letters and digits in words joined by single underscores, start with a letter and be at most {MaxLength} characters (for example 'call_recording').", kind);
    }

    public static bool IsValid(string text)
    {
        var ok = text.Length is > 0 and <= MaxLength && char.IsAsciiLetterLower(text[0]) && text[^1] != '_' && !text.Contains("__", StringComparison.Ordinal);
        foreach (var c in text)
        {
            ok &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
        }

        return ok;
    }
}
