using System.Runtime.CompilerServices;
using ContactKit.Consent;
using ContactKit.Consent.Ledger;

namespace ContactKit.Testing;

/// <summary>An <see cref="IConsentStore"/> held in memory, for tests and samples. Thread-safe; passes <see cref="ConsentStoreContractTests"/>.</summary>
public sealed class InMemoryConsentStore : IConsentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TenantId, List<ConsentRecord>> _byTenant = [];
    private readonly Dictionary<(TenantId, ConsentRecordId), ConsentRecord> _byId = [];

    /// <inheritdoc />
    public ValueTask<Result<ConsentRecord>> AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Validate() is { } invalid)
        {
            return ValueTask.FromResult<Result<ConsentRecord>>(invalid);
        }

        lock (_gate)
        {
            if (!_byTenant.TryGetValue(record.Tenant, out var records))
            {
                records = [];
                _byTenant.Add(record.Tenant, records);
            }

            if (_byId.TryGetValue((record.Tenant, record.Id), out var existing))
            {
                return ValueTask.FromResult<Result<ConsentRecord>>(existing == record with { Sequence = existing.Sequence }
                    ? existing
                    : new ContactKitError(ConsentErrorCodes.DuplicateConsentRecord, $"Consent record '{record.Id}' is already in the ledger with different content; records are never changed, so append a new record instead.", "Id"));
            }

            var stored = record with { Sequence = records.Count + 1 };
            records.Add(stored);
            _byId.Add((record.Tenant, record.Id), stored);
            return ValueTask.FromResult<Result<ConsentRecord>>(stored);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentRecord> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
        Read(tenant, r => r.Subject == subject, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentRecord> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        Read(tenant, static _ => true, cancellationToken);

    private async IAsyncEnumerable<ConsentRecord> Read(TenantId tenant, Func<ConsentRecord, bool> match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ConsentRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _byTenant.TryGetValue(tenant, out var records) ? [.. records] : [];
        }

        foreach (var record in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (match(record))
            {
                yield return record;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
