using System.Collections.Immutable;
using System.Text.Json;
using ContactKit.Retention;

namespace ContactKit.Retention;

/// <summary>
/// Reads and writes retention schedules as JSON (source-generated, trim-safe). Every value is checked; a problem is
/// reported with <see cref="RetentionErrorCodes.InvalidSchedule"/>, the JSON path in
/// <see cref="ContactKitError.Field"/> and the rule broken in the message.
/// </summary>
/// <example>
/// <code>
/// { "name": "Council contact centre", "rules": [
///   { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended",
///     "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" } ] }
/// </code>
/// </example>
public static class RetentionScheduleJson
{
    /// <summary>Reads a schedule.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The schedule, or the first problem (use <see cref="Check"/> to see them all).</returns>
    public static Result<RetentionSchedule> ParseText(string json)
    {
        var problems = Read(json, out var document);
        return problems.IsEmpty ? RetentionScheduleValidator.ToSchedule(document!) : problems[0];
    }

    /// <summary>Reads a schedule from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream, read to its end and left open.</param>
    /// <returns>The schedule, or the first problem.</returns>
    public static Result<RetentionSchedule> Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, leaveOpen: true);
        return ParseText(reader.ReadToEnd());
    }

    /// <summary>Every problem with a schedule's JSON, each naming its JSON path and rule.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The problems; empty when the schedule is sound.</returns>
    public static ImmutableArray<ContactKitError> Check(string json) => Read(json, out _);

    /// <summary>Writes a schedule as JSON that <see cref="ParseText"/> reads back to an equal schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(RetentionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return JsonSerializer.Serialize(RetentionScheduleValidator.ToDocument(schedule), RetentionJsonContext.Default.RetentionScheduleDocument);
    }

    private static ImmutableArray<ContactKitError> Read(string json, out RetentionScheduleDocument? document)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (UnpairedSurrogate(json) is { } at)
        {
            document = null;
            return [new ContactKitError(RetentionErrorCodes.InvalidSchedule, $"The schedule is not valid text: character {at} is half of a UTF-16 surrogate pair, which JSON cannot carry.", "$")];
        }

        try
        {
            document = JsonSerializer.Deserialize(json, RetentionJsonContext.Default.RetentionScheduleDocument);
        }
        catch (JsonException e)
        {
            document = null;
            var path = e.Path ?? "$";
            return [new ContactKitError(RetentionErrorCodes.InvalidSchedule, $"The schedule at {Errors.Excerpt(path)} is not valid JSON of the expected shape: every value is text (periods such as \"P6M\").", path)];
        }

        if (document is null)
        {
            return [new ContactKitError(RetentionErrorCodes.InvalidSchedule, "The schedule must be a JSON object with 'name' and 'rules'.", "$")];
        }

        return RetentionScheduleValidator.Check(document);
    }

    private static int? UnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }
}
