using System.Collections.Immutable;

namespace ContactKit.DataSubjects;

/// <summary>What derived data (an AI sentiment score, an interaction summary) was made from, and what it is used for.</summary>
/// <param name="Sources">The categories it was derived from, for example <c>media.call_recording</c>.</param>
/// <param name="FeedsAutomatedDecision">Whether it feeds a decision made solely by automated means (UK GDPR Art 22).</param>
/// <param name="Method">How it was derived, in words (for example <c>speech analytics model scoring each call</c>).</param>
public sealed record DerivedFrom(ImmutableArray<DataCategoryKey> Sources, bool FeedsAutomatedDecision, string Method)
{
    /// <inheritdoc />
    public bool Equals(DerivedFrom? other) =>
        other is not null && FeedsAutomatedDecision == other.FeedsAutomatedDecision && Method == other.Method &&
        Sources.AsSpan().SequenceEqual(other.Sources.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FeedsAutomatedDecision, Method, Sources.Length);
}

/// <summary>One line of a personal-data inventory: a category of data held in a system, for a purpose, on a lawful basis.</summary>
public sealed record PersonalDataHolding
{
    /// <summary>The category of data.</summary>
    public required DataCategory Category { get; init; }

    /// <summary>The system that holds it (for example <c>call-recorder</c>, <c>crm</c>); matches a personal-data source's name.</summary>
    public required string System { get; init; }

    /// <summary>Why it is held.</summary>
    public required Purpose Purpose { get; init; }

    /// <summary>The lawful basis it is held on.</summary>
    public required LawfulBasis LawfulBasis { get; init; }

    /// <summary>The Article 9 condition, required when the category is special category data.</summary>
    public SpecialCategoryCondition? SpecialCategoryCondition { get; init; }

    /// <summary>For derived data: its sources and whether it feeds an automated decision; <see langword="null"/> for data collected.</summary>
    public DerivedFrom? Derived { get; init; }

    /// <summary>Checks the holding is consistent.</summary>
    /// <returns><see langword="null"/> when valid, otherwise an error with code <see cref="DataSubjectsErrorCodes.InvalidInventoryEntry"/>.</returns>
    public ContactKitError? Validate()
    {
        if (Category is null)
        {
            return Invalid(nameof(Category), "has no category");
        }

        if (string.IsNullOrWhiteSpace(System))
        {
            return Invalid(nameof(System), "does not name the system that holds it");
        }

        if (Category.IsNeverStored)
        {
            return Invalid(nameof(Category), $"is {Errors.Excerpt(Category.Key.ToString())}, which is never stored, so it cannot be held");
        }

        if (Category.IsSpecialCategory && SpecialCategoryCondition is null)
        {
            return Invalid(nameof(SpecialCategoryCondition), $"is special category data ({Errors.Excerpt(Category.Key.ToString())}) without an Art 9(2) condition");
        }

        if (Category.IsDerived && Derived is null)
        {
            return Invalid(nameof(Derived), $"is derived data ({Errors.Excerpt(Category.Key.ToString())}) but does not say what it was derived from");
        }

        if (Derived is not null && (Derived.Sources.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(Derived.Method)))
        {
            return Invalid(nameof(Derived), "is derived data without its source categories or the method that derived it");
        }

        return null;
    }

    private ContactKitError Invalid(string field, string problem) =>
        new(DataSubjectsErrorCodes.InvalidInventoryEntry, $"The holding of {Errors.Excerpt(Category?.Key.ToString())} in {Errors.Excerpt(System)} {problem}.", field);
}

/// <summary>
/// Which categories of personal data the tenant holds about a subject, where, why and on which lawful basis. Built with
/// <see cref="Create"/>, which checks every holding.
/// </summary>
public sealed class PersonalDataInventory
{
    private PersonalDataInventory(TenantId tenant, DataSubjectId subject, ImmutableArray<PersonalDataHolding> holdings)
    {
        Tenant = tenant;
        Subject = subject;
        Holdings = holdings;
    }

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>The data subject.</summary>
    public DataSubjectId Subject { get; }

    /// <summary>Every holding, in the order given.</summary>
    public ImmutableArray<PersonalDataHolding> Holdings { get; }

    /// <summary>The holdings of derived data.</summary>
    public IEnumerable<PersonalDataHolding> DerivedHoldings => Holdings.Where(h => h.Derived is not null);

    /// <summary>The holdings that feed a solely automated decision, for which Art 22 review applies.</summary>
    public IEnumerable<PersonalDataHolding> FeedingAutomatedDecisions => Holdings.Where(h => h.Derived?.FeedsAutomatedDecision == true);

    /// <summary>Builds an inventory, checking every holding.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="holdings">The holdings.</param>
    /// <returns>The inventory, or the first holding's error with its index in the field.</returns>
    public static Result<PersonalDataInventory> Create(TenantId tenant, DataSubjectId subject, IEnumerable<PersonalDataHolding> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var list = holdings.ToImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                return Errors.Required($"holdings[{i}]");
            }

            if (list[i].Validate() is { } error)
            {
                return error.ForField($"holdings[{i}].{error.Field}");
            }
        }

        return new PersonalDataInventory(tenant, subject, list);
    }

    /// <summary>The holdings of a category or any category beneath it (<c>media</c> includes <c>media.call_recording</c>).</summary>
    /// <param name="category">The category.</param>
    /// <returns>The holdings.</returns>
    public IEnumerable<PersonalDataHolding> InCategory(DataCategoryKey category) =>
        Holdings.Where(h => h.Category.Key.IsWithin(category));
}
