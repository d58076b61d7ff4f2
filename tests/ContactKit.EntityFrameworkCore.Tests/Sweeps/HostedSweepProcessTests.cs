using System.Globalization;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// ContactKit.Hosting's disposal sweep run as users run it, a .NET host per process (the sweep worker's host mode), over
/// one PostgreSQL database: several instances at once, an instance stopped by SIGTERM in the middle of a batch, one
/// whose shutdown timeout cuts its batch short, and one killed by SIGKILL. Each ends with every due item disposed of
/// exactly once, with one proof of its content's destruction and one disposal proof in the audit trail, and no held
/// item touched.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostedSweepProcessTests(PostgresFixture postgres)
{
    private const int BatchSize = 10;
    private static readonly Duration ClaimFor = Duration.FromMinutes(1);
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    [SkippableTheory]
    [InlineData(2)] // two instances: the smallest deployment that needs claims to keep them apart
    [InlineData(4)] // more instances than cores: claims taken while others are mid-batch
    public async Task Instances_InSeparateProcesses_DisposeOfEveryDueItemExactlyOnce(int instances)
    {
        const int due = 200;
        var (database, tables) = await TablesAsync(due, held: 20);

        // Each instance waits at the gate until all have started, so that they sweep at the same time.
        var workers = Enumerable.Range(1, instances)
            .Select(i => SweepWorkerProcess.StartHosted(database.ConnectionString, $"sweeper-{i}", Now, BatchSize, ClaimFor, step: false, "--Sweep:Gate=true"))
            .ToList();
        try
        {
            foreach (var worker in workers)
            {
                Assert.NotNull(await worker.RunUntilAsync(l => l == "? ready"));
            }

            // The first wait of each comes after a run that drained the tenant, so once all wait nothing due is left.
            var waits = await Task.WhenAll(workers.Select(async w =>
            {
                await w.ReplyAsync();
                return await w.RunUntilAsync(l => l.StartsWith("? waiting ", StringComparison.Ordinal));
            }));
            await StopAllAsync(workers);

            Assert.All(waits, w => Assert.StartsWith("? waiting PT5M Healthy", w, StringComparison.Ordinal));
            var destroyed = workers.SelectMany(w => w.Named("destroyed")).ToList();
            Assert.Equal(due, destroyed.Count);
            Assert.Equal(due, destroyed.Distinct(StringComparer.Ordinal).Count());
            Assert.True(workers.Count(w => w.Named("destroyed").Any()) > 1, $"only one instance disposed of anything: {Shares(workers)}");
            await tables.AssertSweptAsync(due, $"{instances} instances: {Shares(workers)}", auditProof: true);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    [SkippableFact]
    public async Task Sigterm_MidBatch_FinishesTheBatchInHandStopsCleanlyAndTheNextRunDisposesOfTheRest()
    {
        const int due = 50;
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var (database, tables) = await TablesAsync(due, held: 10);

        // SIGTERM after the content of an item in the middle of one of the first three batches is destroyed.
        var stopAfter = (BatchSize * random.Next(0, 3)) + random.Next(1, BatchSize);
        var context = $"seed {seed}, SIGTERM after {stopAfter} items destroyed";
        using var stopped = SweepWorkerProcess.StartHosted(database.ConnectionString, "sweeper-stopped", Now, BatchSize, ClaimFor, step: true);
        var destroyed = 0;
        Assert.NotNull(await stopped.RunUntilAsync(l => l.StartsWith("? destroyed ", StringComparison.Ordinal) && ++destroyed == stopAfter));
        await stopped.TerminateAsync();
        Assert.NotNull(await stopped.RunUntilAsync(l => l == ". stopping"));
        await stopped.ReplyAsync();
        var exit = await stopped.RunToExitAsync();

        Assert.True(exit == 0, $"the stopped sweep exited with {exit} ({context}): {await stopped.Errors}");
        Assert.Contains(stopped.Lines, l => l.StartsWith(". log 706 ", StringComparison.Ordinal));
        Assert.DoesNotContain(stopped.Lines, l => l.StartsWith(". log 703 ", StringComparison.Ordinal) || l.StartsWith(". metric contactkit.hosting.sweep.failures ", StringComparison.Ordinal));
        var disposed = await tables.AssertNothingHalfDoneAsync(context);
        Assert.True(disposed % BatchSize == 0 && disposed > stopAfter && disposed < due, $"{disposed} items were disposed of: not the batch in hand finished ({context})");

        using var next = SweepWorkerProcess.StartHosted(database.ConnectionString, "sweeper-next", Now, BatchSize, ClaimFor, step: false);
        Assert.NotNull(await next.RunUntilAsync(l => l.StartsWith("? waiting PT5M Healthy", StringComparison.Ordinal)));
        await StopAllAsync([next]);

        var all = stopped.Named("destroying").Concat(next.Named("destroying")).ToList();
        Assert.True(all.Count == due && all.Distinct(StringComparer.Ordinal).Count() == due, $"an item was handed to the disposer twice, or one never ({context})");
        Assert.Equal(due - disposed, next.Named("destroyed").Count());
        await tables.AssertSweptAsync(due, context, auditProof: true);
    }

    [SkippableFact]
    public async Task Sigterm_ShutdownTimeoutCutsTheBatchShort_ItsClaimsLapseAndTheNextRunDisposesOfEachItemOnce()
    {
        const int due = 30;
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var (database, tables) = await TablesAsync(due, held: 10);

        // The content store hangs on an item in the middle of the second batch; SIGTERM, and the one-second shutdown
        // timeout ends the wait.
        var hangAt = BatchSize + random.Next(2, BatchSize + 1);
        var context = $"seed {seed}, content store hung at item {hangAt}";
        using var stopped = SweepWorkerProcess.StartHosted(database.ConnectionString, "sweeper-cut", Now, BatchSize, ClaimFor, step: true, "--Sweep:ShutdownTimeout=00:00:01");
        var destroying = 0;
        var hung = await stopped.RunUntilAsync(l => l.StartsWith("? destroying ", StringComparison.Ordinal) && ++destroying == hangAt);
        Assert.NotNull(hung);
        var hungItem = hung["? destroying ".Length..];
        await stopped.TerminateAsync();
        var exit = await stopped.RunToExitAsync();

        Assert.True(exit == 0, $"the stopped sweep exited with {exit} ({context}): {await stopped.Errors}");
        Assert.Equal((false, true), await tables.ItemAsync(hungItem));

        // Past the claim timeout the items of the cut batch are taken again.
        using var next = SweepWorkerProcess.StartHosted(database.ConnectionString, "sweeper-next", Now + (ClaimFor * 2), BatchSize, ClaimFor, step: false);
        Assert.NotNull(await next.RunUntilAsync(l => l.StartsWith("? waiting PT5M Healthy", StringComparison.Ordinal)));
        await StopAllAsync([next]);

        Assert.Contains(hungItem, next.Named("destroyed"));
        var destroyed = stopped.Named("destroyed").Concat(next.Named("destroyed")).ToList();
        Assert.True(destroyed.Count == due && destroyed.Distinct(StringComparer.Ordinal).Count() == due, $"an item's content was destroyed twice, or never ({context})");
        await tables.AssertSweptAsync(due, context, auditProof: true);
    }

    [SkippableFact]
    public async Task Sigkill_AtRandomPoints_TheNextRunDisposesOfEveryDueItemOnceWithProof()
    {
        const int rounds = 3, duePerRound = 30;
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var database = postgres.Database(nameof(HostedSweepProcessTests));
        var tables = await SweepTables.CreateAsync(database);
        await tables.AddHeldAsync(10, Now);
        var destroyed = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            // New work each round, due before the round's instant; every claim of an earlier run has lapsed by then.
            var now = Now + Duration.FromMinutes(10 * round);
            await tables.AddDueAsync(string.Create(CultureInfo.InvariantCulture, $"r{round}-"), duePerRound, now);

            // Each batch waits at 2 + 3 x 10 steps (claimed; begun, destroying, destroyed per item; recorded): kill in the
            // first three batches, never after the sweep has finished.
            var killAfter = random.Next(1, 3 * ((3 * BatchSize) + 2));
            var context = $"seed {seed}, round {round}, killed after {killAfter} steps";
            using (var killed = SweepWorkerProcess.StartHosted(database.ConnectionString, $"sweeper-{round}-killed", now, BatchSize, ClaimFor, step: true))
            {
                var steps = 0;
                Assert.NotNull(await killed.RunUntilAsync(l => SweepWorkerProcess.Waits(l) && ++steps == killAfter));
                Assert.DoesNotContain(killed.Lines, l => l.StartsWith("? waiting ", StringComparison.Ordinal));
                killed.Kill();
                Assert.NotEqual(0, await killed.WaitForExitAsync());
                destroyed.AddRange(killed.Named("destroyed"));
            }

            using var next = SweepWorkerProcess.StartHosted(database.ConnectionString, $"sweeper-{round}-next", now + (ClaimFor * 2), BatchSize, ClaimFor, step: false);
            Assert.NotNull(await next.RunUntilAsync(l => l.StartsWith("? waiting PT5M Healthy", StringComparison.Ordinal)));
            await StopAllAsync([next]);
            destroyed.AddRange(next.Named("destroyed"));

            Assert.True(destroyed.Count == round * duePerRound && destroyed.Distinct(StringComparer.Ordinal).Count() == destroyed.Count, $"an item's content was destroyed twice, or never ({context})");
            await tables.AssertSweptAsync(round * duePerRound, context, auditProof: true);
        }
    }

    // SIGTERM to each, then their lines to the end: each must stop cleanly.
    private static async Task StopAllAsync(IReadOnlyList<SweepWorkerProcess> workers)
    {
        foreach (var worker in workers)
        {
            await worker.TerminateAsync();
        }

        foreach (var worker in workers)
        {
            var exit = await worker.RunToExitAsync();
            Assert.True(exit == 0, $"{worker.Name} exited with {exit}: {await worker.Errors}");
            Assert.Equal(". stopped", worker.Lines[^1]);
        }
    }

    private static string Shares(IEnumerable<SweepWorkerProcess> workers) =>
        string.Join(", ", workers.Select(w => $"{w.Name} destroyed {w.Named("destroyed").Count()}"));

    // A fresh database with items r-0001, r-0002, ... due before Now and some held ones, which no run may touch.
    private async Task<(PostgresDatabase Database, SweepTables Tables)> TablesAsync(int due, int held)
    {
        var database = postgres.Database(nameof(HostedSweepProcessTests));
        var tables = await SweepTables.CreateAsync(database);
        await tables.AddDueAsync("r-", due, Now);
        await tables.AddHeldAsync(held, Now);
        return (database, tables);
    }
}
