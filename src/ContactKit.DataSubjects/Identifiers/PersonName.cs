using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit.DataSubjects;

/// <summary>
/// A person's name as they give it: letters of any script, with spaces, hyphens, apostrophes and full stops between them.
/// Runs of white space become one space and the ends are trimmed; the case is kept as given, because names such as
/// <c>McDonald</c>, <c>de la Cruz</c> or <c>O'Neill</c> cannot be re-cased by rule.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form (<c>J••• B•••••</c>).</remarks>
[JsonConverter(typeof(TextValueJsonConverter<PersonName>))]
public readonly record struct PersonName : ITextValue<PersonName>
{
    /// <summary>The longest name accepted, in characters.</summary>
    public const int MaxLength = 200;

    private const string Field = "personName";
    private readonly string? _value;

    private PersonName(string value) => _value = value;

    /// <summary>The name with white space tidied, for example <c>Jo Bloggs</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The name with all but the first letter of each word hidden (for example <c>J• B•••••</c>).</summary>
    public string Masked
    {
        get
        {
            var builder = new StringBuilder(Value.Length);
            var start = true;
            foreach (var c in Value)
            {
                builder.Append(start || !char.IsLetter(c) ? c : IdentifierText.Mask);
                start = c is ' ' or '-' or '\'' or '\u2019';
            }

            return builder.ToString();
        }
    }

    /// <summary>Parses a person's name.</summary>
    /// <param name="text">The text, for example <c>  Jo   Bloggs </c>.</param>
    /// <returns>The name, or an error with code <see cref="DataSubjectsErrorCodes.InvalidPersonName"/> naming the rule broken.</returns>
    public static Result<PersonName> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("it must not be empty");
        }

        if (text.Length > IdentifierText.MaxInput * 4)
        {
            return Invalid($"it must be at most {MaxLength} characters");
        }

        var builder = new StringBuilder(text.Length);
        var hasLetter = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (char.IsLetter(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                hasLetter |= char.IsLetter(c);
                builder.Append(c);
            }
            else if (c is '-' or '\'' or '\u2019' or '.' or '\u2010')
            {
                builder.Append(c);
            }
            else
            {
                return Invalid("it may hold only letters, spaces, hyphens, apostrophes and full stops" +
                    (char.IsDigit(c) ? ", and it holds a digit" : string.Empty));
            }
        }

        if (!hasLetter)
        {
            return Invalid("it must hold at least one letter");
        }

        if (builder.Length > MaxLength)
        {
            return Invalid($"it must be at most {MaxLength} characters, and it has {builder.Length}");
        }

        return new PersonName(builder.ToString());
    }

    /// <summary>Parses a person's name.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0406</c>).</exception>
    public static PersonName Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a person's name without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The name, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PersonName value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form, never the name itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidPersonName, "person's name", rule, Field);
}
