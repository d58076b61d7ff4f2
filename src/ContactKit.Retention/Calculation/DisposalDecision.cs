using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Retention;

/// <summary>Whether a disposal instant is known.</summary>
public enum DisposalStatus
{
    /// <summary>The winning rule's trigger has happened and the disposal instant is known.</summary>
    Scheduled,

    /// <summary>A matching rule's trigger has not happened yet, so the item is kept until it does.</summary>
    NotYetKnown,

    /// <summary>No rule of the schedule governs the item's record class.</summary>
    NoRule,
}

/// <summary>A rule that matched an item but did not decide its fate, and why.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="WouldActAt">When it would have applied, or <see langword="null"/> while its trigger has not happened.</param>
/// <param name="Why">Why it lost, in plain words.</param>
public sealed record LosingRule(RetentionRule Rule, Instant? WouldActAt, string Why);

/// <summary>
/// When an item goes and why: the deciding rule, its trigger and period, the holds that stop it, and the other
/// matching rules with the reason each lost.
/// </summary>
public sealed record DisposalDecision
{
    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm o<g> '('z')'", null);

    /// <summary>The item.</summary>
    public required RetainedItem Item { get; init; }

    /// <summary>The time zone the calendar arithmetic used.</summary>
    public required DateTimeZone Zone { get; init; }

    /// <summary>Whether the instant is known.</summary>
    public required DisposalStatus Status { get; init; }

    /// <summary>The deciding rule: the winner, or while <see cref="DisposalStatus.NotYetKnown"/> the rule still waiting for its trigger.</summary>
    public RetentionRule? Rule { get; init; }

    /// <summary>When the deciding rule's trigger happened, when it has.</summary>
    public Instant? TriggeredAt { get; init; }

    /// <summary>When the action applies, when known. Holds do not change it; they stop the item being due.</summary>
    public Instant? DisposeAt { get; init; }

    /// <summary>The end of the longest minimum retention of the matching rules, when known.</summary>
    public Instant? MinimumEnds { get; init; }

    /// <summary>Whether a matching rule has a minimum whose trigger has not happened, so no request may dispose of the item yet.</summary>
    public bool MinimumPending { get; init; }

    /// <summary>
    /// Whether <see cref="DisposeAt"/> is the stored date kept from an earlier schedule rather than the one the schedule
    /// now gives: the schedule change was future only, or was not allowed to shorten the retention of stored items.
    /// </summary>
    public bool KeptFromEarlierSchedule { get; init; }

    /// <summary>The active holds covering the item.</summary>
    public ImmutableArray<LegalHold> Holds { get; init; } = [];

    /// <summary>The other matching rules and why each lost.</summary>
    public ImmutableArray<LosingRule> LosingRules { get; init; } = [];

    /// <summary>What happens when the period ends, when a rule decides it.</summary>
    public DisposalAction? Action => Status == DisposalStatus.Scheduled ? Rule?.Action : null;

    /// <summary>Whether any active hold covers the item.</summary>
    public bool IsHeld => !Holds.IsDefaultOrEmpty;

    /// <summary>Whether the item is due for its action at <paramref name="now"/>: scheduled, not held, and its instant reached.</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when due.</returns>
    public bool IsDueAt(Instant now) => Status == DisposalStatus.Scheduled && !IsHeld && DisposeAt <= now;

    /// <summary>
    /// Whether a request (erasure, or a deletion the person asked for) may dispose of the item at <paramref name="at"/>,
    /// ahead of its schedule: refused while a hold covers it or a rule's minimum has not ended.
    /// </summary>
    /// <param name="at">When the disposal would happen.</param>
    /// <returns><see langword="null"/> when allowed, otherwise <see cref="RetentionErrorCodes.ItemHeld"/> or <see cref="RetentionErrorCodes.WithinMinimumRetention"/>.</returns>
    public ContactKitError? CheckEarlyDisposal(Instant at)
    {
        if (IsHeld)
        {
            return new ContactKitError(
                RetentionErrorCodes.ItemHeld,
                $"Item '{Item.Id}' is under legal hold ({string.Join(", ", Holds.Select(h => h.Target.ToString()))}); it cannot be disposed of until every hold is released.",
                "item");
        }

        if (MinimumPending)
        {
            return new ContactKitError(
                RetentionErrorCodes.WithinMinimumRetention,
                $"Item '{Item.Id}' has a minimum retention whose trigger has not happened yet; it cannot be disposed of on request.",
                "item");
        }

        if (MinimumEnds is { } ends && at < ends)
        {
            return new ContactKitError(
                RetentionErrorCodes.WithinMinimumRetention,
                $"Item '{Item.Id}' must be kept until {Format(ends)} under its minimum retention; it cannot be disposed of on request before then.",
                "item");
        }

        return null;
    }

    /// <summary>A readable account of the decision, one fact a line.</summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Item {Item.Id} ({Item.RecordClass}), time zone {Zone.Id}:").AppendLine();
        switch (Status)
        {
            case DisposalStatus.NoRule:
                text.AppendLine("  No rule governs this record class: it is kept and flagged for a schedule to be written.");
                break;
            case DisposalStatus.NotYetKnown:
                text.Append(CultureInfo.InvariantCulture, $"  Not yet known: rule '{Rule!.Name}' ({Rule.Describe()}) waits for '{Rule.Trigger}', which has not happened.").AppendLine();
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"  Rule '{Rule!.Name}' ({Rule.Describe()}{(Rule.Source is null ? string.Empty : ", " + Rule.Source)}), kept for {Snake(Rule.Reason)}.").AppendLine();
                text.Append(CultureInfo.InvariantCulture, $"  Trigger '{Rule.Trigger}' at {Format(TriggeredAt!.Value)}; {Rule.Action.ToString().ToLowerInvariant()} at {Format(DisposeAt!.Value)}.").AppendLine();
                break;
        }

        if (Item.LastClassChange is { } moved)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Moved from record class '{moved.From}' to '{Item.RecordClass}' at {Format(moved.At)} ({moved.Reason}); decided under the rules of '{Item.RecordClass}' since then.").AppendLine();
        }

        if (KeptFromEarlierSchedule)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Kept until {Format(DisposeAt!.Value)} as planned under an earlier schedule: the change was future only, or was not allowed to shorten retention.").AppendLine();
        }

        if (MinimumEnds is { } minimum)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Minimum retention: nothing may dispose of it before {Format(minimum)}.").AppendLine();
        }

        text.AppendLine(IsHeld
            ? $"  Held by {string.Join(", ", Holds.Select(h => $"{h.Id} on {h.Target} ({h.Reason})"))}: never disposed of while any hold is active."
            : "  No active holds.");
        foreach (var loser in LosingRules)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Lost: rule '{loser.Rule.Name}' ({loser.Rule.Describe()}): {loser.Why}").AppendLine();
        }

        return text.ToString();
    }

    // At the very ends of the calendar a zone's offset can step outside it; there the instant is shown in UTC.
    internal string Format(Instant instant) => instant.InUtc().Year is > -9997 and < 9999
        ? LocalPattern.Format(instant.InZone(Zone))
        : InstantPattern.ExtendedIso.Format(instant);

    private static string Snake(RetentionReason reason) => RetentionScheduleValidator.Snake(reason.ToString());
}
