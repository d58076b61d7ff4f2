using ContactKit.Consent;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IMarketingPreferenceStore"/> held in memory, for tests and samples. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.MarketingPreferenceStoreContractTests</c>.
/// </summary>
public sealed class InMemoryMarketingPreferenceStore : IMarketingPreferenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, DataSubjectId), MarketingPreferences> _subjects = [];

    /// <inheritdoc />
    public ValueTask<Result<MarketingPreferences>> GetAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(Result<MarketingPreferences>.Success(_subjects.GetValueOrDefault((tenant, subject)) ?? MarketingPreferences.For(tenant, subject)));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<MarketingPreferences>> SaveAsync(MarketingPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        cancellationToken.ThrowIfCancellationRequested();
        var valid = MarketingPreferences.FromEvents(preferences.Tenant, preferences.Subject, preferences.Events);
        if (valid.IsFailure)
        {
            return ValueTask.FromResult(valid);
        }

        lock (_gate)
        {
            var key = (preferences.Tenant, preferences.Subject);
            var stored = _subjects.GetValueOrDefault(key) ?? MarketingPreferences.For(preferences.Tenant, preferences.Subject);
            var merged = valid.Value.SaveOver(stored);
            if (merged.IsSuccess && !ReferenceEquals(merged.Value, stored))
            {
                _subjects[key] = merged.Value;
            }

            return ValueTask.FromResult(merged);
        }
    }
}
