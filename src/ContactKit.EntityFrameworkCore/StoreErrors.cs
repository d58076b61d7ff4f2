using System.Globalization;

namespace ContactKit.EntityFrameworkCore;

/// <summary>Builds the coded errors of the stores. Messages name the table and the row's key, never its content.</summary>
internal static class StoreErrors
{
    public static ContactKitError CorruptRow(string table, string key, string what) =>
        new(EntityFrameworkCoreErrorCodes.CorruptRow, $"Row {key} of table {table} cannot be read: {what}.", table);

    public static ContactKitError UnknownRowVersion(string table, string key, int version, int known) =>
        new(
            EntityFrameworkCoreErrorCodes.UnknownRowVersion,
            string.Create(CultureInfo.InvariantCulture, $"Row {key} of table {table} was written under contract version {version}; this release reads versions up to {known}. Upgrade ContactKit.EntityFrameworkCore to the release that wrote it."),
            table);

    public static ContactKitError Contention(string what) =>
        new(EntityFrameworkCoreErrorCodes.WriteContention, $"The write of {what} kept colliding with other writers and was given up; retry it.", what);

    public static ContactKitException Throw(ContactKitError error) => new(error);
}
