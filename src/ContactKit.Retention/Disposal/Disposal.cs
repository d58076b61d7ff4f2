using System.Collections.Immutable;
using ContactKit;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>
/// Destroys (or anonymises) one item in the host's own storage. Items whose rule asks for a review are never handed to
/// it: <see cref="DisposalPlanner.RunOnceAsync"/> reminds instead.
/// </summary>
public interface IRetainedItemDisposer
{
    /// <summary>Carries out <see cref="StoredRetainedItem.Action"/> on the item.</summary>
    /// <param name="item">The claimed item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A receipt, or an error (the item stays and is offered again).</returns>
    ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default);
}

/// <summary>What the provider that held the item says about its destruction.</summary>
/// <param name="ContentHash">A hash of what was destroyed, where the provider gives one (for example <c>sha256:...</c>).</param>
/// <param name="Provider">The storage that destroyed it, for the proof.</param>
public readonly record struct DestructionReceipt(string? ContentHash = null, string? Provider = null);

/// <summary>Proof that an item was disposed of, as written to the audit trail.</summary>
/// <param name="Item">The item.</param>
/// <param name="Rule">The rule that made it due.</param>
/// <param name="Action">What was done.</param>
/// <param name="DueAt">When it was due.</param>
/// <param name="DisposedAt">When it was disposed of.</param>
/// <param name="Worker">The worker that did it.</param>
/// <param name="ContentHash">The provider's hash of what was destroyed, if it gave one.</param>
/// <param name="AuditEntry">The audit entry holding the proof.</param>
public sealed record DisposalProof(
    RetainedItemId Item,
    string? Rule,
    DisposalAction? Action,
    Instant? DueAt,
    Instant DisposedAt,
    ActorId Worker,
    string? ContentHash,
    AuditEntry AuditEntry);

/// <summary>An item whose content has been destroyed, with the proof to record beside it (<see cref="IRetentionStore.CompleteDisposalsAsync"/>).</summary>
/// <param name="Item">The item.</param>
/// <param name="Proof">The audit entry that proves the disposal; the store numbers it.</param>
public sealed record DisposalCompletion(RetainedItemId Item, AuditEntry Proof);

/// <summary>What one disposal run did.</summary>
/// <param name="Claimed">How many items it claimed.</param>
/// <param name="Proofs">The items it disposed of, with their proofs.</param>
/// <param name="Failures">The items it could not dispose of, and why; each was released to be taken again.</param>
public sealed record DisposalRunResult(int Claimed, ImmutableArray<DisposalProof> Proofs, ImmutableArray<(RetainedItemId Item, ContactKitError Error)> Failures)
{
    /// <summary>The items whose rule asks for a review that came due: each was kept, not destroyed, and a reminder written.</summary>
    public ImmutableArray<ReviewReminder> Reviews { get; init; } = [];
}

/// <summary>
/// A reminder that an item kept "as long as needed" is due for review: a person decides whether it is still needed
/// (and, if not, erases it); the sweep destroys nothing. The item is kept with no planned disposal until its plan changes.
/// </summary>
/// <param name="Item">The item.</param>
/// <param name="Rule">The rule that asked for the review.</param>
/// <param name="DueAt">When the review was due.</param>
/// <param name="AuditEntry">The audit entry holding the reminder.</param>
public sealed record ReviewReminder(RetainedItemId Item, string? Rule, Instant? DueAt, AuditEntry AuditEntry);
