using System.Globalization;
using System.Runtime.CompilerServices;
using ContactKit.Recording;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Recording sessions in two tables: <c>contactkit_recording_sessions</c> holds each session's version (the concurrency
/// token) and <c>contactkit_recording_events</c> its log, one row per accepted event in the published JSON contract
/// (<see cref="RecordingJson"/>). The snapshot is the log replayed; event rows are only ever inserted, or removed
/// together with their session. Each change's audit entry is written in the same transaction as its event when the
/// host's audit trail is ContactKit's own in the same context; a host that registered another trail has it appended
/// there once the event is committed.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreRecordingStore<TContext>(IDbContextFactory<TContext> contexts, IAuditTrail auditTrail) : StoreBase<TContext>(contexts), IRecordingStore
    where TContext : DbContext
{
    private readonly bool _auditInTransaction = auditTrail is EntityFrameworkCoreAuditTrail<TContext>;

    public async ValueTask<Result<RecordingSession>> GetAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await LoadAsync(context, tenant.Value, recording.Value, cancellationToken).ConfigureAwait(false) is { } loaded
                ? loaded
                : Errors.NotFound($"recording session {recording}", tenant);
        }
    }

    public async ValueTask<Result<RecordingSession>> SaveAsync(RecordingSession session, RecordedEvent @event, long expectedVersion, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(audit);
        if (audit.Validate() is { } invalid)
        {
            throw new ContactKitException(invalid);
        }

        if (audit.Tenant != session.Tenant)
        {
            throw new ArgumentException($"The audit entry of recording session {session.Id} names another tenant.", nameof(audit));
        }

        var saved = await SaveEventAsync(session, @event, expectedVersion, _auditInTransaction ? audit : null, cancellationToken).ConfigureAwait(false);
        if (saved.IsSuccess && !_auditInTransaction)
        {
            await auditTrail.AppendAsync(audit, CancellationToken.None).ConfigureAwait(false);
        }

        return saved;
    }

    private ValueTask<Result<RecordingSession>> SaveEventAsync(RecordingSession session, RecordedEvent @event, long expectedVersion, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var tenant = session.Tenant.Value;
        var recording = session.Id.Value;
        return WriteAsync<RecordingSession>($"recording session {session.Id}", async (context, ct) =>
        {
            await LockAsync(context, $"contactkit.recording:{tenant}/{recording}", ct).ConfigureAwait(false);
            var head = await context.Set<RecordingSessionRow>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Recording == recording, ct).ConfigureAwait(false);
            var stored = head?.Version ?? 0;
            if (stored != expectedVersion)
            {
                return Errors.VersionConflict($"recording session {session.Id}", expectedVersion, stored);
            }

            if (session.Version != expectedVersion + 1 || @event.Version != session.Version || @event.Event is null)
            {
                return new ContactKitError(
                    RecordingErrorCodes.SaveNotNextVersion,
                    $"A save of recording session {session.Id} based on version {expectedVersion} must store version {expectedVersion + 1} with its event; it stores version {session.Version} with an event at version {@event.Version}.",
                    "version");
            }

            var eventId = @event.Event.Id.Value;
            if (head is not null && await context.Set<RecordingEventRow>().AnyAsync(r => r.Tenant == tenant && r.Recording == recording && r.EventId == eventId, ct).ConfigureAwait(false))
            {
                return new ContactKitError(
                    RecordingErrorCodes.EventIdReused,
                    $"Recording session {session.Id} already holds an event with id {Errors.Excerpt(eventId)}.",
                    "id");
            }

            if (head is null)
            {
                context.Add(new RecordingSessionRow { Tenant = tenant, Recording = recording, Version = session.Version, LastChangedAt = Ticks(session.LastChangedAt), SecurePauseSince = PauseTicks(session) });
            }
            else
            {
                head.Version = session.Version;
                head.LastChangedAt = Ticks(session.LastChangedAt);
                head.SecurePauseSince = PauseTicks(session);
            }

            context.Add(new RecordingEventRow
            {
                Tenant = tenant,
                Recording = recording,
                Version = @event.Version,
                EventId = eventId,
                ContractVersion = RecordingJson.EventContractVersion,
                Json = RecordingJson.Write(@event),
            });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            if (audit is not null)
            {
                // Last before the commit: the tenant's audit lock is held from here to the end of the transaction.
                await EntityFrameworkCoreAuditTrail<TContext>.InsertAsync(context, session.Tenant, [audit], ct).ConfigureAwait(false);
            }

            return session;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<RecordedEvent> ReadEventsAsync(TenantId tenant, RecordingId recording, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var (tenantId, recordingId) = (tenant.Value, recording.Value);
            var rows = context.Set<RecordingEventRow>().AsNoTracking()
                .Where(r => r.Tenant == tenantId && r.Recording == recordingId)
                .OrderBy(r => r.Version);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }

    public async IAsyncEnumerable<RecordingSession> ReadSecurePausedAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Only live sessions in a secure pause have the column set: a range of the (tenant, secure_pause_since) index.
            var tenantId = tenant.Value;
            var paused = await context.Set<RecordingSessionRow>().AsNoTracking()
                .Where(r => r.Tenant == tenantId && r.SecurePauseSince != null)
                .OrderBy(r => r.SecurePauseSince).ThenBy(r => r.Recording)
                .Select(r => r.Recording)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var recording in paused)
            {
                // A session that ended or was removed since the list was read is left out.
                if (await LoadAsync(context, tenantId, recording, cancellationToken).ConfigureAwait(false) is not { } loaded)
                {
                    continue;
                }

                var session = loaded.IsSuccess ? loaded.Value : throw new ContactKitException(loaded.Error);
                if (session.SecurePauseSince is not null)
                {
                    yield return session;
                }
            }
        }
    }

    public ValueTask<Result<RecordingSession>> DeleteAsync(TenantId tenant, RecordingId recording, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var (tenantId, recordingId) = (tenant.Value, recording.Value);
        return WriteAsync<RecordingSession>($"recording session {recording}", async (context, ct) =>
        {
            if (await LoadAsync(context, tenantId, recordingId, ct).ConfigureAwait(false) is not { } loaded)
            {
                return Errors.NotFound($"recording session {recording}", tenant);
            }

            if (loaded.IsFailure)
            {
                return loaded;
            }

            if (loaded.Value.Version != expectedVersion)
            {
                return Errors.VersionConflict($"recording session {recording}", expectedVersion, loaded.Value.Version);
            }

            // The head's concurrency token makes a delete racing another writer fail and be retried.
            var removed = await context.Set<RecordingSessionRow>()
                .Where(r => r.Tenant == tenantId && r.Recording == recordingId && r.Version == expectedVersion)
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
            if (removed == 0)
            {
                throw new DbUpdateConcurrencyException($"Recording session {recording} changed while it was being deleted.");
            }

            await context.Set<RecordingEventRow>().Where(r => r.Tenant == tenantId && r.Recording == recordingId).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

    // The session as its log replays, or null when the tenant has no such session.
    private static async Task<Result<RecordingSession>?> LoadAsync(TContext context, string tenant, string recording, CancellationToken cancellationToken)
    {
        var head = await context.Set<RecordingSessionRow>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Tenant == tenant && r.Recording == recording, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        // Events are only ever appended, and with their head in one transaction: the log up to the head's version is the
        // session as the head was read, whatever writers commit meanwhile.
        var version = head.Version;
        var rows = await context.Set<RecordingEventRow>().AsNoTracking()
            .Where(r => r.Tenant == tenant && r.Recording == recording && r.Version <= version)
            .OrderBy(r => r.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<RecordedEvent>(rows.Count);
        foreach (var row in rows)
        {
            var read = FromRow(row);
            if (read.IsFailure)
            {
                return read.Error;
            }

            events.Add(read.Value);
        }

        var key = $"{tenant}/{recording}";
        if (events.Count == 0 || events[^1].Version != head.Version)
        {
            return new ContactKitError(
                EntityFrameworkCoreErrorCodes.InconsistentLog,
                string.Create(CultureInfo.InvariantCulture, $"Recording session {key} is at version {head.Version} in table {RecordingSessionRow.Table} but its log in table {RecordingEventRow.Table} holds {events.Count} events."),
                RecordingEventRow.Table);
        }

        var replayed = RecordingLifecycle.Replay(events);
        return replayed.IsSuccess
            ? replayed
            : new ContactKitError(
                EntityFrameworkCoreErrorCodes.InconsistentLog,
                $"The log of recording session {key} in table {RecordingEventRow.Table} does not replay ({replayed.Error.Code}).",
                RecordingEventRow.Table);
    }

    private static long? PauseTicks(RecordingSession session) => session.SecurePauseSince is { } since ? Ticks(since) : null;

    internal static Result<RecordedEvent> FromRow(RecordingEventRow row)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{row.Tenant}/{row.Recording}/{row.Version}");
        var read = ReadJson(RecordingEventRow.Table, key, row.ContractVersion, RecordingJson.EventContractVersion, row.Json, RecordingJson.ReadEvent);
        if (read.IsFailure)
        {
            return read;
        }

        return read.Value.Version != row.Version || read.Value.Event.Id.Value != row.EventId
            ? StoreErrors.CorruptRow(RecordingEventRow.Table, key, "its JSON names another version or event id than its columns")
            : read;
    }
}
