namespace ContactKit;

/// <summary>The lawful basis for processing personal data, UK GDPR Article 6(1).</summary>
public enum LawfulBasis
{
    /// <summary>Art 6(1)(a): the data subject has given consent.</summary>
    Consent = 1,

    /// <summary>Art 6(1)(b): necessary for a contract with the data subject, or steps before entering one.</summary>
    Contract = 2,

    /// <summary>Art 6(1)(c): necessary to comply with a legal obligation.</summary>
    LegalObligation = 3,

    /// <summary>Art 6(1)(d): necessary to protect someone's vital interests.</summary>
    VitalInterests = 4,

    /// <summary>Art 6(1)(e): necessary for a task in the public interest or in official authority.</summary>
    PublicTask = 5,

    /// <summary>Art 6(1)(f): necessary for legitimate interests not overridden by the data subject's.</summary>
    LegitimateInterests = 6,
}

/// <summary>The condition for processing special category data, UK GDPR Article 9(2).</summary>
public enum SpecialCategoryCondition
{
    /// <summary>Art 9(2)(a): explicit consent.</summary>
    ExplicitConsent = 1,

    /// <summary>Art 9(2)(b): employment, social security and social protection.</summary>
    EmploymentSocialSecurityAndSocialProtection = 2,

    /// <summary>Art 9(2)(c): vital interests of someone unable to consent.</summary>
    VitalInterests = 3,

    /// <summary>Art 9(2)(d): a not-for-profit body's legitimate activities.</summary>
    NotForProfitBodies = 4,

    /// <summary>Art 9(2)(e): made manifestly public by the data subject.</summary>
    MadePublicByDataSubject = 5,

    /// <summary>Art 9(2)(f): legal claims or judicial acts.</summary>
    LegalClaimsOrJudicialActs = 6,

    /// <summary>Art 9(2)(g): substantial public interest.</summary>
    SubstantialPublicInterest = 7,

    /// <summary>Art 9(2)(h): health or social care.</summary>
    HealthOrSocialCare = 8,

    /// <summary>Art 9(2)(i): public health.</summary>
    PublicHealth = 9,

    /// <summary>Art 9(2)(j): archiving, research and statistics.</summary>
    ArchivingResearchAndStatistics = 10,
}

/// <summary>Article references for lawful bases and conditions, as notices cite them.</summary>
public static class LegalReferences
{
    /// <summary>The article reference, for example <c>Art 6(1)(c)</c>.</summary>
    /// <param name="basis">The lawful basis.</param>
    /// <returns>The reference.</returns>
    public static string Article(this LawfulBasis basis) => basis switch
    {
        >= LawfulBasis.Consent and <= LawfulBasis.LegitimateInterests => $"Art 6(1)({(char)('a' + (int)basis - 1)})",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a lawful basis under Art 6(1)."),
    };

    /// <summary>The article reference, for example <c>Art 9(2)(b)</c>.</summary>
    /// <param name="condition">The special category condition.</param>
    /// <returns>The reference.</returns>
    public static string Article(this SpecialCategoryCondition condition) => condition switch
    {
        >= SpecialCategoryCondition.ExplicitConsent and <= SpecialCategoryCondition.ArchivingResearchAndStatistics => $"Art 9(2)({(char)('a' + (int)condition - 1)})",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a condition under Art 9(2)."),
    };

    /// <summary>The article reference, for example <c>Art 17</c>.</summary>
    /// <param name="right">The right.</param>
    /// <returns>The reference.</returns>
    public static string Article(this DataSubjectRight right) => right switch
    {
        DataSubjectRight.Access => "Art 15",
        DataSubjectRight.Rectification => "Art 16",
        DataSubjectRight.Erasure => "Art 17",
        DataSubjectRight.Restriction => "Art 18",
        DataSubjectRight.Portability => "Art 20",
        DataSubjectRight.Objection => "Art 21(1)",
        DataSubjectRight.ObjectionToDirectMarketing => "Art 21(2)",
        DataSubjectRight.AutomatedDecisionReview => "Art 22",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, "Not a data-subject right under Art 15-22."),
    };
}
