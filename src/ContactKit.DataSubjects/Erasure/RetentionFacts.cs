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

/// <summary>Supplies the retention facts for items found by the personal-data sources.</summary>
public interface IErasureRetentionFacts
{
    /// <summary>Gets the retention facts of one item.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject the item is about (a hold may cover everything about them).</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The facts; <see cref="RetentionFacts.None"/> when nothing keeps the item.</returns>
    ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default);
}
