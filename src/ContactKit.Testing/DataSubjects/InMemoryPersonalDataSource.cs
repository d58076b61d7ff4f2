using System.Runtime.CompilerServices;
using ContactKit.DataSubjects;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IPersonalDataSource"/> held in memory, for tests and samples: add records with <c>Add</c>, and
/// it finds, exports and erases them. Thread-safe; passes <c>ContactKit.Testing.Conformance.PersonalDataSourceContractTests</c>.
/// </summary>
/// <param name="name">The source's name, for example <c>call-recorder</c>.</param>
public sealed class InMemoryPersonalDataSource(string name) : IPersonalDataSource
{
    private readonly Lock _gate = new();
    private readonly List<(TenantId Tenant, DataSubjectId Subject, PersonalDataRecord Record)> _records = [];

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>How many items the source holds, across tenants and subjects.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Adds a record about a subject; its item's source is set to this source's name.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="record">The record.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryPersonalDataSource Add(TenantId tenant, DataSubjectId subject, PersonalDataRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _records.Add((tenant, subject, record with { Item = record.Item with { Source = Name } }));
        }

        return this;
    }

    /// <summary>Adds an item about a subject, with no content.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="item">The item.</param>
    /// <returns>This source, for chaining.</returns>
    public InMemoryPersonalDataSource Add(TenantId tenant, DataSubjectId subject, PersonalDataItem item) =>
        Add(tenant, subject, new PersonalDataRecord { Item = item });

    /// <inheritdoc />
    public IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
        Stream(Snapshot(tenant, subject).Select(r => r.Item), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
        Stream(Snapshot(tenant, subject), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var index = _records.FindIndex(r => r.Tenant == tenant && r.Subject == subject && r.Record.Item.ItemId == itemId);
            if (index < 0)
            {
                return ValueTask.FromResult<Result<PersonalDataItem>>(Errors.NotFound($"item '{itemId}' about subject {subject} in source '{Name}'", tenant));
            }

            var item = _records[index].Record.Item;
            _records.RemoveAt(index);
            return ValueTask.FromResult<Result<PersonalDataItem>>(item);
        }
    }

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private List<PersonalDataRecord> Snapshot(TenantId tenant, DataSubjectId subject)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => r.Tenant == tenant && r.Subject == subject).Select(r => r.Record)];
        }
    }
}
