using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

using NodaTime;
using NodaTime.Text;

namespace ContactKit.Calendars;

/// <summary>
/// A copy of the published UK bank-holiday list in the GOV.UK <c>bank-holidays.json</c> format. Give it to
/// <see cref="UkCalendars.Create"/> and, for every year it lists a division's holidays, it replaces the computed rules.
/// </summary>
public sealed class BankHolidayFeed
{
    private static readonly (string Key, UkDivision Division)[] DivisionKeys =
    [
        ("england-and-wales", UkDivision.EnglandAndWales),
        ("scotland", UkDivision.Scotland),
        ("northern-ireland", UkDivision.NorthernIreland),
    ];

    private readonly FrozenDictionary<(UkDivision Division, int Year), ImmutableArray<BankHoliday>> _years;

    private BankHolidayFeed(FrozenDictionary<(UkDivision Division, int Year), ImmutableArray<BankHoliday>> years) => _years = years;

    /// <summary>Whether the feed lists the holidays of <paramref name="division"/> for <paramref name="year"/>.</summary>
    /// <param name="division">The division.</param>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when the feed covers that year.</returns>
    public bool Covers(UkDivision division, int year) => _years.ContainsKey((division, year));

    /// <summary>The years the feed covers for one division, in order.</summary>
    /// <param name="division">The division.</param>
    /// <returns>The years.</returns>
    public ImmutableArray<int> YearsCovered(UkDivision division) =>
        [.. _years.Keys.Where(k => k.Division == division).Select(k => k.Year).Order()];

    /// <summary>The holidays the feed lists for one division and year, in date order; empty when it does not cover the year.</summary>
    /// <param name="division">The division.</param>
    /// <param name="year">The year.</param>
    /// <returns>The holidays.</returns>
    public ImmutableArray<BankHoliday> GetBankHolidays(UkDivision division, int year) =>
        _years.TryGetValue((division, year), out var list) ? list : [];

    /// <summary>Reads a feed from JSON text. Bad input of any kind is a refusal, never an exception.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The feed, or <see cref="CalendarsErrorCodes.InvalidBankHolidayFeed"/> naming the JSON path at fault.</returns>
    public static Result<BankHolidayFeed> ParseText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Text with a lone surrogate cannot be turned into UTF-8 for the reader, which would throw; refuse it here.
        for (var i = 0; i < json.Length; i++)
        {
            if (char.IsHighSurrogate(json[i]) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(json[i]))
            {
                return Invalid("$", $"is not valid text: character {i} is half of a surrogate pair");
            }
        }

        return Read(() => JsonSerializer.Deserialize(json, CalendarsJsonContext.Default.DictionaryStringFeedDivision));
    }

    /// <summary>Reads a feed from a UTF-8 JSON stream (the stream is read to its end and left open).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The feed, or <see cref="CalendarsErrorCodes.InvalidBankHolidayFeed"/> naming the JSON path at fault.</returns>
    public static Result<BankHolidayFeed> Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(() => JsonSerializer.Deserialize(utf8Json, CalendarsJsonContext.Default.DictionaryStringFeedDivision));
    }

    /// <summary>Reads a feed from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The feed, <see cref="CalendarsErrorCodes.BankHolidayFeedUnreadable"/> when the file cannot be read, or
    /// <see cref="CalendarsErrorCodes.InvalidBankHolidayFeed"/> when its content is wrong.</returns>
    public static Result<BankHolidayFeed> LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "there is no such file",
                UnauthorizedAccessException => "access to it is denied",
                _ => "it could not be opened",
            };
            return new ContactKitError(
                CalendarsErrorCodes.BankHolidayFeedUnreadable,
                $"The bank-holiday feed {Errors.Excerpt(path)} could not be read ({reason}); check the path and the file's permissions.",
                "path");
        }

        using (stream)
        {
            return Load(stream);
        }
    }

    private static Result<BankHolidayFeed> Read(Func<Dictionary<string, FeedDivision>?> deserialize)
    {
        Dictionary<string, FeedDivision>? root;
        try
        {
            root = deserialize();
        }
        catch (JsonException e)
        {
            // The reader's own message can quote the input, so only its position is repeated.
            return Invalid(SafePath(e.Path), $"is not valid feed JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }

        if (root is null)
        {
            return Invalid("$", "must be an object keyed by division ('england-and-wales', 'scotland', 'northern-ireland')");
        }

        var years = new Dictionary<(UkDivision, int), List<BankHoliday>>();
        var found = false;
        foreach (var (key, division) in DivisionKeys)
        {
            if (!root.TryGetValue(key, out var feedDivision))
            {
                continue;
            }

            found = true;
            var events = feedDivision?.Events ?? [];
            for (var i = 0; i < events.Count; i++)
            {
                var path = $"$['{key}'].events[{i}]";
                var e = events[i];
                if (e is null)
                {
                    return Invalid(path, "must be an event object");
                }

                if (string.IsNullOrWhiteSpace(e.Title))
                {
                    return Invalid(path + ".title", "must name the holiday");
                }

                // The pattern alone would stop reading at a NUL and accept what comes before it, so the shape is checked first.
                var parsed = IsIsoDateShape(e.Date) ? LocalDatePattern.Iso.Parse(e.Date) : null;
                if (parsed is not { Success: true })
                {
                    return Invalid(path + ".date", $"must be a date written yyyy-MM-dd but was {Errors.Excerpt(e.Date)}");
                }

                var date = parsed.Value;
                var key2 = (division, date.Year);
                if (!years.TryGetValue(key2, out var list))
                {
                    years[key2] = list = [];
                }

                if (list.Exists(h => h.Date == date))
                {
                    return Invalid(path + ".date", $"lists {date:yyyy-MM-dd} twice");
                }

                list.Add(new BankHoliday(date, e.Title, e.Notes?.Contains("Substitute", StringComparison.OrdinalIgnoreCase) == true));
            }
        }

        if (!found)
        {
            return Invalid("$", "has none of the division keys 'england-and-wales', 'scotland' or 'northern-ireland'");
        }

        return new BankHolidayFeed(years.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderBy(h => h.Date).ToImmutableArray()));
    }

    // Exactly ten characters, four digits, a hyphen, two digits, a hyphen, two digits.
    private static bool IsIsoDateShape([NotNullWhen(true)] string? text) =>
        text is { Length: 10 } &&
        char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) &&
        text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) &&
        text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    // A reader's path names the input's own property names; it is repeated only when short and made of plain characters.
    private static string SafePath(string? path) =>
        path is { Length: > 0 and <= 64 } && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '.' or '[' or ']' or '\'' or '-' or '_')
            ? path
            : "$";

    private static ContactKitError Invalid(string path, string problem) =>
        new(CalendarsErrorCodes.InvalidBankHolidayFeed, $"The bank-holiday feed at {path} {problem}.", path);

    internal sealed class FeedDivision
    {
        [JsonPropertyName("division")]
        public string? Division { get; set; }

        [JsonPropertyName("events")]
        public List<FeedEvent?>? Events { get; set; }
    }

    internal sealed class FeedEvent
    {
        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("date")]
        public string? Date { get; set; }

        [JsonPropertyName("notes")]
        public string? Notes { get; set; }

        [JsonPropertyName("bunting")]
        public bool? Bunting { get; set; }
    }
}
