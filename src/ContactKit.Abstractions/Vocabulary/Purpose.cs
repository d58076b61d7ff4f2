using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit;

/// <summary>
/// Why personal data is processed, as a key of lower-case words joined by underscores (for example
/// <c>quality_monitoring</c>). The common purposes are predefined; a host may name its own.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<Purpose>))]
public readonly record struct Purpose : ITextValue<Purpose>, IComparable<Purpose>
{
    /// <summary>The longest purpose key accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private Purpose(string value) => _value = value;

    /// <summary>Training staff.</summary>
    public static Purpose Training { get; } = new("training");

    /// <summary>Monitoring the quality of service.</summary>
    public static Purpose QualityMonitoring { get; } = new("quality_monitoring");

    /// <summary>Protecting children and adults at risk.</summary>
    public static Purpose Safeguarding { get; } = new("safeguarding");

    /// <summary>Preventing and detecting crime.</summary>
    public static Purpose CrimePrevention { get; } = new("crime_prevention");

    /// <summary>Resolving disputes and complaints about what was said.</summary>
    public static Purpose DisputeResolution { get; } = new("dispute_resolution");

    /// <summary>Providing the service the person asked for.</summary>
    public static Purpose ServiceDelivery { get; } = new("service_delivery");

    /// <summary>Handling complaints.</summary>
    public static Purpose ComplaintHandling { get; } = new("complaint_handling");

    /// <summary>Meeting a legal obligation.</summary>
    public static Purpose LegalObligation { get; } = new("legal_obligation");

    /// <summary>Internal reporting and statistics.</summary>
    public static Purpose Reporting { get; } = new("reporting");

    /// <summary>Direct marketing.</summary>
    public static Purpose Marketing { get; } = new("marketing");

    /// <summary>Sharing with partners for their own purposes.</summary>
    public static Purpose PartnerSharing { get; } = new("partner_sharing");

    /// <summary>Improving services.</summary>
    public static Purpose ServiceImprovement { get; } = new("service_improvement");

    /// <summary>Recruiting staff.</summary>
    public static Purpose Recruitment { get; } = new("recruitment");

    /// <summary>Managing employment.</summary>
    public static Purpose EmploymentManagement { get; } = new("employment_management");

    /// <summary>Referring the contact to the relevant internal service.</summary>
    public static Purpose InternalReferral { get; } = new("internal_referral");

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a purpose key.</summary>
    /// <param name="text">The key, for example <c>quality_monitoring</c>.</param>
    /// <returns>The purpose, or an error with code <see cref="ErrorCodes.InvalidPurpose"/>.</returns>
    public static Result<Purpose> ParseText(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !KeyText.IsSegment(text))
        {
            return new ContactKitError(
                ErrorCodes.InvalidPurpose,
                $"A purpose must be 1 to {MaxLength} lower-case letters, digits and underscores, starting with a letter (for example 'quality_monitoring'); {Errors.Excerpt(text)} is not.",
                "purpose");
        }

        return new Purpose(text);
    }

    /// <summary>Parses a purpose key.</summary>
    /// <param name="text">The key.</param>
    /// <returns>The purpose.</returns>
    /// <exception cref="ContactKitFormatException">The key breaks the rule (code <c>CK0006</c>).</exception>
    public static Purpose Parse(string text)
    {
        var result = ParseText(text);
        return result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
    }

    /// <inheritdoc />
    public int CompareTo(Purpose other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the key.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value;
}
