using NodaTime;

namespace ContactKit;

/// <summary>
/// One entry in the audit trail: who did what to which resource, when, why, and which operation it belonged to.
/// Entries are immutable; the trail assigns <see cref="Sequence"/> when it appends one.
/// </summary>
public sealed record AuditEntry
{
    private readonly AuditDetails _details = AuditDetails.Empty;

    /// <summary>The tenant the entry belongs to; a trail never shows it to another tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>When it happened.</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>Who did it: a member of staff, a service, the data subject or the system.</summary>
    public required ActorId Actor { get; init; }

    /// <summary>What was done, as a dotted lower-case verb phrase, for example <c>recording.paused</c> or <c>recording.access_denied</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Which resource it concerns.</summary>
    public required ResourceRef Resource { get; init; }

    /// <summary>The data subject the resource is about, when known.</summary>
    public DataSubjectId? Subject { get; init; }

    /// <summary>Why it was done, in words a reviewer can read (for example the business need stated for playing a recording).</summary>
    public string? Reason { get; init; }

    /// <summary>Ties the entry to the other entries of the same operation or interaction.</summary>
    public CorrelationId? CorrelationId { get; init; }

    /// <summary>Further facts as sorted name-value pairs (for example the rule that applied or a checksum).</summary>
    public IReadOnlyDictionary<string, string> Details
    {
        get => _details;
        init => _details = value is null ? AuditDetails.Empty : AuditDetails.From(value);
    }

    /// <summary>The position of the entry in its tenant's trail, from 1 and without gaps; 0 until appended.</summary>
    public long Sequence { get; init; }

    /// <summary>Checks the fields a trail needs before it appends the entry.</summary>
    /// <returns><see langword="null"/> when valid, otherwise an error with code <see cref="ErrorCodes.InvalidAuditEntry"/> naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (string.IsNullOrEmpty(Tenant.Value))
        {
            return Invalid(nameof(Tenant), "a tenant");
        }

        if (string.IsNullOrEmpty(Actor.Value))
        {
            return Invalid(nameof(Actor), "an actor");
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            return Invalid(nameof(Action), "an action such as 'recording.paused'");
        }

        if (string.IsNullOrWhiteSpace(Resource.Kind) || string.IsNullOrWhiteSpace(Resource.Id))
        {
            return Invalid(nameof(Resource), "a resource kind and id");
        }

        return null;
    }

    private static ContactKitError Invalid(string field, string what) =>
        new(ErrorCodes.InvalidAuditEntry, $"An audit entry needs {what}.", field);

    /// <inheritdoc />
    public bool Equals(AuditEntry? other) =>
        other is not null &&
        Tenant == other.Tenant && OccurredAt == other.OccurredAt && Actor == other.Actor &&
        Action == other.Action && Resource == other.Resource && Subject == other.Subject &&
        Reason == other.Reason && CorrelationId == other.CorrelationId && Sequence == other.Sequence &&
        _details.Count == other._details.Count && _details.All(kv => other._details.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, OccurredAt, Actor, Action, Resource, Sequence);
}
