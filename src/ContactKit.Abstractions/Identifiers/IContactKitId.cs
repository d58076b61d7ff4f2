namespace ContactKit;

/// <summary>
/// A strongly typed, immutable id. Its text is 1 to 128 characters of letters, digits and <c>. _ - :</c>,
/// starting with a letter or digit, compared ordinally (case matters).
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IContactKitId<TSelf> : ITextValue<TSelf>, IEquatable<TSelf>, IComparable<TSelf>, IComparable, IParsable<TSelf>, ISpanFormattable
    where TSelf : struct, IContactKitId<TSelf>
{
    /// <summary>What the id names, in words, for error messages (for example <c>tenant id</c>).</summary>
    static abstract string Kind { get; }

    /// <summary>Wraps text that has already been validated.</summary>
    /// <param name="value">The validated text.</param>
    /// <returns>The id.</returns>
    static abstract TSelf FromValidated(string value);
}
