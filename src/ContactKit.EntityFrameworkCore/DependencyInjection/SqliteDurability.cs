using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// How long a commit on an embedded SQLite database waits for the disk. Every commit of ContactKit's stores waits for
/// the disk under <see cref="Full"/>, SQLite's own default, which costs a fraction of a millisecond to a millisecond a
/// commit, depending on the disk, and bounds how many recording events a second one host can write.
/// <see cref="Normal"/> trades that wait for a small, stated risk.
/// </summary>
public enum SqliteDurability
{
    /// <summary>
    /// SQLite's default (<c>synchronous=FULL</c>): a commit returns once the write-ahead log is on the disk, so neither a
    /// crash of the application nor a power cut loses it. ContactKit changes nothing.
    /// </summary>
    Full = 0,

    /// <summary>
    /// The write-ahead log (in which EF Core creates a SQLite database) with <c>synchronous=NORMAL</c>: a commit returns
    /// once it is in the log, and the log reaches the disk at each checkpoint. A crash of the application loses nothing and the database is never corrupted; a power
    /// cut or a crash of the operating system can lose the last commits before it, which the next run then does again
    /// where ContactKit can (a disposal whose record is lost is disposed of and proved again; a recording event is not).
    /// </summary>
    Normal = 1,
}

/// <summary>Chooses how an embedded SQLite database of ContactKit waits for the disk.</summary>
public static class SqliteDurabilityExtensions
{
    /// <summary>
    /// Sets how each connection of this context to its SQLite database waits for the disk (see
    /// <see cref="SqliteDurability"/>). Call it after <c>UseSqlite(...)</c>; <see cref="SqliteDurability.Full"/> changes
    /// nothing. It has no effect on other providers.
    /// </summary>
    /// <param name="builder">The context's options.</param>
    /// <param name="durability">The durability.</param>
    /// <returns>The options, for chaining.</returns>
    public static DbContextOptionsBuilder UseSqliteDurability(this DbContextOptionsBuilder builder, SqliteDurability durability)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!Enum.IsDefined(durability))
        {
            throw new ArgumentOutOfRangeException(nameof(durability), durability, "SqliteDurability.Full or SqliteDurability.Normal.");
        }

        return durability == SqliteDurability.Full ? builder : builder.AddInterceptors(WriteAheadLogNormal.Instance);
    }

    // Sets the journal and the wait on each connection as it opens. The journal mode is kept in the file, so after the
    // first connection the first statement finds it already set; synchronous belongs to the connection.
    private sealed class WriteAheadLogNormal : DbConnectionInterceptor
    {
        public static readonly WriteAheadLogNormal Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsSqlite(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsSqlite(connection))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = Pragmas;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static bool IsSqlite(DbConnection connection) => connection is Microsoft.Data.Sqlite.SqliteConnection;
    }
}
