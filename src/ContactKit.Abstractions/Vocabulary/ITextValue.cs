using System.Diagnostics.CodeAnalysis;

namespace ContactKit;

/// <summary>
/// A value that is written as text and validated when read: ids, purposes, data category keys, jurisdictions, record
/// classes, personal identifiers. Every one reads text the same ways: <c>ParseText</c> gives a result naming the rule
/// broken (for input that may be wrong), <c>Parse</c> throws <see cref="ContactKitFormatException"/> (a
/// <see cref="FormatException"/>) with that rule, and <c>TryParse</c> says yes or no. As an
/// <see cref="ISpanParsable{TSelf}"/> it is read by configuration and route binding too; the format provider is not used.
/// </summary>
/// <typeparam name="TSelf">The value type itself.</typeparam>
public interface ITextValue<TSelf> : ISpanParsable<TSelf>
    where TSelf : ITextValue<TSelf>
{
    /// <summary>The canonical text.</summary>
    string Value { get; }

    /// <summary>Parses text, reporting a refusal as a result with the code and rule.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, or the error.</returns>
    static abstract Result<TSelf> ParseText(string? text);

    /// <inheritdoc />
    static TSelf IParsable<TSelf>.Parse(string s, IFormatProvider? provider) => TextValue.OrThrow(TSelf.ParseText(s));

    /// <inheritdoc />
    static bool IParsable<TSelf>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result) =>
        TSelf.ParseText(s).TryGetValue(out result);

    /// <inheritdoc />
    static TSelf ISpanParsable<TSelf>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextValue.OrThrow(TSelf.ParseText(s.ToString()));

    /// <inheritdoc />
    static bool ISpanParsable<TSelf>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out TSelf result) =>
        TSelf.ParseText(s.ToString()).TryGetValue(out result);
}

/// <summary>The one way a refused <c>ParseText</c> becomes the exception that <c>Parse</c> documents.</summary>
internal static class TextValue
{
    public static T OrThrow<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
}
