using System.Diagnostics;
using System.Globalization;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// A real sweep process (tests/ContactKit.EntityFrameworkCore.SweepWorker) over a PostgreSQL retention store, killed
/// with SIGKILL at a random point of its work twenty times. After each kill a new run finishes the sweep, and then every
/// due item is disposed of exactly once, its content gone with exactly one proof, and no held item has been touched.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionSweepKillTests(PostgresFixture postgres)
{
    private const int Rounds = 20;
    private const int DuePerRound = 150;
    private const int HeldCount = 100;
    private const int ClaimSeconds = 60;
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public async Task SweepProcess_KilledAtRandomPoints_EachRestartDisposesEveryDueItemOnceWithProof()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var database = postgres.Database(nameof(PostgresRetentionSweepKillTests));
        var store = database.Fresh<IRetentionStore>();
        await SqlAsync(database, """
            CREATE TABLE IF NOT EXISTS sweep_content (tenant text NOT NULL, id text NOT NULL, PRIMARY KEY (tenant, id));
            CREATE TABLE IF NOT EXISTS sweep_proof (tenant text NOT NULL, id text NOT NULL, worker text NOT NULL, PRIMARY KEY (tenant, id));
            TRUNCATE sweep_content, sweep_proof
            """);
        await InsertAsync(database, "held-", HeldCount, "'held-person'", Start.ToUnixTimeTicks());
        await store.AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("h-1"),
            Tenant = Tenant,
            Target = HoldTarget.ForSubject(DataSubjectId.Parse("held-person")),
            Reason = "litigation",
            PlacedBy = ActorId.Parse("legal-team"),
            PlacedAt = Start,
        });

        var disposedLines = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            // New work each round, due before the round's instant; every claim of an earlier run has lapsed by then.
            var now = Start + Duration.FromMinutes(10 * round);
            await InsertAsync(database, string.Create(CultureInfo.InvariantCulture, $"r{round:D2}-"), DuePerRound, null, now.ToUnixTimeTicks());

            // Each item takes three lines (begun, destroyed, disposed) beside one per batch: kill before the last items.
            var killAfter = random.Next(1, DuePerRound * 3);
            var killed = await RunAsync(database, $"sweeper-{round}-killed", now, killAfter);
            var finished = await RunAsync(database, $"sweeper-{round}-restarted", now + Duration.FromSeconds(ClaimSeconds * 2), killAfter: null);
            var context = $"seed {seed}, round {round}, killed after {killAfter} lines";

            Assert.True(killed.ExitCode != 0, $"the sweep was not killed ({context})");
            Assert.True(finished.ExitCode == 0, $"the restarted sweep failed ({context}): {finished.Errors}");
            Assert.True(finished.Disposed.Count > 0, $"the kill left the restarted sweep nothing to finish ({context})");
            disposedLines.AddRange(killed.Disposed);
            disposedLines.AddRange(finished.Disposed);
            Assert.True(disposedLines.Count == disposedLines.Distinct(StringComparer.Ordinal).Count(), $"an item was disposed of twice ({context})");
            await AssertSweptAsync(database, round * DuePerRound, context);
        }
    }

    private static async Task AssertSweptAsync(PostgresDatabase database, int dueSoFar, string context)
    {
        using var db = database.NewContext();
        var rows = db.Set<RetainedItemRow>().AsNoTracking();
        var due = rows.Where(r => r.Subject != "held-person");
        Assert.True(dueSoFar == await due.CountAsync(r => r.IsDisposed && r.DisposedBy != null && r.DestructionStartedAt != null && r.ClaimedBy == null), $"not every due item is disposed of ({context})");
        Assert.Equal(dueSoFar, await due.CountAsync());
        Assert.Equal(dueSoFar, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_proof p JOIN contactkit_retained_items i ON i.tenant = p.tenant AND i.id = p.id WHERE i.is_disposed AND i.subject <> 'held-person'"));
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_content c JOIN contactkit_retained_items i ON i.tenant = c.tenant AND i.id = c.id WHERE i.subject <> 'held-person'"));

        // The held items: content in place, no proof, and their rows never claimed, begun or changed.
        var held = await rows.Where(r => r.Subject == "held-person").ToListAsync();
        Assert.Equal(HeldCount, held.Count);
        Assert.All(held, r => Assert.True(!r.IsDisposed && r.ClaimedBy == null && r.DestructionStartedAt == null && r.Version == 1, $"{r.Id} was touched ({context})"));
        Assert.Equal(HeldCount, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_content WHERE id LIKE 'held-%'"));
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_proof WHERE id LIKE 'held-%'"));
    }

    private static async Task<int> CountAsync(DbContext db, string sql) =>
#pragma warning disable EF1002 // The SQL is the test's own constant text.
        (int)await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
#pragma warning restore EF1002

    private static async Task SqlAsync(PostgresDatabase database, string sql)
    {
        using var db = database.NewContext();
#pragma warning disable EF1002 // The SQL is the test's own constant text.
        await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    // Items and their content in two statements; the triggers column is an empty JSON object written without braces,
    // which the raw SQL API would read as placeholders.
    private static Task InsertAsync(PostgresDatabase database, string prefix, int count, string? subject, long dueBefore) =>
        SqlAsync(database, string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
            SELECT 'tenant-a', '{prefix}' || lpad(n::text, 4, '0'), 'call_recording', 0, {subject ?? $"'subject-{prefix}' || n"}, chr(123) || chr(125), {dueBefore} - n * 10000000::bigint, 'delete', 'recordings', 0, FALSE, 1
            FROM generate_series(1, {count}) AS n;
            INSERT INTO sweep_content (tenant, id) SELECT 'tenant-a', '{prefix}' || lpad(n::text, 4, '0') FROM generate_series(1, {count}) AS n
            """));

    /// <summary>
    /// Runs the sweep process to its end, or kills it (SIGKILL) once it has written <paramref name="killAfter"/> lines.
    /// The process waits for each line to be acknowledged, so the kill lands between the steps it names (after a claim,
    /// after destruction began, after the content went, after the proof), never after the sweep has already finished.
    /// </summary>
    private static async Task<Run> RunAsync(PostgresDatabase database, string worker, Instant now, int? killAfter)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[WorkerPath(), database.ConnectionString, Tenant.Value, worker, now.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), ClaimSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The sweep process did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var disposed = new List<string>();
        var lines = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("disposed ", StringComparison.Ordinal))
            {
                disposed.Add(line["disposed ".Length..]);
            }

            if (++lines == killAfter)
            {
                // Process.Kill sends SIGKILL on Linux: no clean-up runs in the worker. It waits for this line's
                // acknowledgement, so it dies after the step it reported and before the next one starts, however fast it runs.
                process.Kill();
            }
            else
            {
                await Acknowledge(process);
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, disposed, await errors);
    }

    // Lets the worker go on to its next step; a worker that has already exited needs no acknowledgement.
    private static async Task Acknowledge(Process process)
    {
        try
        {
            await process.StandardInput.WriteLineAsync();
            await process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
        }
    }

    // The worker's build output beside this assembly's: tests/<project>/bin/<configuration>/<framework>/.
    private static string WorkerPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration, tests) = (output.Name, output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.FullName);
        const string name = "ContactKit.EntityFrameworkCore.SweepWorker";
        var path = Path.Combine(tests, name, "bin", configuration, framework, name + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The sweep worker is not built at {path}; build the test project, which builds it.");
    }

    private sealed record Run(int ExitCode, List<string> Disposed, string Errors);
}
