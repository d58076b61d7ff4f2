namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// The stable error codes of ContactKit.EntityFrameworkCore (<c>CK1000</c> to <c>CK1099</c>); <c>docs/errors.md</c>
/// explains each and how to fix it. A stale version is the shared <see cref="ErrorCodes.VersionConflict"/> (<c>CK0009</c>)
/// and a missing row the shared <see cref="ErrorCodes.NotFound"/> (<c>CK0010</c>).
/// </summary>
public static class EntityFrameworkCoreErrorCodes
{
    /// <summary>A stored row cannot be read: its JSON is damaged or does not hold what the row says it holds.</summary>
    public const string CorruptRow = "CK1000";

    /// <summary>A stored row was written under a contract version this release does not know (a newer release wrote it).</summary>
    public const string UnknownRowVersion = "CK1001";

    /// <summary>A recording session's stored log does not replay to a session (the rows were changed outside the store).</summary>
    public const string InconsistentLog = "CK1002";

    /// <summary>The context uses a database provider the stores do not support for an operation that needs provider SQL.</summary>
    public const string UnsupportedProvider = "CK1003";

    /// <summary>A write kept colliding with other writers and gave up after its retries.</summary>
    public const string WriteContention = "CK1004";
}
