using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>How a schedule change moves (or, where it may not, would move) one stored item.</summary>
/// <param name="Item">The item.</param>
/// <param name="RecordClass">The item's record class.</param>
/// <param name="Before">Its disposal instant before the change (<see langword="null"/>: not yet known).</param>
/// <param name="Proposed">The instant the new schedule gives.</param>
/// <param name="After">
/// The instant it has after the change: <paramref name="Proposed"/>, or <paramref name="Before"/> where the change is
/// future only, where <paramref name="Proposed"/> would shorten retention and shortening is not allowed, or where it would
/// bring a held item forward.
/// </param>
/// <param name="Rule">The new schedule's deciding rule.</param>
/// <param name="Held">Whether an active legal hold covers the item.</param>
public sealed record ScheduleItemChange(RetainedItemId Item, RecordClass RecordClass, Instant? Before, Instant? Proposed, Instant? After, string? Rule, bool Held)
{
    /// <summary>Whether the new schedule would dispose of the item earlier than planned (or give a date where it had none).</summary>
    public bool IsEarlier => IsBefore(Proposed, Before);

    /// <summary>Whether the new schedule would keep the item longer (or until a trigger not yet seen).</summary>
    public bool IsLater => IsBefore(Before, Proposed);

    /// <summary>Whether the change gives (or gave) the item a new disposal instant.</summary>
    public bool IsReplanned => After != Before;

    /// <summary>Whether the item is re-planned to be disposed of earlier.</summary>
    public bool MovesEarlier => IsBefore(After, Before);

    /// <summary>Whether the item is re-planned to be kept longer.</summary>
    public bool MovesLater => IsBefore(Before, After);

    // Whether a is earlier than b, where null is "not yet known": later than every instant.
    private static bool IsBefore(Instant? a, Instant? b) => a is { } x && (b is not { } y || x < y);
}

/// <summary>The counts of a schedule change for some of the stored items (all of them, or one record class).</summary>
/// <param name="Items">How many stored items were examined.</param>
/// <param name="Earlier">How many are re-planned to be disposed of earlier.</param>
/// <param name="Later">How many are re-planned to be kept longer.</param>
/// <param name="Held">How many an active legal hold covers (whether or not they move; a held item never moves earlier).</param>
public sealed record ScheduleChangeCounts(int Items, int Earlier, int Later, int Held)
{
    /// <summary>How many keep their disposal instant.</summary>
    public int Unchanged => Items - Earlier - Later;
}

/// <summary>What a schedule change does (or, in a dry run, would do) to the items already stored.</summary>
public sealed record ScheduleChangeReport
{
    /// <summary>The proposed schedule's name.</summary>
    public required string Schedule { get; init; }

    /// <summary>How the change treats stored items.</summary>
    public required ScheduleChangeMode Mode { get; init; }

    /// <summary>Whether the change was applied (<see langword="false"/> for a dry run).</summary>
    public required bool Applied { get; init; }

    /// <summary>Whether the change was allowed to shorten the retention of stored items.</summary>
    public required bool ShorteningAllowed { get; init; }

    /// <summary>The instant used to decide what becomes due.</summary>
    public required Instant EvaluatedAt { get; init; }

    /// <summary>How many stored items were examined (every item of the tenant not yet disposed of).</summary>
    public required int Items { get; init; }

    /// <summary>How many of them an active legal hold covers.</summary>
    public int Held { get; init; }

    /// <summary>How many keep their disposal instant.</summary>
    public int Unchanged => Items - Earlier - Later;

    /// <summary>How many are re-planned to be disposed of earlier (never a held item, and only when shortening is allowed).</summary>
    public int Earlier => Changes.Count(c => c.MovesEarlier);

    /// <summary>How many are re-planned to be kept longer.</summary>
    public int Later => Changes.Count(c => c.MovesLater);

    /// <summary>How many the new schedule would dispose of earlier but keep their date because shortening was not allowed.</summary>
    public int KeptByNoShortening => Mode == ScheduleChangeMode.Retroactive && !ShorteningAllowed ? Changes.Count(c => c.IsEarlier) : 0;

    /// <summary>How many the new schedule would dispose of earlier but keep their date because a legal hold covers them.</summary>
    public int KeptByHold => Mode == ScheduleChangeMode.Retroactive && ShorteningAllowed ? Changes.Count(c => c.IsEarlier && c.Held) : 0;

    /// <summary>How many the new schedule would plan differently but keep their date because the change is future only.</summary>
    public int KeptByFutureOnly => Mode == ScheduleChangeMode.FutureOnly ? Changes.Length : 0;

    /// <summary>How many become due at <see cref="EvaluatedAt"/> because of the change (held items are never due).</summary>
    public int BecomeDueNow => Changes.Count(c => !c.Held && c.After <= EvaluatedAt && !(c.Before <= EvaluatedAt));

    /// <summary>How many could not be updated because they changed at the same time (retry the change); they keep their date.</summary>
    public int Conflicts { get; init; }

    /// <summary>The counts for each record class of the stored items, in record-class order.</summary>
    public ImmutableSortedDictionary<RecordClass, ScheduleChangeCounts> ByRecordClass { get; init; } = ImmutableSortedDictionary<RecordClass, ScheduleChangeCounts>.Empty;

    /// <summary>Every item whose proposed instant differs from its stored one, whether or not it moves.</summary>
    public ImmutableArray<ScheduleItemChange> Changes { get; init; } = [];
}
