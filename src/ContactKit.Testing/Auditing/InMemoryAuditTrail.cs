using System.Runtime.CompilerServices;
using ContactKit;

namespace ContactKit.Testing;

/// <summary>An <see cref="IAuditTrail"/> held in memory, for tests and samples. Thread-safe; passes <c>ContactKit.Testing.Conformance.AuditTrailContractTests</c>.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TenantId, List<AuditEntry>> _byTenant = [];

    /// <inheritdoc />
    public ValueTask<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        if (entry.Validate() is { } error)
        {
            throw new ContactKitException(error);
        }

        lock (_gate)
        {
            if (!_byTenant.TryGetValue(entry.Tenant, out var entries))
            {
                entries = [];
                _byTenant.Add(entry.Tenant, entries);
            }

            var stored = entry with { Sequence = entries.Count + 1 };
            entries.Add(stored);
            return ValueTask.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AuditEntry> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Read(tenant, static _ => true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<AuditEntry> ReadByResourceAsync(TenantId tenant, ResourceRef resource, CancellationToken cancellationToken = default) =>
        Read(tenant, e => e.Resource == resource, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<AuditEntry> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
        Read(tenant, e => e.Subject == subject, cancellationToken);

    private async IAsyncEnumerable<AuditEntry> Read(TenantId tenant, Func<AuditEntry, bool> match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditEntry[] snapshot;
        lock (_gate)
        {
            snapshot = _byTenant.TryGetValue(tenant, out var entries) ? [.. entries] : [];
        }

        foreach (var entry in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (match(entry))
            {
                yield return entry;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
