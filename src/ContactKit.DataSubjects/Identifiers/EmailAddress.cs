using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit.DataSubjects;

/// <summary>
/// An email address: a local part, <c>@</c> and a domain name of at least two labels. The domain is lower-cased; the local
/// part keeps its case, since a mail server may treat it as significant. Surrounding spaces are removed. Quoted local
/// parts and IP-literal domains are not accepted: contact centres do not meet them.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form so that logging the value never discloses it.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<EmailAddress>))]
public readonly record struct EmailAddress : ITextValue<EmailAddress>
{
    /// <summary>The longest address accepted (RFC 5321).</summary>
    public const int MaxLength = 254;

    private const string Field = "emailAddress";
    private const string LocalSpecials = "!#$%&'*+-/=?^_`{|}~.";
    private readonly string? _value;

    private EmailAddress(string value) => _value = value;

    /// <summary>The canonical address, for example <c>Jo.Bloggs@example.org</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The domain, lower case.</summary>
    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    /// <summary>The address with the local part hidden but its first character (for example <c>J•••@example.org</c>).</summary>
    public string Masked => _value is null ? string.Empty : $"{_value[0]}{IdentifierText.Mask}{IdentifierText.Mask}{IdentifierText.Mask}@{Domain}";

    /// <summary>Parses an email address.</summary>
    /// <param name="text">The text, for example <c> Jo.Bloggs@Example.ORG </c>.</param>
    /// <returns>The address, or an error with code <see cref="DataSubjectsErrorCodes.InvalidEmailAddress"/> naming the rule broken.</returns>
    public static Result<EmailAddress> ParseText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > MaxLength)
        {
            return Invalid($"it must be 3 to {MaxLength} characters, a local part, '@' and a domain (for example 'jo@example.org')");
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return Invalid("it must have exactly one '@' with text on both sides");
        }

        var local = trimmed[..at];
        if (local.Length > 64)
        {
            return Invalid($"the part before '@' must be at most 64 characters, and it has {local.Length}");
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !LocalSpecials.Contains(c, StringComparison.Ordinal))
            {
                return Invalid($"the part before '@' may hold letters, digits and {LocalSpecials} only, and it holds another character");
            }
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return Invalid("the part before '@' must not start or end with a dot or hold two dots together");
        }

        var domain = trimmed[(at + 1)..].ToLowerInvariant();
        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return Invalid("the domain must have at least two parts separated by dots (for example 'example.org')");
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return Invalid("each part of the domain must be 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen");
            }
        }

        if (!labels[^1].All(char.IsAsciiLetterLower) || labels[^1].Length < 2)
        {
            return Invalid("the domain must end in a top-level domain of at least two letters (for example '.uk')");
        }

        return new EmailAddress($"{local}@{domain}");
    }

    /// <summary>Parses an email address.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0402</c>).</exception>
    public static EmailAddress Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses an email address without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The address, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out EmailAddress value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form, never the address itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidEmailAddress, "email address", rule, Field);
}
