using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactKit.Cli;

/// <summary>
/// Registers the retention store a dry run reads, from the <c>--database</c> value; returns why it cannot, naming the
/// option and the rule (never the connection string, which may hold a password), or <see langword="null"/>.
/// </summary>
/// <param name="builder">The ContactKit registration of the dry run.</param>
/// <param name="database">The <c>--database</c> value.</param>
internal delegate string? RetentionStoreWiring(ContactKitBuilder builder, string database);

/// <summary>The stores of ContactKit.EntityFrameworkCore over a SQLite file (opened read-only) or a PostgreSQL database.</summary>
internal static class RetentionDatabase
{
    /// <summary>Whether the value is a connection string (<c>Host=...;Database=...</c>) rather than a file path.</summary>
    /// <param name="database">The <c>--database</c> value.</param>
    /// <returns>Whether it names a PostgreSQL database.</returns>
    public static bool IsConnectionString(string database) => database.Contains('=', StringComparison.Ordinal);

    /// <inheritdoc cref="RetentionStoreWiring"/>
    public static string? Wire(ContactKitBuilder builder, string database)
    {
        if (IsConnectionString(database))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(database);
            }
            catch (ArgumentException)
            {
                return "--database is not a PostgreSQL connection string of keywords the server knows (Host=...;Database=...;Username=...)";
            }

            builder.AddEntityFrameworkCoreStores(o => o.UseNpgsql(database));
            return null;
        }

        if (!File.Exists(database))
        {
            return $"--database {database} does not exist; give an existing SQLite file or a PostgreSQL connection string (Host=...;Database=...)";
        }

        // A dry run never writes: the file is opened read-only, so nothing in it can change.
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(database), Mode = SqliteOpenMode.ReadOnly }.ToString();
        builder.AddEntityFrameworkCoreStores(o => o.UseSqlite(connection));
        return null;
    }
}
