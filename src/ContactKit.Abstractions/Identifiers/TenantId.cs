using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit;

/// <summary>Names a tenant: the council, reseller customer or bureau client whose commitments apply. Every operation in ContactKit is scoped to one tenant.</summary>
/// <remarks>Text rule: see <see cref="IContactKitId{TSelf}"/>. Compared ordinally; serialised to JSON as its text.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<TenantId>))]
public readonly record struct TenantId : IContactKitId<TenantId>
{
    private readonly string? _value;

    private TenantId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    static string IContactKitId<TenantId>.Kind => "tenant id";

    static TenantId IContactKitId<TenantId>.FromValidated(string value) => new(value);

    static Result<TenantId> ITextValue<TenantId>.ParseText(string? text) => Identifier.Parse<TenantId>(text);

    /// <summary>Parses a tenant id.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks the id rule (code <c>CK0001</c>).</exception>
    public static TenantId Parse(string s) => Identifier.ParseOrThrow<TenantId>(s);

    /// <inheritdoc />
    public static TenantId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a tenant id without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out TenantId result) => Identifier.TryParse(s, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TenantId result) => TryParse(s, out result);


    /// <inheritdoc />
    public int CompareTo(TenantId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => Identifier.CompareTo(this, obj);

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => Value;

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Identifier.TryFormat(_value, destination, out charsWritten);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(TenantId left, TenantId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(TenantId left, TenantId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(TenantId left, TenantId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(TenantId left, TenantId right) => left.CompareTo(right) >= 0;
}
