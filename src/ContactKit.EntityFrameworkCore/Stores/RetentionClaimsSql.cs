namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// The raw SQL of the retention store: the claim, which needs provider SQL, and the single-statement changes of one
/// claimed item, each a conditional <c>UPDATE ... RETURNING</c> that both providers run as written. A change whose
/// conditions do not hold updates nothing, and the store then reads the row to say why. Parameters are positional
/// (<c>{0}</c>, <c>{1}</c>, ...) and bound as parameters, never spliced into the text.
/// </summary>
internal static class RetentionClaimsSql
{
    /// <summary>
    /// PostgreSQL: takes up to {2} due items of tenant {0} at ticks {1} for worker {3} until ticks {4}. The inner select
    /// is a range scan of the index on (tenant, is_disposed, hold_count, dispose_at, id), so held items are never
    /// visited; <c>FOR UPDATE SKIP LOCKED</c> steps over rows another worker is claiming or changing this instant rather
    /// than waiting for them, so concurrent workers take disjoint batches. Once a row is locked PostgreSQL checks the
    /// conditions again on its newest version, so an item claimed and committed by another worker meanwhile is left out.
    /// </summary>
    public const string ClaimPostgres = """
        WITH due AS (
            SELECT tenant, id FROM contactkit_retained_items
            WHERE tenant = {0} AND is_disposed = FALSE AND hold_count = 0 AND dispose_at <= {1}
              AND (claim_expires_at IS NULL OR claim_expires_at <= {1})
            ORDER BY dispose_at, id
            LIMIT {2}
            FOR UPDATE SKIP LOCKED)
        UPDATE contactkit_retained_items AS i
        SET claimed_by = {3}, claim_expires_at = {4}, destruction_started_at = NULL
        FROM due
        WHERE i.tenant = due.tenant AND i.id = due.id
        RETURNING i.*
        """;

    /// <summary>
    /// SQLite: the same claim as one statement. SQLite has one writer per database and the store runs this as that
    /// writer, so no other change can come between the select and the update; no row locks are needed.
    /// </summary>
    public const string ClaimSqlite = """
        UPDATE contactkit_retained_items
        SET claimed_by = {3}, claim_expires_at = {4}, destruction_started_at = NULL
        WHERE tenant = {0} AND id IN (
            SELECT id FROM contactkit_retained_items
            WHERE tenant = {0} AND is_disposed = FALSE AND hold_count = 0 AND dispose_at <= {1}
              AND (claim_expires_at IS NULL OR claim_expires_at <= {1})
            ORDER BY dispose_at, id
            LIMIT {2})
        RETURNING *
        """;

    /// <summary>
    /// Begins destruction of item {1} of tenant {0} by worker {2} at ticks {3}: only under that worker's claim, not yet
    /// begun, no active hold, and the stored disposal instant come. Raises the version.
    /// </summary>
    public const string BeginDisposal = """
        UPDATE contactkit_retained_items
        SET destruction_started_at = {3}, version = version + 1
        WHERE tenant = {0} AND id = {1} AND claimed_by = {2} AND is_disposed = FALSE AND destruction_started_at IS NULL
          AND hold_count = 0 AND dispose_at <= {3}
        RETURNING *
        """;

    /// <summary>
    /// <see cref="BeginDisposal"/> for the items {1} of tenant {0} at once, under the same conditions for each; {1} is
    /// written as in <see cref="CompleteDisposals"/>.
    /// </summary>
    public const string BeginDisposals = """
        UPDATE contactkit_retained_items
        SET destruction_started_at = {3}, version = version + 1
        WHERE tenant = {0} AND id IN (@ids) AND claimed_by = {2} AND is_disposed = FALSE AND destruction_started_at IS NULL
          AND hold_count = 0 AND dispose_at <= {3}
        RETURNING *
        """;

    /// <summary>
    /// <see cref="CompleteDisposal"/> for the items {1} of tenant {0} at once, under the same conditions for each: {1}
    /// is the ids as an array on PostgreSQL (<see cref="ManyPostgres"/>) and as a JSON array on SQLite
    /// (<see cref="ManySqlite"/>).
    /// </summary>
    public const string CompleteDisposals = """
        UPDATE contactkit_retained_items
        SET is_disposed = TRUE, disposed_at = {3}, disposed_by = {2}, claimed_by = NULL, claim_expires_at = NULL, version = version + 1
        WHERE tenant = {0} AND id IN (@ids) AND claimed_by = {2} AND is_disposed = FALSE
          AND (destruction_started_at IS NOT NULL OR (hold_count = 0 AND dispose_at <= {3}))
        RETURNING *
        """;

    /// <summary>PostgreSQL: the ids of a batch statement, from a <c>text[]</c> parameter.</summary>
    public const string ManyPostgres = "SELECT unnest({1})";

    /// <summary>SQLite: the ids of a batch statement, from a JSON array parameter.</summary>
    public const string ManySqlite = "SELECT value FROM json_each({1})";

    /// <summary>
    /// Records item {1} of tenant {0} disposed of by worker {2} at ticks {3}: only under that worker's claim, and, when
    /// destruction was not begun, only with no active hold and the stored disposal instant come. Raises the version.
    /// </summary>
    public const string CompleteDisposal = """
        UPDATE contactkit_retained_items
        SET is_disposed = TRUE, disposed_at = {3}, disposed_by = {2}, claimed_by = NULL, claim_expires_at = NULL, version = version + 1
        WHERE tenant = {0} AND id = {1} AND claimed_by = {2} AND is_disposed = FALSE
          AND (destruction_started_at IS NOT NULL OR (hold_count = 0 AND dispose_at <= {3}))
        RETURNING *
        """;

    /// <summary>Gives up worker {2}'s claim on item {1} of tenant {0}, with any destruction it began.</summary>
    public const string ReleaseClaim = """
        UPDATE contactkit_retained_items
        SET claimed_by = NULL, claim_expires_at = NULL, destruction_started_at = NULL
        WHERE tenant = {0} AND id = {1} AND claimed_by = {2} AND is_disposed = FALSE
        RETURNING *
        """;

    /// <summary>PostgreSQL: reads item {1} of tenant {0} and locks it until the transaction ends.</summary>
    public const string LockItemPostgres = """
        SELECT * FROM contactkit_retained_items WHERE tenant = {0} AND id = {1} FOR UPDATE
        """;

    /// <summary>
    /// Whether an active hold of tenant <c>@tenant</c> is placed on item <c>@item</c>, subject <c>@subject</c>,
    /// interaction <c>@interaction</c> or case <c>@case</c> (a null one matches nothing): the check a hold watch prepares
    /// once and runs before each item of a batch. Named parameters, which both providers take as written.
    /// </summary>
    public const string AnyActiveHold = """
        SELECT 1 FROM contactkit_legal_holds
        WHERE tenant = @tenant AND is_active
          AND ((target_scope = 'item' AND target_id = @item) OR (target_scope = 'subject' AND target_id = @subject)
            OR (target_scope = 'interaction' AND target_id = @interaction) OR (target_scope = 'case' AND target_id = @case))
        LIMIT 1
        """;
}
