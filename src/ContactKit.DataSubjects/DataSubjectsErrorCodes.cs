namespace ContactKit.DataSubjects;

/// <summary>
/// The stable error codes of ContactKit.DataSubjects (<c>CK0400</c> to <c>CK0499</c>); <c>docs/errors.md</c> explains each
/// and how to fix it.
/// </summary>
public static class DataSubjectsErrorCodes
{
    /// <summary>A National Insurance number breaks one of HMRC's format rules, or is a temporary reference number.</summary>
    public const string InvalidNationalInsuranceNumber = "CK0400";

    /// <summary>An email address is not a single local part, an <c>@</c> and a domain name.</summary>
    public const string InvalidEmailAddress = "CK0402";

    /// <summary>A UK postcode breaks the outward or inward code rules.</summary>
    public const string InvalidPostcode = "CK0403";

    /// <summary>A vehicle registration mark matches none of the current, prefix, suffix or dateless formats.</summary>
    public const string InvalidVehicleRegistration = "CK0404";

    /// <summary>A date of birth is not a date, lies in the future or is implausibly long ago.</summary>
    public const string InvalidDateOfBirth = "CK0405";

    /// <summary>A person's name is empty, too long or holds characters that names do not.</summary>
    public const string InvalidPersonName = "CK0406";

    /// <summary>A rights request cannot make this move from its current state.</summary>
    public const string IllegalTransition = "CK0410";

    /// <summary>Clarification was asked on a request that is not a subject access request.</summary>
    public const string ClarificationOnlyForAccess = "CK0411";

    /// <summary>An extension was given without reasons, or after the first month.</summary>
    public const string InvalidExtension = "CK0412";

    /// <summary>A refusal was recorded without its legal reason.</summary>
    public const string RefusalNeedsReason = "CK0413";

    /// <summary>A request received by phone does not say how the caller's identity was checked.</summary>
    public const string IdentityCheckRequired = "CK0414";

    /// <summary>The right does not apply under the lawful basis the data is held on.</summary>
    public const string RightNotApplicable = "CK0415";

    /// <summary>An update to a rights request changed or removed earlier history.</summary>
    public const string HistoryRewritten = "CK0416";

    /// <summary>A rights request with this id already exists in the tenant.</summary>
    public const string DuplicateRequest = "CK0417";

    /// <summary>A personal-data source with this name is already registered.</summary>
    public const string DuplicateDataSource = "CK0418";

    /// <summary>Erasure was planned before the request was authorised.</summary>
    public const string ErasureNotAuthorised = "CK0419";

    /// <summary>A rights request or its intake is missing a field or holds an inconsistent one.</summary>
    public const string InvalidRequest = "CK0420";

    /// <summary>An inventory entry is inconsistent (for example derived data without its source).</summary>
    public const string InvalidInventoryEntry = "CK0421";

    /// <summary>A workflow step is dated before the step before it, or a clarification before it was asked for.</summary>
    public const string StepOutOfOrder = "CK0422";

    /// <summary>A subject identifier's kind is not one of the defined kinds.</summary>
    public const string UnknownIdentifierKind = "CK0423";
}
