using System.Text.Json.Serialization;
using ContactKit;

namespace ContactKit;

/// <summary>
/// The key of a personal data category: lower-case segments joined by dots, broadest first
/// (for example <c>identifier.national_insurance_number</c>). Each dotted prefix names the parent category.
/// </summary>
/// <remarks>A key says nothing on its own about whether the category exists; <see cref="DataCategoryTaxonomy.Resolve(string)"/> does.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<DataCategoryKey>))]
public readonly record struct DataCategoryKey : ITextValue<DataCategoryKey>, IComparable<DataCategoryKey>
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    private DataCategoryKey(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    /// <summary>The parent category's key (<c>contact</c> for <c>contact.phone</c>), or <see langword="null"/> for a top-level key.</summary>
    public DataCategoryKey? Parent
    {
        get
        {
            var dot = Value.LastIndexOf('.');
            return dot < 0 ? null : new DataCategoryKey(Value[..dot]);
        }
    }

    /// <summary>Whether this key is <paramref name="ancestor"/> or sits beneath it.</summary>
    /// <param name="ancestor">The broader key.</param>
    /// <returns><see langword="true"/> for <c>contact.phone</c> within <c>contact</c>.</returns>
    public bool IsWithin(DataCategoryKey ancestor) =>
        Value == ancestor.Value ||
        (Value.Length > ancestor.Value.Length && Value.StartsWith(ancestor.Value, StringComparison.Ordinal) && Value[ancestor.Value.Length] == '.');

    /// <summary>Checks the key's form.</summary>
    /// <param name="text">The key.</param>
    /// <returns>The key, or an error with code <see cref="ErrorCodes.InvalidDataCategoryKey"/>.</returns>
    public static Result<DataCategoryKey> ParseText(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return Invalid(text);
        }

        foreach (var range in text.AsSpan().Split('.'))
        {
            if (!KeyText.IsSegment(text.AsSpan()[range]))
            {
                return Invalid(text);
            }
        }

        return new DataCategoryKey(text);
    }

    /// <summary>Parses a key.</summary>
    /// <param name="text">The key.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ContactKitFormatException">The key breaks the rule (code <c>CK0003</c>).</exception>
    public static DataCategoryKey Parse(string text)
    {
        var result = ParseText(text);
        return result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
    }

    /// <inheritdoc />
    public int CompareTo(DataCategoryKey other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Returns the key.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value;

    private static ContactKitError Invalid(string? text) => new(
        ErrorCodes.InvalidDataCategoryKey,
        $"A data category key must be lower-case segments of letters, digits and underscores joined by dots, each starting with a letter, at most {MaxLength} characters (for example 'contact.phone'); {Errors.Excerpt(text)} is not.",
        "category");
}
