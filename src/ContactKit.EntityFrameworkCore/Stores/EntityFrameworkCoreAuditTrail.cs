using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// The audit trail in table <c>contactkit_audit_entries</c>: one row per entry, numbered per tenant from 1 without gaps.
/// Append-only: the store has no path that changes or removes a row.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreAuditTrail<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IAuditTrail
    where TContext : DbContext
{
    /// <summary>The version of the entry JSON this release writes.</summary>
    internal const int ContractVersion = 1;

    // Entries are written with INSERTs of many rows rather than a statement a row through the change tracker: a sweep's
    // batch of disposal proofs is a hundred rows, and a statement a row cost more than the rest of the batch. PostgreSQL
    // takes the hundred (900 parameters) in one statement; SQLite looks each parameter up by name along the statement's
    // list, so its statements are kept to twenty rows.
    private const int RowsPerInsert = 100;

    private const int RowsPerSqliteInsert = 20;

    // The key of a tenant's audit lock (a PostgreSQL advisory lock), followed by the tenant's id.
    private const string AuditLock = "contactkit.audit:";

    private const string InsertColumns = "INSERT INTO " + AuditEntryRow.Table + " (tenant, sequence, occurred_at, action, resource_kind, resource_id, subject, contract_version, json)";

    private static readonly JsonTypeInfo<AuditEntry> EntryJson = (JsonTypeInfo<AuditEntry>)ContactKitJson.Options.GetTypeInfo(typeof(AuditEntry));

    public async ValueTask<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Validate() is { } error)
        {
            throw new ContactKitException(error);
        }

        var stored = await WriteAsync<AuditEntry>("an audit entry", async (context, ct) =>
        {
            var numbered = await InsertAsync(context, entry.Tenant, [entry], ct).ConfigureAwait(false);
            return numbered[0];
        }, cancellationToken).ConfigureAwait(false);
        return stored.Value;
    }

    /// <summary>
    /// Numbers <paramref name="entries"/> after the tenant's last entry, in order, and writes their rows at once in the
    /// caller's transaction, holding the tenant's audit lock until that transaction ends.
    /// </summary>
    internal static async Task<AuditEntry[]> InsertAsync(DbContext context, TenantId tenant, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var last = await LockAndReadLastAsync(context, tenant.Value, cancellationToken).ConfigureAwait(false);
        var numbered = new AuditEntry[entries.Count];
        for (var i = 0; i < numbered.Length; i++)
        {
            numbered[i] = entries[i] with { Sequence = last + 1 + i };
        }

        var perInsert = IsSqlite(context) ? RowsPerSqliteInsert : RowsPerInsert;
        for (var start = 0; start < numbered.Length; start += perInsert)
        {
            var command = InsertCommand(context, numbered.AsSpan(start, Math.Min(perInsert, numbered.Length - start)));
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return numbered;
    }

    // Takes the tenant's audit lock, held until the caller's transaction ends, and reads the tenant's last sequence number
    // under it. On PostgreSQL both go in one round trip, since every writer of the tenant waits while the lock is held;
    // the read is a statement of its own, so that it sees what the lock's last holder committed. SQLite's single writer
    // already orders the writers.
    private static async Task<long> LockAndReadLastAsync(DbContext context, string tenant, CancellationToken cancellationToken)
    {
        var command = CommandOn(context);
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = (IsPostgres(context) ? "SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0)); " : string.Empty)
                + "SELECT max(sequence) FROM " + AuditEntryRow.Table + " WHERE tenant = @tenant";
            AddParameter(command, "@tenant", tenant);
            if (IsPostgres(context))
            {
                AddParameter(command, "@lock", AuditLock + tenant);
            }

            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (IsPostgres(context))
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false)
                    ? reader.GetInt64(0)
                    : 0;
            }
        }
    }

    // The INSERT of some numbered entries, on the context's connection and in its transaction.
    private static DbCommand InsertCommand(DbContext context, ReadOnlySpan<AuditEntry> entries)
    {
        var command = CommandOn(context);
        var sql = new StringBuilder(InsertColumns, InsertColumns.Length + (entries.Length * 64));
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            sql.Append(i == 0 ? " VALUES (" : ", (");
            object?[] values =
            [
                entry.Tenant.Value, entry.Sequence, Ticks(entry.OccurredAt), entry.Action, entry.Resource.Kind, entry.Resource.Id,
                entry.Subject?.Value, ContractVersion, JsonSerializer.Serialize(entry, EntryJson),
            ];
            for (var v = 0; v < values.Length; v++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{command.Parameters.Count}");
                AddParameter(command, name, values[v]);
                sql.Append(v == 0 ? string.Empty : ", ").Append(name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public IAsyncEnumerable<AuditEntry> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        ReadAsync(tenant, static rows => rows, cancellationToken);

    public IAsyncEnumerable<AuditEntry> ReadByResourceAsync(TenantId tenant, ResourceRef resource, CancellationToken cancellationToken = default) =>
        ReadAsync(tenant, rows => rows.Where(r => r.ResourceKind == resource.Kind && r.ResourceId == resource.Id), cancellationToken);

    public IAsyncEnumerable<AuditEntry> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var id = subject.Value;
        return ReadAsync(tenant, rows => rows.Where(r => r.Subject == id), cancellationToken);
    }

    internal static Result<AuditEntry> FromRow(AuditEntryRow row)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{row.Sequence}");
        var read = ReadJson(AuditEntryRow.Table, key, row.ContractVersion, ContractVersion, row.Json, json => JsonSerializer.Deserialize(json, EntryJson));
        if (read.IsFailure)
        {
            return read;
        }

        // The key columns are the truth: an entry whose JSON names another tenant or position is not this row's.
        return read.Value.Tenant.Value != row.Tenant || read.Value.Sequence != row.Sequence
            ? StoreErrors.CorruptRow(AuditEntryRow.Table, key, "its JSON names another tenant or sequence than its key")
            : read;
    }

    private async IAsyncEnumerable<AuditEntry> ReadAsync(TenantId tenant, Func<IQueryable<AuditEntryRow>, IQueryable<AuditEntryRow>> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = filter(context.Set<AuditEntryRow>().AsNoTracking().Where(r => r.Tenant == id)).OrderBy(r => r.Sequence);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }
}
