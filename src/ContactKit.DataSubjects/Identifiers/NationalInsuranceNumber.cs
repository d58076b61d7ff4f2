using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit.DataSubjects;

/// <summary>
/// A UK National Insurance number, checked against HMRC's published format rules: two prefix letters, six digits and a
/// suffix letter A to D. The first letter is never D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V; the prefixes
/// BG, GB, KN, NK, NT, TN and ZZ are not allocated. A temporary reference number (two digits, a letter, five digits) is
/// refused: it is not a National Insurance number.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is the canonical form without spaces (<c>AB123456C</c>); <see cref="ToString"/> returns the masked
/// form (<c>AB •• •• •• C</c>) so that logging the value never discloses it.
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<NationalInsuranceNumber>))]
public readonly record struct NationalInsuranceNumber : ITextValue<NationalInsuranceNumber>
{
    private const string Field = "nationalInsuranceNumber";
    private const string BarredFirst = "DFIQUV";
    private const string BarredSecond = "DFIOQUV";
    private static readonly string[] UnallocatedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    private readonly string? _value;

    private NationalInsuranceNumber(string value) => _value = value;

    /// <summary>The canonical form: nine characters, upper case, no spaces (for example <c>AB123456C</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The number as printed on HMRC letters, in pairs (for example <c>AB 12 34 56 C</c>).</summary>
    public string Formatted => _value is null ? string.Empty : $"{_value[..2]} {_value[2..4]} {_value[4..6]} {_value[6..8]} {_value[8]}";

    /// <summary>The number with its digits hidden, for display and logs (for example <c>AB •• •• •• C</c>).</summary>
    public string Masked => _value is null ? string.Empty : $"{_value[..2]} {IdentifierText.Mask}{IdentifierText.Mask} {IdentifierText.Mask}{IdentifierText.Mask} {IdentifierText.Mask}{IdentifierText.Mask} {_value[8]}";

    /// <summary>Parses a National Insurance number written with or without spaces, in any case.</summary>
    /// <param name="text">The text, for example <c>ab 12 34 56 c</c>.</param>
    /// <returns>The number, or an error with code <see cref="DataSubjectsErrorCodes.InvalidNationalInsuranceNumber"/> naming the rule broken.</returns>
    public static Result<NationalInsuranceNumber> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > IdentifierText.MaxInput)
        {
            return Invalid("it must be two letters, six digits and a suffix letter A to D (for example 'AB 12 34 56 C')");
        }

        var compact = IdentifierText.Compact(text);
        if (compact.Length == 8 && IdentifierText.AllDigits(compact.AsSpan(0, 2)) && char.IsAsciiLetterUpper(compact[2]) && IdentifierText.AllDigits(compact.AsSpan(3)))
        {
            return Invalid("it is a temporary reference number (TRN), which HMRC issues in place of one; ask for the person's National Insurance number");
        }

        if (compact.Length != 9 || !IdentifierText.AllLetters(compact.AsSpan(0, 2)) || !IdentifierText.AllDigits(compact.AsSpan(2, 6)) || !char.IsAsciiLetterUpper(compact[8]))
        {
            return Invalid("it must be two letters, six digits and a suffix letter A to D (for example 'AB 12 34 56 C')");
        }

        if (BarredFirst.Contains(compact[0], StringComparison.Ordinal))
        {
            return Invalid("the first letter must not be D, F, I, Q, U or V");
        }

        if (BarredSecond.Contains(compact[1], StringComparison.Ordinal))
        {
            return Invalid("the second letter must not be D, F, I, O, Q, U or V");
        }

        var prefix = compact[..2];
        if (UnallocatedPrefixes.Contains(prefix, StringComparer.Ordinal))
        {
            return Invalid("the two prefix letters are a pair that is not allocated (HMRC never uses BG, GB, KN, NK, NT, TN or ZZ)");
        }

        if (compact[8] is < 'A' or > 'D')
        {
            return Invalid("the suffix letter must be A, B, C or D");
        }

        return new NationalInsuranceNumber(compact);
    }

    /// <summary>Parses a National Insurance number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0400</c>).</exception>
    public static NationalInsuranceNumber Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a National Insurance number without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out NationalInsuranceNumber value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form, never the number itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidNationalInsuranceNumber, "National Insurance number", rule, Field);
}
