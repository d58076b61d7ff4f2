using System.Text.Json.Serialization;

namespace ContactKit.Retention;

/// <summary>
/// The event that starts a retention clock, named in lower-case words joined by underscores. <see cref="Created"/> is known for every
/// item; the others are recorded on the item when they happen, and may never happen.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<RetentionTrigger>))]
public readonly record struct RetentionTrigger : ITextValue<RetentionTrigger>, IComparable<RetentionTrigger>
{
    private readonly string? _value;

    private RetentionTrigger(string value) => _value = value;

    /// <summary>The name.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The item was created.</summary>
    public static RetentionTrigger Created { get; } = new("created");

    /// <summary>The call, chat or other interaction ended.</summary>
    public static RetentionTrigger InteractionEnded { get; } = new("interaction_ended");

    /// <summary>The customer relationship ended.</summary>
    public static RetentionTrigger RelationshipEnded { get; } = new("relationship_ended");

    /// <summary>The case was closed.</summary>
    public static RetentionTrigger CaseClosed { get; } = new("case_closed");

    /// <summary>A decision was made on the application (for example, an applicant was not successful).</summary>
    public static RetentionTrigger ApplicationDecided { get; } = new("application_decided");

    /// <summary>The employment ended.</summary>
    public static RetentionTrigger EmploymentEnded { get; } = new("employment_ended");

    /// <summary>Reads a trigger name; any well-formed name is a named event the host records when it happens.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The trigger, or <see cref="RetentionErrorCodes.InvalidName"/>.</returns>
    public static Result<RetentionTrigger> ParseText(string? text) =>
        RetentionName.Validate(text, "trigger", RetentionErrorCodes.InvalidName) is { } error ? error : new RetentionTrigger(text!);

    /// <summary>Reads a trigger name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ContactKitFormatException">The name breaks the rule (code <c>CK0203</c>).</exception>
    public static RetentionTrigger Parse(string text) => TextValue.OrThrow(ParseText(text));

    /// <inheritdoc />
    public int CompareTo(RetentionTrigger other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
