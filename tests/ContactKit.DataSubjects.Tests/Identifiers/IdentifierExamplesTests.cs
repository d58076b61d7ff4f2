using System.Text.Json;
using ContactKit.DataSubjects;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Identifiers;

public class IdentifierExamplesTests
{
    [Theory]
    [InlineData("AB123456C", "AB123456C")] // compact canonical form
    [InlineData("ab 12 34 56 c", "AB123456C")] // as printed on letters, typed in lower case
    [InlineData("  Ce 98\t76 54 d ", "CE987654D")] // stray white space of any kind
    [InlineData("OA123456A", "OA123456A")] // O is barred only as the second letter
    public void NationalInsuranceNumber_ValidInput_ParsesToCanonicalForm(string text, string canonical)
    {
        var nino = NationalInsuranceNumber.Parse(text);

        Assert.Equal(canonical, nino.Value);
        Assert.Equal($"{canonical[..2]} {canonical[2..4]} {canonical[4..6]} {canonical[6..8]} {canonical[8]}", nino.Formatted);
    }

    [Theory]
    [InlineData("DA123456A", "first letter")] // D is never a first letter
    [InlineData("QQ123456C", "first letter")] // HMRC's specimen prefix is not valid
    [InlineData("AO123456A", "second letter")] // O is never a second letter
    [InlineData("GB123456A", "not allocated")] // barred prefix
    [InlineData("ZZ123456A", "not allocated")] // each Z is a valid letter, but the pair ZZ is barred
    [InlineData("AB123456E", "suffix letter")] // suffixes are A to D only
    [InlineData("12A12345", "temporary reference number")] // a TRN is not a NINO
    [InlineData("AB12345C", "two letters, six digits")] // too short
    public void NationalInsuranceNumber_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = NationalInsuranceNumber.ParseText(text);

