using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>
/// What the retention schedule and legal holds say about one item, as an erasure decision needs it. A host (or an
/// adapter over ContactKit.Retention's schedule and holds) supplies it through <see cref="IErasureRetentionFacts"/>.
/// </summary>
public sealed record RetentionFacts
{
    /// <summary>Nothing keeps the item: no hold, no legal claim.</summary>
    public static RetentionFacts None { get; } = new();

    /// <summary>The record class the schedule files the item under (for example <c>case_record</c>), if known.</summary>
    public string? RecordClass { get; init; }

    /// <summary>Whether the schedule keeps the item because it may be needed to establish, exercise or defend legal claims.</summary>
    public bool KeptForLegalClaims { get; init; }

    /// <summary>Whether the schedule keeps the item to comply with a legal obligation, whatever basis it was collected on.</summary>
    public bool KeptForLegalObligation { get; init; }

    /// <summary>The legal hold on the item, if one is active.</summary>
    public LegalHoldId? ActiveHold { get; init; }

    /// <summary>The schedule's or the hold's reason in words (for example <c>complaint escalated to the ombudsman</c>).</summary>
    public string? Reason { get; init; }
}

/// <summary>How the erasure of one item began (<see cref="IErasureRetentionFacts.BeginErasureAsync"/>).</summary>
public enum ErasureStartOutcome
{
    /// <summary>No hold stopped it and its destruction is now marked begun: erase it in its source, then complete it.</summary>
    Begun = 1,

    /// <summary>An earlier run for the same request began it (and may have erased it): erase it again if still there, then complete it.</summary>
    Resumed = 2,

    /// <summary>A legal hold covers it at this moment: keep it; <see cref="ErasureStart.Facts"/> names the hold and its reason.</summary>
    Held = 3,

    /// <summary>Its retained item is already recorded as disposed of (by an earlier erasure or by the schedule): nothing is left to mark.</summary>
    AlreadyDisposed = 4,
}

/// <summary>The answer of <see cref="IErasureRetentionFacts.BeginErasureAsync"/>: whether the item may be destroyed now.</summary>
public sealed record ErasureStart
{
    /// <summary>Whether it began, resumed, is held or was already disposed of.</summary>
    public required ErasureStartOutcome Outcome { get; init; }

    /// <summary>The facts decided at that moment; for <see cref="ErasureStartOutcome.Held"/>, the hold and its reason.</summary>
    public RetentionFacts Facts { get; init; } = RetentionFacts.None;

    /// <summary>
    /// Whether a retained item carries the mark, so that no hold can slip in before the item is erased. <see langword="false"/>
    /// for an item the retention schedule does not know (a host source's item with no retained item): its holds were read
    /// just before the erasure instead, as the only check there is.
    /// </summary>
    public bool Tracked { get; init; }

    /// <summary>Whether the item may now be erased in its source.</summary>
    public bool MayErase => Outcome is ErasureStartOutcome.Begun or ErasureStartOutcome.Resumed or ErasureStartOutcome.AlreadyDisposed;
}

/// <summary>Proof that one item was erased for a request, recorded against its retained item by <see cref="IErasureRetentionFacts.CompleteErasureAsync"/>.</summary>
public sealed record ErasureProof
{
    /// <summary>The item erased.</summary>
    public required PersonalDataItemRef Item { get; init; }

    /// <summary>The retained item marked disposed of, when the schedule knows the item.</summary>
    public RetainedItemId? RetainedItem { get; init; }

    /// <summary>The erasure request it was erased for.</summary>
    public required RightsRequestId Request { get; init; }

    /// <summary>When it was erased.</summary>
    public required Instant ErasedAt { get; init; }

    /// <summary>Who authorised the erasure.</summary>
    public required ActorId ErasedBy { get; init; }

    /// <summary>The source's hash of what was erased, where it gives one (<see cref="PersonalDataItem.ContentHash"/>).</summary>
    public string? ContentHash { get; init; }
}

/// <summary>
/// Supplies the retention facts for items found by the personal-data sources, and decides at the moment of destruction
/// whether a hold stops each erasure: <see cref="BeginErasureAsync"/> in one atomic step, then the source erases the
/// item, then <see cref="CompleteErasureAsync"/> records it disposed of with its proof.
/// </summary>
public interface IErasureRetentionFacts
{
    /// <summary>Gets the retention facts of one item.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject the item is about (a hold may cover everything about them).</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The facts; <see cref="RetentionFacts.None"/> when nothing keeps the item.</returns>
    ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last point at which a legal hold stops the erasure of one item. In one atomic step it decides whether an
    /// active hold covers the item (on it, its subject, interaction or case, or on <paramref name="subject"/>) and, if
    /// none does, marks the item's destruction begun for <paramref name="request"/>, so that a hold placed afterwards
    /// cannot stop the record of what is then erased. Called again for the same request after destruction began (a run
    /// resumed after a crash between the erasure and <see cref="CompleteErasureAsync"/>), it answers
    /// <see cref="ErasureStartOutcome.Resumed"/>. An item no retained item stands for is not tracked
    /// (<see cref="ErasureStart.Tracked"/> false): its holds are read and decided at this call, with nothing to mark.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject the request is about.</param>
    /// <param name="item">The item about to be erased.</param>
    /// <param name="request">The erasure request.</param>
    /// <param name="startedAt">When destruction begins.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it began; or an error when it cannot be decided now (for example the retention schedule's disposal holds the item's claim), to be tried again.</returns>
    ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that an item whose erasure began (<see cref="BeginErasureAsync"/>) has been erased in its source: its
    /// retained item is marked disposed of, so it is no longer scheduled, with the proof. Completing an item already
    /// completed for the same request answers with success; an untracked item has nothing to mark and succeeds.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject the request is about.</param>
    /// <param name="item">The item erased.</param>
    /// <param name="proof">What was erased, for which request, when, by whom and its hash if known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proof recorded; or an error when the erasure was not begun for that request.</returns>
    ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default);
}
