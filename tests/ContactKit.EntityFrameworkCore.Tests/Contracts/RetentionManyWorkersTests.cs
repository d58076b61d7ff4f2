using System.Collections.Concurrent;
using System.Globalization;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// Four workers, each with its own store and its own connections, sweep one database of many due items: claiming in
/// batches, beginning and completing each disposal. Every due item is disposed of exactly once, none is missed, the
/// claims a dead worker left are taken again once they lapse, and the items under a hold are never touched.
/// </summary>
public abstract class RetentionManyWorkersTests
{
    private const int Workers = 4;
    private const int HeldCount = 1_000;
    private const int DeadClaims = 500;
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly DataSubjectId HeldSubject = DataSubjectId.Parse("held-person");

    /// <summary>How many due items the sweep starts with, beside the held ones.</summary>
    protected abstract int DueCount { get; }

    /// <summary>The database, emptied.</summary>
    protected abstract TestDatabase Database { get; }

    /// <summary>
    /// SQL inserting <paramref name="count"/> items numbered from 1 of tenant <c>tenant-a</c> in one statement, item
    /// <c>n</c> named <paramref name="prefix"/> and <c>n</c> in six digits, about <paramref name="subject"/> (or a subject of
    /// its own when <see langword="null"/>), due <c>n</c> seconds before <paramref name="dueBefore"/>.
    /// </summary>
    protected abstract string BulkInsert(string prefix, int count, string? subject, long dueBefore);

    [SkippableFact]
    public async Task FourWorkers_ManyDueItems_DisposeEachExactlyOnceAndLeaveHeldItemsAlone()
    {
        var database = Database;
        database.Fresh<IRetentionStore>();
        var factory = database.Services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>();
        using (var context = factory.CreateDbContext())
        {
            // The held items are due first, so each claim must pass them by in the index, not in a scan. The triggers
            // column is an empty JSON object, written without braces, which the raw SQL API would read as placeholders.
            var epoch = (Start - Duration.FromDays(1)).ToUnixTimeTicks();
#pragma warning disable EF1002 // The SQL is built from the test's own constants.
            await context.Database.ExecuteSqlRawAsync(BulkInsert("held-", HeldCount, HeldSubject.Value, epoch));
            await context.Database.ExecuteSqlRawAsync(BulkInsert("due-", DueCount, null, Start.ToUnixTimeTicks()));
#pragma warning restore EF1002
        }

        var setUp = new EntityFrameworkCoreRetentionStore<ContactKitDbContext>(factory);
        await setUp.AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("h-1"),
            Tenant = Tenant,
            Target = HoldTarget.ForSubject(HeldSubject),
            Reason = "litigation",
            PlacedBy = ActorId.Parse("legal-team"),
            PlacedAt = Start,
        });

        // A worker that dies holding claims: they lapse at Start + 1 minute, before the others start.
        var dead = await setUp.ClaimDueAsync(Tenant, Start, DeadClaims, ActorId.Parse("worker-dead"), Duration.FromMinutes(1));
        var now = Start + Duration.FromMinutes(2);
        var disposed = new ConcurrentDictionary<RetainedItemId, ActorId>();
        var twice = 0;
        var refused = new ConcurrentBag<string>();

        async Task Work(int number)
        {
            // A store of its own over a context factory of its own, as a worker in another process would have.
            var worker = ActorId.Parse(string.Create(CultureInfo.InvariantCulture, $"worker-{number}"));
            var store = new EntityFrameworkCoreRetentionStore<ContactKitDbContext>(new PooledFactory(database));
            while (true)
            {
                var batch = await store.ClaimDueAsync(Tenant, now, 250, worker, Duration.FromHours(1));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var item in batch)
                {
                    var begun = await store.BeginDisposalAsync(Tenant, item.Id, worker, now);
                    var done = begun.IsSuccess ? await store.CompleteDisposalAsync(Tenant, item.Id, worker, now) : begun;
                    if (done.IsFailure)
                    {
                        refused.Add($"{item.Id}: {done.Error.Code}");
                        continue;
                    }

                    if (!disposed.TryAdd(item.Id, worker))
                    {
                        Interlocked.Increment(ref twice);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Workers).Select(n => Task.Run(() => Work(n))));

        Assert.Equal(DeadClaims, dead.Count);
        Assert.Empty(refused);
        Assert.Equal(0, twice);
        Assert.Equal(DueCount, disposed.Count);
        Assert.True(disposed.Values.Distinct().Count() > 1, "the work was shared between the workers");
        using (var context = factory.CreateDbContext())
        {
            var rows = context.Set<RetainedItemRow>().AsNoTracking();
            Assert.Equal(DueCount, await rows.CountAsync(r => r.IsDisposed));
            Assert.Equal(DueCount, await rows.CountAsync(r => r.IsDisposed && r.DestructionStartedAt != null && r.ClaimedBy == null));
            var held = await rows.Where(r => r.Subject == HeldSubject.Value).ToListAsync();
            Assert.Equal(HeldCount, held.Count);
            Assert.All(held, r => Assert.True(!r.IsDisposed && r.ClaimedBy == null && r.DestructionStartedAt == null && r.Version == 1 && r.HoldCount == 1, r.Id));
        }

        var left = new List<StoredRetainedItem>();
        await foreach (var item in setUp.ReadAllAsync(Tenant))
        {
            left.Add(item);
        }

        Assert.Equal(HeldCount, left.Count);
    }

    /// <summary>A context factory of one worker: new contexts on the database's options, so the worker's connections are its own.</summary>
    private sealed class PooledFactory(TestDatabase database) : IDbContextFactory<ContactKitDbContext>
    {
        private readonly DbContextOptions<ContactKitDbContext> _options = database.Services.GetRequiredService<DbContextOptions<ContactKitDbContext>>();

        public ContactKitDbContext CreateDbContext() => new(_options);
    }
}

public sealed class SqliteRetentionManyWorkersTests(SqliteDatabase database) : RetentionManyWorkersTests, IClassFixture<SqliteDatabase>
{
    protected override int DueCount => 5_000;

    protected override TestDatabase Database => database;

    protected override string BulkInsert(string prefix, int count, string? subject, long dueBefore) => string.Create(CultureInfo.InvariantCulture, $"""
        WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count})
        INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
        SELECT 'tenant-a', '{prefix}' || printf('%06d', n), 'call_recording', 0, {(subject is null ? $"'subject-{prefix}' || n" : $"'{subject}'")}, char(123, 125), {dueBefore} - n * 10000000, 'delete', 'recordings', 0, FALSE, 1
        FROM g
        """);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionManyWorkersTests(PostgresFixture postgres) : RetentionManyWorkersTests
{
    protected override int DueCount => 100_000;

    protected override TestDatabase Database => postgres.Database(nameof(PostgresRetentionManyWorkersTests));

    protected override string BulkInsert(string prefix, int count, string? subject, long dueBefore) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
        SELECT 'tenant-a', '{prefix}' || lpad(n::text, 6, '0'), 'call_recording', 0, {(subject is null ? $"'subject-{prefix}' || n" : $"'{subject}'")}, chr(123) || chr(125), {dueBefore} - n * 10000000::bigint, 'delete', 'recordings', 0, FALSE, 1
        FROM generate_series(1, {count}) AS n
        """);
}
