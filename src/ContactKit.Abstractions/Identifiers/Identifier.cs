namespace ContactKit;

/// <summary>The text rule shared by every <see cref="IContactKitId{TSelf}"/>.</summary>
internal static class Identifier
{
    /// <summary>The longest id text accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Text for a new random id that sorts by creation time to the millisecond (a version 7 UUID in 32 hex digits).</summary>
    /// <returns>The text.</returns>
    public static string NewText() => Guid.CreateVersion7().ToString("N");

    /// <summary>Checks id text against the rule shared by every id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">What the id names, for the message and the error's field.</param>
    /// <returns><see langword="null"/> when valid, otherwise the error (code <see cref="ErrorCodes.InvalidId"/>).</returns>
    public static ContactKitError? Validate(string? text, string kind)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ContactKitError(ErrorCodes.InvalidId, $"A {kind} must not be empty.", kind);
        }

        if (text.Length > MaxLength)
        {
            return new ContactKitError(ErrorCodes.InvalidId, $"A {kind} must be at most {MaxLength} characters; this one has {text.Length}.", kind);
        }

        if (!char.IsAsciiLetterOrDigit(text[0]))
        {
            return new ContactKitError(ErrorCodes.InvalidId, $"A {kind} must start with a letter or digit; {Errors.Excerpt(text)} starts with {Errors.Excerpt(text[..1])}.", kind);
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or ':'))
            {
                return new ContactKitError(ErrorCodes.InvalidId, $"A {kind} may hold only letters, digits and '. _ - :'; {Errors.Excerpt(text)} holds {Errors.Excerpt(c.ToString())}.", kind);
            }
        }

        return null;
    }

    /// <summary>Parses any id, reporting a refusal as a result; for generic code.</summary>
    /// <typeparam name="TId">The id type.</typeparam>
    /// <param name="text">The text.</param>
    /// <returns>The id, or the error.</returns>
    public static Result<TId> Parse<TId>(string? text)
        where TId : struct, IContactKitId<TId> => TId.ParseText(text);
}
