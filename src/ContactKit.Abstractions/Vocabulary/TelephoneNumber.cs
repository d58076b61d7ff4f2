using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using ContactKit;
using PhoneNumbers;

namespace ContactKit;

/// <summary>
/// A telephone number in E.164 form: a country calling code and the national significant number, at most 15 digits,
/// the one telephone-number type of every ContactKit package. Text is read by libphonenumber, so every written form of one
/// number (<c>020 7946 0999</c>, <c>+44 (0)20 7946 0999</c>, <c>0044 20 7946 0999</c>, <c>(020) 7946-0999</c>,
/// <c>020.7946.0999</c>, <c>02079460999</c>) gives the same value, and registers are screened on that value.
/// </summary>
/// <remarks>
/// <para>
/// A number is accepted when its length is possible for its country (libphonenumber's possible-number check). Whether the
/// range is allocated is not checked, so that a range opened after the library's metadata was built is not refused and
/// Ofcom's drama ranges (<c>07700 900xxx</c>, <c>020 7946 0xxx</c>) can be used in tests and samples. A national
/// significant number starting with <c>0</c> is accepted only where the country's plan has such numbers (Italy).
/// </para>
/// <para>
/// Parsing follows the suite's convention: <see cref="ParseText(string?, int)"/> reports a refusal as a
/// <see cref="Result{T}"/> with code <see cref="ErrorCodes.InvalidTelephoneNumber"/>; <see cref="Parse(string)"/> (and the
/// <see cref="IParsable{TSelf}"/> and <see cref="ISpanParsable{TSelf}"/> forms) throw <see cref="ContactKitFormatException"/>;
/// <see cref="TryParse(string?, out TelephoneNumber)"/> returns <see langword="false"/>.
/// </para>
/// <para>
/// The number is personal data: <see cref="ToString"/> returns <see cref="Masked"/>, and no error message repeats the
/// number. JSON holds the E.164 text (<see cref="Value"/>).
/// </para>
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<TelephoneNumber>))]
public readonly record struct TelephoneNumber : ITextValue<TelephoneNumber>, IComparable<TelephoneNumber>, IComparable, ISpanParsable<TelephoneNumber>
{
    /// <summary>The country calling code of the United Kingdom, the default for national numbers.</summary>
    public const int UnitedKingdomCountryCode = 44;

    /// <summary>The longest text read; longer text is refused before any work is done.</summary>
    public const int MaxInputLength = 64;

    private const string Field = "telephoneNumber";
    private const char Mask = '\u2022';
    private const string NonGeographicRegion = "001";
    private const ulong MinDigits = 1_000_000UL;
    private const ulong MaxDigits = 999_999_999_999_999UL;

    private readonly ulong _digits;

    private TelephoneNumber(ulong digits) => _digits = digits;

    /// <summary>The E.164 digits, country code first, for example 442079460999; 0 for the default value.</summary>
    public ulong Digits => _digits;

    /// <summary>The E.164 text, for example <c>+442079460999</c>; empty for the default value.</summary>
    public string Value => _digits == 0 ? string.Empty : "+" + _digits.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the number is in the United Kingdom's numbering plan (<c>+44</c>, which also serves the Crown Dependencies).</summary>
    public bool IsUnitedKingdom => _digits != 0 && Value.StartsWith("+44", StringComparison.Ordinal);

    /// <summary>The number as dialled inside the UK (<c>02079460999</c>) for UK numbers; otherwise the E.164 text.</summary>
    public string National => IsUnitedKingdom ? "0" + Value[3..] : Value;

    /// <summary>The number with all but the first two and last three digits hidden (for example <c>+44•••••••999</c>).</summary>
    public string Masked
    {
        get
        {
            var value = Value;
            if (value.Length == 0)
            {
                return string.Empty;
            }

            var shown = value.Length >= 9 ? 3 : 0;
            return string.Concat(value.AsSpan(0, 3), new string(Mask, value.Length - 3 - shown), value.AsSpan(value.Length - shown));
        }
    }

    /// <summary>Wraps E.164 digits that are already normalised, for example from a store or a register file.</summary>
    /// <param name="digits">The digits, country code first, 7 to 15 of them.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not 7 to 15 digits.</exception>
    public static TelephoneNumber FromDigits(ulong digits) =>
        digits is >= MinDigits and <= MaxDigits ? new TelephoneNumber(digits) : throw new ArgumentOutOfRangeException(nameof(digits), "An E.164 number has 7 to 15 digits.");

    /// <summary>
    /// Reads a telephone number as written. A leading <c>+</c> or international prefix (<c>00</c>) starts an international
    /// number; anything else is a national number of <paramref name="defaultCountryCode"/>, its trunk prefix (<c>0</c>)
    /// optional. Spaces, hyphens, dots, slashes and brackets are ignored; <c>(0)</c> after a country code is dropped.
    /// </summary>
    /// <param name="text">The number, for example <c>020 7946 0999</c> or <c>+1 (415) 555-0100</c>.</param>
    /// <param name="defaultCountryCode">The country calling code for national numbers; 44 (the United Kingdom) by default.</param>
    /// <returns>The number, or an error with code <see cref="ErrorCodes.InvalidTelephoneNumber"/> naming the rule broken (never repeating the number).</returns>
    public static Result<TelephoneNumber> ParseText(string? text, int defaultCountryCode = UnitedKingdomCountryCode)
    {
        var util = PhoneNumberUtil.GetInstance();
        var region = util.GetRegionCodeForCountryCode(defaultCountryCode);
        if (region is null or "ZZ" or NonGeographicRegion)
        {
            return new ContactKitError(
                ErrorCodes.InvalidTelephoneNumber,
                string.Create(CultureInfo.InvariantCulture, $"The default country calling code {defaultCountryCode} is not the code of a country; use 44 for the United Kingdom or another country's calling code without '+'."),
                nameof(defaultCountryCode));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("it is empty; write it as '+44 20 7946 0999' or '020 7946 0999'");
        }

        if (text.Length > MaxInputLength)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"it has {text.Length} characters and at most {MaxInputLength} are read"));
        }

        var digits = 0;
        var started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                started = true;
            }
            else if (c == '+' && !started)
            {
                started = true;
            }
            else if (c is not (' ' or '\t' or '\u00A0' or '-' or '.' or '/' or '(' or ')'))
            {
                return Invalid(string.Create(CultureInfo.InvariantCulture, $"it may hold only digits, a leading '+', spaces, hyphens, dots, slashes and brackets, and it holds {Errors.Excerpt(c.ToString())} at position {i + 1}"));
            }
        }

        if (digits == 0)
        {
            return Invalid("it holds no digits");
        }

        PhoneNumber parsed;
        try
        {
            parsed = util.Parse(text, region);
        }
        catch (NumberParseException e)
        {
            return Invalid(e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "the country calling code after '+' or '00' is not one in use",
                ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => "it has too few digits for a telephone number",
                ErrorType.TOO_LONG => "it has too many digits for a telephone number",
                _ => "it is not a telephone number",
            });
        }

        // A national significant number that starts with 0 is accepted only where the country's plan has such numbers
        // (Italy's fixed lines); elsewhere it means the trunk prefix was kept because the number is too short.
        var e164 = util.Format(parsed, PhoneNumberFormat.E164);
        var keptZero = e164.Length > CountryCodeLength(parsed.CountryCode) + 1 && e164[CountryCodeLength(parsed.CountryCode) + 1] == '0';
        var possible = keptZero && !util.IsValidNumber(parsed) ? PhoneNumberUtil.ValidationResult.TOO_SHORT : util.IsPossibleNumberWithReason(parsed);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
        {
            var where = util.GetRegionCodeForCountryCode(parsed.CountryCode);
            var country = where is "ZZ" or NonGeographicRegion ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in {where} (+{parsed.CountryCode})");
            return Invalid(possible switch
            {
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "the country calling code is not one in use",
                PhoneNumberUtil.ValidationResult.TOO_SHORT => $"it has too few digits for a number{country}",
                PhoneNumberUtil.ValidationResult.TOO_LONG => $"it has too many digits for a number{country}",
                PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => $"it lacks the area code a number{country} needs",
                _ => $"its number of digits is not one a number{country} can have",
            });
        }

        return ulong.TryParse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MinDigits and <= MaxDigits
            ? new TelephoneNumber(value)
            : Invalid("E.164 allows 7 to 15 digits with the country code");
    }

    static Result<TelephoneNumber> ITextValue<TelephoneNumber>.ParseText(string? text) => ParseText(text);

    /// <summary>Reads a telephone number in E.164 or national (United Kingdom) form.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ContactKitFormatException">The text is not a telephone number (code <c>CK0013</c>).</exception>
    public static TelephoneNumber Parse(string s)
    {
        var result = ParseText(s);
        return result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
    }

    /// <summary>Reads a telephone number in E.164 or national (United Kingdom) form; the format provider is not used.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ContactKitFormatException">The text is not a telephone number (code <c>CK0013</c>).</exception>
    public static TelephoneNumber Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Reads a telephone number in E.164 or national (United Kingdom) form; the format provider is not used.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ContactKitFormatException">The text is not a telephone number (code <c>CK0013</c>).</exception>
    public static TelephoneNumber Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    /// <summary>Reads a telephone number without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out TelephoneNumber result) => ParseText(s).TryGetValue(out result);

    /// <summary>Reads a telephone number without throwing; the format provider is not used.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TelephoneNumber result) => TryParse(s, out result);

    /// <summary>Reads a telephone number without throwing; the format provider is not used.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Not used.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TelephoneNumber result) => TryParse(s.ToString(), out result);

    /// <inheritdoc />
    public int CompareTo(TelephoneNumber other) => _digits.CompareTo(other._digits);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        TelephoneNumber other => CompareTo(other),
        _ => throw new ArgumentException("Expected a telephone number.", nameof(obj)),
    };

    /// <summary>Returns the masked form, never the number itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    /// <summary>Orders two numbers by their E.164 digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(TelephoneNumber left, TelephoneNumber right) => left.CompareTo(right) < 0;

    /// <summary>Orders two numbers by their E.164 digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(TelephoneNumber left, TelephoneNumber right) => left.CompareTo(right) > 0;

    /// <summary>Orders two numbers by their E.164 digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(TelephoneNumber left, TelephoneNumber right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two numbers by their E.164 digits.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(TelephoneNumber left, TelephoneNumber right) => left.CompareTo(right) >= 0;

    private static int CountryCodeLength(int code) => code < 10 ? 1 : code < 100 ? 2 : 3;

    private static ContactKitError Invalid(string rule) =>
        new(ErrorCodes.InvalidTelephoneNumber, $"Not a valid telephone number: {rule}. The value is not repeated here because it is personal data.", Field);
}