        Assert.Equal(DataSubjectsErrorCodes.InvalidNationalInsuranceNumber, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NationalInsuranceNumber_ToStringAndMasked_HideTheDigits()
    {
        var nino = NationalInsuranceNumber.Parse("AB 12 34 56 C");

        Assert.Equal("AB •• •• •• C", nino.Masked);
        Assert.Equal(nino.Masked, nino.ToString());
        Assert.Equal("AB •• •• •• C", $"{nino}");
    }

    [Theory]
    [InlineData("020 7946 0123", "+442079460123")] // London landline in national format
    [InlineData("07700 900123", "+447700900123")] // mobile in national format
    [InlineData("+44 (0)20 7946 0123", "+442079460123")] // the bracketed trunk zero is dropped
    [InlineData("0044 20 7946 0123", "+442079460123")] // international prefix 00 becomes +
    [InlineData("+1 (415) 555-0100", "+14155550100")] // non-UK numbers keep their country code
    [InlineData("01697 73456", "+44169773456")] // a nine-digit UK national significant number
    public void TelephoneNumber_ValidInput_NormalisedToE164(string text, string e164)
    {
        Assert.Equal(e164, TelephoneNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("020 7946", "too few digits")] // too short for the UK
    [InlineData("+0 123 4567", "country calling code")] // country codes never start with 0
    [InlineData("020-7946-0123 ext 4", "may hold only")] // letters are not part of a number
    [InlineData("+1234567890123456", "too many digits")] // longer than E.164 allows
    public void TelephoneNumber_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = TelephoneNumber.ParseText(text);

        Assert.Equal(ErrorCodes.InvalidTelephoneNumber, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TelephoneNumber_Masked_ShowsCountryCodeAndLastThreeDigits()
    {
        var phone = TelephoneNumber.Parse("020 7946 0123");

        Assert.Equal("+44•••••••123", phone.ToString());
        Assert.Equal("02079460123", phone.National);
    }

    [Theory]
    [InlineData(" Jo.Bloggs@Example.ORG ", "Jo.Bloggs@example.org")] // domain lower-cased, local part kept, spaces trimmed
    [InlineData("a+tag@mail.council.gov.uk", "a+tag@mail.council.gov.uk")] // plus addressing and many labels
    public void EmailAddress_ValidInput_Canonical(string text, string canonical)
    {
        Assert.Equal(canonical, EmailAddress.Parse(text).Value);
    }

    [Theory]
    [InlineData("jo.example.org", "exactly one '@'")] // no @
    [InlineData("jo@@example.org", "exactly one '@'")] // two @
    [InlineData("jo..b@example.org", "two dots")] // consecutive dots
    [InlineData("jo@localhost", "at least two parts")] // single-label domain
    [InlineData("jo@example.c0m", "top-level domain")] // digits in the top-level domain
    [InlineData("jo b@example.org", "letters, digits")] // space inside the local part
    public void EmailAddress_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = EmailAddress.ParseText(text);

        Assert.Equal(DataSubjectsErrorCodes.InvalidEmailAddress, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sw1a1aa", "SW1A 1AA")] // AA9A, lower case, no space
    [InlineData("  m1   1ae ", "M1 1AE")] // A9 with extra spaces
    [InlineData("B33 8TH", "B33 8TH")] // A99
    [InlineData("CR2 6XH", "CR2 6XH")] // AA9
    [InlineData("DN55 1PT", "DN55 1PT")] // AA99
    [InlineData("W1A 0AX", "W1A 0AX")] // A9A
    [InlineData("gir0aa", "GIR 0AA")] // the one historic exception
    public void UkPostcode_ValidInput_Canonical(string text, string canonical)
    {
        var postcode = UkPostcode.Parse(text);

        Assert.Equal(canonical, postcode.Value);
        Assert.Equal($"{canonical.Split(' ')[0]} •••", postcode.Masked);
    }

    [Theory]
    [InlineData("QA1 1AA", "first letter")] // Q never first
    [InlineData("AJ1 1AA", "second letter")] // J never second
    [InlineData("W1I 0AX", "A9A")] // I is not a valid third letter
    [InlineData("EC1C 1AA", "AA9A")] // C is not a valid fourth letter
    [InlineData("SW1A 1AC", "inward")] // C never in the inward code
    [InlineData("SW1A", "5 to 7")] // outward code alone
    public void UkPostcode_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = UkPostcode.ParseText(text);

        Assert.Equal(DataSubjectsErrorCodes.InvalidPostcode, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab12cde", "AB12 CDE", VehicleRegistrationFormat.Current)] // current, March 2012
    [InlineData("LB07 SEO", "LB07 SEO", VehicleRegistrationFormat.Current)] // current with space
    [InlineData("A123BCD", "A123 BCD", VehicleRegistrationFormat.Prefix)] // prefix
    [InlineData("abc 123d", "ABC 123D", VehicleRegistrationFormat.Suffix)] // suffix
    [InlineData("ABC 1", "ABC 1", VehicleRegistrationFormat.Dateless)] // dateless letters first
    [InlineData("1234 AB", "1234 AB", VehicleRegistrationFormat.Dateless)] // dateless digits first
    [InlineData("ab50cde", "AB50 CDE", VehicleRegistrationFormat.Current)] // March 2050, the last March identifier
    [InlineData("AB00 CDE", "AB00 CDE", VehicleRegistrationFormat.Current)] // September 2050
    [InlineData("Q123 ABC", "Q123 ABC", VehicleRegistrationFormat.QPlate)] // a Q plate: age or identity unknown
    [InlineData("q1a", "Q1 A", VehicleRegistrationFormat.QPlate)] // the shortest Q plate
    public void VehicleRegistration_ValidInput_CanonicalWithFormat(string text, string canonical, VehicleRegistrationFormat format)
    {
        var mark = VehicleRegistration.Parse(text);

        Assert.Equal(canonical, mark.Value);
        Assert.Equal(format, mark.Format);
    }

    [Theory]
    [InlineData("AB01 CDE", "age identifier")] // 01 was never issued
    [InlineData("QB12 CDE", "first two letters")] // Q never in a current mark's area code
    [InlineData("AB12 CDI", "last three letters")] // I never in the random letters
    [InlineData("I123 BCD", "year letter")] // I never a prefix year letter
    [InlineData("ABC 123U", "year letter")] // U never a suffix year letter
    [InlineData("AB12CD3", "none of the formats")] // mixed-up shape
    public void VehicleRegistration_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = VehicleRegistration.ParseText(text);

        Assert.Equal(DataSubjectsErrorCodes.InvalidVehicleRegistration, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VehicleRegistration_Masked_KeepsTheFirstTwoCharacters()
    {
        Assert.Equal("AB•• •••", VehicleRegistration.Parse("AB12 CDE").ToString());
    }

    [Theory]
    [InlineData("1980-03-14")] // ISO
    [InlineData("14/03/1980")] // UK day first with slashes
    [InlineData("14.3.1980")] // dots, no leading zero
    [InlineData("14 03 1980")] // spaces
    public void DateOfBirth_ValidInput_ParsesToIsoDate(string text)
    {
        var dob = DateOfBirth.Parse(text, new LocalDate(2026, 11, 23));

        Assert.Equal("1980-03-14", dob.Value);
        Assert.Equal("1980-••-••", dob.ToString());
        Assert.Equal(46, dob.AgeOn(new LocalDate(2026, 11, 23)));
    }

    [Theory]
    [InlineData("2026-11-24", "future")] // tomorrow
    [InlineData("1890-01-01", "130 years")] // implausibly old
    [InlineData("31/02/1980", "real date")] // no such day
    [InlineData("03/14/1980", "real date")] // month first is not accepted
    public void DateOfBirth_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = DateOfBirth.ParseText(text, new LocalDate(2026, 11, 23));

        Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateOfBirth_Today_IsAccepted()
    {
        var today = new LocalDate(2026, 11, 23);

        Assert.True(DateOfBirth.Create(today, today).IsSuccess);
    }

    [Theory]
    [InlineData("  Jo   Bloggs ", "Jo Bloggs")] // spaces collapsed
    [InlineData("Siobhán O'Neill-McDonald", "Siobhán O'Neill-McDonald")] // accents, apostrophe, hyphen and case kept
    [InlineData("Zoë de la Cruz", "Zoë de la Cruz")] // lower-case particles kept
    public void PersonName_ValidInput_Tidied(string text, string canonical)
    {
        Assert.Equal(canonical, PersonName.Parse(text).Value);
    }

    [Theory]
    [InlineData("   ", "empty")] // nothing but spaces
    [InlineData("R2D2", "digit")] // digits are not part of names
    [InlineData("- '", "at least one letter")] // punctuation only
    [InlineData("Jo <script>", "only letters")] // markup
    public void PersonName_BrokenRule_RefusedNamingTheRule(string text, string rule)
    {
        var result = PersonName.ParseText(text);

        Assert.Equal(DataSubjectsErrorCodes.InvalidPersonName, result.Error?.Code);
        Assert.Contains(rule, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonName_Masked_KeepsInitials()
    {
        Assert.Equal("J• B•••••", PersonName.Parse("Jo Bloggs").ToString());
        Assert.Equal("M••• O'N••••-M•••", PersonName.Parse("Mary O'Neill-Mayo").Masked);
    }

    [Fact]
    public void Json_EveryIdentifier_RoundTripsAsItsCanonicalText()
    {
        var holder = new Holder(
            NationalInsuranceNumber.Parse("ab123456c"),
            TelephoneNumber.Parse("020 7946 0123"),
            EmailAddress.Parse("Jo@Example.org"),
            UkPostcode.Parse("sw1a1aa"),
            VehicleRegistration.Parse("ab12cde"),
            DateOfBirth.Parse("14/03/1980", new LocalDate(2026, 1, 1)),
            PersonName.Parse("Jo Bloggs"),
            SubjectIdentifier.From(NationalInsuranceNumber.Parse("AB123456C")));

        var json = JsonSerializer.Serialize(holder, TestJson.Options);
        var back = JsonSerializer.Deserialize<Holder>(json, TestJson.Options);

        Assert.Contains("\"AB123456C\"", json, StringComparison.Ordinal);
        Assert.Equal("+442079460123", JsonDocument.Parse(json).RootElement.GetProperty("phone").GetString());
        Assert.Contains("\"SW1A 1AA\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"kind\":\"NationalInsuranceNumber\",\"value\":\"AB123456C\"}", json, StringComparison.Ordinal);
        Assert.Equal(holder, back);
    }

    [Fact]
    public void Json_InvalidIdentifier_ThrowsJsonExceptionCarryingTheError()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<NationalInsuranceNumber>("\"DA123456A\"", TestJson.Options));

        var inner = Assert.IsType<ContactKitFormatException>(ex.InnerException);
        Assert.Equal(DataSubjectsErrorCodes.InvalidNationalInsuranceNumber, inner.Error.Code);
    }

    [Fact]
    public void Classifications_Identifiers_UseTheContactKitTaxonomyAndCategoryKeys()
    {
        Assert.Equal("ContactKit", PersonalDataClassifications.NationalInsuranceNumber.TaxonomyName);
        Assert.Equal("identifier.national_insurance_number", PersonalDataClassifications.NationalInsuranceNumber.Value);
        Assert.Equal(PersonalDataClassifications.For(DataCategories.Phone), PersonalDataClassifications.For(IdentifierKind.TelephoneNumber));
        Assert.All(Enum.GetValues<IdentifierKind>(), kind => Assert.Equal(
            PersonalDataClassifications.For(kind).Value,
            SubjectIdentifier.ParseText(kind, Sample(kind), new LocalDate(2026, 1, 1)).Value.Category.Key.Value));
        Assert.Equal("contact.email", new PersonalDataAttribute("contact.email").Classification.Value);
    }

    private static string Sample(IdentifierKind kind) => kind switch
    {
        IdentifierKind.NationalInsuranceNumber => "AB123456C",
        IdentifierKind.TelephoneNumber => "020 7946 0123",
        IdentifierKind.EmailAddress => "jo@example.org",
        IdentifierKind.Postcode => "SW1A 1AA",
        IdentifierKind.VehicleRegistration => "AB12 CDE",
        IdentifierKind.DateOfBirth => "1980-03-14",
        _ => "Jo Bloggs",
    };

    public sealed record Holder(
        NationalInsuranceNumber Nino,
        TelephoneNumber Phone,
        EmailAddress Email,
        UkPostcode Postcode,
        VehicleRegistration Vehicle,
        DateOfBirth Born,
        PersonName Name,
        SubjectIdentifier Identifier);
}
