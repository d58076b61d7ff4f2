using System.Runtime.CompilerServices;
using ContactKit.Interactions;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Stored artefacts in <c>contactkit_artefacts</c>, one versioned row each (the version is the concurrency token), keyed
/// by the retained item that governs it, unique per interaction and name, and numbered within its interaction in the
/// order stored.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreArtefactStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IArtefactStore
    where TContext : DbContext
{
    public ValueTask<Result<StoredArtefact>> SaveAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        var (tenant, item, interaction, name) = (artefact.Tenant.Value, artefact.RetainedItem.Value, artefact.Interaction.Value, artefact.Name);
        return WriteAsync<StoredArtefact>($"artefact {artefact.RetainedItem}", async (context, ct) =>
        {
            // Writers of one interaction's artefacts queue here, so that each takes the next number in turn.
            await LockAsync(context, $"contactkit.artefacts:{tenant}/{interaction}", ct).ConfigureAwait(false);
            var rows = context.Set<ArtefactRow>();
            var row = await rows.SingleOrDefaultAsync(r => r.Tenant == tenant && r.RetainedItem == item, ct).ConfigureAwait(false);
            var sameName = await rows.AnyAsync(r => r.Tenant == tenant && r.Interaction == interaction && r.Name == name && r.RetainedItem != item, ct).ConfigureAwait(false);
            if ((row is not null && artefact.Version == 0) || sameName)
            {
                return new ContactKitError(
                    InteractionsErrorCodes.ArtefactAlreadyStored,
                    $"Interaction {artefact.Interaction} already has an artefact named {Errors.Excerpt(name)}; read it and save with its version to change it.",
                    "name");
            }

            var stored = row?.Version ?? 0;
            if (stored != artefact.Version)
            {
                return Errors.VersionConflict($"artefact {artefact.RetainedItem}", artefact.Version, stored);
            }

            if (row is null || row.Interaction != interaction)
            {
                var last = await rows.Where(r => r.Tenant == tenant && r.Interaction == interaction).MaxAsync(r => (long?)r.Position, ct).ConfigureAwait(false) ?? 0;
                if (row is null)
                {
                    row = new ArtefactRow { Tenant = tenant, RetainedItem = item, Interaction = interaction, Name = name };
                    context.Add(row);
                }

                row.Position = last + 1;
            }

            // The version is the concurrency token: a writer that read the same version and saved first makes this fail and retry.
            var saved = artefact with { Version = artefact.Version + 1 };
            Fill(row, saved);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    public async ValueTask<Result<StoredArtefact>> GetAsync(TenantId tenant, RetainedItemId item, CancellationToken cancellationToken = default)
    {
        var (tenantId, itemId) = (tenant.Value, item.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<ArtefactRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.RetainedItem == itemId, cancellationToken).ConfigureAwait(false);
            return row is null ? Errors.NotFound($"artefact {item}", tenant) : FromRow(row);
        }
    }

    public async IAsyncEnumerable<StoredArtefact> ReadByInteractionAsync(TenantId tenant, InteractionId interaction, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (tenantId, interactionId) = (tenant.Value, interaction.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<ArtefactRow>().AsNoTracking()
                .Where(r => r.Tenant == tenantId && r.Interaction == interactionId)
                .OrderBy(r => r.Position);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }

    internal static Result<StoredArtefact> FromRow(ArtefactRow row)
    {
        var columns = new ColumnReader(ArtefactRow.Table, $"{row.Tenant}/{row.RetainedItem}");
        var tenant = columns.Id<TenantId>(row.Tenant, nameof(row.Tenant));
        var item = columns.Id<RetainedItemId>(row.RetainedItem, nameof(row.RetainedItem));
        var interaction = columns.Id<InteractionId>(row.Interaction, nameof(row.Interaction));
        var kind = columns.Enum<ArtefactKind>(row.Kind, nameof(row.Kind));
        var storedAt = columns.Instant(row.StoredAt, nameof(row.StoredAt));
        var recording = columns.OptionalId<RecordingId>(row.Recording, nameof(row.Recording));
        var disposedAt = columns.OptionalInstant(row.DisposedAt, nameof(row.DisposedAt));
        DisposalReason? because = row.DisposedBecause is { } reason ? columns.Enum<DisposalReason>(reason, nameof(row.DisposedBecause)) : null;
        return columns.Finish(() => new StoredArtefact
        {
            Tenant = tenant,
            Interaction = interaction,
            Name = row.Name,
            Kind = kind,
            RetainedItem = item,
            StoredAt = storedAt,
            Recording = recording,
            Location = row.Location,
            Sha256 = row.Sha256,
            DisposedAt = disposedAt,
            DisposedBecause = because,
            Version = row.Version,
        });
    }

    private static void Fill(ArtefactRow row, StoredArtefact artefact)
    {
        row.Interaction = artefact.Interaction.Value;
        row.Name = artefact.Name;
        row.Kind = (int)artefact.Kind;
        row.StoredAt = Ticks(artefact.StoredAt);
        row.Recording = artefact.Recording?.Value;
        row.Location = artefact.Location;
        row.Sha256 = artefact.Sha256;
        row.DisposedAt = artefact.DisposedAt is { } disposed ? Ticks(disposed) : null;
        row.DisposedBecause = artefact.DisposedBecause is { } because ? (int)because : null;
        row.Version = artefact.Version;
    }
}
