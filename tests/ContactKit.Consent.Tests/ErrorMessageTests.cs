using ContactKit.Consent;

namespace ContactKit.Consent.Tests;

/// <summary>Error messages cut and escape every value they repeat, so that no input can grow a message or forge a log line.</summary>
public class ErrorMessageTests
{
    private static readonly string Huge = "\r\nforged log line " + new string('x', 10_000_000);

    public static TheoryData<string, Func<string, ContactKitError?>> Parsers => new()
    {
        { "announcement placeholder", text => AnnouncementTemplate.ParseText("{" + text + "}", "template").Error },
        { "notice language", text => PrivacyNoticeHistory.Create(TenantId.Parse("t"), PrivacyNoticeId.Parse("n"), text).Error },
        { "telephone number", text => TelephoneNumber.ParseText(text).Error },
    };

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Message_TenMegabyteInputWithLineBreaks_IsShortAndHasNoLineBreak(string what, Func<string, ContactKitError?> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var error = parse(Huge);

        Assert.NotNull(error);
        Assert.True(error.Message.Length < 400, $"{what}: {error.Message.Length} characters");
        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TelephoneNumber_Refused_NeverEchoesTheNumber()
    {
        var error = TelephoneNumber.ParseText("07700 9001x3").Error!;

        Assert.DoesNotContain("7700", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9001", error.Message, StringComparison.Ordinal);
    }
}
