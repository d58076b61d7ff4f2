using System.Text;
using CsCheck;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Identifiers;

/// <summary>
/// Generated identifiers: every valid one, written with any spacing and case, parses to its canonical form and that
/// form parses back to itself; any string at all is either accepted or refused with the type's documented error.
/// </summary>
public class IdentifierPropertyTests
{
    private const int Iterations = 3000;
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static readonly Gen<string> Digit = Gen.Char["0123456789"].Select(c => c.ToString());

    private static readonly Gen<string> Nino =
        Gen.Select(Gen.Char["ABCEGHJKLMNOPRSTWXYZ"], Gen.Char["ABCEGHJKLMNPRSTWXYZ"], Gen.Int[0, 999_999], Gen.Char["ABCD"])
            .Where(t => !new[] { "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" }.Contains($"{t.Item1}{t.Item2}"))
            .Select(t => $"{t.Item1}{t.Item2}{t.Item3:D6}{t.Item4}");

    // UK numbers with 9 or 10 digit national numbers, and North American numbers (area code and exchange from 2).
    private static readonly Gen<string> Phone = Gen.OneOf(
        Gen.Select(Gen.Char["123789"], Gen.Int[8, 9], Gen.Long[0, 999_999_999])
            .Select(t => "+44" + t.Item1 + (t.Item3 % (long)Math.Pow(10, t.Item2)).ToString($"D{t.Item2}", null)),
        Gen.Select(Gen.Int[200, 999], Gen.Int[200, 999], Gen.Int[0, 9999])
            .Select(t => "+1" + t.Item1.ToString("D3", null) + t.Item2.ToString("D3", null) + t.Item3.ToString("D4", null)));

