using CsCheck;

namespace ContactKit.Abstractions.Tests.Errors;

public class ExcerptTests
{
    [Fact]
    public void Excerpt_LongInput_IsCutAndSaysHowLongItWas()
    {
        var text = ContactKit.Errors.Excerpt(new string('x', 10_000_000));

        Assert.Equal($"'{new string('x', ContactKit.Errors.ExcerptLength)}' (cut from 10000000 characters)", text);
    }

    [Theory]
    [InlineData("a\r\nb", "'a\\u000D\\u000Ab'")]     // CR/LF would forge a log line
    [InlineData("\u202Eevil", "'\\u202Eevil'")]       // a bidirectional override would reorder the line
    [InlineData("caf\u00E9 \U0001F600", "'caf\u00E9 \U0001F600'")] // letters and paired surrogates stay as they are
    public void Excerpt_UnsafeCharacters_AreEscaped(string value, string expected) =>
        Assert.Equal(expected, ContactKit.Errors.Excerpt(value));

    [Fact]
    public void Excerpt_LoneSurrogate_IsEscaped() => // a lone surrogate cannot be written as UTF-8
        Assert.Equal("'\\uD800x'", ContactKit.Errors.Excerpt(new string([(char)0xD800, 'x'])));

    [Fact]
    public void Excerpt_Null_SaysNone() => Assert.Equal("(none)", ContactKit.Errors.Excerpt(null));

    [Fact]
    public void Excerpt_AnyInput_IsShortAndHasNoControlCharacter() =>
        Gen.String[Gen.Char, 0, 200].Sample(value =>
        {
            var text = ContactKit.Errors.Excerpt(value);
            Assert.True(text.Length <= (ContactKit.Errors.ExcerptLength * 6) + 40, text);
            Assert.DoesNotContain(text, char.IsControl);
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text); // no lone surrogate left
        }, iter: 10_000);
}

public class EchoedInputTests
{
    private static readonly string Huge = "\r\nforged log line " + new string('x', 10_000_000);

    public static TheoryData<string, Func<string, ContactKitError?>> Parsers => new()
    {
        { "id", text => TenantId.TryParse(text, out _) ? null : Identifier.Validate(text, "tenant id") },
        { "id starting badly", text => Identifier.Validate("-" + text[..40], "tenant id") },
        { "id with a bad character", text => Identifier.Validate("a" + text[..40], "tenant id") },
        { "purpose", text => Purpose.ParseText(text).Error },
        { "data category key", text => DataCategoryKey.ParseText(text).Error },
        { "jurisdiction", text => Jurisdiction.ParseText(text).Error },
        { "jurisdiction country", text => Jurisdiction.ParseText("\r\n").Error },
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
    public void ContactKitError_BadCode_ExceptionMessageIsShortAndEscaped()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new ContactKitError(Huge, "m"));

        Assert.True(thrown.Message.Length < 400, thrown.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain('\n', thrown.Message);
    }
}
