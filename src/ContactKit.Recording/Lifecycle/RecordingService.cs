using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using ContactKit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// Runs the lifecycle against the stores: reads the session, applies the event at the clock's time, saves the snapshot
/// with its event, the version it read and the change's audit entry, which the store writes together. A replayed event changes
/// nothing and is not audited twice. The tenant's policy always comes from <see cref="RecordingOptions"/>. The deletion
/// path (<see cref="DeletionAuthorised"/>, <see cref="Disposed"/>) asks the one hold registry, through
/// <see cref="ILegalHoldAuthority"/>, at the moment of each step, and refuses with <c>CK0108</c> while a hold covers
/// the recording; the session keeps no holds of its own.
/// </summary>
/// <param name="store">The sessions, which write each change's audit entry with its event.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">The recording options, whose plan for the tenant sets the policy of each interaction.</param>
/// <param name="holds">The hold authority, read before a deletion is authorised and before media is disposed of.</param>
public sealed class RecordingService(IRecordingStore store, IClock clock, IOptionsMonitor<RecordingOptions> options, ILegalHoldAuthority holds)
{
    /// <summary>
    /// Starts a session for a new interaction, under the policy of the tenant's plan in <see cref="RecordingOptions"/>:
    /// whatever policy the event carries is replaced, so a host cannot make an interaction more permissive than its plan.
    /// </summary>
    /// <param name="started">The first event.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored session, or the refusal.</returns>
    public async ValueTask<Result<RecordingSession>> StartAsync(InteractionStarted started, ActorId actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        var underPlan = started with { Policy = options.CurrentValue.PolicyFor(started.Tenant) };
        var at = clock.GetCurrentInstant();
        var begun = RecordingLifecycle.Begin(underPlan, at);
        if (begun.IsFailure)
        {
            RecordingTelemetry.RecordRefusal(started.Tenant, RecordingEventKind.InteractionStarted, begun.Error);
            return begun;
        }

        var saved = await store.SaveAsync(begun.Value, new RecordedEvent(1, at, underPlan), 0, AuditOf(begun.Value, actor), cancellationToken).ConfigureAwait(false);
        if (saved.IsSuccess)
        {
            RecordingTelemetry.RecordStarted(saved.Value);
        }
        else
        {
            RecordingTelemetry.RecordRefusal(started.Tenant, RecordingEventKind.InteractionStarted, saved.Error);
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
    /// <returns>
    /// The stored session (unchanged for a replayed event), or the refusal (including <c>CK0009</c> when another writer got
    /// there first, and <c>CK0108</c> when a legal hold covers a recording whose deletion is authorised or disposed of).
    /// </returns>
    public async ValueTask<Result<RecordingSession>> ApplyAsync(
        TenantId tenant, RecordingId recording, RecordingEvent @event, ActorId actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var current = await store.GetAsync(tenant, recording, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            RecordingTelemetry.RecordRefusal(tenant, @event.Kind, current.Error);
            return current;
        }

        var session = current.Value;
        var at = clock.GetCurrentInstant();
        var next = RecordingLifecycle.Apply(session, @event, at, expectedVersion);
        if (next.IsFailure)
        {
            RecordingTelemetry.RecordRefusal(tenant, @event.Kind, next.Error);
            return next;
        }

        if (ReferenceEquals(next.Value, session))
        {
            return next;
        }

        if (@event.Kind is RecordingEventKind.DeletionAuthorised or RecordingEventKind.Disposed)
        {
            var held = await holds.FindHoldAsync(tenant, recording, session.Interaction, cancellationToken).ConfigureAwait(false);
            if (held.Hold is { } hold)
            {
                var refused = new ContactKitError(RecordingErrorCodes.RecordingHeld, $"Recording {session.Id} is covered by legal hold {hold} and cannot be deleted; release the hold in the hold registry first.");
                RecordingTelemetry.RecordRefusal(tenant, @event.Kind, refused);
                return refused;
            }
        }

        var saved = await store.SaveAsync(next.Value, new RecordedEvent(next.Value.Version, at, @event), session.Version, AuditOf(next.Value, actor), cancellationToken).ConfigureAwait(false);
        if (saved.Error?.Code == RecordingErrorCodes.EventIdReused)
        {
            // An id older than the session's recent events: the log decides whether this is the same event again.
            await foreach (var recorded in store.ReadEventsAsync(tenant, recording, cancellationToken).ConfigureAwait(false))
            {
                if (recorded.Event.Id == @event.Id && recorded.Event.Equals(@event))
                {
                    return session;
                }
            }
        }

        if (saved.IsSuccess)
        {
            RecordingTelemetry.RecordTransition(session, saved.Value, at);
        }
        else
        {
            RecordingTelemetry.RecordRefusal(tenant, @event.Kind, saved.Error);
        }

        return saved;
    }

    /// <summary>Builds the capture report of a stored session from its snapshot and its log.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recording">The recording id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report, or <c>CK0010</c> when the tenant has no such session.</returns>
    public async ValueTask<Result<CaptureReport>> ReportAsync(TenantId tenant, RecordingId recording, CancellationToken cancellationToken = default)
    {
        var current = await store.GetAsync(tenant, recording, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current.Error;
        }

        var events = new List<RecordedEvent>();
        await foreach (var recorded in store.ReadEventsAsync(tenant, recording, cancellationToken).ConfigureAwait(false))
        {
            events.Add(recorded);
        }

        return CaptureReport.From(current.Value, events);
    }

    // The audit entry of a change, stored by the store with the event that made it.
    private static AuditEntry AuditOf(RecordingSession session, ActorId actor)
    {
        KeyValuePair<string, string> @event = new("event", session.LastEvent.Id.Value), state = new("state", session.State.ToString()),
            version = new("version", session.Version.ToString(CultureInfo.InvariantCulture));
        var details = session.PauseReason is { } reason
            ? AuditDetails.Of(@event, state, version, new("reason", reason.ToString()))
            : AuditDetails.Of(@event, state, version);
        return new AuditEntry
        {
            Tenant = session.Tenant,
            OccurredAt = session.LastChangedAt,
            Actor = actor,
            Action = Actions.TryGetValue(session.LastEvent.Kind, out var action) ? action : "recording." + ActionName(session.LastEvent.Kind),
            Resource = ResourceRef.Recording(session.Id),
            Details = details,
        };
    }

    // The audit action of each kind of event, written once rather than on every transition.
    private static readonly FrozenDictionary<RecordingEventKind, string> Actions =
        Enum.GetValues<RecordingEventKind>().Distinct().ToFrozenDictionary(kind => kind, kind => "recording." + ActionName(kind));

    // InteractionStarted -> interaction_started
    private static string ActionName(RecordingEventKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 4);
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
