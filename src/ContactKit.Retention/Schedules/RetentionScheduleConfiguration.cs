using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace ContactKit.Retention;

/// <summary>
/// Reads a retention schedule from a configuration section (for example in <c>appsettings.json</c>) written in the same
/// shape as a schedule's JSON file (<see cref="RetentionScheduleJson"/>): a <c>name</c> and a list of <c>rules</c>, each
/// with its values as text (periods such as <c>"P6M"</c>). The same checks apply; a problem is reported with
/// <see cref="RetentionErrorCodes.InvalidSchedule"/> and the configuration key at fault in <see cref="ContactKitError.Field"/>.
/// </summary>
/// <example>
/// <code>
/// "Schedule": { "name": "Council contact centre", "rules": [
///   { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended",
///     "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" } ] }
/// </code>
/// </example>
public static class RetentionScheduleConfiguration
{
    /// <summary>Reads a schedule from a section.</summary>
    /// <param name="section">The section holding the schedule.</param>
    /// <returns>The schedule, or the first problem.</returns>
    public static Result<RetentionSchedule> Read(IConfiguration section)
    {
        var problems = Check(section, out var document);
        return problems.IsEmpty ? RetentionScheduleValidator.ToSchedule(document) : problems[0];
    }

    /// <summary>Every problem with the schedule in a section, each naming its configuration key.</summary>
    internal static ImmutableArray<ContactKitError> Check(IConfiguration section, out RetentionScheduleDocument document)
    {
        ArgumentNullException.ThrowIfNull(section);
        document = ToDocument(section);
        var path = section is IConfigurationSection own ? own.Path : string.Empty;
        return [.. RetentionScheduleValidator.Check(document).Select(e => e.ForField(Key(path, e.Field)))];
    }

    private static RetentionScheduleDocument ToDocument(IConfiguration section)
    {
        var rules = section.GetSection("rules");
        return new RetentionScheduleDocument
        {
            Name = section["name"],
            Rules = rules.Exists() ? [.. rules.GetChildren().Select(ToRule)] : null,
        };
    }

    private static RetentionRuleDocument? ToRule(IConfigurationSection rule) => !rule.GetChildren().Any() ? null : new RetentionRuleDocument
    {
        Name = rule["name"],
        RecordClass = rule["recordClass"],
        Trigger = rule["trigger"],
        Period = rule["period"],
        ReviewOn = rule["reviewOn"],
        Action = rule["action"],
        Reason = rule["reason"],
        Minimum = rule["minimum"],
        Source = rule["source"],
    };

    /// <summary>Turns the JSON path <c>$.rules[2].period</c> into the key <c>ContactKit:Retention:Schedule:rules:2:period</c>.</summary>
    private static string Key(string sectionPath, string? jsonPath)
    {
        var key = new StringBuilder(sectionPath);
        foreach (var c in (jsonPath ?? "$").AsSpan(1))
        {
            switch (c)
            {
                case '.' or '[':
                    key.Append(':');
                    break;
                case ']':
                    break;
                default:
                    key.Append(c);
                    break;
            }
        }

        return key.Length > 0 && key[0] == ':' ? key.ToString(1, key.Length - 1) : key.ToString();
    }
}
