using System.Runtime.CompilerServices;
using ContactKit.Consent;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IConsentStore"/> held in memory, for tests and samples. Thread-safe; passes <c>ContactKit.Testing.Conformance.ConsentStoreContractTests</c>.
/// Records are indexed by id, by subject, and by subject and purpose (and category), so that a subject's current state
/// is a lookup whatever the size of the ledger.
/// </summary>
public sealed class InMemoryConsentStore : IConsentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TenantId, List<ConsentRecord>> _byTenant = [];
    private readonly Dictionary<(TenantId, ConsentRecordId), ConsentRecord> _byId = [];
    private readonly Dictionary<(TenantId, DataSubjectId), List<ConsentRecord>> _bySubject = [];
    private readonly Dictionary<(TenantId, DataSubjectId, Purpose), ConsentRecord> _latestByPurpose = [];
    private readonly Dictionary<(TenantId, DataSubjectId, Purpose, DataCategoryKey), ConsentRecord> _latestByCategory = [];

    /// <inheritdoc />
    public ValueTask<Result<ConsentAppendOutcome>> AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.Validate() is { } invalid)
        {
            return ValueTask.FromResult<Result<ConsentAppendOutcome>>(invalid);
        }

        lock (_gate)
        {
            if (_byId.TryGetValue((record.Tenant, record.Id), out var existing))
            {
                return ValueTask.FromResult<Result<ConsentAppendOutcome>>(existing == record with { Sequence = existing.Sequence }
                    ? new ConsentAppendOutcome(existing, IsNew: false)
                    : new ContactKitError(ConsentErrorCodes.DuplicateConsentRecord, $"Consent record {Errors.Excerpt(record.Id.Value)} is already in the ledger with different content; records are never changed, so append a new record instead.", "Id"));
            }

            if (!_byTenant.TryGetValue(record.Tenant, out var records))
            {
                records = [];
                _byTenant.Add(record.Tenant, records);
            }

            var stored = record with { Sequence = records.Count + 1 };
            records.Add(stored);
            _byId.Add((record.Tenant, record.Id), stored);
            if (!_bySubject.TryGetValue((record.Tenant, record.Subject), out var subjects))
            {
                subjects = [];
                _bySubject.Add((record.Tenant, record.Subject), subjects);
            }

            subjects.Add(stored);

            // A new record always has the highest sequence in its tenant, so it is the latest for everything it covers.
            foreach (var purpose in stored.Purposes)
            {
                _latestByPurpose[(stored.Tenant, stored.Subject, purpose)] = stored;
                foreach (var category in stored.DataCategories.IsDefault ? [] : stored.DataCategories)
                {
                    _latestByCategory[(stored.Tenant, stored.Subject, purpose, category)] = stored;
                }
            }

            return ValueTask.FromResult<Result<ConsentAppendOutcome>>(new ConsentAppendOutcome(stored, IsNew: true));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<ConsentRecord>> GetLatestAsync(TenantId tenant, DataSubjectId subject, Purpose purpose, DataCategoryKey? category = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConsentRecord? latest;
        lock (_gate)
        {
            latest = category is { } key
                ? _latestByCategory.GetValueOrDefault((tenant, subject, purpose, key))
                : _latestByPurpose.GetValueOrDefault((tenant, subject, purpose));
        }

        return ValueTask.FromResult(latest is null
            ? Result<ConsentRecord>.Failure(Errors.NotFound($"consent record for this subject and purpose '{purpose}'", tenant))
            : Result<ConsentRecord>.Success(latest));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentRecord> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        ConsentRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _bySubject.TryGetValue((tenant, subject), out var records) ? [.. records] : [];
        }

        return Enumerate(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ConsentRecord> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        ConsentRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _byTenant.TryGetValue(tenant, out var records) ? [.. records] : [];
        }

        return Enumerate(snapshot, cancellationToken);
    }

    private static async IAsyncEnumerable<ConsentRecord> Enumerate(ConsentRecord[] snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
