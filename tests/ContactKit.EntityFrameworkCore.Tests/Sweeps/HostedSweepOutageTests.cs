using Npgsql;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// ContactKit.Hosting's disposal sweep in a process of its own whose database goes away in the middle of a batch
/// (connections refused, the open ones dropped, by a forwarder between the process and PostgreSQL) and comes back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostedSweepOutageTests(PostgresFixture postgres)
{
    private const int BatchSize = 10;
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    [SkippableFact]
    public async Task StoreRefusesConnectionsMidBatch_SweepBacksOffReportsUnhealthyAndRecoversWithoutLosingOrRepeatingWork()
    {
        const int due = 30, outageAfter = BatchSize + 3;
        var database = postgres.Database(nameof(HostedSweepOutageTests));
        var tables = await SweepTables.CreateAsync(database);
        await tables.AddDueAsync("r-", due, Now);
        await tables.AddHeldAsync(10, Now);
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var forwarder = new TcpForwarder(server.Host!, server.Port);
        var throughForwarder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = forwarder.Port }.ConnectionString;
        using var sweep = SweepWorkerProcess.StartHosted(
            throughForwarder, "sweeper-1", Now, BatchSize, Duration.FromMinutes(1), step: true,
            "--ContactKit:DisposalSweep:RetryInitialDelay=PT5S", "--ContactKit:DisposalSweep:RetryMaxDelay=PT20S");

        // The database goes away once the first batch is recorded and three items of the second are destroyed.
        var destroyed = 0;
        Assert.NotNull(await sweep.RunUntilAsync(l => l.StartsWith("? destroyed ", StringComparison.Ordinal) && ++destroyed == outageAfter));
        forwarder.Refuse();
        await sweep.ReplyAsync();

        // Three runs fail while it is away, each waiting twice as long as the one before up to RetryMaxDelay, the health
        // check unhealthy.
        var waits = new List<string>();
        for (var failed = 1; failed <= 3; failed++)
        {
            waits.Add((await sweep.RunUntilAsync(IsWait))!);
            if (failed < 3)
            {
                await sweep.ReplyAsync();
            }
        }

        // The database is back. A connection that sat in the pool through the outage fails once more at its next use;
        // such a run fails like the others, its batch's claims lapse, and the runs go on until everything is disposed of.
        forwarder.Accept();
        var afterwards = new List<string>();
        while (afterwards.Count < 8 && !(afterwards is [.., var last] && Status(last) == "PT5M Healthy" && await tables.DisposedAsync() == due))
        {
            await sweep.ReplyAsync();
            afterwards.Add((await sweep.RunUntilAsync(IsWait))!);
        }

        await sweep.TerminateAsync();
        var exit = await sweep.RunToExitAsync();

        Assert.True(exit == 0, $"the sweep exited with {exit}: {await sweep.Errors}");
        Assert.Equal(["PT5S Unhealthy", "PT10S Unhealthy", "PT20S Unhealthy"], waits.Select(Status));
        Assert.All(waits, w => Assert.Contains("CK0700", w, StringComparison.Ordinal));
        Assert.All(afterwards, w => Assert.Contains(Status(w), (string[])["PT20S Unhealthy", "PT5M Healthy"]));
        Assert.Equal("PT5M Healthy", Status(afterwards[^1]));
        var failures = 3 + afterwards.Count(w => Status(w) == "PT20S Unhealthy");
        Assert.Equal(failures, sweep.Lines.Count(l => l.StartsWith(". log 703 Error", StringComparison.Ordinal)));
        Assert.Equal(failures, sweep.Lines.Count(l => l.StartsWith(". log 704 Warning", StringComparison.Ordinal)));
        Assert.Equal(failures, sweep.Lines.Count(l => l == ". metric contactkit.hosting.sweep.failures 1"));
        Assert.Contains(sweep.Lines, l => l.StartsWith(". log 707 Information Disposal sweep recovered after ", StringComparison.Ordinal));

        // Nothing lost, nothing repeated: each item's content destroyed once; what a failed run had destroyed is found
        // gone when its batch is taken again, and recorded then.
        var gone = sweep.Named("destroyed").ToList();
        Assert.Equal(due, gone.Count);
        Assert.Equal(due, gone.Distinct(StringComparer.Ordinal).Count());
        var found = sweep.Named("already-gone").ToList();
        Assert.Superset(gone.Skip(BatchSize).Take(3).ToHashSet(StringComparer.Ordinal), found.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(gone.ToHashSet(StringComparer.Ordinal), found.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(found.Count, found.Distinct(StringComparer.Ordinal).Count());
        await tables.AssertSweptAsync(due, "after the outage", auditProof: true);
    }

    // "? waiting PT5S Unhealthy: CK0700: ..." as "PT5S Unhealthy".
    private static string Status(string wait) => string.Join(' ', wait.Split(' ')[2..4]).TrimEnd(':');

    private static bool IsWait(string line) => line.StartsWith("? waiting ", StringComparison.Ordinal);
}
