using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// Disposal with proof on a real database, as the hosted sweep does it: each of <see cref="Workers"/> workers claims
/// batches of 100 through <see cref="IRetentionStore"/> and, for each item, begins its disposal, hands it to the disposer
/// and completes it with proof in the audit trail (<see cref="DisposalPlanner.RunOnceAsync"/>). The store holds
/// <c>Stored</c> items of which <c>Due</c> percent are due; each iteration disposes of the first
/// <see cref="DisposalsPerIteration"/> due items and the next iteration starts from the same state. The baseline,
/// <see cref="Floor"/>, marks the same rows disposed of with one hand-written SQL statement in the same database.
/// Budgets: at least 5,000 disposals a second on SQLite and 10,000 on PostgreSQL with 4 workers, within a factor of 2 of
/// the floor; the same rate from 100,000 stored as from 1,000,000 (the cost follows the items due, not those stored).
/// </summary>
[MeasuredJob(warmupCount: 1, iterationCount: 3, perSecond: "Disposals/s")]
public class DisposalThroughputBenchmarks
{
    /// <summary>How many items each iteration disposes of, shared between the workers.</summary>
    public const int DisposalsPerIteration = 1_000;

    private const string TenantName = "council";
    private const int BatchSize = 100;
    private static readonly TenantId Tenant = TenantId.Parse(TenantName);

    // Item n (from 1) is due at Epoch + n seconds, so "now" decides how many are due.
    private static readonly Instant Epoch = Instant.FromUtc(2026, 1, 1, 0, 0);

    private Action<DbContextOptionsBuilder> _database = null!;
    private ServiceProvider _host = null!;
    private DisposalPlanner _planner = null!;
    private Instant _now;
    private int _perIteration;
    private int _remaining;
    private int _disposed;

    /// <summary>The database, the items it stores and the share of them due.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = null!;

    /// <summary>How many workers sweep at once.</summary>
    [Params(1, 2, 4)]
    public int Workers { get; set; }

