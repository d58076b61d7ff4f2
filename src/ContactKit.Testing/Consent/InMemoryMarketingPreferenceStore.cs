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
            var merged = Merge(stored, preferences);
            if (merged.IsSuccess && !ReferenceEquals(merged.Value, stored))
            {
                _subjects[key] = merged.Value;
            }

            return ValueTask.FromResult(merged);
        }
    }

    /// <summary>
    /// What saving <paramref name="given"/> over <paramref name="stored"/> leaves: the given preferences when the stored
    /// events begin them, the stored preferences (unchanged, the same instance) when the given events are already stored,
    /// otherwise a version conflict.
    /// </summary>
    /// <param name="stored">What is stored.</param>
    /// <param name="given">What is being saved.</param>
    /// <returns>The preferences to keep, or the conflict.</returns>
    internal static Result<MarketingPreferences> Merge(MarketingPreferences stored, MarketingPreferences given)
    {
        var (have, want) = (stored.Events, given.Events);
        var common = Math.Min(have.Length, want.Length);
        if (!have.AsSpan(0, common).SequenceEqual(want.AsSpan(0, common)))
        {
            return Errors.VersionConflict("marketing preferences of this subject", common, have.Length);
        }

        return want.Length <= have.Length ? stored : given;
    }
}
