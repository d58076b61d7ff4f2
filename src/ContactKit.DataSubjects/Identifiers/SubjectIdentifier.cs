using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>The kinds of personal identifier a data subject can be found by.</summary>
public enum IdentifierKind
{
    /// <summary>A UK National Insurance number.</summary>
    NationalInsuranceNumber = 1,

    /// <summary>A telephone number in E.164 form.</summary>
    TelephoneNumber = 2,

    /// <summary>An email address.</summary>
    EmailAddress = 3,

    /// <summary>A UK postcode.</summary>
    Postcode = 4,

    /// <summary>A UK vehicle registration mark.</summary>
    VehicleRegistration = 5,

    /// <summary>A date of birth.</summary>
    DateOfBirth = 6,

    /// <summary>A person's name.</summary>
    PersonName = 7,
}

/// <summary>
/// One validated identifier of any kind, in canonical form: what a subject record and a search hold. Create it from a
/// typed identifier (<c>SubjectIdentifier.From(nino)</c>) or parse it with <see cref="ParseText(IdentifierKind, string?, LocalDate)"/>.
/// </summary>
/// <remarks><see cref="ToString"/> returns the masked form.</remarks>
[JsonConverter(typeof(SubjectIdentifierJsonConverter))]
public readonly record struct SubjectIdentifier
{
    private SubjectIdentifier(IdentifierKind kind, string value, string masked)
    {
        Kind = kind;
        Value = value;
        Masked = masked;
    }

    /// <summary>The kind of identifier.</summary>
    public IdentifierKind Kind { get; }

    /// <summary>The canonical text.</summary>
    public string Value { get; }

    /// <summary>The masked text for display and logs.</summary>
    public string Masked { get; }

    /// <summary>The data category the identifier belongs to.</summary>
    public DataCategory Category => Kind switch
    {
        IdentifierKind.NationalInsuranceNumber => DataCategories.NationalInsuranceNumber,
        IdentifierKind.TelephoneNumber => DataCategories.Phone,
        IdentifierKind.EmailAddress => DataCategories.Email,
        IdentifierKind.Postcode => DataCategories.Address,
        IdentifierKind.VehicleRegistration => DataCategories.VehicleRegistration,
        IdentifierKind.DateOfBirth => DataCategories.DateOfBirth,
        IdentifierKind.PersonName => DataCategories.Name,
        _ => DataCategories.Identifier,
    };

    /// <summary>Wraps a National Insurance number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(NationalInsuranceNumber value) => new(IdentifierKind.NationalInsuranceNumber, value.Value, value.Masked);

    /// <summary>Wraps a telephone number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(TelephoneNumber value) => new(IdentifierKind.TelephoneNumber, value.Value, value.Masked);

    /// <summary>Wraps an email address.</summary>
    /// <param name="value">The address.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(EmailAddress value) => new(IdentifierKind.EmailAddress, value.Value, value.Masked);

    /// <summary>Wraps a postcode.</summary>
    /// <param name="value">The postcode.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(UkPostcode value) => new(IdentifierKind.Postcode, value.Value, value.Masked);

    /// <summary>Wraps a vehicle registration mark.</summary>
    /// <param name="value">The mark.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(VehicleRegistration value) => new(IdentifierKind.VehicleRegistration, value.Value, value.Masked);

    /// <summary>Wraps a date of birth.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(DateOfBirth value) => new(IdentifierKind.DateOfBirth, value.Value, value.Masked);

    /// <summary>Wraps a person's name.</summary>
    /// <param name="value">The name.</param>
    /// <returns>The identifier.</returns>
    public static SubjectIdentifier From(PersonName value) => new(IdentifierKind.PersonName, value.Value, value.Masked);

    /// <summary>Parses text as an identifier of the given kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="text">The text.</param>
    /// <param name="today">Today's date in the tenant's zone, for dates of birth.</param>
    /// <returns>The identifier, the kind's parse error, or an error with code <see cref="DataSubjectsErrorCodes.UnknownIdentifierKind"/> when the kind is not defined.</returns>
    public static Result<SubjectIdentifier> ParseText(IdentifierKind kind, string? text, LocalDate today) => kind switch
    {
        IdentifierKind.NationalInsuranceNumber => NationalInsuranceNumber.ParseText(text).Map(From),
        IdentifierKind.TelephoneNumber => TelephoneNumber.ParseText(text).Map(From),
        IdentifierKind.EmailAddress => EmailAddress.ParseText(text).Map(From),
        IdentifierKind.Postcode => UkPostcode.ParseText(text).Map(From),
        IdentifierKind.VehicleRegistration => VehicleRegistration.ParseText(text).Map(From),
        IdentifierKind.DateOfBirth => DateOfBirth.ParseText(text, today).Map(From),
        IdentifierKind.PersonName => PersonName.ParseText(text).Map(From),
        _ => new ContactKitError(DataSubjectsErrorCodes.UnknownIdentifierKind, $"The identifier kind {Errors.Excerpt(kind.ToString())} is not defined; use one of {string.Join(", ", Enum.GetNames<IdentifierKind>())}.", "kind"),
    };

    /// <summary>Parses a stored identifier: as <see cref="ParseText"/>, but a date of birth is checked for format and earliest year only.</summary>
    internal static Result<SubjectIdentifier> ParseStored(IdentifierKind kind, string? text) =>
        kind == IdentifierKind.DateOfBirth ? DateOfBirth.ParseText(text).Map(From) : ParseText(kind, text, default);

    /// <summary>Returns the kind and the masked text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind} {Masked}";
}

/// <summary>Writes a <see cref="SubjectIdentifier"/> as <c>{"kind":"...","value":"..."}</c> and reads it back through validation.</summary>
internal sealed class SubjectIdentifierJsonConverter : JsonConverter<SubjectIdentifier>
{
    public override SubjectIdentifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object with 'kind' and 'value' for an identifier.");
        }

        IdentifierKind? kind = null;
        string? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "kind", StringComparison.OrdinalIgnoreCase))
            {
                kind = Enum.TryParse<IdentifierKind>(reader.GetString(), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : throw new JsonException("'kind' is not an identifier kind.");
            }
            else if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase))
            {
                value = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (kind is null)
        {
            throw new JsonException("An identifier needs a 'kind'.");
        }

        var result = SubjectIdentifier.ParseStored(kind.Value, value);
        return result.IsSuccess ? result.Value : throw new JsonException(result.Error.ToString(), new ContactKitFormatException(result.Error));
    }

    public override void Write(Utf8JsonWriter writer, SubjectIdentifier value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind.ToString());
        writer.WriteString("value", value.Value);
        writer.WriteEndObject();
    }
}
