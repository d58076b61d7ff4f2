namespace ContactKit;

/// <summary>
/// The stable error codes of the shared vocabulary (<c>CK0001</c> to <c>CK0099</c>).
/// Each concept package has its own range; <c>docs/errors.md</c> lists them all.
/// </summary>
public static class ErrorCodes
{
    /// <summary>An id is empty, too long or holds characters outside its rule.</summary>
    public const string InvalidId = "CK0001";

    /// <summary>A data category key is well formed but not in the taxonomy.</summary>
    public const string UnknownDataCategory = "CK0002";

    /// <summary>A data category key is not lower-case dotted segments.</summary>
    public const string InvalidDataCategoryKey = "CK0003";

    /// <summary>A value belongs to another tenant than the operation's.</summary>
    public const string TenantMismatch = "CK0004";

    /// <summary>A jurisdiction is not an ISO 3166 country code with an optional subdivision.</summary>
    public const string InvalidJurisdiction = "CK0005";

    /// <summary>A purpose key is not lower-case words joined by underscores.</summary>
    public const string InvalidPurpose = "CK0006";

    /// <summary>Options failed validation at start-up.</summary>
    public const string InvalidOptions = "CK0007";

    /// <summary>A data category is added to a taxonomy that already holds its key.</summary>
    public const string DuplicateDataCategory = "CK0008";

    /// <summary>A write carried a version that is no longer current: someone else changed the value first.</summary>
    public const string VersionConflict = "CK0009";

    /// <summary>The value asked for does not exist in this tenant.</summary>
    public const string NotFound = "CK0010";

    /// <summary>An audit entry is missing a required field.</summary>
    public const string InvalidAuditEntry = "CK0011";

    /// <summary>A required value is missing.</summary>
    public const string Required = "CK0012";

    /// <summary>A telephone number cannot be read: a character other than digits and separators, too few or too many digits for its country, or an unknown country calling code.</summary>
    public const string InvalidTelephoneNumber = "CK0013";

    /// <summary>A package needs a registration (a store, a provider) that nobody made; reported at start-up with the call that makes it.</summary>
    public const string MissingRegistration = "CK0090";
}
