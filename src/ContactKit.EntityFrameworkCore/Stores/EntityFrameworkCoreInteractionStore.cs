using System.Runtime.CompilerServices;
using System.Text.Json;
using ContactKit.Interactions;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Interactions in <c>contactkit_interactions</c>, one versioned row each (the version is the concurrency token), with
/// <c>contactkit_interaction_subjects</c> naming which subjects took part in which interaction, kept in the same
/// transaction.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreInteractionStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IInteractionStore
    where TContext : DbContext
{
    public async ValueTask<Result<InteractionRecord>> GetAsync(TenantId tenant, InteractionId interaction, CancellationToken cancellationToken = default)
    {
        var (tenantId, id) = (tenant.Value, interaction.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<InteractionRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.Id == id, cancellationToken).ConfigureAwait(false);
            return row is null ? Errors.NotFound($"interaction {interaction}", tenant) : FromRow(row);
        }
    }

    public ValueTask<Result<InteractionRecord>> SaveAsync(InteractionRecord interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var (tenant, id) = (interaction.Tenant.Value, interaction.Id.Value);
        return WriteAsync<InteractionRecord>($"interaction {interaction.Id}", async (context, ct) =>
        {
            var row = await context.Set<InteractionRow>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false);
            var stored = row?.Version ?? 0;
            if (stored != interaction.Version)
            {
                return Errors.VersionConflict($"interaction {interaction.Id}", interaction.Version, stored);
            }

            // The subjects linked before this save, from the row as read, so that only the links that change are written.
            var before = new HashSet<string>(StringComparer.Ordinal);
            if (row is null)
            {
                row = new InteractionRow { Tenant = tenant, Id = id, Recordings = string.Empty, Subjects = string.Empty };
                context.Add(row);
            }
            else
            {
                var read = FromRow(row);
                if (read.IsFailure)
                {
                    return read;
                }

                before.UnionWith(read.Value.Subjects.Select(l => l.Subject.Value));
            }

            // A new row's key makes a racing insert fail, and the version (the concurrency token) a racing update: both retry.
            var saved = interaction with { Version = interaction.Version + 1 };
            Fill(row, saved);
            var after = saved.Subjects.Select(l => l.Subject.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var subject in after.Except(before))
            {
                context.Add(new InteractionSubjectRow { Tenant = tenant, Subject = subject, Interaction = id });
            }

            var unlinked = before.Except(after).ToList();
            if (unlinked.Count > 0)
            {
                await context.Set<InteractionSubjectRow>()
                    .Where(r => r.Tenant == tenant && r.Interaction == id && unlinked.Contains(r.Subject))
                    .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return saved;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<InteractionRecord> FindBySubjectAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (tenantId, subjectId) = (tenant.Value, subject.Value);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One statement: the interactions are read as they stood when it ran, whatever writers commit meanwhile.
            var links = context.Set<InteractionSubjectRow>();
            var rows = context.Set<InteractionRow>().AsNoTracking()
                .Where(r => r.Tenant == tenantId && links.Any(l => l.Tenant == tenantId && l.Subject == subjectId && l.Interaction == r.Id))
                .OrderBy(r => r.StartedAt)
                .ThenBy(r => r.Id);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                if (read.IsFailure)
                {
                    throw new ContactKitException(read.Error);
                }

                if (read.Value.Involves(subject))
                {
                    yield return read.Value;
                }
            }
        }
    }

    internal static Result<InteractionRecord> FromRow(InteractionRow row)
    {
        var columns = new ColumnReader(InteractionRow.Table, $"{row.Tenant}/{row.Id}");
        var tenant = columns.Id<TenantId>(row.Tenant, nameof(row.Tenant));
        var id = columns.Id<InteractionId>(row.Id, nameof(row.Id));
        var channel = columns.Enum<Channel>(row.Channel, nameof(row.Channel));
        var started = columns.Instant(row.StartedAt, nameof(row.StartedAt));
        var ended = columns.OptionalInstant(row.EndedAt, nameof(row.EndedAt));
        var @case = columns.OptionalId<CaseId>(row.Case, nameof(row.Case));
        var recordings = columns.Json(row.Recordings, InteractionColumnsJson.Default.StringArray, nameof(row.Recordings))
            .Select(r => columns.Id<RecordingId>(r, nameof(row.Recordings)))
            .ToArray();
        var subjects = columns.Json(row.Subjects, InteractionColumnsJson.Default.SubjectLinkColumnArray, nameof(row.Subjects))
            .Select(l => new SubjectLink(columns.Id<PartyId>(l.Party, nameof(row.Subjects)), columns.Id<DataSubjectId>(l.Subject, nameof(row.Subjects)), columns.Instant(l.LinkedAt, nameof(row.Subjects))))
            .ToArray();
        return columns.Finish(() => new InteractionRecord
        {
            Tenant = tenant,
            Id = id,
            Channel = channel,
            StartedAt = started,
            EndedAt = ended,
            Case = @case,
            Recordings = [.. recordings],
            Subjects = [.. subjects],
            Version = row.Version,
        });
    }

    private static void Fill(InteractionRow row, InteractionRecord interaction)
    {
        row.Channel = (int)interaction.Channel;
        row.StartedAt = Ticks(interaction.StartedAt);
        row.EndedAt = interaction.EndedAt is { } ended ? Ticks(ended) : null;
        row.Case = interaction.Case?.Value;
        row.Recordings = JsonSerializer.Serialize([.. interaction.Recordings.Select(r => r.Value)], InteractionColumnsJson.Default.StringArray);
        row.Subjects = JsonSerializer.Serialize([.. interaction.Subjects.Select(l => new SubjectLinkColumn(l.Party.Value, l.Subject.Value, Ticks(l.LinkedAt)))], InteractionColumnsJson.Default.SubjectLinkColumnArray);
        row.Version = interaction.Version;
    }
}
