using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ContactKit;

namespace ContactKit;

/// <summary>
/// An expected refusal: a stable code (<c>CK</c> followed by four digits), a message a person can act on,
/// and the field or setting that caused it, where there is one.
/// </summary>
/// <remarks>Codes are listed in <c>docs/errors.md</c>; a code never changes meaning once released.</remarks>
[JsonConverter(typeof(ContactKitErrorJsonConverter))]
public sealed partial record ContactKitError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The stable code, for example <c>CK0001</c>.</param>
    /// <param name="message">What went wrong and how to put it right.</param>
    /// <param name="field">The field, property or setting at fault, if any.</param>
    /// <exception cref="ArgumentException">The code is not <c>CK</c> followed by four digits, or the message is empty.</exception>
    public ContactKitError(string code, string message, string? field = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!IsCode(code))
        {
            throw new ArgumentException($"Error code {Errors.Excerpt(code)} must be 'CK' followed by four digits.", nameof(code));
        }

        Code = code;
        Message = message;
        Field = field;
    }

    /// <summary>The stable code, for example <c>CK0001</c>.</summary>
    public string Code { get; }

    /// <summary>What went wrong and how to put it right.</summary>
    public string Message { get; }

    /// <summary>The field, property or setting at fault, or <see langword="null"/> when the error concerns no single field.</summary>
    public string? Field { get; }

    /// <summary>Returns a copy of this error that names <paramref name="field"/> as the field at fault.</summary>
    /// <param name="field">The field name, often a path such as <c>parties[1].jurisdiction</c>.</param>
    /// <returns>The error with the field set.</returns>
    public ContactKitError ForField(string field) => new(Code, Message, field);

    /// <summary>Formats the error as <c>CODE: message (field: name)</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code}: {Message} (field: {Field})";

    /// <summary>Whether <paramref name="code"/> is <c>CK</c> followed by four digits.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    internal static bool IsCode([NotNullWhen(true)] string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex("^CK[0-9]{4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