    /// <summary>
    /// SQLite and PostgreSQL, each from 1,000,000 stored with 1% and 10% due, and from 100,000 with 10% (the same 10,000
    /// due), written short enough for the table: "SQLite 1M 10%".
    /// </summary>
    public static IEnumerable<string> Stores =>
        from provider in new[] { BenchmarkDatabases.Sqlite, BenchmarkDatabases.Postgres }
        from shape in new[] { "1M 1%", "1M 10%", "100k 10%" }
        select $"{provider} {shape}";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Store.Split(' ');
        var stored = BenchmarkArguments.Scaled(parts[1] == "1M" ? 1_000_000 : 100_000);
        // At full scale every shape has at least 10,000 due; a scaled-down run (a dry check) keeps one iteration's worth,
        // so that every iteration disposes of exactly DisposalsPerIteration, the count the figures are divided by.
        var due = Math.Max(DisposalsPerIteration, stored * int.Parse(parts[2].TrimEnd('%'), CultureInfo.InvariantCulture) / 100);
        stored = Math.Max(stored, due);
        _perIteration = DisposalsPerIteration;
        _now = Epoch + Duration.FromSeconds(due) + Duration.FromMilliseconds(500);
        _database = BenchmarkDatabases.Open(parts[0], string.Create(CultureInfo.InvariantCulture, $"retention-{stored}"), (connection, provider) => Fill(connection, provider, stored));
        BenchmarkDatabases.WithConnection(_database, connection => BenchmarkDatabases.Execute(connection, "DELETE FROM contactkit_audit_entries"));
        _host = BenchmarkHost.Build(_database, new FakeClock(_now));
        _planner = _host.GetRequiredService<DisposalPlanner>();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>Puts back the items the last iteration disposed of or claimed, so each iteration starts from one state.</summary>
    [IterationSetup]
    public void Reset()
    {
        BenchmarkDatabases.WithConnection(_database, connection =>
        {
            BenchmarkDatabases.Execute(connection, $"""
                UPDATE contactkit_retained_items
                SET is_disposed = FALSE, disposed_at = NULL, disposed_by = NULL, claimed_by = NULL, claim_expires_at = NULL, destruction_started_at = NULL
                WHERE tenant = '{TenantName}' AND is_disposed = TRUE
                """);
            BenchmarkDatabases.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                UPDATE contactkit_retained_items
                SET claimed_by = NULL, claim_expires_at = NULL, destruction_started_at = NULL
                WHERE tenant = '{TenantName}' AND is_disposed = FALSE AND hold_count = 0 AND dispose_at <= {_now.ToUnixTimeTicks()} AND claimed_by IS NOT NULL
                """));
        });
        _remaining = _perIteration;
        _disposed = 0;
    }

    /// <summary>Checks that the iteration did all it was meant to, so that no figure comes from a sweep that stopped short.</summary>
    [IterationCleanup]
    public void Check()
    {
        if (_disposed != _perIteration)
        {
            throw new InvalidOperationException($"{Store}, {Workers} workers: {_disposed} disposed of, {_perIteration} expected.");
        }
    }

    /// <summary>The workers' sweep, per disposal.</summary>
    /// <returns>How many items were disposed of.</returns>
    [Benchmark(OperationsPerInvoke = DisposalsPerIteration)]
    public async Task<int> Sweep()
    {
        await Task.WhenAll(Enumerable.Range(1, Workers).Select(n => Task.Run(() => WorkAsync(ActorId.Parse(string.Create(CultureInfo.InvariantCulture, $"sweep-{n}"))))));
        return _disposed;
    }

    /// <summary>One SQL statement marking the same items disposed of, per item.</summary>
    /// <returns>How many rows it changed.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = DisposalsPerIteration)]
    public int Floor()
    {
        BenchmarkDatabases.WithConnection(_database, connection => _disposed = BenchmarkDatabases.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
            UPDATE contactkit_retained_items
            SET is_disposed = TRUE, disposed_at = {_now.ToUnixTimeTicks()}, disposed_by = 'floor', claimed_by = NULL, claim_expires_at = NULL, version = version + 1
            WHERE tenant = '{TenantName}' AND id IN (
                SELECT id FROM contactkit_retained_items
                WHERE tenant = '{TenantName}' AND is_disposed = FALSE AND hold_count = 0 AND dispose_at <= {_now.ToUnixTimeTicks()}
                ORDER BY dispose_at, id
                LIMIT {_perIteration})
            """)));
        return _disposed;
    }

    private async Task WorkAsync(ActorId worker)
    {
        var disposer = new ReceiptDisposer();
        while (true)
        {
            // Takes a share of what is left to do; gives back what the claim did not find.
            int take;
            while (true)
            {
                var left = Volatile.Read(ref _remaining);
                take = Math.Min(BatchSize, left);
                if (take == 0)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _remaining, left - take, left) == left)
                {
                    break;
                }
            }

            var run = await _planner.RunOnceAsync(Tenant, worker, disposer, take);
            Interlocked.Add(ref _disposed, run.Proofs.Length);
            if (run.Failures.Length > 0)
            {
                throw new InvalidOperationException($"{worker}: {run.Failures[0].Item} not disposed of: {run.Failures[0].Error}");
            }

            if (run.Claimed < take)
            {
                Interlocked.Add(ref _remaining, take - run.Claimed);
                if (run.Claimed == 0)
                {
                    return;
                }
            }
        }
    }

    // Item n (from 1) of tenant council, due n seconds after the epoch, each about a subject of its own.
    private static void Fill(DbConnection connection, string provider, int count)
    {
        var epoch = Epoch.ToUnixTimeTicks();
        BenchmarkDatabases.Execute(connection, provider == BenchmarkDatabases.Sqlite
            ? string.Create(CultureInfo.InvariantCulture, $"""
                WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count})
                INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
                SELECT '{TenantName}', 'item-' || printf('%07d', n), 'call_recording', 0, 'subject-' || n, char(123, 125), {epoch} + n * 10000000, 'delete', 'recordings', 0, FALSE, 1
                FROM g
                """)
            : string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
                SELECT '{TenantName}', 'item-' || lpad(n::text, 7, '0'), 'call_recording', 0, 'subject-' || n, chr(123) || chr(125), {epoch} + n * 10000000::bigint, 'delete', 'recordings', 0, FALSE, 1
                FROM generate_series(1, {count}) AS n
                """));
    }

    /// <summary>The host's storage: the content is gone at once, and the receipt names what was destroyed.</summary>
    private sealed class ReceiptDisposer : IRetainedItemDisposer
    {
        public ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Result<DestructionReceipt>>(new DestructionReceipt("sha256:" + new string('0', 64), "benchmark"));
    }
}
