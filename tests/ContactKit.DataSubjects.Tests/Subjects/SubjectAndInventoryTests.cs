using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Subjects;

public class SubjectAndInventoryTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");

    [Fact]
    public void WithVerifiedIdentifier_SameIdentifierTwice_KeptOnceWithTheFirstRecord()
    {
        var subject = new DataSubject { Tenant = Council, Id = Caller, Kind = DataSubjectKind.Enquirer };
        var phone = SubjectIdentifier.From(TelephoneNumber.Parse("020 7946 0123"));
        var first = Instant.FromUtc(2026, 3, 2, 10, 0);

        var verified = subject.WithVerifiedIdentifier(phone, first, "calling line identity matched").Value
            .WithVerifiedIdentifier(SubjectIdentifier.From(TelephoneNumber.Parse("+44 20 7946 0123")), first.Plus(Duration.FromHours(1)), "again").Value;

        var only = Assert.Single(verified.Identifiers);
        Assert.Equal(first, only.VerifiedAt);
        Assert.True(verified.IsKnownBy(phone));
        Assert.False(subject.IsKnownBy(phone));
    }

    [Fact]
    public void WithVerifiedIdentifier_NoMethod_Refused()
    {
        var subject = new DataSubject { Tenant = Council, Id = Caller, Kind = DataSubjectKind.Caller };

        var result = subject.WithVerifiedIdentifier(SubjectIdentifier.From(EmailAddress.Parse("jo@example.org")), Instant.FromUtc(2026, 1, 1, 0, 0), " ");

        Assert.Equal(ErrorCodes.Required, result.Error?.Code);
    }

    [Fact]
    public void Inventory_DerivedSentimentFeedingNoDecision_AcceptedAndQueryable()
    {
        var inventory = PersonalDataInventory.Create(Council, Caller, Holdings()).Value;

        var derived = Assert.Single(inventory.DerivedHoldings);
        Assert.Equal(DataCategories.Sentiment, derived.Category);
        Assert.Equal([DataCategories.CallRecording.Key], derived.Derived!.Sources.ToArray());
        Assert.Empty(inventory.FeedingAutomatedDecisions);
        Assert.Equal(DataCategories.CallRecording, Assert.Single(inventory.InCategory(DataCategories.Media.Key)).Category);
        Assert.Equal(3, inventory.Holdings.Length);
    }

    [Fact]
    public void Inventory_DerivedDataFeedingAnAutomatedDecision_Listed()
    {
        var holdings = Holdings().Select(h => h.Derived is null ? h : h with { Derived = h.Derived with { FeedsAutomatedDecision = true } });

        var inventory = PersonalDataInventory.Create(Council, Caller, holdings).Value;

        Assert.Single(inventory.FeedingAutomatedDecisions);
    }

    [Theory]
    [InlineData("derived-without-source")] // derived data must say what it came from
    [InlineData("special-without-condition")] // special category data needs an Art 9(2) condition
    [InlineData("never-stored")] // card details are taken in a secure pause and never held
    [InlineData("no-system")] // every holding names the system that holds it
    public void Inventory_InconsistentHolding_RefusedNamingTheHolding(string problem)
    {
        var bad = problem switch
        {
            "derived-without-source" => Holding(DataCategories.InteractionSummary),
            "special-without-condition" => Holding(DataCategories.Health),
            "never-stored" => Holding(DataCategories.PaymentCard),
            _ => Holding(DataCategories.Name) with { System = " " },
        };

        var result = PersonalDataInventory.Create(Council, Caller, [.. Holdings(), bad]);

        Assert.Equal(DataSubjectsErrorCodes.InvalidInventoryEntry, result.Error?.Code);
        Assert.StartsWith("holdings[3].", result.Error!.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Inventory_SpecialCategoryWithCondition_Accepted()
    {
        var health = Holding(DataCategories.Health) with { LawfulBasis = LawfulBasis.LegalObligation, SpecialCategoryCondition = SpecialCategoryCondition.EmploymentSocialSecurityAndSocialProtection };

        Assert.True(PersonalDataInventory.Create(Council, Caller, [health]).IsSuccess);
    }

    internal static PersonalDataHolding Holding(DataCategory category, LawfulBasis basis = LawfulBasis.PublicTask) => new()
    {
        Category = category,
        System = "crm",
        Purpose = Purpose.ServiceDelivery,
        LawfulBasis = basis,
    };

    internal static List<PersonalDataHolding> Holdings() =>
    [
        Holding(DataCategories.Name),
        Holding(DataCategories.CallRecording) with { System = "call-recorder", Purpose = Purpose.QualityMonitoring },
        Holding(DataCategories.Sentiment) with
        {
            System = "speech-analytics",
            Purpose = Purpose.ServiceImprovement,
            LawfulBasis = LawfulBasis.LegitimateInterests,
            Derived = new DerivedFrom(ImmutableArray.Create(DataCategories.CallRecording.Key), FeedsAutomatedDecision: false, "speech model scores each call"),
        },
    ];
}
