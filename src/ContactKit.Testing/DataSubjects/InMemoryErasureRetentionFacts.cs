using System.Collections.Concurrent;
using ContactKit.DataSubjects;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IErasureRetentionFacts"/> held in memory: set the facts of an item with <see cref="Set"/>; any other
/// item has <see cref="RetentionFacts.None"/>. Thread-safe.
/// </summary>
public sealed class InMemoryErasureRetentionFacts : IErasureRetentionFacts
{
    private readonly ConcurrentDictionary<(TenantId, PersonalDataItemRef), RetentionFacts> _facts = new();

    /// <summary>Sets the retention facts of an item.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="item">The item.</param>
    /// <param name="facts">The facts.</param>
    /// <returns>This instance, for chaining.</returns>
    public InMemoryErasureRetentionFacts Set(TenantId tenant, PersonalDataItemRef item, RetentionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts[(tenant, item)] = facts;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_facts.TryGetValue((tenant, item.Ref), out var facts) ? facts : RetentionFacts.None);
    }
}
