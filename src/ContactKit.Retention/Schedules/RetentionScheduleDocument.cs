using System.Text.Json.Serialization;

namespace ContactKit.Retention;

/// <summary>The JSON shape of a schedule: every value as written, so that validation can name what is wrong.</summary>
internal sealed class RetentionScheduleDocument
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("rules")]
    public List<RetentionRuleDocument?>? Rules { get; set; }
}

/// <summary>The JSON shape of one rule.</summary>
internal sealed class RetentionRuleDocument
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("recordClass")]
    public string? RecordClass { get; set; }

    [JsonPropertyName("trigger")]
    public string? Trigger { get; set; }

    [JsonPropertyName("period")]
    public string? Period { get; set; }

    [JsonPropertyName("reviewOn")]
    public string? ReviewOn { get; set; }

    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("minimum")]
    public string? Minimum { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }
}
