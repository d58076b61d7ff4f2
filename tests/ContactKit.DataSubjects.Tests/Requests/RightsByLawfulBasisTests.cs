using ContactKit.DataSubjects.Tests.Subjects;

namespace ContactKit.DataSubjects.Tests.Requests;

public class RightsByLawfulBasisTests
{
    [Theory]
    [InlineData(DataSubjectRight.Erasure, LawfulBasis.LegalObligation, false, "Art 17(3)(b)")] // kept to comply with the law
    [InlineData(DataSubjectRight.Erasure, LawfulBasis.PublicTask, false, "Art 17(3)(b)")] // official authority
    [InlineData(DataSubjectRight.Erasure, LawfulBasis.Consent, true, "Art 17")] // consent data can be erased
    [InlineData(DataSubjectRight.Erasure, LawfulBasis.LegitimateInterests, true, "Art 17")] // so can legitimate interests data
    [InlineData(DataSubjectRight.Portability, LawfulBasis.LegalObligation, false, "Art 20(1)(a)")] // portability only for consent and contract
    [InlineData(DataSubjectRight.Portability, LawfulBasis.Contract, true, "Art 20")] // contract data is portable
    [InlineData(DataSubjectRight.Objection, LawfulBasis.LegalObligation, false, "Art 21(1)")] // no objection to legal obligations
    [InlineData(DataSubjectRight.Objection, LawfulBasis.PublicTask, true, "Art 21(1)")] // objection applies to public task
    [InlineData(DataSubjectRight.Objection, LawfulBasis.Consent, false, "Art 7(3)")] // consent is withdrawn, not objected to
    [InlineData(DataSubjectRight.Access, LawfulBasis.LegalObligation, true, "Art 15")] // access applies whatever the basis
    [InlineData(DataSubjectRight.ObjectionToDirectMarketing, LawfulBasis.LegitimateInterests, true, "Art 21(2)")] // marketing objection is absolute
    public void Lookup_Row_MatchesTheTable(DataSubjectRight right, LawfulBasis basis, bool applies, string article)
    {
        var row = RightsByLawfulBasis.Lookup(right, basis);

        Assert.Equal(applies, row.Applies);
        Assert.Equal(article, row.Article);
    }

    [Fact]
    public void All_EveryRightAndBasis_HasExactlyOneRow()
    {
        Assert.Equal(Enum.GetValues<DataSubjectRight>().Length * Enum.GetValues<LawfulBasis>().Length, RightsByLawfulBasis.All.Length);
        Assert.All(
            new[] { DataSubjectRight.Access, DataSubjectRight.Rectification, DataSubjectRight.Restriction, DataSubjectRight.ObjectionToDirectMarketing, DataSubjectRight.AutomatedDecisionReview },
            right => Assert.All(Enum.GetValues<LawfulBasis>(), basis => Assert.True(RightsByLawfulBasis.Applies(right, basis))));
    }

    [Fact]
    public void Assess_ErasureAgainstMixedInventory_SplitsHoldingsWithReasons()
    {
        var inventory = PersonalDataInventory.Create(TenantId.Parse("council"), DataSubjectId.Parse("caller-1"), SubjectAndInventoryTests.Holdings()).Value;

        var assessment = RightsByLawfulBasis.Assess(DataSubjectRight.Erasure, inventory);

        Assert.Equal([DataCategories.Sentiment], assessment.AppliesTo.Select(h => h.Category));
        Assert.Equal(2, assessment.Exempt.Length);
        Assert.All(assessment.Exempt, e => Assert.Equal("Art 17(3)(b)", e.Rule.Article));
    }

    [Fact]
    public void CheckApplies_PortabilityOfLegalObligationDataOnly_RefusedWithArticle()
    {
        var holdings = new[] { SubjectAndInventoryTests.Holding(DataCategories.Name, LawfulBasis.LegalObligation) };
        var inventory = PersonalDataInventory.Create(TenantId.Parse("council"), DataSubjectId.Parse("caller-1"), holdings).Value;

        var error = RightsByLawfulBasis.CheckApplies(DataSubjectRight.Portability, inventory);

        Assert.Equal(DataSubjectsErrorCodes.RightNotApplicable, error?.Code);
        Assert.Contains("Art 20(1)(a)", error!.Message, StringComparison.Ordinal);
        Assert.Null(RightsByLawfulBasis.CheckApplies(DataSubjectRight.Access, inventory));
    }
}
