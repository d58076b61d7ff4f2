using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>How a schedule change moves one stored item.</summary>
/// <param name="Item">The item.</param>
/// <param name="Before">Its disposal instant before the change (<see langword="null"/>: not yet known).</param>
/// <param name="Proposed">The instant the new schedule gives.</param>
/// <param name="After">The instant it has after the change: <paramref name="Proposed"/>, or <paramref name="Before"/> where that would shorten retention and shortening is not allowed.</param>
/// <param name="Rule">The new schedule's deciding rule.</param>
public sealed record ScheduleItemChange(RetainedItemId Item, Instant? Before, Instant? Proposed, Instant? After, string? Rule)
{
    /// <summary>Whether the new schedule would dispose of the item earlier than planned (or give a date where it had none).</summary>
    public bool IsEarlier => Proposed is { } p && (Before is not { } b || p < b);

    /// <summary>Whether the new schedule keeps the item longer (or until a trigger not yet seen).</summary>
    public bool IsLater => Before is { } b && (Proposed is not { } p || p > b);
}

/// <summary>What a schedule change does (or, in a dry run, would do) to the items already stored.</summary>
public sealed record ScheduleChangeReport
{
    /// <summary>The proposed schedule's name.</summary>
    public required string Schedule { get; init; }

    /// <summary>Whether the change was applied (<see langword="false"/> for a dry run).</summary>
    public required bool Applied { get; init; }

    /// <summary>Whether the change was allowed to shorten the retention of stored items.</summary>
    public required bool ShorteningAllowed { get; init; }

    /// <summary>The instant used to decide what becomes due.</summary>
    public required Instant EvaluatedAt { get; init; }

    /// <summary>How many stored items were examined.</summary>
    public required int Items { get; init; }

    /// <summary>How many keep their disposal instant.</summary>
    public int Unchanged => Items - Changes.Length;

    /// <summary>How many the new schedule would dispose of earlier (moved only when shortening is allowed).</summary>
    public int Earlier => Changes.Count(c => c.IsEarlier);

    /// <summary>How many the new schedule keeps longer.</summary>
    public int Later => Changes.Count(c => c.IsLater);

    /// <summary>How many would be disposed of earlier but keep their date because shortening was not allowed.</summary>
    public int KeptByNoShortening => Changes.Count(c => c.IsEarlier && c.After != c.Proposed);

    /// <summary>How many become due at <see cref="EvaluatedAt"/> because of the change.</summary>
    public int BecomeDueNow => Changes.Count(c => c.After <= EvaluatedAt && !(c.Before <= EvaluatedAt));

    /// <summary>How many could not be updated because they changed at the same time (retry the change).</summary>
    public int Conflicts { get; init; }

    /// <summary>Every item whose proposed instant differs from its stored one.</summary>
    public ImmutableArray<ScheduleItemChange> Changes { get; init; } = [];
}
