namespace ContactKit;

/// <summary>A value that is written as text and validated when read: ids, purposes, data category keys, jurisdictions.</summary>
/// <typeparam name="TSelf">The value type itself.</typeparam>
public interface ITextValue<TSelf>
    where TSelf : ITextValue<TSelf>
{
    /// <summary>The canonical text.</summary>
    string Value { get; }

    /// <summary>Parses text, reporting a refusal as a result with the code and rule.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, or the error.</returns>
    static abstract Result<TSelf> ParseText(string? text);
}
