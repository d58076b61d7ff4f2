namespace ContactKit;

/// <summary>Builds the shared-vocabulary errors, so that every package words them the same way.</summary>
public static class Errors
{
    /// <summary>A value is required but was missing or empty.</summary>
    /// <param name="field">The field at fault.</param>
    /// <returns>The error.</returns>
    public static ContactKitError Required(string field) =>
        new(ErrorCodes.Required, $"'{field}' is required and was missing or empty.", field);

    /// <summary>A value belongs to another tenant than the operation's.</summary>
    /// <param name="expected">The tenant the operation runs in.</param>
    /// <param name="actual">The tenant the value belongs to.</param>
    /// <param name="field">The field holding the value.</param>
    /// <returns>The error.</returns>
    public static ContactKitError TenantMismatch(TenantId expected, TenantId actual, string field) =>
        new(ErrorCodes.TenantMismatch, $"'{field}' belongs to tenant '{actual}' but the operation runs in tenant '{expected}'; every operation is scoped to one tenant.", field);

    /// <summary>A write carried a stale version.</summary>
    /// <param name="resource">What was written, for example <c>recording session rec-1</c>.</param>
    /// <param name="expected">The version the writer read.</param>
    /// <param name="actual">The version now stored.</param>
    /// <returns>The error.</returns>
    public static ContactKitError VersionConflict(string resource, long expected, long actual) =>
        new(ErrorCodes.VersionConflict, $"The {resource} is at version {actual} but the change was based on version {expected}; read it again and reapply the change.", "version");

    /// <summary>The value asked for does not exist in this tenant.</summary>
    /// <param name="resource">What was looked for, for example <c>recording session rec-1</c>.</param>
    /// <param name="tenant">The tenant searched.</param>
    /// <returns>The error.</returns>
    public static ContactKitError NotFound(string resource, TenantId tenant) =>
        new(ErrorCodes.NotFound, $"No {resource} exists in tenant '{tenant}'.");

    /// <summary>Checks that a value belongs to the operation's tenant.</summary>
    /// <param name="expected">The tenant the operation runs in.</param>
    /// <param name="actual">The tenant the value belongs to.</param>
    /// <param name="field">The field holding the value.</param>
    /// <returns><see langword="null"/> when they match, otherwise the error.</returns>
    public static ContactKitError? CheckTenant(TenantId expected, TenantId actual, string field) =>
        expected == actual ? null : TenantMismatch(expected, actual, field);
}
