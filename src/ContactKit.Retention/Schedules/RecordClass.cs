using System.Text.Json.Serialization;

namespace ContactKit.Retention;

/// <summary>
/// A kind of record that a retention rule governs, named in lower-case words joined by underscores (for example <c>call_recording</c>).
/// The common ones are provided; a host may name its own with <see cref="ParseText"/>.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<RecordClass>))]
public readonly record struct RecordClass : ITextValue<RecordClass>, IComparable<RecordClass>
{
    private readonly string? _value;

    private RecordClass(string value) => _value = value;

    /// <summary>The name.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>A recording of a call.</summary>
    public static RecordClass CallRecording { get; } = new("call_recording");

    /// <summary>A transcript of a call or a chat.</summary>
    public static RecordClass Transcript { get; } = new("transcript");

    /// <summary>A chat (webchat, SMS, social or messaging) conversation.</summary>
    public static RecordClass ChatTranscript { get; } = new("chat_transcript");

    /// <summary>A case record built from one or more contacts.</summary>
    public static RecordClass CaseRecord { get; } = new("case_record");

    /// <summary>An enquiry from someone who is not (or not yet) a customer.</summary>
    public static RecordClass Enquiry { get; } = new("enquiry");

    /// <summary>A customer's account.</summary>
    public static RecordClass CustomerAccount { get; } = new("customer_account");

    /// <summary>A complaint.</summary>
    public static RecordClass Complaint { get; } = new("complaint");

    /// <summary>An entry on a marketing list.</summary>
    public static RecordClass MarketingListEntry { get; } = new("marketing_list_entry");

    /// <summary>A job application.</summary>
    public static RecordClass JobApplication { get; } = new("job_application");

    /// <summary>An employee's file.</summary>
    public static RecordClass EmployeeFile { get; } = new("employee_file");

    /// <summary>Reads a record class name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The record class, or <see cref="RetentionErrorCodes.InvalidName"/>.</returns>
    public static Result<RecordClass> ParseText(string? text) =>
        RetentionName.Validate(text, "record class", RetentionErrorCodes.InvalidName) is { } error ? error : new RecordClass(text!);

    /// <summary>Reads a record class name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The record class.</returns>
    /// <exception cref="ContactKitFormatException">The name breaks the rule (code <c>CK0203</c>).</exception>
    public static RecordClass Parse(string text) => TextValue.OrThrow(ParseText(text));

    /// <inheritdoc />
    public int CompareTo(RecordClass other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
