using System.Globalization;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// The tables a sweep process works on, in tenant-a of a PostgreSQL database: retained items whose content is a row of
/// sweep_content (the sweep worker deletes it and writes sweep_proof in one transaction), items of a held subject, and
/// the checks every sweep test ends with.
/// </summary>
internal sealed class SweepTables
{
    public const string HeldSubject = "held-person";
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");

    private readonly PostgresDatabase _database;
    private int _held;

    private SweepTables(PostgresDatabase database) => _database = database;

    /// <summary>Empties every ContactKit table of <paramref name="database"/> and creates (or empties) the content and proof tables.</summary>
    public static async Task<SweepTables> CreateAsync(PostgresDatabase database)
    {
        database.Fresh<IRetentionStore>();
        var tables = new SweepTables(database);
        await tables.SqlAsync("""
            CREATE TABLE IF NOT EXISTS sweep_content (tenant text NOT NULL, id text NOT NULL, PRIMARY KEY (tenant, id));
            CREATE TABLE IF NOT EXISTS sweep_proof (tenant text NOT NULL, id text NOT NULL, worker text NOT NULL, PRIMARY KEY (tenant, id));
            TRUNCATE sweep_content, sweep_proof
            """);
        return tables;
    }

    /// <summary>
    /// Adds <paramref name="count"/> items with content, ids <paramref name="prefix"/>0001 onwards, due one after another
    /// ten seconds apart before <paramref name="dueBefore"/>, each of a subject of its own.
    /// </summary>
    public Task AddDueAsync(string prefix, int count, Instant dueBefore) => InsertAsync(prefix, count, null, dueBefore);

