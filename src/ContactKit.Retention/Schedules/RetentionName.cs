namespace ContactKit.Retention;

/// <summary>Checks the short names used for record classes and triggers: lower-case letters, digits and single hyphens.</summary>
internal static class RetentionName
{
    public const int MaxLength = 64;

    public static ContactKitError? Validate(string? text, string kind, string errorCode)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ContactKitError(errorCode, $"A {kind} must not be empty; use a name such as 'call-recording'.", kind);
        }

        var ok = text.Length <= MaxLength && char.IsAsciiLetterLower(text[0]) && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal);
        foreach (var c in text)
        {
            ok &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';
        }

        return ok
            ? null
            : new ContactKitError(errorCode, $"The {kind} {Errors.Excerpt(text)} must be lower-case letters, digits and single hyphens, start with a letter and be at most {MaxLength} characters (for example 'call-recording').", kind);
    }
}
