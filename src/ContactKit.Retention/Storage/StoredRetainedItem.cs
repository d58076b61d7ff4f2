using NodaTime;

namespace ContactKit.Retention;

/// <summary>An item as a retention store keeps it: the item, its planned disposal, any claim on it, and its disposal once done.</summary>
public sealed record StoredRetainedItem
{
    /// <summary>The item.</summary>
    public required RetainedItem Item { get; init; }

    /// <summary>When its action is planned; <see langword="null"/> while not yet known (the item is kept).</summary>
    public Instant? DisposeAt { get; init; }

    /// <summary>The planned action.</summary>
    public DisposalAction? Action { get; init; }

    /// <summary>The name of the rule that planned it.</summary>
    public string? RuleName { get; init; }

    /// <summary>The store's version, raised by each save; a save must name the version it read (0 for a new item).</summary>
    public long Version { get; init; }

    /// <summary>The worker holding a disposal claim on the item, if any.</summary>
    public ActorId? ClaimedBy { get; init; }

    /// <summary>When the claim lapses and another worker may take the item.</summary>
    public Instant? ClaimExpiresAt { get; init; }

    /// <summary>
    /// When the worker holding the claim began destroying the item (<see cref="IRetentionStore.BeginDisposalAsync"/>).
    /// From then on a legal hold can no longer stop it: the hold arrived after the content started to go.
    /// </summary>
    public Instant? DestructionStartedAt { get; init; }

    /// <summary>When it was disposed of, once it has been.</summary>
    public Instant? DisposedAt { get; init; }

    /// <summary>The worker that disposed of it.</summary>
    public ActorId? DisposedBy { get; init; }

    /// <summary>Whether it has been disposed of.</summary>
    public bool IsDisposed => DisposedAt is not null;

    /// <summary>The tenant.</summary>
    public TenantId Tenant => Item.Tenant;

    /// <summary>The item's id.</summary>
    public RetainedItemId Id => Item.Id;
}