    private static readonly Gen<string> Email =
        Gen.Select(
            Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+_-"].Array[1, 10].Select(a => new string(a)).Array[1, 3].Select(parts => string.Join('.', parts)),
            Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 12].Select(a => new string(a)).Array[1, 3].Select(parts => string.Join('.', parts)),
            Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[2, 6].Select(a => new string(a)))
            .Select(t => $"{t.Item1}@{t.Item2}.{t.Item3}");

    private static readonly Gen<string> Postcode =
        Gen.Select(
            Gen.Char["ABCDEFGHIJKLMNOPRSTUWYZ"],
            Gen.Char["ABCDEFGHKLMNOPQRSTUVWXY"],
            Gen.Int[0, 5],
            Gen.Char["0123456789"],
            Gen.Char["0123456789"],
            Gen.Char["ABCDEFGHJKPSTUW"],
            Gen.Char["ABEHMNPRVWXY"],
            Gen.Char["ABDEFGHJLNPQRSTUWXYZ"].Array[2, 2])
            .Select(t =>
            {
                var (a, b, shape, d1, d2, third, fourth, inward) = t;
                var outward = shape switch
                {
                    0 => $"{a}{d1}",
                    1 => $"{a}{d1}{d2}",
                    2 => $"{a}{b}{d1}",
                    3 => $"{a}{b}{d1}{d2}",
                    4 => $"{a}{d1}{third}",
                    _ => $"{a}{b}{d1}{fourth}",
                };
                return $"{outward} {d2}{inward[0]}{inward[1]}";
            });

    private static readonly Gen<string> Vehicle = Gen.OneOf(
        Gen.Select(Gen.Char["ABCDEFGHJKLMNOPRSTUVWXY"].Array[2, 2], Gen.OneOf(Gen.Int[2, 99], Gen.Const(0)), Gen.Char["ABCDEFGHJKLMNOPRSTUVWXYZ"].Array[3, 3])
            .Select(t => $"{new string(t.Item1)}{t.Item2:D2} {new string(t.Item3)}"),
        Gen.Select(Gen.Char["ABCDEFGHJKLMNPRSTVWXY"], Gen.Int[1, 999], Gen.Char[Upper].Array[3, 3])
            .Select(t => $"{t.Item1}{t.Item2} {new string(t.Item3)}"),
        Gen.Select(Gen.Char[Upper].Array[3, 3], Gen.Int[1, 999], Gen.Char["ABCDEFGHJKLMNPRSTVWXY"])
            .Select(t => $"{new string(t.Item1)} {t.Item2}{t.Item3}"),
        Gen.Select(Gen.Char[Upper].Array[1, 3], Gen.Int[1, 9999])
            .Select(t => $"{new string(t.Item1)} {t.Item2}"),
        Gen.Select(Gen.Int[1, 9999], Gen.Char[Upper].Array[1, 3])
            .Select(t => $"{t.Item1} {new string(t.Item2)}"),
        Gen.Select(Gen.Int[1, 999], Gen.Char[Upper].Array[1, 3])
            .Select(t => $"Q{t.Item1} {new string(t.Item2)}"));

    private static readonly Gen<string> Name =
        Gen.Select(
            Gen.Char["ABCDÉFGHIJKLMNOPRSTUVWZŁØ"],
            Gen.Char["abcdefghijklmnopqrstuvwxyzáéíóúëöüßçñ"].Array[0, 10].Select(a => new string(a)))
            .Select(t => t.Item1 + t.Item2)
            .Array[1, 4]
            .Select(Gen.Char[" -'"].Array[3, 3], (words, seps) => string.Concat(words.Select((w, i) => i == 0 ? w : seps[i - 1] + w)));

    private static readonly Gen<LocalDate> Born = Gen.Int[0, 130 * 365].Select(days => Today.PlusDays(-days));

    // Writes canonical text the way people type it: random case and spaces in random places.
    private static readonly Gen<Func<string, string>> Scruffy =
        Gen.Select(Gen.Bool.Array[40, 40], Gen.Int[0, 3].Array[40, 40])
            .Select(t => (Func<string, string>)(text =>
            {
                var builder = new StringBuilder("  ");
                for (var i = 0; i < text.Length; i++)
                {
                    builder.Append(t.Item1[i % 40] ? char.ToLowerInvariant(text[i]) : char.ToUpperInvariant(text[i]));
                    builder.Append(' ', t.Item2[i % 40] == 3 ? 1 : 0);
                }

                return builder.Append('\t').ToString();
            }));

    [Fact]
    public void NationalInsuranceNumber_AnyValid_ParsesFromAnySpacingAndFormatsBackToItself()
    {
        Gen.Select(Nino, Scruffy).Sample((canonical, scruffy) =>
        {
            var parsed = NationalInsuranceNumber.Parse(scruffy(canonical));
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, NationalInsuranceNumber.Parse(parsed.Formatted));
            Assert.Equal(parsed, NationalInsuranceNumber.Parse(parsed.Value));
        }, iter: Iterations);
    }

    [Fact]
    public void TelephoneNumber_AnyValid_ParsesFromNationalOrSpacedFormAndFormatsBackToItself()
    {
        Phone.Sample(canonical =>
        {
            var parsed = TelephoneNumber.Parse(canonical);
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, TelephoneNumber.Parse(string.Join(' ', parsed.National.Chunk(3).Select(c => new string(c)))));
            Assert.Equal(parsed, TelephoneNumber.Parse("00" + parsed.Value[1..]));
        }, iter: Iterations);
    }

    [Fact]
    public void EmailAddress_AnyValid_ParsesWithSpacesAndUpperCaseDomainAndFormatsBackToItself()
    {
        Email.Where(e => !e.Split('@')[0].Contains("..", StringComparison.Ordinal)).Sample(canonical =>
        {
            var at = canonical.LastIndexOf('@');
            var parsed = EmailAddress.Parse($"  {canonical[..at]}@{canonical[(at + 1)..].ToUpperInvariant()} ");
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, EmailAddress.Parse(parsed.Value));
        }, iter: Iterations);
    }

    [Fact]
    public void UkPostcode_AnyValid_ParsesFromAnySpacingAndFormatsBackToItself()
    {
        Gen.Select(Postcode, Scruffy).Sample((canonical, scruffy) =>
        {
            var parsed = UkPostcode.Parse(scruffy(canonical));
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, UkPostcode.Parse(parsed.Value));
        }, iter: Iterations);
    }

    [Fact]
    public void VehicleRegistration_AnyValid_ParsesFromAnySpacingAndFormatsBackToItself()
    {
        Gen.Select(Vehicle, Scruffy).Sample((canonical, scruffy) =>
        {
            var parsed = VehicleRegistration.Parse(scruffy(canonical));
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, VehicleRegistration.Parse(parsed.Value));
        }, iter: Iterations);
    }

    [Fact]
    public void DateOfBirth_AnyPlausibleDate_ParsesFromIsoAndDayFirstAndFormatsBackToItself()
    {
        Born.Sample(date =>
        {
            var parsed = DateOfBirth.Parse($"{date.Day}/{date.Month}/{date.Year}", Today);
            Assert.Equal(date, parsed.Date);
            Assert.Equal(parsed, DateOfBirth.Parse(parsed.Value, Today));
            Assert.Equal(parsed, DateOfBirth.ParseText(parsed.Value).Value);
        }, iter: Iterations);
    }

    [Fact]
    public void PersonName_AnyValid_ParsesWithExtraSpacesAndFormatsBackToItself()
    {
        Name.Where(n => !n.StartsWith('-') && n.Any(char.IsLetter)).Sample(canonical =>
        {
            var parsed = PersonName.Parse("  " + canonical.Replace(" ", "   ", StringComparison.Ordinal) + "\n");
            Assert.Equal(canonical, parsed.Value);
            Assert.Equal(parsed, PersonName.Parse(parsed.Value));
            Assert.Equal(parsed.Value.Length, parsed.Masked.Length);
            Assert.Equal(parsed.Value[0], parsed.Masked[0]);
        }, iter: Iterations);
    }

    // Any string, with NULs, lone surrogates, line breaks and bidirectional controls, and some huge ones.
    private static readonly Gen<string> Nasty = Gen.OneOf(
        Gen.String,
        Gen.Char["AB0123456789 +-()@.'/QZDGIOUVcx\t\n\r\0\u00a0\u2019\u202e\ud800\udfffé"].Array[0, 24].Select(a => new string(a)),
        Gen.Select(Gen.OneOf(Nino, Phone, Email, Postcode, Vehicle, Name, Born.Select(d => $"{d.Day}/{d.Month}/{d.Year}")), Gen.Int[0, 20], Gen.Char["\0\ud800\udc00\n\u202e#x"], Gen.Bool)
            .Select(t => t.Item1.Length == 0 ? t.Item1 : t.Item4
                ? t.Item1.Insert(t.Item2 % t.Item1.Length, t.Item3.ToString()) + "garbage"
                : t.Item1.Remove(t.Item2 % t.Item1.Length, 1).Insert(t.Item2 % t.Item1.Length, t.Item3.ToString())),
        Gen.Select(Gen.Char, Gen.Int[1_000, 200_000]).Select(t => new string(t.Item1, t.Item2)));

    [Fact]
    public void AllParsers_AnyString_NeverThrowAndMessagesAreShortAndNeverRepeatTheInput()
    {
        Gen.Select(Nasty, Gen.Int[-5, 20]).Sample((text, kind) =>
        {
            // Every kind, defined or not, gives a result; a refusal is short and does not repeat what was typed.
            var result = SubjectIdentifier.ParseText((IdentifierKind)kind, text, Today);
            if (result.IsFailure)
            {
                Assert.True(result.Error.Message.Length <= 400, result.Error.Message);
                Assert.False(Repeats(result.Error.Message, text), result.Error.Message);
                Assert.Equal(Enum.IsDefined((IdentifierKind)kind) ? result.Error.Code : DataSubjectsErrorCodes.UnknownIdentifierKind, result.Error.Code);
            }

            Check(text, NationalInsuranceNumber.ParseText, NationalInsuranceNumber.Parse, DataSubjectsErrorCodes.InvalidNationalInsuranceNumber);
            Check(text, EmailAddress.ParseText, EmailAddress.Parse, DataSubjectsErrorCodes.InvalidEmailAddress);
            Check(text, UkPostcode.ParseText, UkPostcode.Parse, DataSubjectsErrorCodes.InvalidPostcode);
            Check(text, VehicleRegistration.ParseText, VehicleRegistration.Parse, DataSubjectsErrorCodes.InvalidVehicleRegistration);
            Check(text, t => DateOfBirth.ParseText(t, Today), t => DateOfBirth.Parse(t, Today), DataSubjectsErrorCodes.InvalidDateOfBirth);
            Check(text, DateOfBirth.ParseText, t => DateOfBirth.ParseText(t) is { IsSuccess: true } ok ? ok.Value : throw new ContactKitFormatException(DateOfBirth.ParseText(t).Error!), DataSubjectsErrorCodes.InvalidDateOfBirth);
            Check(text, PersonName.ParseText, PersonName.Parse, DataSubjectsErrorCodes.InvalidPersonName);
        }, iter: 10_000);
    }

    [Fact]
    public void DateOfBirth_Create_AnyPairOfDates_NeverThrows()
    {
        var anyDate = Gen.Int[0, Period.DaysBetween(LocalDate.MinIsoValue, LocalDate.MaxIsoValue)].Select(d => LocalDate.MinIsoValue.PlusDays(d));
        var nearMin = Gen.Int[0, 400 * 365].Select(d => LocalDate.MinIsoValue.PlusDays(d));
        Gen.Select(Gen.OneOf(anyDate, nearMin), Gen.OneOf(anyDate, nearMin)).Sample((date, today) =>
        {
            var result = DateOfBirth.Create(date, today);
            Assert.Equal(result.IsSuccess, date <= today && (today.Year - DateOfBirth.MaxAgeYears <= LocalDate.MinIsoValue.Year || date >= today.PlusYears(-DateOfBirth.MaxAgeYears)));
            Assert.True(result.IsSuccess || result.Error.Code == DataSubjectsErrorCodes.InvalidDateOfBirth);
        }, iter: 10_000);
    }

    // Whether a message repeats the input: the whole text, or its compact upper-case form, once it is long enough to mean anything.
    private static bool Repeats(string message, string text)
    {
        var trimmed = text.Trim();
        var compact = new string([.. trimmed.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
        return (trimmed.Length >= 6 && message.Contains(trimmed, StringComparison.Ordinal)) || (compact.Length >= 6 && message.Contains(compact, StringComparison.Ordinal));
    }

    [Fact]
    public void AllParsers_AnyString_NeverThrowAnythingButTheDocumentedError()
    {
        Nasty.Sample(text =>
        {
            Check(text, NationalInsuranceNumber.ParseText, NationalInsuranceNumber.Parse, DataSubjectsErrorCodes.InvalidNationalInsuranceNumber);
            Check(text, t => TelephoneNumber.ParseText(t), TelephoneNumber.Parse, ErrorCodes.InvalidTelephoneNumber);
            Check(text, EmailAddress.ParseText, EmailAddress.Parse, DataSubjectsErrorCodes.InvalidEmailAddress);
            Check(text, UkPostcode.ParseText, UkPostcode.Parse, DataSubjectsErrorCodes.InvalidPostcode);
            Check(text, VehicleRegistration.ParseText, VehicleRegistration.Parse, DataSubjectsErrorCodes.InvalidVehicleRegistration);
            Check(text, t => DateOfBirth.ParseText(t, Today), t => DateOfBirth.Parse(t, Today), DataSubjectsErrorCodes.InvalidDateOfBirth);
            Check(text, PersonName.ParseText, PersonName.Parse, DataSubjectsErrorCodes.InvalidPersonName);
        }, iter: 10_000);
    }

    [Fact]
    public void AllParsers_NullOrHugeInput_RefusedWithTheDocumentedError()
    {
        var huge = new string('A', 100_000);
        foreach (var text in new string?[] { null, string.Empty, huge })
        {
            Assert.Equal(DataSubjectsErrorCodes.InvalidNationalInsuranceNumber, NationalInsuranceNumber.ParseText(text).Error?.Code);
            Assert.Equal(ErrorCodes.InvalidTelephoneNumber, TelephoneNumber.ParseText(text).Error?.Code);
            Assert.Equal(DataSubjectsErrorCodes.InvalidEmailAddress, EmailAddress.ParseText(text).Error?.Code);
            Assert.Equal(DataSubjectsErrorCodes.InvalidPostcode, UkPostcode.ParseText(text).Error?.Code);
            Assert.Equal(DataSubjectsErrorCodes.InvalidVehicleRegistration, VehicleRegistration.ParseText(text).Error?.Code);
            Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, DateOfBirth.ParseText(text, Today).Error?.Code);
            Assert.Equal(DataSubjectsErrorCodes.InvalidPersonName, PersonName.ParseText(text).Error?.Code);
        }
    }

    private static void Check<T>(string text, Func<string, Result<T>> parseText, Func<string, T> parse, string code)
    {
        var result = parseText(text);
        if (result.IsSuccess)
        {
            Assert.Equal(result.Value, parse(text));
            return;
        }

        Assert.Equal(code, result.Error.Code);
        Assert.True(result.Error.Message.Length <= 400, result.Error.Message);
        Assert.False(Repeats(result.Error.Message, text), result.Error.Message);
        var ex = Assert.Throws<ContactKitFormatException>(() => parse(text));
        Assert.Equal(result.Error, ex.Error);
    }
}
