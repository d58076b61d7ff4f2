using System.Globalization;
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

    [SkippableFact]
    public async Task SweepProcess_KilledAtRandomPoints_EachRestartDisposesEveryDueItemOnceWithProof()
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var database = postgres.Database(nameof(PostgresRetentionSweepKillTests));
        var tables = await SweepTables.CreateAsync(database);
        await tables.AddHeldAsync(HeldCount, Start);

        var disposedLines = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            // New work each round, due before the round's instant; every claim of an earlier run has lapsed by then.
            var now = Start + Duration.FromMinutes(10 * round);
            await tables.AddDueAsync(string.Create(CultureInfo.InvariantCulture, $"r{round:D2}-"), DuePerRound, now);

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
            await tables.AssertSweptAsync(round * DuePerRound, context);
        }
    }

    /// <summary>
    /// Runs the sweep process to its end, or kills it (SIGKILL) once it has written <paramref name="killAfter"/> lines.
    /// The process waits for each line to be acknowledged, so the kill lands between the steps it names (after a claim,
    /// after destruction began, after the content went, after the proof), never after the sweep has already finished.
    /// </summary>
    private static async Task<Run> RunAsync(PostgresDatabase database, string worker, Instant now, int? killAfter)
    {
        using var process = SweepWorkerProcess.Start(worker, [database.ConnectionString, Tenant.Value, worker, now.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture), ClaimSeconds.ToString(CultureInfo.InvariantCulture)]);
        var lines = 0;
        while (await process.ReadAsync() is not null)
        {
            if (++lines == killAfter)
            {
                // SIGKILL: no clean-up runs in the worker. It waits for this line's acknowledgement, so it dies after the
                // step it reported and before the next one starts, however fast it runs.
                process.Kill();
            }
            else
            {
                await process.ReplyAsync();
            }
        }

        var exitCode = await process.WaitForExitAsync();
        return new Run(exitCode, [.. process.Named("disposed")], await process.Errors);
    }

    private sealed record Run(int ExitCode, List<string> Disposed, string Errors);
}
