using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>An identifier of a data subject that someone checked, with when and how.</summary>
/// <param name="Identifier">The identifier.</param>
/// <param name="VerifiedAt">When it was checked.</param>
/// <param name="Method">How it was checked, in words (for example <c>code sent by SMS and read back</c>).</param>
public sealed record VerifiedIdentifier(SubjectIdentifier Identifier, Instant VerifiedAt, string Method);

/// <summary>
/// A person the tenant holds personal data about: what kind of person they are to the tenant and the identifiers that
/// have been verified as theirs. Immutable; the <c>With</c> methods return changed copies.
/// </summary>
public sealed record DataSubject
{
    private readonly ImmutableArray<VerifiedIdentifier> _identifiers = [];

    /// <summary>The tenant that holds the data.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The subject's id.</summary>
    public required DataSubjectId Id { get; init; }

    /// <summary>What kind of person the subject is to the tenant.</summary>
    public required DataSubjectKind Kind { get; init; }

    /// <summary>The verified identifiers, one per kind and value, in the order they were first verified.</summary>
    public ImmutableArray<VerifiedIdentifier> Identifiers
    {
        get => _identifiers;
        init => _identifiers = value.IsDefault ? [] : value;
    }

    /// <summary>Records that an identifier was verified; verifying the same identifier again keeps the first record.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <param name="at">When it was verified.</param>
    /// <param name="method">How it was verified.</param>
    /// <returns>The changed subject, or an error with code <see cref="ErrorCodes.Required"/> when no method is given.</returns>
    public Result<DataSubject> WithVerifiedIdentifier(SubjectIdentifier identifier, Instant at, string method)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            return Errors.Required(nameof(method));
        }

        if (string.IsNullOrEmpty(identifier.Value))
        {
            return Errors.Required(nameof(identifier));
        }

        return IsKnownBy(identifier) ? this : this with { Identifiers = Identifiers.Add(new VerifiedIdentifier(identifier, at, method)) };
    }

    /// <summary>Whether the identifier has been verified as this subject's.</summary>
    /// <param name="identifier">The identifier, in canonical form.</param>
    /// <returns><see langword="true"/> when verified.</returns>
    public bool IsKnownBy(SubjectIdentifier identifier) => Identifiers.Any(v => v.Identifier == identifier);

    /// <inheritdoc />
    public bool Equals(DataSubject? other) =>
        other is not null && Tenant == other.Tenant && Id == other.Id && Kind == other.Kind && Identifiers.SequenceEqual(other.Identifiers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Id, Kind, Identifiers.Length);
}
