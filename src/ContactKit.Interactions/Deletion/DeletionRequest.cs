using NodaTime;

namespace ContactKit.Interactions;

/// <summary>Where a deletion request stands.</summary>
public enum DeletionRequestState
{
    /// <summary>Asked for; waiting for a decision.</summary>
    Requested = 1,

    /// <summary>Authorised; the sweep deletes the recording by its due date.</summary>
    Authorised = 2,

    /// <summary>Refused, with the reason.</summary>
    Refused = 3,

    /// <summary>Carried out: the recording's content is gone and proof is in the audit trail.</summary>
    Completed = 4,
}

/// <summary>
/// A request that a recording be deleted (notice 002: carried out within 28 days once authorised): who asked and why,
/// the decision, the day it is due by on the tenant's working-day calendar, and when it was carried out.
/// </summary>
public sealed record DeletionRequest
{
    /// <summary>The request's id.</summary>
    public required DeletionRequestId Id { get; init; }

    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The recording to delete.</summary>
    public required RecordingId Recording { get; init; }

    /// <summary>The interaction the recording belongs to.</summary>
    public required InteractionId Interaction { get; init; }

    /// <summary>Who asked (a caller's request is entered by the member of staff handling it).</summary>
    public required ActorId RequestedBy { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When.</summary>
    public required Instant RequestedAt { get; init; }

    /// <summary>Where the request stands.</summary>
    public DeletionRequestState State { get; init; } = DeletionRequestState.Requested;

    /// <summary>Who authorised or refused it.</summary>
    public ActorId? DecidedBy { get; init; }

    /// <summary>When it was authorised or refused.</summary>
    public Instant? DecidedAt { get; init; }

    /// <summary>The last day to carry it out, once authorised.</summary>
    public LocalDate? DueBy { get; init; }

    /// <summary>Why it was refused (a legal hold, minimum retention, or the decider's reason).</summary>
    public string? RefusalReason { get; init; }

    /// <summary>When it was carried out.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>The store's version, raised by each save; a save names the version it read (0 for a new request).</summary>
    public long Version { get; init; }

    /// <summary>Whether it is authorised and not carried out by <paramref name="today"/>, its due date having passed.</summary>
    /// <param name="today">The day, in the tenant's zone.</param>
    /// <returns><see langword="true"/> when overdue.</returns>
    public bool IsOverdue(LocalDate today) => State == DeletionRequestState.Authorised && DueBy is { } due && today > due;
}
