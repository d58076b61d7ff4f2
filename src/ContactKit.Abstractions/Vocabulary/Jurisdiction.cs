using System.Collections.Frozen;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit;

/// <summary>
/// Where a party is, as an ISO 3166-1 alpha-2 country code with an optional ISO 3166-2 subdivision:
/// <c>GB</c>, <c>GB-ENG</c>, <c>GB-SCT</c>, <c>GB-NIR</c>, <c>US-CA</c>. Parsing accepts any case and returns upper case.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<Jurisdiction>))]
public readonly record struct Jurisdiction : ITextValue<Jurisdiction>, IComparable<Jurisdiction>
{
    private static readonly FrozenSet<string> Countries = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EuropeanEconomicArea = (
        "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private readonly string? _value;

    private Jurisdiction(string value) => _value = value;

    /// <summary>The United Kingdom as a whole (<c>GB</c>).</summary>
    public static Jurisdiction UnitedKingdom { get; } = new("GB");

    /// <summary>England (<c>GB-ENG</c>).</summary>
    public static Jurisdiction England { get; } = new("GB-ENG");

    /// <summary>Wales (<c>GB-WLS</c>).</summary>
    public static Jurisdiction Wales { get; } = new("GB-WLS");

    /// <summary>Scotland (<c>GB-SCT</c>).</summary>
    public static Jurisdiction Scotland { get; } = new("GB-SCT");

    /// <summary>Northern Ireland (<c>GB-NIR</c>).</summary>
    public static Jurisdiction NorthernIreland { get; } = new("GB-NIR");

    /// <summary>The code, for example <c>GB-ENG</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 country code, for example <c>GB</c>.</summary>
    public string CountryCode => Value.Length >= 2 ? Value[..2] : Value;

    /// <summary>The subdivision code after the hyphen (for example <c>ENG</c>), or <see langword="null"/>.</summary>
    public string? SubdivisionCode => Value.Length > 3 ? Value[3..] : null;

    /// <summary>The whole country this jurisdiction is in.</summary>
    public Jurisdiction Country => SubdivisionCode is null ? this : new Jurisdiction(CountryCode);

    /// <summary>Whether the country is in the European Economic Area (the EU member states, Iceland, Liechtenstein and Norway).</summary>
    public bool IsInEuropeanEconomicArea => EuropeanEconomicArea.Contains(CountryCode);

    /// <summary>Whether this is the United Kingdom or one of its nations.</summary>
    public bool IsInUnitedKingdom => CountryCode == "GB";

    /// <summary>Whether <paramref name="other"/> is this jurisdiction or a subdivision of it (<c>GB</c> contains <c>GB-SCT</c>).</summary>
    /// <param name="other">The narrower jurisdiction.</param>
    /// <returns><see langword="true"/> when contained.</returns>
    public bool Contains(Jurisdiction other) => Value == other.Value || (SubdivisionCode is null && other.CountryCode == CountryCode);

    /// <summary>Parses a jurisdiction code.</summary>
    /// <param name="text">The code, in any case, for example <c>gb-sct</c>.</param>
    /// <returns>The jurisdiction, or an error with code <see cref="ErrorCodes.InvalidJurisdiction"/>.</returns>
    public static Result<Jurisdiction> ParseText(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2 || (trimmed.Length > 2 && (trimmed[2] != '-' || trimmed.Length < 4 || trimmed.Length > 6)))
        {
            return Invalid(text, "a two-letter ISO 3166-1 country code, optionally followed by '-' and a subdivision code of 1 to 3 letters or digits (for example 'GB', 'GB-SCT', 'US-CA')");
        }

        var upper = trimmed.ToUpperInvariant();
        var country = upper[..2];
        if (!Countries.Contains(country))
        {
            return Invalid(text, $"an ISO 3166-1 country code; {Errors.Excerpt(country)} is not one");
        }

        foreach (var c in upper.AsSpan(Math.Min(3, upper.Length)))
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return Invalid(text, "a subdivision code of letters and digits only");
            }
        }

        return new Jurisdiction(upper);
    }

    /// <summary>Parses a jurisdiction code.</summary>
    /// <param name="text">The code.</param>
    /// <returns>The jurisdiction.</returns>
    /// <exception cref="ContactKitFormatException">The code breaks the rule (code <c>CK0005</c>).</exception>
    public static Jurisdiction Parse(string text)
    {
        var result = ParseText(text);
        return result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
    }

    /// <inheritdoc />
    public int CompareTo(Jurisdiction other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;

    private static ContactKitError Invalid(string? text, string rule) =>
        new(ErrorCodes.InvalidJurisdiction, $"A jurisdiction must be {rule}; {Errors.Excerpt(text)} is not.", "jurisdiction");
}
