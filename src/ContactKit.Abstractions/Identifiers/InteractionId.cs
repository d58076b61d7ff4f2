using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit.Serialization;

namespace ContactKit;

/// <summary>Names one interaction: a call, chat, message thread or letter, on any channel.</summary>
/// <remarks>Text rule: see <see cref="IContactKitId{TSelf}"/>. Compared ordinally; serialised to JSON as its text.</remarks>
[JsonConverter(typeof(TextValueJsonConverter<InteractionId>))]
public readonly record struct InteractionId : IContactKitId<InteractionId>
{
    private readonly string? _value;

    private InteractionId(string value) => _value = value;

    /// <inheritdoc />
    public string Value => _value ?? string.Empty;

    static string IContactKitId<InteractionId>.Kind => "interaction id";

    static InteractionId IContactKitId<InteractionId>.FromValidated(string value) => new(value);

    static Result<InteractionId> ITextValue<InteractionId>.ParseText(string? text) => Identifier.Parse<InteractionId>(text);

    /// <summary>Parses a interaction id.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks the id rule (code <c>CK0001</c>).</exception>
    public static InteractionId Parse(string s) => Identifier.ParseOrThrow<InteractionId>(s);

    /// <inheritdoc />
    public static InteractionId Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses a interaction id without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The id, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out InteractionId result) => Identifier.TryParse(s, out result);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out InteractionId result) => TryParse(s, out result);

    /// <summary>Generates a new, time-ordered, random interaction id.</summary>
    /// <returns>The new id.</returns>
    public static InteractionId New() => Identifier.New<InteractionId>();

    /// <inheritdoc />
    public int CompareTo(InteractionId other) => string.CompareOrdinal(Value, other.Value);

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
    public static bool operator <(InteractionId left, InteractionId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(InteractionId left, InteractionId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(InteractionId left, InteractionId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(InteractionId left, InteractionId right) => left.CompareTo(right) >= 0;
}
