namespace ContactKit.Policies;

/// <summary>
/// The stable codes of the policy package (CK0800-CK0899), each described in <c>docs/errors.md</c>: CK0800-CK0849 for a
/// document that cannot be loaded, CK0850-CK0899 for the lint.
/// </summary>
public static class PoliciesErrorCodes
{
    /// <summary>The text is not JSON of the policy's shape (a syntax error, an unknown property, a value of the wrong type).</summary>
    public const string InvalidJson = "CK0800";

    /// <summary>A field the policy needs is missing or empty.</summary>
    public const string Missing = "CK0801";

    /// <summary>A field holds a value that breaks its rule (a malformed key, a period that is not positive, an unknown category).</summary>
    public const string InvalidValue = "CK0802";

    /// <summary>Two entries that must differ share a key (two retention entries for one record class, a category listed twice).</summary>
    public const string Duplicate = "CK0803";

    /// <summary>The rendered notice does not identify the controller or say how to contact it (Art 13(1)(a)).</summary>
    public const string NoticeMissingController = "CK0850";

    /// <summary>The rendered notice gives no contact details of the data protection officer (Art 13(1)(b)).</summary>
    public const string NoticeMissingDpo = "CK0851";

    /// <summary>The rendered notice does not give a purpose and lawful basis for a category (Art 13(1)(c)).</summary>
    public const string NoticeMissingPurposeOrBasis = "CK0852";

    /// <summary>Legitimate interests are relied on but the notice does not say what they are (Art 13(1)(d)).</summary>
    public const string NoticeMissingLegitimateInterest = "CK0853";

    /// <summary>The rendered notice does not name the recipients or categories of recipient (Art 13(1)(e)).</summary>
    public const string NoticeMissingRecipients = "CK0854";

    /// <summary>A transfer outside the UK is not described with its safeguard (Art 13(1)(f)).</summary>
    public const string NoticeMissingTransferSafeguard = "CK0855";

    /// <summary>The rendered notice gives no retention period or criteria for a class of record (Art 13(2)(a)).</summary>
    public const string NoticeMissingRetention = "CK0856";

    /// <summary>The rendered notice does not mention a right the person has (Art 13(2)(b)).</summary>
    public const string NoticeMissingRight = "CK0857";

    /// <summary>Processing relies on consent but the notice does not say how to withdraw it (Art 13(2)(c)).</summary>
    public const string NoticeMissingWithdrawal = "CK0858";

    /// <summary>The rendered notice does not tell people they may complain to the regulator (Art 13(2)(d)).</summary>
    public const string NoticeMissingComplaint = "CK0859";

    /// <summary>The rendered notice does not say whether providing data is a requirement (Art 13(2)(e)).</summary>
    public const string NoticeMissingRequirement = "CK0860";

    /// <summary>The rendered notice says nothing about automated decisions and profiling (Art 13(2)(f)).</summary>
    public const string NoticeMissingAutomatedDecisions = "CK0861";

    /// <summary>Data not obtained from the person has no source in the notice (Art 14(2)(f)).</summary>
    public const string NoticeMissingSource = "CK0862";

    /// <summary>A category is collected with no purpose or no lawful basis.</summary>
    public const string CategoryWithoutPurpose = "CK0870";

    /// <summary>Special-category data has no Art 9 condition.</summary>
    public const string SpecialCategoryWithoutCondition = "CK0871";

    /// <summary>Derived data feeds an automated decision or a profile while the notice says none are made.</summary>
    public const string UndeclaredAutomatedDecision = "CK0872";

    /// <summary>Retention by criteria ("as long as necessary") with no review date.</summary>
    public const string OpenEndedRetention = "CK0873";

    /// <summary>A record class the policy stores (recordings, transcripts, derived data) has no retention entry.</summary>
    public const string RecordClassWithoutRetention = "CK0874";

    /// <summary>Telephone marketing with no screening against the TPS and CTPS, or screened data kept longer than 28 days.</summary>
    public const string PhoneMarketingWithoutScreening = "CK0875";

    /// <summary>A processor receives a category that is not in the inventory.</summary>
    public const string ProcessorReceivesUnlistedData = "CK0876";

    /// <summary>The configured host contradicts the policy (a schedule or recording option set in code).</summary>
    public const string HostContradictsPolicy = "CK0877";

    /// <summary>Marketing on an electronic channel without opt-in, or with no way to opt out.</summary>
    public const string MarketingWithoutOptIn = "CK0878";

    /// <summary>The notice period for changes is shorter than 30 days without legal grounds.</summary>
    public const string ShortChangeNotice = "CK0879";

    /// <summary>
    /// A derived entry is derived from a category that is not in the inventory (a processor's receives has its own code,
    /// <see cref="ProcessorReceivesUnlistedData"/>).
    /// </summary>
    public const string UnknownReference = "CK0880";

    /// <summary>
    /// An app of a processor (a voice-assistant skill) asks for a permission whose data category the inventory does not
    /// list, or that the processor is not listed as receiving (a warning).
    /// </summary>
    public const string PermissionForUnlistedData = "CK0881";
}
