using ContactKit.Auditing;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// Runs the lifecycle against the stores: reads the session, applies the event at the clock's time, saves it with the
/// version it read, and writes every accepted change to the audit trail. A replayed event changes nothing and is not
/// audited twice.
/// </summary>
/// <param name="store">The sessions.</param>
/// <param name="audit">The audit trail.</param>
/// <param name="clock">The clock.</param>
public sealed class RecordingService(IRecordingStore store, IAuditTrail audit, IClock clock)
{
    /// <summary>Starts a session for a new interaction.</summary>
    /// <param name="started">The first event.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored session, or the refusal.</returns>
    public async ValueTask<Result<RecordingSession>> StartAsync(InteractionStarted started, ActorId actor, CancellationToken cancellationToken = default)
    {
        var begun = RecordingLifecycle.Begin(started, clock.GetCurrentInstant());
        if (begun.IsFailure)
        {
            return begun;
        }

        var saved = await store.SaveAsync(begun.Value, 0, cancellationToken).ConfigureAwait(false);
        if (saved.IsSuccess)
        {
            await AuditAsync(saved.Value, actor, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    /// <summary>Applies an event to a stored session.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="event">The event.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="expectedVersion">The version the caller based the event on, if it knows one.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored session, or the refusal (including <c>CK0009</c> when another writer got there first).</returns>
    public async ValueTask<Result<RecordingSession>> ApplyAsync(
        TenantId tenant, RecordingId recording, RecordingEvent @event, ActorId actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var current = await store.GetAsync(tenant, recording, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current;
        }

        var session = current.Value;
        var next = RecordingLifecycle.Apply(session, @event, clock.GetCurrentInstant(), expectedVersion);
        if (next.IsFailure || ReferenceEquals(next.Value, session))
        {
            return next;
        }

        var saved = await store.SaveAsync(next.Value, session.Version, cancellationToken).ConfigureAwait(false);
        if (saved.IsSuccess)
        {
            await AuditAsync(saved.Value, actor, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    private async ValueTask AuditAsync(RecordingSession session, ActorId actor, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["event"] = session.LastEvent.Id.Value,
            ["state"] = session.State.ToString(),
            ["version"] = session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (session.PauseReason is { } reason)
        {
            details["reason"] = reason.ToString();
        }

        await audit.AppendAsync(
            new AuditEntry
            {
                Tenant = session.Tenant,
                OccurredAt = session.LastChangedAt,
                Actor = actor,
                Action = "recording." + ActionName(session.LastEvent.Kind),
                Resource = ResourceRef.Recording(session.Id),
                Details = details,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static string ActionName(RecordingEventKind kind)
    {
        // InteractionStarted -> interaction_started
        var name = kind.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
