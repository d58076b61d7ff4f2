using System.Globalization;
using System.Runtime.CompilerServices;
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
            var numbered = await AddAsync(context, entry.Tenant, [entry], ct).ConfigureAwait(false);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return numbered[0];
        }, cancellationToken).ConfigureAwait(false);
        return stored.Value;
    }

    /// <summary>
    /// Numbers <paramref name="entries"/> after the tenant's last entry, in order, and adds their rows to
    /// <paramref name="context"/>, holding the tenant's audit lock until the caller's transaction ends; the caller saves
    /// them with whatever else its transaction changes.
    /// </summary>
    internal static async Task<AuditEntry[]> AddAsync(DbContext context, TenantId tenant, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var id = tenant.Value;
        await LockAsync(context, "contactkit.audit:" + id, cancellationToken).ConfigureAwait(false);
        var last = await context.Set<AuditEntryRow>().Where(r => r.Tenant == id).MaxAsync(r => (long?)r.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        var numbered = new AuditEntry[entries.Count];
        for (var i = 0; i < numbered.Length; i++)
        {
            numbered[i] = entries[i] with { Sequence = last + 1 + i };
            context.Add(ToRow(numbered[i]));
        }

        return numbered;
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

    internal static AuditEntryRow ToRow(AuditEntry entry) => new()
    {
        Tenant = entry.Tenant.Value,
        Sequence = entry.Sequence,
        OccurredAt = Ticks(entry.OccurredAt),
        Action = entry.Action,
        ResourceKind = entry.Resource.Kind,
        ResourceId = entry.Resource.Id,
        Subject = entry.Subject?.Value,
        ContractVersion = ContractVersion,
        Json = JsonSerializer.Serialize(entry, EntryJson),
    };

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
