using System.Runtime.CompilerServices;
using ContactKit.Recording;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IRecordingStore"/> held in memory, for tests and samples: each session's snapshot and its log of events,
/// with each change's audit entry appended to <paramref name="auditTrail"/> (checked before anything is stored, so nothing
/// can fail in between). Thread-safe; passes <c>ContactKit.Testing.Conformance.RecordingStoreContractTests</c>.
/// </summary>
/// <param name="auditTrail">The audit trail each change's entry is appended to.</param>
public sealed class InMemoryRecordingStore(IAuditTrail auditTrail) : IRecordingStore
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _saves = new(1, 1);
    private readonly Dictionary<(TenantId Tenant, RecordingId Recording), SessionStream> _streams = [];

    /// <inheritdoc />
    public ValueTask<Result<RecordingSession>> GetAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_streams.TryGetValue((tenant, recording), out var stream)
                ? Result<RecordingSession>.Success(stream.Session)
                : Errors.NotFound($"recording session {recording}", tenant));
        }
    }

    /// <inheritdoc />
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

        // A change and its audit entry are one step: the next change waits until the entry is appended, so entries reach
        // the trail in the order of their events.
        await _saves.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var saved = Save(session, @event, expectedVersion);
            if (saved.IsSuccess)
            {
                await auditTrail.AppendAsync(audit, CancellationToken.None).ConfigureAwait(false);
            }

            return saved;
        }
        finally
        {
            _saves.Release();
        }
    }

    private Result<RecordingSession> Save(RecordingSession session, RecordedEvent @event, long expectedVersion)
    {
        lock (_gate)
        {
            var key = (session.Tenant, session.Id);
            _streams.TryGetValue(key, out var stream);
            var stored = stream?.Session.Version ?? 0;
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

            if (stream is not null && stream.EventIds.Contains(@event.Event.Id))
            {
                return new ContactKitError(
                    RecordingErrorCodes.EventIdReused,
                    $"Recording session {session.Id} already holds an event with id {Errors.Excerpt(@event.Event.Id.Value)}.",
                    "id");
            }

            stream ??= _streams[key] = new SessionStream();
            stream.Session = session;
            stream.Events.Add(@event);
            stream.EventIds.Add(@event.Event.Id);
            return session;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadEventsAsync(TenantId tenant, RecordingId recording, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordedEvent[] events;
        lock (_gate)
        {
            events = _streams.TryGetValue((tenant, recording), out var stream) ? [.. stream.Events] : [];
        }

        foreach (var recorded in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return recorded;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordingSession> ReadSecurePausedAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordingSession[] paused;
        lock (_gate)
        {
            paused = [.. _streams.Values.Select(s => s.Session).Where(s => s.Tenant == tenant && s.SecurePauseSince is not null)
                .OrderBy(s => s.SecurePauseSince).ThenBy(s => s.Id.Value, StringComparer.Ordinal)];
        }

        foreach (var session in paused)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return session;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<Result<RecordingSession>> DeleteAsync(TenantId tenant, RecordingId recording, long expectedVersion, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_streams.TryGetValue((tenant, recording), out var stream))
            {
                return ValueTask.FromResult<Result<RecordingSession>>(Errors.NotFound($"recording session {recording}", tenant));
            }

            if (stream.Session.Version != expectedVersion)
            {
                return ValueTask.FromResult<Result<RecordingSession>>(Errors.VersionConflict($"recording session {recording}", expectedVersion, stream.Session.Version));
            }

            _streams.Remove((tenant, recording));
            return ValueTask.FromResult(Result<RecordingSession>.Success(stream.Session));
        }
    }

    // One session: its latest snapshot and its log, changed only under the gate.
    private sealed class SessionStream
    {
        public RecordingSession Session { get; set; } = null!;

        public List<RecordedEvent> Events { get; } = [];

        public HashSet<EventId> EventIds { get; } = [];
    }
}
