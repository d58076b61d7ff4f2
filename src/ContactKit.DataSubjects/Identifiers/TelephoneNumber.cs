using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit.DataSubjects;

/// <summary>
/// A telephone number in E.164 form: <c>+</c>, a country code and the national number, at most 15 digits. UK national
/// formats (<c>020 7946 0123</c>, <c>07700 900123</c>, <c>+44 (0)20 ...</c>, <c>0044 ...</c>) are accepted and normalised
/// to <c>+44</c>. Spaces, hyphens, dots and brackets are ignored.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form so that logging the value never discloses it.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<TelephoneNumber>))]
public readonly record struct TelephoneNumber : ITextValue<TelephoneNumber>
{
    private const string Field = "telephoneNumber";
    private readonly string? _value;

    private TelephoneNumber(string value) => _value = value;

    /// <summary>The E.164 form, for example <c>+442079460123</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the number is a United Kingdom number (<c>+44</c>).</summary>
    public bool IsUnitedKingdom => Value.StartsWith("+44", StringComparison.Ordinal);

    /// <summary>The number as dialled inside the UK (<c>02079460123</c>) for UK numbers; otherwise the E.164 form.</summary>
    public string National => IsUnitedKingdom ? "0" + Value[3..] : Value;

    /// <summary>The number with all but the first two and last three digits hidden (for example <c>+44•••••••123</c>).</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 3), new string(IdentifierText.Mask, _value.Length - 6), _value.AsSpan(_value.Length - 3));

    /// <summary>Parses a telephone number in E.164 or UK national form.</summary>
    /// <param name="text">The text, for example <c>020 7946 0123</c> or <c>+1 (415) 555-0100</c>.</param>
    /// <returns>The number, or an error with code <see cref="DataSubjectsErrorCodes.InvalidTelephoneNumber"/> naming the rule broken.</returns>
    public static Result<TelephoneNumber> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > IdentifierText.MaxInput)
        {
            return Invalid("it must be '+' and a country code then the number, or a UK number starting with 0 (for example '+44 20 7946 0123' or '020 7946 0123')");
        }

        var digits = new StringBuilder(text.Length);
        var plus = false;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
            {
                return Invalid($"it may hold only digits, a leading '+', spaces, hyphens, dots and brackets, and it holds '{c}'");
            }
        }

        var number = digits.ToString();
        if (!plus && number.StartsWith("00", StringComparison.Ordinal))
        {
            plus = true;
            number = number[2..];
        }

        if (plus)
        {
            if (number.StartsWith("440", StringComparison.Ordinal))
            {
                // "+44 (0)20 ..." writes the UK trunk prefix in brackets; it is not part of the international number.
                number = "44" + number[3..];
            }

            if (number.Length == 0 || number[0] == '0')
            {
                return Invalid("the country code after '+' must not start with 0");
            }

            if (number.Length is < 7 or > 15)
            {
                return Invalid($"an international number must have 7 to 15 digits after '+', and it has {number.Length}");
            }

            return number.StartsWith("44", StringComparison.Ordinal) ? UnitedKingdom(number[2..]) : new TelephoneNumber("+" + number);
        }

        if (number.Length == 0 || number[0] != '0')
        {
            return Invalid("a number without '+' must be a UK number starting with 0 (for example '020 7946 0123'); write other countries' numbers with '+' and the country code");
        }

        return UnitedKingdom(number[1..]);
    }

    /// <summary>Parses a telephone number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0401</c>).</exception>
    public static TelephoneNumber Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a telephone number without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TelephoneNumber value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form, never the number itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static Result<TelephoneNumber> UnitedKingdom(string significant)
    {
        // A UK national significant number has 9 or 10 digits and never starts with 0.
        if (significant.Length is < 9 or > 10 || significant[0] == '0')
        {
            return Invalid($"a UK number must have 10 or 11 digits including the leading 0 (for example '020 7946 0123'), and this one has {significant.Length + 1}");
        }

        return new TelephoneNumber("+44" + significant);
    }

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidTelephoneNumber, "telephone number", rule, Field);
}
