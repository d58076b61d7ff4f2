using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the one named by <c>CONTACTKIT_POSTGRES</c> (a connection string) if set,
/// otherwise a private server started here from the PostgreSQL binaries (<c>initdb</c> into a temporary folder, as the
/// <c>postgres</c> user when running as root, listening on 127.0.0.1 on a free port) and stopped when the tests end.
/// When neither can be had, <see cref="Database"/> throws with the reason (see <see cref="Unavailable"/>); the tests'
/// <c>PostgresFixture</c> skips them instead, except under <c>CI=true</c>.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>The environment variable holding a connection string to a server to use instead of a private one.</summary>
    public const string Variable = "CONTACTKIT_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _folder;
    private readonly string? _binaries;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PostgresDatabase> _databases = [];
    private bool _stopped;

    private PostgresServer(string? connectionString, string? unavailable, string? folder = null, string? binaries = null)
    {
        ConnectionString = connectionString;
        Unavailable = unavailable;
        _folder = folder;
        _binaries = binaries;
        if (folder is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        }
    }

    /// <summary>The one server of this test run, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>The connection string to the server's maintenance database, or <see langword="null"/> when none could be had.</summary>
    public string? ConnectionString { get; }

    /// <summary>Why no server could be had, when none could.</summary>
    public string? Unavailable { get; }

    /// <summary>The database of one test class, created empty (with the schema) on first use and reused by its tests.</summary>
    /// <param name="testClass">The test class, which names the database.</param>
    /// <param name="keepExisting">
    /// Whether a database of that name left by an earlier process is kept as it is rather than dropped: the benchmarks
    /// build a large database once and use it from each of their processes.
    /// </param>
    /// <returns>The database.</returns>
    public PostgresDatabase Database(string testClass, bool keepExisting = false)
    {
        if (ConnectionString is null)
        {
            throw new InvalidOperationException($"No PostgreSQL server for the tests: {Unavailable}");
        }

        var name = "ck_" + testClass.ToLowerInvariant();
        name = name.Length > 60 ? name[..60] : name;
        lock (_gate)
        {
            if (!_databases.TryGetValue(name, out var database))
            {
                using (var connection = new NpgsqlConnection(ConnectionString))
                {
                    connection.Open();
                    if (!keepExisting || !Exists(connection, name))
                    {
                        Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                        Execute(connection, $"CREATE DATABASE \"{name}\"");
                    }
                }

                database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
                _databases.Add(name, database);
            }

            return database;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            foreach (var database in _databases.Values)
            {
                database.Dispose();
            }

            if (_folder is null || _binaries is null)
            {
                return;
            }

            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], check: false);
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the system's temporary-folder clean-up.
            }
            catch (UnauthorizedAccessException)
            {
                // Left to the system's temporary-folder clean-up.
            }
        }
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, null);
        }

        if (FindBinaries() is not { } binaries)
        {
            return new PostgresServer(null, $"{Variable} is not set and no PostgreSQL binaries were found under /usr/lib/postgresql/*/bin (install the postgresql package, or set {Variable} to a connection string).");
        }

        var folder = Directory.CreateTempSubdirectory("contactkit-postgres-").FullName;
        try
        {
            if (IsRoot)
            {
                Run("chown", ["postgres:postgres", folder], check: true, asPostgres: false);
            }

            var data = Path.Combine(folder, "data");
            Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], check: true);
            var port = FreePort();
            var settings = string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
            Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"], check: true);
            var connection = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50");
            return new PostgresServer(connection, null, folder, binaries);
        }
        catch (InvalidOperationException e)
        {
            return new PostgresServer(null, $"a private PostgreSQL server could not be started: {e.Message}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Exists(NpgsqlConnection connection, string database)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // Runs a server binary, as the postgres user when running as root (the server refuses to run as root).
    private static void Run(string program, string[] arguments, bool check, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 90 seconds.");
        }

        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}

/// <summary>One test class's database on the PostgreSQL server.</summary>
public sealed class PostgresDatabase(string connectionString) : TestDatabase
{
    /// <summary>The connection string to the database.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <inheritdoc />
    protected override void UseProvider(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);
}
