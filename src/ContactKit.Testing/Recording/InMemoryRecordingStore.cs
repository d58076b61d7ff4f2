using ContactKit.Recording;

namespace ContactKit.Testing;

/// <summary>An <see cref="IRecordingStore"/> held in memory, for tests and samples. Thread-safe; passes <see cref="RecordingStoreContractTests"/>.</summary>
public sealed class InMemoryRecordingStore : IRecordingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, RecordingId Recording), RecordingSession> _sessions = [];

    /// <inheritdoc />
    public ValueTask<Result<RecordingSession>> GetAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_sessions.TryGetValue((tenant, recording), out var session)
                ? Result<RecordingSession>.Success(session)
                : Errors.NotFound($"recording session {recording}", tenant));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<RecordingSession>> SaveAsync(RecordingSession session, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (session.Tenant, session.Id);
            var stored = _sessions.TryGetValue(key, out var current) ? current.Version : 0;
            if (stored != expectedVersion)
            {
                return ValueTask.FromResult<Result<RecordingSession>>(Errors.VersionConflict($"recording session {session.Id}", expectedVersion, stored));
            }

            _sessions[key] = session;
            return ValueTask.FromResult(Result<RecordingSession>.Success(session));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<RecordingSession>> DeleteAsync(TenantId tenant, RecordingId recording, long expectedVersion, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_sessions.TryGetValue((tenant, recording), out var current))
            {
                return ValueTask.FromResult<Result<RecordingSession>>(Errors.NotFound($"recording session {recording}", tenant));
            }

            if (current.Version != expectedVersion)
            {
                return ValueTask.FromResult<Result<RecordingSession>>(Errors.VersionConflict($"recording session {recording}", expectedVersion, current.Version));
            }

            _sessions.Remove((tenant, recording));
            return ValueTask.FromResult(Result<RecordingSession>.Success(current));
        }
    }
}
