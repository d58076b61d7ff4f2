using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Consent;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// The consent ledger in <c>contactkit_consent_records</c> (each record as JSON in the consent contract, numbered per
/// tenant) and <c>contactkit_consent_coverage</c> (what each record covers, so that the latest record for a subject and
/// purpose is one index seek). Append-only: a record is never changed; appending one again is recognised as a retry.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreConsentStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IConsentStore
    where TContext : DbContext
{
    /// <summary>The version of the record JSON this release writes.</summary>
    internal const int ContractVersion = 1;

    private static readonly JsonTypeInfo<ConsentRecord> RecordJson = (JsonTypeInfo<ConsentRecord>)ConsentJson.Options.GetTypeInfo(typeof(ConsentRecord));

    public ValueTask<Result<ConsentAppendOutcome>> AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Validate() is { } invalid)
        {
            return ValueTask.FromResult<Result<ConsentAppendOutcome>>(invalid);
        }

        var (tenant, id) = (record.Tenant.Value, record.Id.Value);
        return WriteAsync<ConsentAppendOutcome>($"consent record {Errors.Excerpt(id)}", async (context, ct) =>
        {
            await LockAsync(context, "contactkit.consent:" + tenant, ct).ConfigureAwait(false);
            var existing = await context.Set<ConsentRecordRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                var read = FromRow(existing);
                if (read.IsFailure)
                {
                    return read.Error;
                }

                return read.Value == record with { Sequence = read.Value.Sequence }
                    ? new ConsentAppendOutcome(read.Value, IsNew: false)
                    : new ContactKitError(ConsentErrorCodes.DuplicateConsentRecord, $"Consent record {Errors.Excerpt(id)} is already in the ledger with different content; records are never changed, so append a new record instead.", "Id");
            }

            var last = await context.Set<ConsentRecordRow>().Where(r => r.Tenant == tenant).MaxAsync(r => (long?)r.Sequence, ct).ConfigureAwait(false) ?? 0;
            var stored = record with { Sequence = last + 1 };
            context.Add(new ConsentRecordRow
            {
                Tenant = tenant,
                Sequence = stored.Sequence,
                Id = id,
                Subject = stored.Subject.Value,
                ContractVersion = ContractVersion,
                Json = JsonSerializer.Serialize(stored, RecordJson),
            });
            foreach (var purpose in stored.Purposes.Distinct())
            {
                context.Add(Coverage(stored, purpose, string.Empty));
                foreach (var category in (stored.DataCategories.IsDefault ? [] : stored.DataCategories).Distinct())
                {
                    context.Add(Coverage(stored, purpose, category.Value));
                }
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return new ConsentAppendOutcome(stored, IsNew: true);
        }, cancellationToken);
    }

    public async ValueTask<Result<ConsentRecord>> GetLatestAsync(TenantId tenant, DataSubjectId subject, Purpose purpose, DataCategoryKey? category = null, CancellationToken cancellationToken = default)
    {
        var (tenantId, subjectId, purposeKey, categoryKey) = (tenant.Value, subject.Value, purpose.Value, category?.Value ?? string.Empty);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var latest = await context.Set<ConsentCoverageRow>()
                .Where(c => c.Tenant == tenantId && c.Subject == subjectId && c.Purpose == purposeKey && c.Category == categoryKey)
                .MaxAsync(c => (long?)c.Sequence, cancellationToken).ConfigureAwait(false);
            var row = latest is { } sequence
                ? await context.Set<ConsentRecordRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.Sequence == sequence, cancellationToken).ConfigureAwait(false)
                : null;
            return row is null
                ? Errors.NotFound($"consent record for this subject and purpose '{purpose}'", tenant)
                : FromRow(row);
        }
    }

    public IAsyncEnumerable<ConsentRecord> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var id = subject.Value;
        return ReadAsync(tenant, rows => rows.Where(r => r.Subject == id), cancellationToken);
    }

    public IAsyncEnumerable<ConsentRecord> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        ReadAsync(tenant, static rows => rows, cancellationToken);

    internal static Result<ConsentRecord> FromRow(ConsentRecordRow row)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{row.Sequence}");
        var read = ReadJson(ConsentRecordRow.Table, key, row.ContractVersion, ContractVersion, row.Json, json => JsonSerializer.Deserialize(json, RecordJson));
        if (read.IsFailure)
        {
            return read;
        }

        return read.Value.Tenant.Value != row.Tenant || read.Value.Sequence != row.Sequence || read.Value.Id.Value != row.Id
            ? StoreErrors.CorruptRow(ConsentRecordRow.Table, key, "its JSON names another tenant, sequence or id than its columns")
            : read;
    }

    private static ConsentCoverageRow Coverage(ConsentRecord record, Purpose purpose, string category) => new()
    {
        Tenant = record.Tenant.Value,
        Subject = record.Subject.Value,
        Purpose = purpose.Value,
        Category = category,
        Sequence = record.Sequence,
    };

    private async IAsyncEnumerable<ConsentRecord> ReadAsync(TenantId tenant, Func<IQueryable<ConsentRecordRow>, IQueryable<ConsentRecordRow>> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = filter(context.Set<ConsentRecordRow>().AsNoTracking().Where(r => r.Tenant == id)).OrderBy(r => r.Sequence);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }
}
