using System.Diagnostics.CodeAnalysis;

namespace ContactKit;

/// <summary>Parses and validates the text of any <see cref="IContactKitId{TSelf}"/>.</summary>
public static class Identifier
{
    /// <summary>The longest id text accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Parses an id, reporting a refusal as a result.</summary>
    /// <typeparam name="TId">The id type.</typeparam>
    /// <param name="text">The text to parse.</param>
    /// <returns>The id, or an error with code <see cref="ErrorCodes.InvalidId"/>.</returns>
    public static Result<TId> Parse<TId>(string? text)
        where TId : struct, IContactKitId<TId>
    {
        var error = Validate(text, TId.Kind);
        return error is null ? TId.FromValidated(text!) : error;
    }

    /// <summary>Generates a new random id that sorts by creation time to the millisecond (a version 7 UUID in 32 hex digits).</summary>
    /// <typeparam name="TId">The id type.</typeparam>
    /// <returns>The new id.</returns>
    public static TId New<TId>()
        where TId : struct, IContactKitId<TId> => TId.FromValidated(Guid.CreateVersion7().ToString("N"));

    /// <summary>Checks id text against the rule shared by every id.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">What the id names, for the message.</param>
    /// <returns><see langword="null"/> when valid, otherwise the error.</returns>
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

    internal static TId ParseOrThrow<TId>(string? text)
        where TId : struct, IContactKitId<TId>
    {
        var error = Validate(text, TId.Kind);
        return error is null ? TId.FromValidated(text!) : throw new ContactKitFormatException(error);
    }

    internal static bool TryParse<TId>([NotNullWhen(true)] string? text, out TId id)
        where TId : struct, IContactKitId<TId>
    {
        if (Validate(text, TId.Kind) is null)
        {
            id = TId.FromValidated(text!);
            return true;
        }

        id = default;
        return false;
    }

    internal static bool TryFormat(string? value, Span<char> destination, out int charsWritten)
    {
        var text = value ?? string.Empty;
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    internal static int CompareTo<TId>(TId self, object? obj)
        where TId : struct, IContactKitId<TId> => obj switch
        {
            null => 1,
            TId other => self.CompareTo(other),
            _ => throw new ArgumentException($"Expected a {TId.Kind}.", nameof(obj)),
        };
}
