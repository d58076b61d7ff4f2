using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit;

/// <summary>Names who did something: a member of staff, a service account, the data subject or the system itself.</summary>
/// <remarks>Text rule: see <see cref="IContactKitId{TSelf}"/>. Compared ordinally; serialised to JSON as its text.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<ActorId>))]
public readonly record struct ActorId : IContactKitId<ActorId>
{
    private readonly string? _value;

    private ActorId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    static string IContactKitId<ActorId>.Kind => "actor id";

    static ActorId IContactKitId<ActorId>.FromValidated(string value) => new(value);

    static Result<ActorId> ITextValue<ActorId>.ParseText(string? text) => Identifier.Parse<ActorId>(text);

    /// <summary>Parses a actor id.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks the id rule (code <c>CK0001</c>).</exception>
    public static ActorId Parse(string s) => Identifier.ParseOrThrow<ActorId>(s);

    /// <inheritdoc />
    public static ActorId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a actor id without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ActorId result) => Identifier.TryParse(s, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ActorId result) => TryParse(s, out result);


    /// <inheritdoc />
    public int CompareTo(ActorId other) => string.CompareOrdinal(Value, other.Value);

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
    public static bool operator <(ActorId left, ActorId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ActorId left, ActorId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(ActorId left, ActorId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(ActorId left, ActorId right) => left.CompareTo(right) >= 0;
}
