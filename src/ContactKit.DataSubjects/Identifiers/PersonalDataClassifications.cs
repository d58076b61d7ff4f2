using Microsoft.Extensions.Compliance.Classification;

namespace ContactKit.DataSubjects;

/// <summary>
/// ContactKit's data categories as <see cref="DataClassification"/>s of the <c>ContactKit</c> taxonomy, so that a host
/// using Microsoft.Extensions.Compliance redaction can redact personal data in logs by category. The value of each
/// classification is the data category key (for example <c>contact.phone</c>).
/// </summary>
public static class PersonalDataClassifications
{
    /// <summary>The taxonomy name: <c>ContactKit</c>.</summary>
    public const string TaxonomyName = "ContactKit";

    /// <summary>A National Insurance number.</summary>
    public static DataClassification NationalInsuranceNumber { get; } = For(DataCategories.NationalInsuranceNumber);

    /// <summary>A telephone number.</summary>
    public static DataClassification TelephoneNumber { get; } = For(DataCategories.Phone);

    /// <summary>An email address.</summary>
    public static DataClassification EmailAddress { get; } = For(DataCategories.Email);

    /// <summary>A postal address or postcode.</summary>
    public static DataClassification PostalAddress { get; } = For(DataCategories.Address);

    /// <summary>A vehicle registration mark.</summary>
    public static DataClassification VehicleRegistration { get; } = For(DataCategories.VehicleRegistration);

    /// <summary>A date of birth.</summary>
    public static DataClassification DateOfBirth { get; } = For(DataCategories.DateOfBirth);

    /// <summary>A person's name.</summary>
    public static DataClassification PersonName { get; } = For(DataCategories.Name);

    /// <summary>The classification of any data category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The classification.</returns>
    public static DataClassification For(DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return For(category.Key);
    }

    /// <summary>The classification of a data category key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The classification.</returns>
    public static DataClassification For(DataCategoryKey key) => new(TaxonomyName, key.Value);

    /// <summary>The classification of an identifier kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The classification.</returns>
    public static DataClassification For(IdentifierKind kind) => kind switch
    {
        IdentifierKind.NationalInsuranceNumber => NationalInsuranceNumber,
        IdentifierKind.TelephoneNumber => TelephoneNumber,
        IdentifierKind.EmailAddress => EmailAddress,
        IdentifierKind.Postcode => PostalAddress,
        IdentifierKind.VehicleRegistration => VehicleRegistration,
        IdentifierKind.DateOfBirth => DateOfBirth,
        IdentifierKind.PersonName => PersonName,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an identifier kind."),
    };
}

/// <summary>Marks a property, field or parameter as personal data of a ContactKit data category, for log redaction.</summary>
/// <param name="categoryKey">The data category key, for example <c>contact.phone</c>.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = true)]
public sealed class PersonalDataAttribute(string categoryKey)
    : DataClassificationAttribute(PersonalDataClassifications.For(DataCategoryKey.Parse(categoryKey)))
{
    /// <summary>The data category key.</summary>
    public string CategoryKey { get; } = categoryKey;
}
