using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit;

/// <summary>Names one party to an interaction: the caller, an agent, a supervisor, a third party on transfer or conference.</summary>
/// <remarks>Text rule: see <see cref="IContactKitId{TSelf}"/>. Compared ordinally; serialised to JSON as its text.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<PartyId>))]
public readonly record struct PartyId : IContactKitId<PartyId>
{
    private readonly string? _value;

    private PartyId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    static string IContactKitId<PartyId>.Kind => "party id";

    static PartyId IContactKitId<PartyId>.FromValidated(string value) => new(value);

    static Result<PartyId> ITextValue<PartyId>.ParseText(string? text) => Identifier.Parse<PartyId>(text);

    /// <summary>Parses a party id.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks the id rule (code <c>CK0001</c>).</exception>
    public static PartyId Parse(string s) => Identifier.ParseOrThrow<PartyId>(s);

    /// <inheritdoc />
    public static PartyId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a party id without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out PartyId result) => Identifier.TryParse(s, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PartyId result) => TryParse(s, out result);

    /// <summary>Generates a new, time-ordered, random party id.</summary>
    /// <returns>The new id.</returns>
    public static PartyId New() => Identifier.New<PartyId>();

    /// <inheritdoc />
    public int CompareTo(PartyId other) => string.CompareOrdinal(Value, other.Value);

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
    public static bool operator <(PartyId left, PartyId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PartyId left, PartyId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(PartyId left, PartyId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(PartyId left, PartyId right) => left.CompareTo(right) >= 0;
}
