using System.Runtime.CompilerServices;
using ContactKit.Interactions;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Deletion requests in <c>contactkit_deletion_requests</c>, one versioned row each (the version is the concurrency
/// token), numbered per tenant in the order they were made, with an open flag the open requests are listed by.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreDeletionRequestStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IDeletionRequestStore
    where TContext : DbContext
{
    public async ValueTask<Result<DeletionRequest>> GetAsync(TenantId tenant, DeletionRequestId request, CancellationToken cancellationToken = default)
    {
        var (tenantId, id) = (tenant.Value, request.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<DeletionRequestRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? Errors.NotFound($"deletion request {request}", tenant) : FromRow(row);
        }
    }

    public ValueTask<Result<DeletionRequest>> SaveAsync(DeletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, id) = (request.Tenant.Value, request.Id.Value);
        return WriteAsync<DeletionRequest>($"deletion request {request.Id}", async (context, ct) =>
        {
            var rows = context.Set<DeletionRequestRow>();
            var row = await rows.SingleOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false);
            var stored = row?.Version ?? 0;
            if (stored != request.Version)
            {
                return Errors.VersionConflict($"deletion request {request.Id}", request.Version, stored);
            }

            if (row is null)
            {
                // New requests of a tenant queue here, so that each takes the next number in turn.
                await LockAsync(context, "contactkit.deletion-requests:" + tenant, ct).ConfigureAwait(false);
                var last = await rows.Where(r => r.Tenant == tenant).MaxAsync(r => (long?)r.Position, ct).ConfigureAwait(false) ?? 0;
                row = new DeletionRequestRow { Tenant = tenant, Id = id, Position = last + 1, Recording = string.Empty, Interaction = string.Empty, RequestedBy = string.Empty, Reason = string.Empty };
                context.Add(row);
            }

            // The version is the concurrency token (and a new row's key is unique): a racing writer makes this fail and retry.
            var saved = request with { Version = request.Version + 1 };
            Fill(row, saved);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<DeletionRequest> ReadOpenAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<DeletionRequestRow>().AsNoTracking()
                .Where(r => r.Tenant == tenantId && r.IsOpen)
                .OrderBy(r => r.Position);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }

    internal static Result<DeletionRequest> FromRow(DeletionRequestRow row)
    {
        var columns = new ColumnReader(DeletionRequestRow.Table, $"{row.Tenant}/{row.Id}");
        var tenant = columns.Id<TenantId>(row.Tenant, nameof(row.Tenant));
        var id = columns.Id<DeletionRequestId>(row.Id, nameof(row.Id));
        var recording = columns.Id<RecordingId>(row.Recording, nameof(row.Recording));
        var interaction = columns.Id<InteractionId>(row.Interaction, nameof(row.Interaction));
        var requestedBy = columns.Id<ActorId>(row.RequestedBy, nameof(row.RequestedBy));
        var requestedAt = columns.Instant(row.RequestedAt, nameof(row.RequestedAt));
        var state = columns.Enum<DeletionRequestState>(row.State, nameof(row.State));
        if (row.IsOpen != IsOpen(state))
        {
            columns.Fail(nameof(row.IsOpen));
        }

        var decidedBy = columns.OptionalId<ActorId>(row.DecidedBy, nameof(row.DecidedBy));
        var decidedAt = columns.OptionalInstant(row.DecidedAt, nameof(row.DecidedAt));
        var dueBy = columns.OptionalDate(row.DueBy, nameof(row.DueBy));
        var completedAt = columns.OptionalInstant(row.CompletedAt, nameof(row.CompletedAt));
        return columns.Finish(() => new DeletionRequest
        {
            Id = id,
            Tenant = tenant,
            Recording = recording,
            Interaction = interaction,
            RequestedBy = requestedBy,
            Reason = row.Reason,
            RequestedAt = requestedAt,
            State = state,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            DueBy = dueBy,
            RefusalReason = row.RefusalReason,
            CompletedAt = completedAt,
            Version = row.Version,
        });
    }

    private static bool IsOpen(DeletionRequestState state) => state is DeletionRequestState.Requested or DeletionRequestState.Authorised;

    private static void Fill(DeletionRequestRow row, DeletionRequest request)
    {
        row.Recording = request.Recording.Value;
        row.Interaction = request.Interaction.Value;
        row.RequestedBy = request.RequestedBy.Value;
        row.Reason = request.Reason;
        row.RequestedAt = Ticks(request.RequestedAt);
        row.State = (int)request.State;
        row.IsOpen = IsOpen(request.State);
        row.DecidedBy = request.DecidedBy?.Value;
        row.DecidedAt = request.DecidedAt is { } decided ? Ticks(decided) : null;
        row.DueBy = request.DueBy is { } due ? LocalDatePattern.Iso.Format(due) : null;
        row.RefusalReason = request.RefusalReason;
        row.CompletedAt = request.CompletedAt is { } completed ? Ticks(completed) : null;
        row.Version = request.Version;
    }
}
