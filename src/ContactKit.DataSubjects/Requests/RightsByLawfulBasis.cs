using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ContactKit.DataSubjects;

/// <summary>Whether a right applies to data held on a lawful basis, and if not, the article that says so.</summary>
/// <param name="Right">The right.</param>
/// <param name="LawfulBasis">The lawful basis.</param>
/// <param name="Applies">Whether the right applies.</param>
/// <param name="Article">The article that grants or limits the right (for example <c>Art 17(3)(b)</c>).</param>
/// <param name="Reason">Why, in words a requester can read.</param>
public sealed record RightApplicability(DataSubjectRight Right, LawfulBasis LawfulBasis, bool Applies, string Article, string Reason);

/// <summary>
/// The table of which rights apply under which lawful basis (UK GDPR Articles 17, 20 and 21, as the ICO summarises
/// them). Access, rectification, restriction, objection to direct marketing and review of an automated decision apply
/// whatever the basis. Erasure does not apply to data held for a legal obligation or a public task; portability applies
/// only to consent and contract; objection under Art 21(1) applies only to public task and legitimate interests.
/// </summary>
public static class RightsByLawfulBasis
{
    private static readonly FrozenDictionary<(DataSubjectRight, LawfulBasis), RightApplicability> Table = Build();

    /// <summary>Every row of the table: one per right and lawful basis.</summary>
    public static ImmutableArray<RightApplicability> All { get; } = [.. Table.Values.OrderBy(r => r.Right).ThenBy(r => r.LawfulBasis)];

    /// <summary>Looks up whether a right applies to data held on a lawful basis.</summary>
    /// <param name="right">The right.</param>
    /// <param name="basis">The lawful basis.</param>
    /// <returns>The row of the table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The right or basis is not a defined value.</exception>
    public static RightApplicability Lookup(DataSubjectRight right, LawfulBasis basis) =>
        Table.TryGetValue((right, basis), out var row)
            ? row
            : throw new ArgumentOutOfRangeException(nameof(right), $"No row for right {right} and lawful basis {basis}.");

    /// <summary>Whether a right applies to data held on a lawful basis.</summary>
    /// <param name="right">The right.</param>
    /// <param name="basis">The lawful basis.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public static bool Applies(DataSubjectRight right, LawfulBasis basis) => Lookup(right, basis).Applies;

    /// <summary>Checks a right against every holding of an inventory.</summary>
    /// <param name="right">The right.</param>
    /// <param name="inventory">What the tenant holds about the subject.</param>
    /// <returns>The holdings the right applies to and those it does not, with the article and reason for each.</returns>
    public static RightsAssessment Assess(DataSubjectRight right, PersonalDataInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var rows = inventory.Holdings.Select(h => (Holding: h, Row: Lookup(right, h.LawfulBasis))).ToList();
        return new RightsAssessment(
            right,
            [.. rows.Where(r => r.Row.Applies).Select(r => r.Holding)],
            [.. rows.Where(r => !r.Row.Applies).Select(r => new HoldingExemption(r.Holding, r.Row))]);
    }

    /// <summary>Refuses a request outright when the right applies to nothing the tenant holds about the subject.</summary>
    /// <param name="right">The right.</param>
    /// <param name="inventory">What the tenant holds.</param>
    /// <returns><see langword="null"/> when the right applies to at least one holding (or nothing is held); otherwise an error with code <see cref="DataSubjectsErrorCodes.RightNotApplicable"/>.</returns>
    public static ContactKitError? CheckApplies(DataSubjectRight right, PersonalDataInventory inventory)
    {
        var assessment = Assess(right, inventory);
        if (assessment.AppliesTo.Length > 0 || assessment.Exempt.Length == 0)
        {
            return null;
        }

        var first = assessment.Exempt[0].Rule;
        return new ContactKitError(
            DataSubjectsErrorCodes.RightNotApplicable,
            $"The right of {right} ({right.Article()}) applies to none of the data held: {first.Reason} ({first.Article}).",
            "right");
    }

    private static FrozenDictionary<(DataSubjectRight, LawfulBasis), RightApplicability> Build()
    {
        var rows = new Dictionary<(DataSubjectRight, LawfulBasis), RightApplicability>();
        foreach (var right in Enum.GetValues<DataSubjectRight>())
        {
            foreach (var basis in Enum.GetValues<LawfulBasis>())
            {
                rows[(right, basis)] = Row(right, basis);
            }
        }

        return rows.ToFrozenDictionary();
    }

    private static RightApplicability Row(DataSubjectRight right, LawfulBasis basis) => (right, basis) switch
    {
        (DataSubjectRight.Erasure, LawfulBasis.LegalObligation) =>
            new(right, basis, false, "Art 17(3)(b)", "the data is needed to comply with a legal obligation, so it cannot be erased on request"),
        (DataSubjectRight.Erasure, LawfulBasis.PublicTask) =>
            new(right, basis, false, "Art 17(3)(b)", "the data is needed for a task carried out in the public interest or in official authority, so it cannot be erased on request"),
        (DataSubjectRight.Portability, not (LawfulBasis.Consent or LawfulBasis.Contract)) =>
            new(right, basis, false, "Art 20(1)(a)", $"portability covers only data held on consent or for a contract, and this data is held on {basis.Article()}"),
        (DataSubjectRight.Objection, LawfulBasis.Consent) =>
            new(right, basis, false, "Art 7(3)", "data held on consent is not objected to but stopped by withdrawing consent, which is always possible"),
        (DataSubjectRight.Objection, not (LawfulBasis.PublicTask or LawfulBasis.LegitimateInterests)) =>
            new(right, basis, false, "Art 21(1)", $"the right to object covers only data held for a public task or legitimate interests, and this data is held on {basis.Article()}"),
        _ => new(right, basis, true, right.Article(), $"the right of {right} applies to data held on {basis.Article()}"),
    };
}

/// <summary>A holding that a right does not reach, with the row of the table that says why.</summary>
/// <param name="Holding">The holding.</param>
/// <param name="Rule">The row of <see cref="RightsByLawfulBasis"/>.</param>
public sealed record HoldingExemption(PersonalDataHolding Holding, RightApplicability Rule);

/// <summary>How a right meets an inventory: the holdings it reaches and those it does not.</summary>
/// <param name="Right">The right.</param>
/// <param name="AppliesTo">The holdings the right applies to.</param>
/// <param name="Exempt">The holdings it does not apply to, with the article and reason.</param>
public sealed record RightsAssessment(DataSubjectRight Right, ImmutableArray<PersonalDataHolding> AppliesTo, ImmutableArray<HoldingExemption> Exempt);
