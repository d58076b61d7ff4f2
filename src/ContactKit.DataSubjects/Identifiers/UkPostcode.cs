using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit.DataSubjects;

/// <summary>
/// A UK postcode: an outward code (<c>A9</c>, <c>A99</c>, <c>AA9</c>, <c>AA99</c>, <c>A9A</c> or <c>AA9A</c>), a space and
/// an inward code (<c>9AA</c>), with the Royal Mail letter rules: the first letter is never Q, V or X; the second never
/// I, J or Z; a letter third is one of A B C D E F G H J K P S T U W; a letter fourth one of A B E H M N P R V W X Y; the
/// inward letters are never C, I, K, M, O or V. <c>GIR 0AA</c> is accepted. Input may have any spacing and case.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form (<c>SW1A •••</c>).</remarks>
[JsonConverter(typeof(TextValueJsonConverter<UkPostcode>))]
public readonly record struct UkPostcode : ITextValue<UkPostcode>
{
    private const string Field = "postcode";
    private readonly string? _value;

    private UkPostcode(string value) => _value = value;

    /// <summary>The canonical form, upper case with one space (for example <c>SW1A 1AA</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The outward code (for example <c>SW1A</c>), which names a district, not an address.</summary>
    public string Outward => _value is null ? string.Empty : _value[.._value.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The postcode with the inward code hidden (for example <c>SW1A •••</c>).</summary>
    public string Masked => _value is null ? string.Empty : $"{Outward} {IdentifierText.Mask}{IdentifierText.Mask}{IdentifierText.Mask}";

    /// <summary>Parses a UK postcode.</summary>
    /// <param name="text">The text, for example <c>sw1a1aa</c>.</param>
    /// <returns>The postcode, or an error with code <see cref="DataSubjectsErrorCodes.InvalidPostcode"/> naming the rule broken.</returns>
    public static Result<UkPostcode> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > IdentifierText.MaxInput)
        {
            return Invalid("it must be an outward code, a space and an inward code (for example 'SW1A 1AA')");
        }

        var compact = IdentifierText.Compact(text);
        if (compact == "GIR0AA")
        {
            return new UkPostcode("GIR 0AA");
        }

        if (compact.Length is < 5 or > 7)
        {
            return Invalid($"it must have 5 to 7 letters and digits, and it has {compact.Length}");
        }

        var outward = compact[..^3];
        var inward = compact[^3..];
        if (!char.IsAsciiDigit(inward[0]) || !IdentifierText.AllLetters(inward.AsSpan(1)))
        {
            return Invalid("the inward code (the last three characters) must be a digit and two letters");
        }

        if (inward[1..].Any(c => "CIKMOV".Contains(c, StringComparison.Ordinal)))
        {
            return Invalid("the inward code's letters are never C, I, K, M, O or V");
        }

        var error = CheckOutward(outward);
        return error is null ? new UkPostcode($"{outward} {inward}") : Invalid(error);
    }

    /// <summary>Parses a UK postcode.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The postcode.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0403</c>).</exception>
    public static UkPostcode Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a UK postcode without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The postcode, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out UkPostcode value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static string? CheckOutward(string outward)
    {
        const string Shape = "the outward code must be one of the shapes A9, A99, AA9, AA99, A9A or AA9A";
        if (!char.IsAsciiLetterUpper(outward[0]))
        {
            return Shape;
        }

        if ("QVX".Contains(outward[0], StringComparison.Ordinal))
        {
            return "the first letter is never Q, V or X";
        }

        var shape = string.Concat(outward.Select(c => char.IsAsciiDigit(c) ? '9' : char.IsAsciiLetterUpper(c) ? 'A' : '?'));
        switch (shape)
        {
            case "A9" or "A99":
                return null;
            case "A9A":
                return "ABCDEFGHJKPSTUW".Contains(outward[2], StringComparison.Ordinal) ? null : "in an A9A outward code the last letter is one of A B C D E F G H J K P S T U W";
            case "AA9" or "AA99" or "AA9A":
                if ("IJZ".Contains(outward[1], StringComparison.Ordinal))
                {
                    return "the second letter is never I, J or Z";
                }

                return shape != "AA9A" || "ABEHMNPRVWXY".Contains(outward[3], StringComparison.Ordinal)
                    ? null
                    : "in an AA9A outward code the last letter is one of A B E H M N P R V W X Y";
            default:
                return Shape;
        }
    }

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidPostcode, "UK postcode", rule, Field);
}
