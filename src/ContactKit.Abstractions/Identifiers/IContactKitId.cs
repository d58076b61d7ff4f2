namespace ContactKit;

/// <summary>
/// A strongly typed, immutable id. Its text is 1 to 128 characters of letters, digits and <c>. _ - :</c>,
/// starting with a letter or digit, compared ordinally (case matters). Every id parses the same three ways:
/// <c>Parse</c> (throws), <c>TryParse</c> and <c>ParseText</c> (a result naming the rule broken), and is
/// <see cref="ISpanParsable{TSelf}"/>, so configuration and route binding read it too.
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IContactKitId<TSelf> : ITextValue<TSelf>, IEquatable<TSelf>, IComparable<TSelf>, IComparable, ISpanParsable<TSelf>, ISpanFormattable
    where TSelf : struct, IContactKitId<TSelf>;
