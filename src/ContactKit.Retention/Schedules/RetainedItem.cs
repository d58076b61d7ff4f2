using System.Collections.Immutable;
using ContactKit;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>
/// Something kept under a retention schedule: its class, when its triggers happened, and what it belongs to (the
/// person, interaction and case), which is how holds reach it.
/// </summary>
public sealed record RetainedItem
{
    private readonly ImmutableSortedDictionary<RetentionTrigger, Instant> _triggers = ImmutableSortedDictionary<RetentionTrigger, Instant>.Empty;

    /// <summary>The tenant that owns the item.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The item's id.</summary>
    public required RetainedItemId Id { get; init; }

    /// <summary>Its record class.</summary>
    public required RecordClass RecordClass { get; init; }

    /// <summary>When it was created; the <see cref="RetentionTrigger.Created"/> trigger.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>What the item is in the host (for example <c>recording/r-42</c>), for disposal and its proof.</summary>
    public ResourceRef? Resource { get; init; }

    /// <summary>The person the item is about, if any.</summary>
    public DataSubjectId? Subject { get; init; }

    /// <summary>The interaction the item came from, if any.</summary>
    public InteractionId? Interaction { get; init; }

    /// <summary>The case the item belongs to, if any.</summary>
    public CaseId? Case { get; init; }

    /// <summary>
    /// The last move of the item to another record class (for example an enquiry that became a customer account), if
    /// it has moved; its disposal is decided under the rules of <see cref="RecordClass"/> since then.
    /// </summary>
    public RecordClassChange? LastClassChange { get; init; }

    /// <summary>The triggers other than creation that have happened, and when.</summary>
    public IReadOnlyDictionary<RetentionTrigger, Instant> Triggers
    {
        get => _triggers;
        init => _triggers = value is null ? ImmutableSortedDictionary<RetentionTrigger, Instant>.Empty : value.ToImmutableSortedDictionary();
    }

    /// <summary>When <paramref name="trigger"/> happened, or <see langword="null"/> while it has not.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The instant, if known.</returns>
    public Instant? TriggeredAt(RetentionTrigger trigger) =>
        trigger == RetentionTrigger.Created ? CreatedAt : _triggers.TryGetValue(trigger, out var at) ? at : null;

    /// <summary>The item with <paramref name="trigger"/> recorded at <paramref name="at"/> (replacing an earlier record).</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="at">When it happened.</param>
    /// <returns>The new item.</returns>
    public RetainedItem WithTrigger(RetentionTrigger trigger, Instant at) =>
        trigger == RetentionTrigger.Created ? this with { CreatedAt = at } : this with { Triggers = _triggers.SetItem(trigger, at) };

    /// <summary>Value equality, triggers included.</summary>
    /// <param name="other">The other item.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RetainedItem? other) =>
        other is not null && Tenant == other.Tenant && Id == other.Id && RecordClass == other.RecordClass &&
        CreatedAt == other.CreatedAt && Resource == other.Resource && Subject == other.Subject &&
        Interaction == other.Interaction && Case == other.Case && LastClassChange == other.LastClassChange &&
        _triggers.SequenceEqual(other._triggers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Id, RecordClass, CreatedAt);
}

/// <summary>An item's move from one record class to another, because something happened to it.</summary>
/// <param name="From">The class it had before.</param>
/// <param name="At">When the event that moved it happened.</param>
/// <param name="Reason">What happened, in words (for example <c>the enquirer became a customer</c>).</param>
public sealed record RecordClassChange(RecordClass From, Instant At, string Reason);
