using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactKit.Calendars;

// The source-generated reader of the bank-holiday feed; nothing else in the package is JSON.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Dictionary<string, BankHolidayFeed.FeedDivision>))]
internal sealed partial class CalendarsJsonContext : JsonSerializerContext;
