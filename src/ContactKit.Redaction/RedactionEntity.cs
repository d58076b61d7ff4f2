namespace ContactKit.Redaction;

/// <summary>A kind of value the redactor removes.</summary>
public enum RedactionEntity
{
    /// <summary>A payment card number (PAN), written, split over messages or spoken.</summary>
    CardNumber = 1,

    /// <summary>A card security code (CVV, CVC, CV2), in the context of a card.</summary>
    SecurityCode = 2,

    /// <summary>A card expiry date, in the context of a card.</summary>
    ExpiryDate = 3,

    /// <summary>A UK bank sort code.</summary>
    SortCode = 4,

    /// <summary>A UK bank account number, in the context of bank details.</summary>
    AccountNumber = 5,

    /// <summary>A UK National Insurance number.</summary>
    NationalInsuranceNumber = 6,

    /// <summary>A UK telephone number, in any written form.</summary>
    TelephoneNumber = 7,

    /// <summary>An email address, written or spoken.</summary>
    EmailAddress = 8,

    /// <summary>A UK postcode.</summary>
    Postcode = 9,
}

/// <summary>Which long digit runs count as card numbers.</summary>
public enum CardPolicy
{
    /// <summary>Only 13 to 19 digits that pass the Luhn check and start in a payment-card IIN range (ISO/IEC 7812).</summary>
    Default = 0,

    /// <summary>Any run of 13 to 19 digits, whether or not it passes the Luhn check.</summary>
    Conservative = 1,
}

/// <summary>Names of the entity types as they appear in replacement markers.</summary>
public static class RedactionEntityNames
{
    /// <summary>All entity types, in order.</summary>
    public static IReadOnlyList<RedactionEntity> All { get; } = Enum.GetValues<RedactionEntity>();

    /// <summary>The short name of an entity type used in markers: <c>card-number</c>, <c>sort-code</c> and so on.</summary>
    /// <param name="entity">The entity type.</param>
    /// <returns>The name.</returns>
    public static string MarkerName(this RedactionEntity entity) => entity switch
    {
        RedactionEntity.CardNumber => "card-number",
        RedactionEntity.SecurityCode => "security-code",
        RedactionEntity.ExpiryDate => "expiry-date",
        RedactionEntity.SortCode => "sort-code",
        RedactionEntity.AccountNumber => "account-number",
        RedactionEntity.NationalInsuranceNumber => "ni-number",
        RedactionEntity.TelephoneNumber => "phone-number",
        RedactionEntity.EmailAddress => "email-address",
        RedactionEntity.Postcode => "postcode",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Not a redaction entity."),
    };
}
