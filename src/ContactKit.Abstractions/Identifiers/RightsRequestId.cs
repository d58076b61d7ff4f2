using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit;

/// <summary>Names a request by a data subject to exercise one of their rights (access, erasure, ...).</summary>
/// <remarks>Text rule: see <see cref="IContactKitId{TSelf}"/>. Compared ordinally; serialised to JSON as its text.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<RightsRequestId>))]
public readonly record struct RightsRequestId : IContactKitId<RightsRequestId>
{
    private readonly string? _value;

    private RightsRequestId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    static string IContactKitId<RightsRequestId>.Kind => "rights request id";

    static RightsRequestId IContactKitId<RightsRequestId>.FromValidated(string value) => new(value);

    static Result<RightsRequestId> ITextValue<RightsRequestId>.ParseText(string? text) => Identifier.Parse<RightsRequestId>(text);

    /// <summary>Parses a rights request id.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks the id rule (code <c>CK0001</c>).</exception>
    public static RightsRequestId Parse(string s) => Identifier.ParseOrThrow<RightsRequestId>(s);

    /// <inheritdoc />
    public static RightsRequestId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a rights request id without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out RightsRequestId result) => Identifier.TryParse(s, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RightsRequestId result) => TryParse(s, out result);

    /// <summary>Generates a new, time-ordered, random rights request id.</summary>
    /// <returns>The new id.</returns>
    public static RightsRequestId New() => Identifier.New<RightsRequestId>();

    /// <inheritdoc />
    public int CompareTo(RightsRequestId other) => string.CompareOrdinal(Value, other.Value);

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
    public static bool operator <(RightsRequestId left, RightsRequestId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(RightsRequestId left, RightsRequestId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(RightsRequestId left, RightsRequestId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(RightsRequestId left, RightsRequestId right) => left.CompareTo(right) >= 0;
}
