using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Consent;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Each subject's marketing preferences in <c>contactkit_marketing_events</c>: one row per event, as JSON in the consent
/// contract, numbered per subject from 1. Append-only: a save adds the events after those stored and never changes one;
/// a save whose events do not begin with the stored ones is refused as a version conflict.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreMarketingPreferenceStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IMarketingPreferenceStore
    where TContext : DbContext
{
    /// <summary>The version of the event JSON this release writes.</summary>
    internal const int ContractVersion = 1;

    private static readonly JsonTypeInfo<MarketingEvent> EventJson = (JsonTypeInfo<MarketingEvent>)ConsentJson.Options.GetTypeInfo(typeof(MarketingEvent));

    public async ValueTask<Result<MarketingPreferences>> GetAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await ReadAsync(context, tenant, subject, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<Result<MarketingPreferences>> SaveAsync(MarketingPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var valid = MarketingPreferences.FromEvents(preferences.Tenant, preferences.Subject, preferences.Events);
        if (valid.IsFailure)
        {
            return ValueTask.FromResult(valid);
        }

        var (tenant, subject) = (preferences.Tenant, preferences.Subject);
        return WriteAsync<MarketingPreferences>("marketing preferences of this subject", async (context, ct) =>
        {
            await LockAsync(context, $"contactkit.marketing:{tenant.Value}/{subject.Value}", ct).ConfigureAwait(false);
            var stored = await ReadAsync(context, tenant, subject, ct).ConfigureAwait(false);
            if (stored.IsFailure)
            {
                return stored;
            }

            var kept = valid.Value.SaveOver(stored.Value);
            if (kept.IsFailure || ReferenceEquals(kept.Value, stored.Value))
            {
                return kept; // a conflict, a replay, or a save of what another writer had already extended
            }

            var (have, want) = (stored.Value.Events, kept.Value.Events);
            for (var i = have.Length; i < want.Length; i++)
            {
                context.Add(new MarketingEventRow
                {
                    Tenant = tenant.Value,
                    Subject = subject.Value,
                    Position = i + 1,
                    ContractVersion = ContractVersion,
                    Json = JsonSerializer.Serialize(want[i], EventJson),
                });
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return kept;
        }, cancellationToken);
    }

    internal static Result<MarketingEvent> FromRow(MarketingEventRow row)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{Errors.Excerpt(row.Subject)}/{row.Position}");
        var read = ReadJson(MarketingEventRow.Table, key, row.ContractVersion, ContractVersion, row.Json, json => JsonSerializer.Deserialize(json, EventJson));
        return read.IsSuccess && read.Value.Validate() is not null
            ? StoreErrors.CorruptRow(MarketingEventRow.Table, key, "its event lacks a field its kind needs")
            : read;
    }

    private static async Task<Result<MarketingPreferences>> ReadAsync(TContext context, TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken)
    {
        var (tenantId, subjectId) = (tenant.Value, subject.Value);
        var rows = await context.Set<MarketingEventRow>().AsNoTracking()
            .Where(r => r.Tenant == tenantId && r.Subject == subjectId)
            .OrderBy(r => r.Position)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = ImmutableArray.CreateBuilder<MarketingEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Position != events.Count + 1)
            {
                return StoreErrors.CorruptRow(MarketingEventRow.Table, $"{row.Tenant}/{Errors.Excerpt(row.Subject)}/{row.Position}", "the subject's events are not numbered 1, 2, 3 without a gap");
            }

            var read = FromRow(row);
            if (read.IsFailure)
            {
                return read.Error;
            }

            events.Add(read.Value);
        }

        return MarketingPreferences.FromEvents(tenant, subject, events.MoveToImmutable());
    }
}