    /// <summary>Adds <paramref name="count"/> items with content of one subject, due before <paramref name="dueBefore"/>, and a legal hold on that subject.</summary>
    public async Task AddHeldAsync(int count, Instant dueBefore)
    {
        await InsertAsync("held-", count, $"'{HeldSubject}'", dueBefore);
        _held += count;
        var placed = await _database.Services.GetRequiredService<IRetentionStore>().AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("h-1"),
            Tenant = Tenant,
            Target = HoldTarget.ForSubject(DataSubjectId.Parse(HeldSubject)),
            Reason = "litigation",
            PlacedBy = ActorId.Parse("legal-team"),
            PlacedAt = dueBefore,
        });
        Assert.True(placed.IsSuccess, placed.Error?.ToString());
    }

    /// <summary>
    /// Checks that the <paramref name="due"/> items added so far are each disposed of exactly once: the row disposed of and
    /// not claimed, its content gone with exactly one proof, and, when <paramref name="auditProof"/>, exactly one
    /// disposal proof in the audit trail; and that no held item has been claimed, begun, changed or proved.
    /// </summary>
    public async Task AssertSweptAsync(int due, string context, bool auditProof = false)
    {
        using var db = _database.NewContext();
        var rows = db.Set<RetainedItemRow>().AsNoTracking();
        var dueRows = rows.Where(r => r.Subject != HeldSubject);
        Assert.Equal(due, await dueRows.CountAsync());
        Assert.True(due == await dueRows.CountAsync(r => r.IsDisposed && r.DisposedBy != null && r.DestructionStartedAt != null && r.ClaimedBy == null), $"not every due item is disposed of ({context})");
        Assert.True(due == await CountAsync(db, $"SELECT count(*) AS \"Value\" FROM sweep_proof p JOIN contactkit_retained_items i ON i.tenant = p.tenant AND i.id = p.id WHERE i.is_disposed AND i.subject <> '{HeldSubject}'"), $"not every due item has one proof of its content's destruction ({context})");
        Assert.True(0 == await CountAsync(db, $"SELECT count(*) AS \"Value\" FROM sweep_content c JOIN contactkit_retained_items i ON i.tenant = c.tenant AND i.id = c.id WHERE i.subject <> '{HeldSubject}'"), $"the content of a due item is still there ({context})");
        if (auditProof)
        {
            Assert.True(due == await CountAsync(db, $"SELECT count(*) AS \"Value\" FROM contactkit_audit_entries WHERE action = '{DisposalPlanner.DisposedAction}'"), $"the audit trail does not hold one disposal proof per item ({context})");
            Assert.True(due == await CountAsync(db, $"SELECT count(DISTINCT resource_id) AS \"Value\" FROM contactkit_audit_entries WHERE action = '{DisposalPlanner.DisposedAction}' AND resource_id NOT LIKE 'held-%'"), $"an item has two disposal proofs in the audit trail, or one has none ({context})");
        }

        await AssertHeldUntouchedAsync(db, context);
    }

    /// <summary>
    /// Checks that a sweep stopped gracefully left nothing half done: no item claimed or begun and not disposed of, every
    /// item disposed of with its content gone and one proof, every other due item with its content and no proof.
    /// </summary>
    /// <returns>How many items are disposed of.</returns>
    public async Task<int> AssertNothingHalfDoneAsync(string context)
    {
        using var db = _database.NewContext();
        var rows = db.Set<RetainedItemRow>().AsNoTracking();
        Assert.True(0 == await rows.CountAsync(r => !r.IsDisposed && (r.ClaimedBy != null || r.DestructionStartedAt != null)), $"an item was left claimed or begun ({context})");
        var disposed = await rows.CountAsync(r => r.IsDisposed);
        Assert.True(disposed == await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_proof p JOIN contactkit_retained_items i ON i.tenant = p.tenant AND i.id = p.id WHERE i.is_disposed"), $"a disposed item has no proof of its content's destruction ({context})");
        Assert.True(0 == await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_proof p JOIN contactkit_retained_items i ON i.tenant = p.tenant AND i.id = p.id WHERE NOT i.is_disposed"), $"an item's content was destroyed but the item is not disposed of ({context})");
        Assert.True(0 == await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_content c JOIN contactkit_retained_items i ON i.tenant = c.tenant AND i.id = c.id WHERE i.is_disposed"), $"a disposed item's content is still there ({context})");
        Assert.True(disposed == await CountAsync(db, $"SELECT count(*) AS \"Value\" FROM contactkit_audit_entries WHERE action = '{DisposalPlanner.DisposedAction}'"), $"the audit trail does not hold one disposal proof per item disposed of ({context})");
        await AssertHeldUntouchedAsync(db, context);
        return disposed;
    }

    /// <summary>How many items are disposed of.</summary>
    public async Task<int> DisposedAsync()
    {
        using var db = _database.NewContext();
        return await db.Set<RetainedItemRow>().CountAsync(r => r.IsDisposed);
    }

    /// <summary>Whether the item is disposed of, and whether its content is still there.</summary>
    public async Task<(bool Disposed, bool ContentThere)> ItemAsync(string id)
    {
        using var db = _database.NewContext();
        var disposed = await db.Set<RetainedItemRow>().AsNoTracking().Where(r => r.Id == id).Select(r => r.IsDisposed).SingleAsync();
        return (disposed, 1 == await CountAsync(db, $"SELECT count(*) AS \"Value\" FROM sweep_content WHERE id = '{id}'"));
    }

    // The held items: content in place, no proof, and their rows never claimed, begun or changed.
    private async Task AssertHeldUntouchedAsync(ContactKitDbContext db, string context)
    {
        var held = await db.Set<RetainedItemRow>().AsNoTracking().Where(r => r.Subject == HeldSubject).ToListAsync();
        Assert.Equal(_held, held.Count);
        Assert.All(held, r => Assert.True(!r.IsDisposed && r.ClaimedBy == null && r.DestructionStartedAt == null && r.Version == 1, $"{r.Id} was touched ({context})"));
        Assert.Equal(_held, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_content WHERE id LIKE 'held-%'"));
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) AS \"Value\" FROM sweep_proof WHERE id LIKE 'held-%'"));
    }

    private static async Task<int> CountAsync(DbContext db, string sql) =>
#pragma warning disable EF1002 // The SQL is the test's own text.
        (int)await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
#pragma warning restore EF1002

    private async Task SqlAsync(string sql)
    {
        using var db = _database.NewContext();
#pragma warning disable EF1002 // The SQL is the test's own text.
        await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    // Items and their content in two statements; the triggers column is an empty JSON object written without braces,
    // which the raw SQL API would read as placeholders.
    private Task InsertAsync(string prefix, int count, string? subject, Instant dueBefore) =>
        SqlAsync(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO contactkit_retained_items (tenant, id, record_class, created_at, subject, triggers, dispose_at, action, rule_name, hold_count, is_disposed, version)
            SELECT 'tenant-a', '{prefix}' || lpad(n::text, 4, '0'), 'call_recording', 0, {subject ?? $"'subject-{prefix}' || n"}, chr(123) || chr(125), {dueBefore.ToUnixTimeTicks()} - n * 10000000::bigint, 'delete', 'recordings', 0, FALSE, 1
            FROM generate_series(1, {count}) AS n;
            INSERT INTO sweep_content (tenant, id) SELECT 'tenant-a', '{prefix}' || lpad(n::text, 4, '0') FROM generate_series(1, {count}) AS n
            """));
}
