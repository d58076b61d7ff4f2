using NodaTime;

namespace ContactKit.DataSubjects.Tests.Identifiers;

/// <summary>Regression tests for identifier defects: each failed on the code before its fix.</summary>
public class IdentifierDefectTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    [Fact]
    public void VehicleRegistration_AgeIdentifier50_AcceptedAsCurrentMarkOfMarch2050()
    {
        var mark = VehicleRegistration.ParseText("AB50 CDE");

        Assert.True(mark.IsSuccess, mark.IsFailure ? mark.Error.Message : null);
        Assert.Equal(VehicleRegistrationFormat.Current, mark.Value.Format);
    }

    [Fact]
    public void VehicleRegistration_QPlate_AcceptedAsQPlate()
    {
        var mark = VehicleRegistration.ParseText("Q123 ABC");

        Assert.True(mark.IsSuccess, mark.IsFailure ? mark.Error.Message : null);
        Assert.Equal(("Q123 ABC", VehicleRegistrationFormat.QPlate), (mark.Value.Value, mark.Value.Format));
    }

    [Theory]
    [InlineData("14/03/1980\0garbage")] // a NUL must not end the parse early
    [InlineData("1980-03-14\0")] // not even at the end
    [InlineData("14/03/1980\u200B")] // nor any other invisible character
    public void DateOfBirth_ParseTextWithNulAndJunk_Refused(string text)
    {
        Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, DateOfBirth.ParseText(text).Error?.Code);
        Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, DateOfBirth.ParseText(text, Today).Error?.Code);
    }

    [Fact]
    public void SubjectIdentifier_ParseUndefinedKind_CodedErrorNotException()
    {
        var result = SubjectIdentifier.ParseText((IdentifierKind)99, "AB123456C", Today);

        Assert.Equal((DataSubjectsErrorCodes.UnknownIdentifierKind, "kind"), (result.Error?.Code, result.Error?.Field));
    }

    [Fact]
    public void DateOfBirth_CreateNearMinIsoValue_ResultNotException()
    {
        var earliest = LocalDate.MinIsoValue;

        Assert.True(DateOfBirth.Create(earliest, earliest.PlusDays(10)).IsSuccess);
        Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, DateOfBirth.Create(earliest.PlusDays(10), earliest).Error?.Code);
        Assert.Equal(DataSubjectsErrorCodes.InvalidDateOfBirth, DateOfBirth.Create(earliest, Today).Error?.Code);
    }

    [Theory]
    [InlineData("DA123456A", "'D'")] // the NI prefix's first letter
    [InlineData("AD123456A", "'D'")] // and its second
    [InlineData("GB123456A", "'GB'")] // an unallocated prefix
    [InlineData("AB123456E", "'E'")] // the suffix letter
    public void NationalInsuranceNumber_BrokenRule_MessageDoesNotRepeatThePersonalValue(string text, string echoed)
    {
        var error = NationalInsuranceNumber.ParseText(text).Error!;

        Assert.DoesNotContain(echoed, error.Message, StringComparison.Ordinal);
        Assert.Contains("not repeated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QA1 1AA", "'Q'")] // the postcode's first letter
    [InlineData("AZ1 1AA", "'Z'")] // its second letter
    [InlineData("A1I 1AA", "'I'")] // an A9A outward code's letter
    [InlineData("AB1C 1AA", "'C'")] // an AA9A outward code's letter
    public void UkPostcode_BrokenRule_MessageDoesNotRepeatThePersonalValue(string text, string echoed)
    {
        Assert.DoesNotContain(echoed, UkPostcode.ParseText(text).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB01 CDE", "'01'")] // the age identifier
    [InlineData("I123 BCD", "'I'")] // the prefix year letter
    [InlineData("ABC 123U", "'U'")] // the suffix year letter
    public void VehicleRegistration_BrokenRule_MessageDoesNotRepeatThePersonalValue(string text, string echoed)
    {
        Assert.DoesNotContain(echoed, VehicleRegistration.ParseText(text).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailAddress_BadCharacter_MessageDoesNotRepeatIt()
    {
        Assert.DoesNotContain("'<'", EmailAddress.ParseText("jo<bloggs@example.org").Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonalDataSourceRegistry_GetUnknownHugeName_MessageCutAndEscaped()
    {
        var registry = new PersonalDataSourceRegistry([]);

        var error = registry.Get("crm\r\nforged log line" + new string('x', 10_000)).Error!;

        Assert.True(error.Message.Length < 200, error.Message);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
    }
}
