namespace ContactKit;

/// <summary>
/// Marks a <c>readonly partial record struct</c> as a ContactKit id; the id generator in <c>eng/ContactKit.Generators</c>
/// writes its members (see <see cref="IContactKitId{TSelf}"/>).
/// </summary>
/// <param name="kind">What the id names, in words, for error messages (for example <c>tenant id</c>).</param>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
internal sealed class ContactKitIdAttribute(string kind) : Attribute
{
    /// <summary>What the id names, in words.</summary>
    public string Kind { get; } = kind;

    /// <summary>Whether the id has a <c>New()</c> that generates a random, time-ordered id.</summary>
    public bool CanCreate { get; init; }
}
