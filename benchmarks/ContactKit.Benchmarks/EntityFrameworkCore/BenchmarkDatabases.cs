using System.Data.Common;
using ContactKit.EntityFrameworkCore;
using ContactKit.EntityFrameworkCore.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// The databases of the EF Core benchmarks, each made by the shipped migrations and filled by bulk SQL once per run, then
/// opened by every benchmark process that needs it. SQLite files live in <see cref="Folder"/>, which the benchmark host
/// deletes when the run ends; PostgreSQL databases live on the server of <see cref="PostgresServer"/> (the private one the
/// host starts for the run, or the one <c>CONTACTKIT_POSTGRES</c> names).
/// </summary>
public static class BenchmarkDatabases
{
    /// <summary>The provider names the benchmarks take as a parameter.</summary>
    public const string Sqlite = "SQLite";

    /// <summary>The provider names the benchmarks take as a parameter.</summary>
    public const string Postgres = "PostgreSQL";

    /// <summary>SQLite with <see cref="SqliteDurability.Normal"/>: the same database file, each connection told to wait less for the disk.</summary>
    public const string SqliteNormal = "SQLite/NORMAL";

    /// <summary>Where the SQLite databases of a run are kept.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "contactkit-benchmarks");

    // Names the databases after this build of the stores, so that a database left by an older build is never reused.
    private static string Build => typeof(ContactKitDbContext).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    /// <summary>
    /// The database <paramref name="name"/> on <paramref name="provider"/>, filled by <paramref name="fill"/> on a
    /// freshly migrated database the first time it is asked for in a run.
    /// </summary>
    /// <param name="provider"><see cref="Sqlite"/>, <see cref="SqliteNormal"/> or <see cref="Postgres"/>.</param>
    /// <param name="name">Names the database; include every size that shapes its content.</param>
    /// <param name="fill">Fills the database through an open connection.</param>
    /// <returns>Chooses the provider for a ContactKit context on that database.</returns>
    public static Action<DbContextOptionsBuilder> Open(string provider, string name, Action<DbConnection, string> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var scaled = $"{name}-{Build}";
        return provider switch
        {
            Sqlite => OpenSqlite(scaled, fill),
            SqliteNormal => OpenSqlite(scaled, fill) + (o => o.UseSqliteDurability(SqliteDurability.Normal)),
            Postgres => OpenPostgres(scaled, fill),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQLite, SQLite/NORMAL or PostgreSQL"),
        };
    }

    /// <summary>Runs one SQL statement and returns the rows it changed.</summary>
    public static int Execute(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs one query and returns its rows' first columns, one line each (a query plan, for example).</summary>
    public static IReadOnlyList<string> Lines(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return lines;
    }

    /// <summary>Runs <paramref name="work"/> on a new open connection of a ContactKit context on <paramref name="options"/>.</summary>
    public static void WithConnection(Action<DbContextOptionsBuilder> options, Action<DbConnection> work)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(work);
        var builder = new DbContextOptionsBuilder<ContactKitDbContext>();
        options(builder);
        using var context = new ContactKitDbContext(builder.Options);
        context.Database.OpenConnection();
        work(context.Database.GetDbConnection());
    }

    private static Action<DbContextOptionsBuilder> OpenSqlite(string name, Action<DbConnection, string> fill)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".db");
        if (!File.Exists(path))
        {
            // Built under another name and moved into place once complete, so a run cut short leaves nothing half-made.
            var building = path + ".building";
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                File.Delete(leftover);
            }

            void Options(DbContextOptionsBuilder o) => o.UseSqlite($"Data Source={building}");
            Migrate(Options);
            WithConnection(Options, connection =>
            {
                Execute(connection, "PRAGMA journal_mode=WAL");
                Execute(connection, "PRAGMA synchronous=OFF");
                fill(connection, Sqlite);
                Execute(connection, "ANALYZE");
                Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            });
            SqliteConnection.ClearAllPools();
            File.Move(building, path);
        }

        return o => o.UseSqlite($"Data Source={path}");
    }

    private static Action<DbContextOptionsBuilder> OpenPostgres(string name, Action<DbConnection, string> fill)
    {
        var server = PostgresServer.Instance;
        if (server.ConnectionString is null)
        {
            throw new InvalidOperationException($"No PostgreSQL server for the benchmarks: {server.Unavailable}");
        }

        var database = server.Database(name.Replace('-', '_'), keepExisting: true);
        void Options(DbContextOptionsBuilder o) => o.UseNpgsql(database.ConnectionString);
        var ready = false;
        WithConnection(Options, connection => ready = Lines(connection, "SELECT 1 FROM pg_tables WHERE tablename = 'benchmark_ready'").Count > 0);
        if (!ready)
        {
            _ = database.Fresh<IAuditTrail>(); // migrated, and every table emptied of a fill cut short
            WithConnection(Options, connection =>
            {
                fill(connection, Postgres);
                Execute(connection, "ANALYZE");
                Execute(connection, "CREATE TABLE benchmark_ready ()");
            });
        }

        return Options;
    }

    private static void Migrate(Action<DbContextOptionsBuilder> options)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(options);
        using var provider = services.BuildServiceProvider();
        provider.MigrateContactKitAsync().GetAwaiter().GetResult();
    }
}
