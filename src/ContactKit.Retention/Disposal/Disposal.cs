using System.Collections.Immutable;
using ContactKit;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>Destroys (or anonymises, or hands for review) one item in the host's own storage.</summary>
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

/// <summary>What one disposal run did.</summary>
/// <param name="Claimed">How many items it claimed.</param>
/// <param name="Proofs">The items it disposed of, with their proofs.</param>
/// <param name="Failures">The items it could not dispose of, and why; each was released to be taken again.</param>
public sealed record DisposalRunResult(int Claimed, ImmutableArray<DisposalProof> Proofs, ImmutableArray<(RetainedItemId Item, ContactKitError Error)> Failures);
