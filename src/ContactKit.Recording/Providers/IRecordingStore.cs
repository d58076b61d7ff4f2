namespace ContactKit.Recording;

/// <summary>
/// Keeps recording sessions per tenant: the latest snapshot of each, and its log of accepted events. Writes use
/// optimistic concurrency: every save names the version it was based on, and moves the session on by exactly one event.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.RecordingStoreContractTests</c>: a stale version is refused, a save
/// that is not exactly one version on is refused, an event id is stored once per session, concurrent writers lose
/// nothing, and one tenant never reads, changes or deletes another's session.
/// </remarks>
public interface IRecordingStore
{
    /// <summary>Reads a session's latest snapshot.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The session, or <c>CK0010</c> when the tenant has no such session.</returns>
    ValueTask<Result<RecordingSession>> GetAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the snapshot, appends the event that produced it and appends <paramref name="audit"/> to the tenant's audit
    /// trail, if the stored session is still at <paramref name="expectedVersion"/> (0 for a new session). All of it
    /// happens, or none: an event is never stored without its audit entry. A store whose audit trail lives in the same
    /// database writes both in one transaction.
    /// </summary>
    /// <param name="session">The session after the event, under its own tenant and id; its version must be <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="event">The event, at the session's version.</param>
    /// <param name="expectedVersion">The version the change was based on.</param>
    /// <param name="audit">The audit entry of the change, under the session's tenant; its sequence is given by the trail.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The stored session; <c>CK0009</c> when the stored version differs; <c>CK0117</c> when the session or event is not
    /// exactly one version on; <c>CK0112</c> when the session's log already holds an event with that id.
    /// </returns>
    ValueTask<Result<RecordingSession>> SaveAsync(RecordingSession session, RecordedEvent @event, long expectedVersion, AuditEntry audit, CancellationToken cancellationToken = default);

    /// <summary>Reads a session's log, in version order; nothing when the tenant has no such session.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The accepted events, first to last.</returns>
    IAsyncEnumerable<RecordedEvent> ReadEventsAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the tenant's sessions that have a secure-payment pause open now (<see cref="RecordingSession.SecurePauseSince"/>
    /// set), the longest open first, for the deadline watch that flags a pause left open past its limit. Only live
    /// sessions can have one: the end of an interaction closes every pause.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sessions, in the order their secure pause opened.</returns>
    IAsyncEnumerable<RecordingSession> ReadSecurePausedAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>Removes a session's snapshot and log entirely (for example once its tombstone has been kept long enough).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The removed session, <c>CK0010</c> when the tenant has no such session, or <c>CK0009</c> when it changed since it was read.</returns>
    ValueTask<Result<RecordingSession>> DeleteAsync(TenantId tenant, RecordingId recording, long expectedVersion, CancellationToken cancellationToken = default);
}

/// <summary>
/// Keeps the bytes of recordings and transcripts, per tenant, each with the SHA-256 checksum taken when it was stored.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.RecordingMediaStoreContractTests</c>: what is read is what was
/// written, and one tenant never reads or deletes another's media.
/// </remarks>
public interface IRecordingMediaStore
{
    /// <summary>Stores media, replacing any of the same kind for the recording.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="kind">Audio or transcript.</param>
    /// <param name="content">The bytes, read to the end.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Where it is stored, with its size and checksum.</returns>
    ValueTask<Result<RecordingMedia>> PutAsync(TenantId tenant, RecordingId recording, MediaKind kind, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens stored media for reading, after checking it still matches its checksum.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The location returned by <see cref="PutAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A stream the caller disposes, <c>CK0010</c> when the tenant has no media there, or <c>CK0123</c> when the bytes no longer match.</returns>
    ValueTask<Result<Stream>> OpenReadAsync(TenantId tenant, string location, CancellationToken cancellationToken = default);

    /// <summary>Deletes stored media.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The location returned by <see cref="PutAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>What was deleted, or <c>CK0010</c> when the tenant has no media there.</returns>
    ValueTask<Result<RecordingMedia>> DeleteAsync(TenantId tenant, string location, CancellationToken cancellationToken = default);
}
