using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit.DataSubjects;

/// <summary>The format of a UK vehicle registration mark, which tells roughly when it was issued.</summary>
public enum VehicleRegistrationFormat
{
    /// <summary>From September 2001: two letters, a two-digit age identifier and three letters (<c>AB12 CDE</c>).</summary>
    Current = 1,

    /// <summary>1983 to 2001: a year letter, one to three digits and three letters (<c>A123 BCD</c>).</summary>
    Prefix = 2,

    /// <summary>1963 to 1983: three letters, one to three digits and a year letter (<c>ABC 123D</c>).</summary>
    Suffix = 3,

    /// <summary>Before 1963, and cherished marks since: up to three letters and up to four digits, either way round (<c>ABC 123</c>, <c>1234 AB</c>).</summary>
    Dateless = 4,

    /// <summary>A Q plate, for a vehicle whose age or identity is not known: Q, one to three digits and one to three letters (<c>Q123 ABC</c>).</summary>
    QPlate = 5,
}

/// <summary>
/// A UK vehicle registration mark in one of the four DVLA formats (see <see cref="VehicleRegistrationFormat"/>). Input may
/// have any spacing and case; the canonical form is upper case with one space between the two groups.
/// </summary>
/// <remarks>
/// Current marks: the age identifier is the year's last two digits for March (02 for March 2002 to 50 for March 2050)
/// and that plus 50 for September (51 for September 2001 to 99 for September 2049, then 00 for September 2050); 01 is
/// never issued. The letters never include I or Q (Z appears only among the last three). Prefix and suffix year letters
/// are never I, O, Q, U or Z; a mark that starts with Q and is otherwise in the prefix shape is a Q plate
/// (<see cref="VehicleRegistrationFormat.QPlate"/>).
/// <see cref="ToString"/> returns the masked form so that logging the value never discloses it.
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<VehicleRegistration>))]
public readonly record struct VehicleRegistration : ITextValue<VehicleRegistration>
{
    private const string Field = "vehicleRegistration";
    private const string YearLetters = "ABCDEFGHJKLMNPRSTVWXY";
    private readonly string? _value;

    private VehicleRegistration(string value, VehicleRegistrationFormat format)
    {
        _value = value;
        Format = format;
    }

    /// <summary>The canonical form, for example <c>AB12 CDE</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Which format the mark is in.</summary>
    public VehicleRegistrationFormat Format { get; }

    /// <summary>The mark with all but its first two characters hidden (for example <c>AB•• •••</c>).</summary>
    public string Masked => _value is null ? string.Empty : string.Concat(_value.AsSpan(0, 2), IdentifierText.MaskAll(_value.AsSpan(2)));

    /// <summary>Parses a vehicle registration mark.</summary>
    /// <param name="text">The text, for example <c>ab12cde</c>.</param>
    /// <returns>The mark, or an error with code <see cref="DataSubjectsErrorCodes.InvalidVehicleRegistration"/> naming the rule broken.</returns>
    public static Result<VehicleRegistration> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > IdentifierText.MaxInput)
        {
            return Invalid("it must be letters and digits in a DVLA format (for example 'AB12 CDE', 'A123 BCD', 'ABC 123D' or 'ABC 123')");
        }

        var c = IdentifierText.Compact(text);
        if (c.Length is < 2 or > 7 || !c.All(char.IsAsciiLetterOrDigit))
        {
            return Invalid("it must be 2 to 7 letters and digits");
        }

        var letters = c.TakeWhile(char.IsAsciiLetterUpper).Count();
        var digits = c.Skip(letters).TakeWhile(char.IsAsciiDigit).Count();
        var trailing = c.Length - letters - digits;

        if (letters == 2 && digits == 2 && trailing == 3 && IdentifierText.AllLetters(c.AsSpan(4)))
        {
            return Current(c);
        }

        if (c[0] == 'Q' && letters == 1 && digits is >= 1 and <= 3 && trailing is >= 1 and <= 3 && IdentifierText.AllLetters(c.AsSpan(1 + digits)))
        {
            return new VehicleRegistration($"{c[..(1 + digits)]} {c[(1 + digits)..]}", VehicleRegistrationFormat.QPlate);
        }

        if (letters == 1 && digits is >= 1 and <= 3 && trailing == 3 && IdentifierText.AllLetters(c.AsSpan(1 + digits)))
        {
            return YearLetters.Contains(c[0], StringComparison.Ordinal)
                ? new VehicleRegistration($"{c[..(1 + digits)]} {c[(1 + digits)..]}", VehicleRegistrationFormat.Prefix)
                : Invalid("a prefix mark's year letter is never I, O, U or Z (and a mark starting with Q is a Q plate, 'Q123 ABC')");
        }

        if (letters == 3 && digits is >= 1 and <= 3 && trailing == 1 && char.IsAsciiLetterUpper(c[^1]))
        {
            return YearLetters.Contains(c[^1], StringComparison.Ordinal)
                ? new VehicleRegistration($"{c[..3]} {c[3..]}", VehicleRegistrationFormat.Suffix)
                : Invalid("a suffix mark's year letter is never I, O, Q, U or Z");
        }

        if (trailing == 0 && letters is >= 1 and <= 3 && digits is >= 1 and <= 4)
        {
            return new VehicleRegistration($"{c[..letters]} {c[letters..]}", VehicleRegistrationFormat.Dateless);
        }

        if (letters == 0)
        {
            var leadingDigits = c.TakeWhile(char.IsAsciiDigit).Count();
            if (leadingDigits is >= 1 and <= 4 && c.Length - leadingDigits is >= 1 and <= 3 && IdentifierText.AllLetters(c.AsSpan(leadingDigits)))
            {
                return new VehicleRegistration($"{c[..leadingDigits]} {c[leadingDigits..]}", VehicleRegistrationFormat.Dateless);
            }
        }

        return Invalid("it matches none of the formats: current 'AB12 CDE', prefix 'A123 BCD', suffix 'ABC 123D', or dateless 'ABC 1234' / '1234 ABC'");
    }

    /// <summary>Parses a vehicle registration mark.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The mark.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0404</c>).</exception>
    public static VehicleRegistration Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a vehicle registration mark without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The mark, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out VehicleRegistration value) => ParseText(text).TryGetValue(out value);

    /// <summary>Returns the masked form, never the mark itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static Result<VehicleRegistration> Current(string c)
    {
        if (c[..2].Any(l => l is 'I' or 'Q' or 'Z'))
        {
            return Invalid("a current mark's first two letters are never I, Q or Z");
        }

        var age = (c[2] - '0') * 10 + (c[3] - '0');
        if (age == 1)
        {
            return Invalid("a current mark's age identifier is 00 or 02 to 99; 01 is never issued");
        }

        if (c[4..].Any(l => l is 'I' or 'Q'))
        {
            return Invalid("a current mark's last three letters are never I or Q");
        }

        return new VehicleRegistration($"{c[..4]} {c[4..]}", VehicleRegistrationFormat.Current);
    }

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidVehicleRegistration, "vehicle registration mark", rule, Field);
}
