using System.Globalization;

namespace ContactKit.Consent.Marketing;

/// <summary>
/// A telephone number in E.164 form, held as its digits (country code first) in a <see cref="ulong"/> so that large
/// suppression lists stay compact and lookups never allocate.
/// </summary>
public readonly record struct TelephoneNumber : IComparable<TelephoneNumber>
{
    private TelephoneNumber(ulong digits) => Digits = digits;

    /// <summary>The E.164 digits, country code first, for example 447700900123.</summary>
    public ulong Digits { get; }

    /// <summary>Wraps E.164 digits that are already normalised.</summary>
    /// <param name="digits">The digits, 8 to 15 of them.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not 8 to 15 digits.</exception>
    public static TelephoneNumber FromDigits(ulong digits) =>
        digits is >= 10_000_000UL and <= 999_999_999_999_999UL ? new TelephoneNumber(digits) : throw new ArgumentOutOfRangeException(nameof(digits), digits, "An E.164 number has 8 to 15 digits.");

    /// <summary>
    /// Normalises a number to E.164. Spaces, hyphens, dots and brackets are ignored; <c>+</c> or <c>00</c> starts an
    /// international number; a single leading <c>0</c> starts a national number in <paramref name="defaultCountryCode"/>.
    /// </summary>
    /// <param name="text">The number as written, for example <c>07700 900123</c> or <c>+44 7700 900123</c>.</param>
    /// <param name="defaultCountryCode">The country calling code for national numbers; 44 (the United Kingdom) by default.</param>
    /// <returns>The number, or an error with code <see cref="ConsentErrorCodes.InvalidTelephoneNumber"/>.</returns>
    public static Result<TelephoneNumber> Parse(string? text, int defaultCountryCode = 44)
    {
        Span<char> digits = stackalloc char[20];
        var count = 0;
        var international = false;
        foreach (var c in (text ?? string.Empty).AsSpan().Trim())
        {
            if (c == '+' && count == 0 && !international)
            {
                international = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return Invalid(text, "it has too many digits");
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return Invalid(text, $"'{c}' is not a digit or separator");
            }
        }

        ReadOnlySpan<char> national = digits[..count];
        string e164;
        if (international)
        {
            e164 = national.ToString();
        }
        else if (national.StartsWith("00"))
        {
            e164 = national[2..].ToString();
        }
        else if (national.StartsWith("0") && national.Length > 1)
        {
            e164 = defaultCountryCode.ToString(CultureInfo.InvariantCulture) + national[1..].ToString();
        }
        else
        {
            return Invalid(text, "it starts with neither '+', '00' nor a national '0'");
        }

        if (e164.Length is < 8 or > 15 || e164[0] == '0')
        {
            return Invalid(text, "E.164 allows 8 to 15 digits with a country code that does not start with 0");
        }

        return new TelephoneNumber(ulong.Parse(e164, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public int CompareTo(TelephoneNumber other) => Digits.CompareTo(other.Digits);

    /// <summary>Returns the number as <c>+</c> and its digits.</summary>
    /// <returns>The E.164 text.</returns>
    public override string ToString() => "+" + Digits.ToString(CultureInfo.InvariantCulture);

    private static ContactKitError Invalid(string? text, string why) =>
        new(ConsentErrorCodes.InvalidTelephoneNumber, $"'{text}' is not a telephone number ContactKit can normalise: {why}. Write it as '+44 7700 900123' or '07700 900123'.", "number");
}
