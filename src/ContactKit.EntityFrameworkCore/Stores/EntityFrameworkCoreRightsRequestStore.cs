using System.Runtime.CompilerServices;
using ContactKit.DataSubjects;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Rights requests in <c>contactkit_rights_requests</c>: each request with its append-only history as JSON in the
/// data-subjects contract, beside the columns it is listed by; updates name the version they read.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreRightsRequestStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IRightsRequestStore
    where TContext : DbContext
{
    /// <summary>The version of the request JSON this release writes.</summary>
    internal const int ContractVersion = 1;

    public ValueTask<Result<RightsRequest>> AddAsync(RightsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, id) = (request.Tenant.Value, request.Id.Value);
        return WriteAsync<RightsRequest>($"rights request {request.Id}", async (context, ct) =>
        {
            await LockAsync(context, "contactkit.rights:" + tenant, ct).ConfigureAwait(false);
            if (await context.Set<RightsRequestRow>().AnyAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false))
            {
                return new ContactKitError(DataSubjectsErrorCodes.DuplicateRequest, $"Rights request '{request.Id}' already exists in tenant '{request.Tenant}'; use a new id.", "id");
            }

            var last = await context.Set<RightsRequestRow>().Where(r => r.Tenant == tenant).MaxAsync(r => (long?)r.Position, ct).ConfigureAwait(false) ?? 0;
            var stored = request with { Version = 1 };
            var row = new RightsRequestRow { Tenant = tenant, Id = id, Position = last + 1, Subject = string.Empty, DueOn = string.Empty, Json = string.Empty };
            Fill(row, stored);
            context.Add(row);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public async ValueTask<Result<RightsRequest>> GetAsync(TenantId tenant, RightsRequestId id, CancellationToken cancellationToken = default)
    {
        var (tenantId, requestId) = (tenant.Value, id.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<RightsRequestRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.Id == requestId, cancellationToken).ConfigureAwait(false);
            return row is null ? Errors.NotFound($"rights request {id}", tenant) : FromRow(row);
        }
    }

    public ValueTask<Result<RightsRequest>> UpdateAsync(RightsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, id) = (request.Tenant.Value, request.Id.Value);
        return WriteAsync<RightsRequest>($"rights request {request.Id}", async (context, ct) =>
        {
            var row = await context.Set<RightsRequestRow>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return Errors.NotFound($"rights request {request.Id}", request.Tenant);
            }

            var read = FromRow(row);
            if (read.IsFailure)
            {
                return read;
            }

            var current = read.Value;
            if (current.Version != request.Version)
            {
                return Errors.VersionConflict($"rights request {request.Id}", request.Version, current.Version);
            }

            if (request.History.Length < current.History.Length || !request.History.AsSpan(0, current.History.Length).SequenceEqual(current.History.AsSpan()))
            {
                return new ContactKitError(DataSubjectsErrorCodes.HistoryRewritten, $"The update to rights request '{request.Id}' changes or removes earlier history; history is append-only, so only add events after the stored ones.", "history");
            }

            // The version is the concurrency token: a writer that read the same version and saved first makes this fail and retry.
            var stored = request with { Version = current.Version + 1 };
            Fill(row, stored);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    public IAsyncEnumerable<RightsRequest> ListBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var subjectId = subject.Value;
        return ReadAsync(tenant, rows => rows.Where(r => r.Subject == subjectId).OrderBy(r => r.Position), cancellationToken);
    }

    public async IAsyncEnumerable<RightsRequest> ListOpenDueByAsync(TenantId tenant, LocalDate dueOnOrBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var due = LocalDatePattern.Iso.Format(dueOnOrBefore);
        var open = new List<RightsRequest>();
        await foreach (var request in ReadAsync(tenant, rows => rows.Where(r => r.IsOpen && string.Compare(r.DueOn, due) <= 0), cancellationToken).ConfigureAwait(false))
        {
            open.Add(request);
        }

        // Ordered here rather than by the database, whose text collation need not be ordinal.
        foreach (var request in open.OrderBy(r => r.DueOn).ThenBy(r => r.Id))
        {
            yield return request;
        }
    }

    internal static Result<RightsRequest> FromRow(RightsRequestRow row)
    {
        var key = $"{row.Tenant}/{row.Id}";
        var read = ReadJson(RightsRequestRow.Table, key, row.ContractVersion, ContractVersion, row.Json, DataSubjectsJson.Deserialize<RightsRequest>);
        if (read.IsFailure)
        {
            return read;
        }

        return read.Value.Tenant.Value != row.Tenant || read.Value.Id.Value != row.Id
            ? StoreErrors.CorruptRow(RightsRequestRow.Table, key, "its JSON names another tenant or id than its columns")
            : read.Value with { Version = row.Version };
    }

    private static void Fill(RightsRequestRow row, RightsRequest request)
    {
        row.Subject = request.Subject.Value;
        row.IsOpen = request.IsOpen;
        row.DueOn = LocalDatePattern.Iso.Format(request.DueOn);
        row.Version = request.Version;
        row.ContractVersion = ContractVersion;
        row.Json = DataSubjectsJson.Serialize(request);
    }

    private async IAsyncEnumerable<RightsRequest> ReadAsync(TenantId tenant, Func<IQueryable<RightsRequestRow>, IQueryable<RightsRequestRow>> filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = filter(context.Set<RightsRequestRow>().AsNoTracking().Where(r => r.Tenant == id));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }
}
