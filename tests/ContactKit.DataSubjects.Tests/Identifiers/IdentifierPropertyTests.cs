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
        Gen.Select(Gen.Char["ABCDEFGHJKLMNOPRSTUVWXY"].Array[2, 2], Gen.OneOf(Gen.Int[2, 49], Gen.Int[51, 99]), Gen.Char["ABCDEFGHJKLMNOPRSTUVWXYZ"].Array[3, 3])
            .Select(t => $"{new string(t.Item1)}{t.Item2:D2} {new string(t.Item3)}"),
        Gen.Select(Gen.Char["ABCDEFGHJKLMNPRSTVWXY"], Gen.Int[1, 999], Gen.Char[Upper].Array[3, 3])
            .Select(t => $"{t.Item1}{t.Item2} {new string(t.Item3)}"),
        Gen.Select(Gen.Char[Upper].Array[3, 3], Gen.Int[1, 999], Gen.Char["ABCDEFGHJKLMNPRSTVWXY"])
            .Select(t => $"{new string(t.Item1)} {t.Item2}{t.Item3}"),
        Gen.Select(Gen.Char[Upper].Array[1, 3], Gen.Int[1, 9999])
            .Select(t => $"{new string(t.Item1)} {t.Item2}"),
        Gen.Select(Gen.Int[1, 9999], Gen.Char[Upper].Array[1, 3])
            .Select(t => $"{t.Item1} {new string(t.Item2)}"));

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

    [Fact]
    public void AllParsers_AnyString_NeverThrowAnythingButTheDocumentedError()
    {
        var nasty = Gen.OneOf(
            Gen.String,
            Gen.Char["AB0123456789 +-()@.'/QZDGIOUVcx\t\n\u00a0\u2019é"].Array[0, 16].Select(a => new string(a)),
            Gen.Select(Gen.OneOf(Nino, Phone, Email, Postcode, Vehicle, Name), Gen.Int[0, 20], Gen.Char)
                .Select(t => t.Item1.Length == 0 ? t.Item1 : t.Item1.Remove(t.Item2 % t.Item1.Length, 1).Insert(t.Item2 % t.Item1.Length, t.Item3.ToString())));

        nasty.Sample(text =>
        {
            Check(text, NationalInsuranceNumber.ParseText, NationalInsuranceNumber.Parse, DataSubjectsErrorCodes.InvalidNationalInsuranceNumber);
            Check(text, t => TelephoneNumber.ParseText(t), TelephoneNumber.Parse, ErrorCodes.InvalidTelephoneNumber);
            Check(text, EmailAddress.ParseText, EmailAddress.Parse, DataSubjectsErrorCodes.InvalidEmailAddress);
            Check(text, UkPostcode.ParseText, UkPostcode.Parse, DataSubjectsErrorCodes.InvalidPostcode);
            Check(text, VehicleRegistration.ParseText, VehicleRegistration.Parse, DataSubjectsErrorCodes.InvalidVehicleRegistration);
            Check(text, t => DateOfBirth.ParseText(t, Today), t => DateOfBirth.Parse(t, Today), DataSubjectsErrorCodes.InvalidDateOfBirth);
            Check(text, PersonName.ParseText, PersonName.Parse, DataSubjectsErrorCodes.InvalidPersonName);
        }, iter: Iterations * 3);
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
        var ex = Assert.Throws<ContactKitFormatException>(() => parse(text));
        Assert.Equal(result.Error, ex.Error);
    }
}
