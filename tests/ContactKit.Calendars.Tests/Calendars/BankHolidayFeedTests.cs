using System.Text;
using CsCheck;
using NodaTime;

namespace ContactKit.Calendars.Tests.Calendars;

public sealed class BankHolidayFeedTests
{
    // A small feed in the published format, written for these tests: 2030 in England and Wales with an invented extra
    // holiday and a moved spring holiday, and 2031 in Scotland with nothing but New Year.
    private const string Sample = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              { "title": "New Year\u2019s Day", "date": "2030-01-01", "notes": "", "bunting": true },
              { "title": "Good Friday", "date": "2030-04-19", "notes": "", "bunting": false },
              { "title": "Easter Monday", "date": "2030-04-22", "notes": "", "bunting": true },
              { "title": "Early May bank holiday", "date": "2030-05-06", "notes": "", "bunting": true },
              { "title": "Spring bank holiday", "date": "2030-06-03", "notes": "Substitute day", "bunting": true },
              { "title": "Festival bank holiday", "date": "2030-07-05", "notes": "Extra bank holiday", "bunting": true },
              { "title": "Summer bank holiday", "date": "2030-08-26", "notes": "", "bunting": true },
              { "title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true },
              { "title": "Boxing Day", "date": "2030-12-26", "notes": "", "bunting": true }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              { "title": "New Year\u2019s Day", "date": "2031-01-01", "notes": "", "bunting": true }
            ]
          }
        }
        """;

    [Fact]
    public void Load_OwnSample_ReadsEveryEventOfEachDivision()
    {
        var feed = BankHolidayFeed.Load(new MemoryStream(Encoding.UTF8.GetBytes(Sample))).Value;

        Assert.Equal([2030], feed.YearsCovered(UkDivision.EnglandAndWales).ToArray());
        Assert.Equal([2031], feed.YearsCovered(UkDivision.Scotland).ToArray());
        Assert.Empty(feed.YearsCovered(UkDivision.NorthernIreland));
        var spring = Assert.Single(feed.GetBankHolidays(UkDivision.EnglandAndWales, 2030), h => h.Title == "Spring bank holiday");
        Assert.Equal(new LocalDate(2030, 6, 3), spring.Date);
        Assert.True(spring.IsSubstitute);
        Assert.Equal("New Year’s Day", feed.GetBankHolidays(UkDivision.Scotland, 2031)[0].Title);
    }

    [Fact]
    public void WithFeed_YearsTheFeedCovers_TakePrecedenceOverTheRules()
    {
        var feed = BankHolidayFeed.ParseText(Sample).Value;
        var builtIn = UkCalendars.For(UkDivision.EnglandAndWales);
        var withFeed = UkCalendars.Create(UkDivision.EnglandAndWales, feed);

        // The rules give the last Monday of May; the feed moved it and added a day the rules know nothing of.
        Assert.False(builtIn.IsWorkingDay(new LocalDate(2030, 5, 27)));
        Assert.True(withFeed.IsWorkingDay(new LocalDate(2030, 5, 27)));
        Assert.False(withFeed.IsWorkingDay(new LocalDate(2030, 6, 3)));
        Assert.False(withFeed.IsWorkingDay(new LocalDate(2030, 7, 5)));
        Assert.True(builtIn.IsWorkingDay(new LocalDate(2030, 7, 5)));
        Assert.Equal(feed.GetBankHolidays(UkDivision.EnglandAndWales, 2030).ToArray(), withFeed.GetBankHolidays(2030).ToArray());
    }

    [Fact]
    public void WithFeed_YearsAndDivisionsTheFeedDoesNotCover_KeepTheRules()
    {
        var feed = BankHolidayFeed.ParseText(Sample).Value;

        Assert.Equal(UkCalendars.For(UkDivision.EnglandAndWales).GetBankHolidays(2031).ToArray(), UkCalendars.Create(UkDivision.EnglandAndWales, feed).GetBankHolidays(2031).ToArray());
        Assert.Equal(UkCalendars.For(UkDivision.NorthernIreland).GetBankHolidays(2030).ToArray(), UkCalendars.Create(UkDivision.NorthernIreland, feed).GetBankHolidays(2030).ToArray());

        // Scotland 2031 is covered, so the feed's single day replaces the year: 2 January becomes a working day.
        Assert.True(UkCalendars.Create(UkDivision.Scotland, feed).IsWorkingDay(new LocalDate(2031, 1, 2)));
        Assert.False(UkCalendars.Scotland.IsWorkingDay(new LocalDate(2031, 1, 2)));
    }

    [Theory]
    [InlineData("""{ "scotland": { "events": [ { "title": "X", "date": "2030-02-30" } ] } }""", "$['scotland'].events[0].date")] // an impossible date
    [InlineData("""{ "scotland": { "events": [ { "title": "", "date": "2030-02-03" } ] } }""", "$['scotland'].events[0].title")] // an event with no name
    [InlineData("""{ "scotland": { "events": [ { "title": "A", "date": "2030-02-03" }, { "title": "B", "date": "2030-02-03" } ] } }""", "$['scotland'].events[1].date")] // one day listed twice
    [InlineData("""{ "wales": { "events": [] } }""", "$")] // no division the calendars know
    [InlineData("""{ "scotland": { "events": [ { "title": "A", "date": 20300203 } ] } }""", "$.scotland.events[0].date")] // a number where text belongs
    [InlineData("[1, 2]", "$")] // not an object at all
    public void Parse_BadFeed_FailsNamingTheJsonPath(string json, string path)
    {
        var result = BankHolidayFeed.ParseText(json);

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
        Assert.Equal(path, result.Error?.Field);
        Assert.Contains(path, result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_MissingFile_FailsWithUnreadable()
    {
        var result = BankHolidayFeed.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal(CalendarsErrorCodes.BankHolidayFeedUnreadable, result.Error?.Code);
    }

    [Theory]
    [InlineData(0xD800, true)] // a lone high surrogate inside a title
    [InlineData(0xDC00, true)] // a lone low surrogate inside a title
    [InlineData(0xD800, false)] // nothing but half a pair
    public void Parse_LoneSurrogate_IsARefusalNotAnArgumentException(int surrogate, bool insideAFeed)
    {
        // Built here, not in the attribute: the test runner would replace a lone surrogate in attribute data.
        var half = ((char)surrogate).ToString();
        var json = insideAFeed ? "{ \"scotland\": { \"events\": [ { \"title\": \"A" + half + "\", \"date\": \"2030-02-03\" } ] } }" : half;

        var result = BankHolidayFeed.ParseText(json);

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
        Assert.Equal("$", result.Error?.Field);
    }

    [Theory]
    [InlineData("2030-02-03\\u0000garbage")] // a NUL (written as a JSON escape) ended parsing early and the junk after it was ignored
    [InlineData("2030-02-03\\u0000")] // a NUL alone after a good date
    [InlineData("2030-02-03 ")] // a trailing space
    [InlineData("+2030-02-03")] // a sign
    [InlineData("2030-2-03")] // a short month
    public void Parse_DateWithTrailingOrOddCharacters_IsRefused(string date)
    {
        var result = BankHolidayFeed.ParseText($$"""{ "scotland": { "events": [ { "title": "A", "date": "{{date}}" } ] } }""");

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
        Assert.Equal("$['scotland'].events[0].date", result.Error?.Field);
        Assert.DoesNotContain('\0', result.Error!.Message);
    }

    [Fact]
    public void Parse_HugeBadDate_MessageEchoesOnlyAnEscapedExcerpt()
    {
        var date = "2030-02-03\\r\\nforged log line" + new string('x', 100_000);

        var result = BankHolidayFeed.ParseText($$"""{ "scotland": { "events": [ { "title": "A", "date": "{{date}}" } ] } }""");

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
        Assert.True(result.Error!.Message.Length < 300, result.Error.Message);
        Assert.DoesNotContain('\n', result.Error.Message);
        Assert.DoesNotContain('\r', result.Error.Message);
    }

    [Fact]
    public void Parse_PropertyNameWithLineBreak_IsNotRepeatedInThePath()
    {
        var result = BankHolidayFeed.ParseText("{ \"x\\nforged\": 3 }");

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
        Assert.DoesNotContain('\n', result.Error!.Message);
    }

    [Fact]
    public void Parse_AnyText_ReturnsAResultAndNeverThrows()
    {
        string[] pieceTexts = ["{", "}", "[", "]", "\"", ":", ",", "scotland", "events", "title", "date", "2030-01-01",
            "\ud800", "\udc00", "\u0000", "\\u0000", "\\ud800", "null", "1", " ", "\n"];
        var pieces = Gen.Int[0, pieceTexts.Length - 1].Select(i => pieceTexts[i]);
        pieces.Array[0, 30].Select(p => string.Concat(p)).Sample(json =>
        {
            var result = BankHolidayFeed.ParseText(json);
            Assert.True(result.IsSuccess || result.Error!.Code == CalendarsErrorCodes.InvalidBankHolidayFeed, result.ToString());
            Assert.True(result.IsSuccess || result.Error!.Message.Length < 400);

            var fromStream = BankHolidayFeed.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            Assert.True(fromStream.IsSuccess || fromStream.Error!.Code == CalendarsErrorCodes.InvalidBankHolidayFeed);
        }, iter: 10_000);
    }

    [Fact]
    public void Load_InvalidUtf8_IsARefusal()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "scotland": { "events": [ { "title": "A?", "date": "2030-02-03" } ] } }""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        var result = BankHolidayFeed.Load(new MemoryStream(bytes));

        Assert.Equal(CalendarsErrorCodes.InvalidBankHolidayFeed, result.Error?.Code);
    }

    [Fact]
    public void LoadFile_MissingFile_MessageSaysWhyWithoutTheSystemMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");

        var result = BankHolidayFeed.LoadFile(path);

        Assert.Contains("there is no such file", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(Errors.Excerpt(path), result.Error.Message, StringComparison.Ordinal);
    }
}
