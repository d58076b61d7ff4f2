// With "host" first, the rest of the command line configures ContactKit.Hosting's disposal sweep run under a .NET host
// (see HostedSweep). Otherwise:
// a disposal sweep over a PostgreSQL retention store, run as a process of its own so that a test can kill it (SIGKILL)
// at any point and check what the next run finishes. Arguments: connection string, tenant, worker, "now" in ticks since
// the Unix epoch, claim length in seconds. Each item's content is a row of sweep_content; destroying it deletes that row
// and writes its proof to sweep_proof in one transaction. Every step is written to standard output as it is done.
// Exit codes: 0 nothing left to dispose of, 2 a store call was refused, 1 wrong arguments.
using System.Globalization;
using ContactKit;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

if (args is ["host", .. var configuration])
{
    return await ContactKit.EntityFrameworkCore.SweepWorker.HostedSweep.RunAsync(configuration);
}

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: sweep-worker <connection string> <tenant> <worker> <now ticks> <claim seconds>");
    return 1;
}

var connectionString = args[0];
var tenant = TenantId.Parse(args[1]);
var worker = ActorId.Parse(args[2]);
var now = Instant.FromUnixTimeTicks(long.Parse(args[3], CultureInfo.InvariantCulture));
var claimFor = Duration.FromSeconds(long.Parse(args[4], CultureInfo.InvariantCulture));

var services = new ServiceCollection();
services.AddContactKit().AddEntityFrameworkCoreStores(o => o.UseNpgsql(connectionString));
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IRetentionStore>();
await using var content = NpgsqlDataSource.Create(connectionString);

while (true)
{
    var batch = await store.ClaimDueAsync(tenant, now, 25, worker, claimFor);
    await Say($"claimed {batch.Count}");
    if (batch.Count == 0)
    {
        return 0;
    }

    foreach (var item in batch)
    {
        var begun = await store.BeginDisposalAsync(tenant, item.Id, worker, now);
        if (begun.IsFailure)
        {
            Console.Error.WriteLine($"begin {item.Id}: {begun.Error}");
            return 2;
        }

        await Say($"begun {item.Id}");
        await Destroy(item.Id);
        await Say($"destroyed {item.Id}");
        var done = await store.CompleteDisposalAsync(tenant, item.Id, worker, now);
        if (done.IsFailure)
        {
            Console.Error.WriteLine($"complete {item.Id}: {done.Error}");
            return 2;
        }

        await Say($"disposed {item.Id}");
    }
}

// Writes one line of progress and waits until the test acknowledges it (a line on stdin), so that the test's SIGKILL
// lands exactly after the step it chose, however fast the sweep runs; with no one acknowledging (stdin closed) it goes on.
static async Task Say(string line)
{
    Console.WriteLine(line);
    Console.Out.Flush();
    _ = await Console.In.ReadLineAsync();
}

// Deletes the item's content and leaves its proof, at once; content already gone (a run killed after destroying it)
// was proved then, so nothing more is written.
async Task Destroy(RetainedItemId id)
{
    await using var connection = await content.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var delete = new NpgsqlCommand("DELETE FROM sweep_content WHERE tenant = $1 AND id = $2", connection, transaction);
    delete.Parameters.Add(new NpgsqlParameter { Value = tenant.Value });
    delete.Parameters.Add(new NpgsqlParameter { Value = id.Value });
    if (await delete.ExecuteNonQueryAsync() == 1)
    {
        await using var proof = new NpgsqlCommand("INSERT INTO sweep_proof (tenant, id, worker) VALUES ($1, $2, $3)", connection, transaction);
        proof.Parameters.Add(new NpgsqlParameter { Value = tenant.Value });
        proof.Parameters.Add(new NpgsqlParameter { Value = id.Value });
        proof.Parameters.Add(new NpgsqlParameter { Value = worker.Value });
        await proof.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}
