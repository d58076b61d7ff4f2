using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>
/// Works out when an item goes under a schedule, and explains it. Every rule for the item's class is applied; while
/// any of them waits for a trigger the answer is "not yet known" (keeping beats deleting); otherwise the latest
/// instant wins, and on the same instant the action that keeps more (review, then anonymise, then delete).
/// </summary>
public sealed class RetentionCalculator
{
    /// <summary>Creates a calculator for one schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    public RetentionCalculator(RetentionSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
    }

    /// <summary>The schedule.</summary>
    public RetentionSchedule Schedule { get; }

    /// <summary>Decides an item's disposal.</summary>
    /// <param name="item">The item.</param>
    /// <param name="zone">The tenant's time zone, in which calendar periods are counted.</param>
    /// <param name="holds">Holds to consider; only active ones that cover the item count.</param>
    /// <returns>The decision with its explanation.</returns>
    public DisposalDecision Decide(RetainedItem item, DateTimeZone zone, IEnumerable<LegalHold>? holds = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(zone);
        var covering = holds is null ? [] : holds.Where(h => h.IsActive && h.Tenant == item.Tenant && h.Target.Covers(item)).ToImmutableArray();
        var candidates = Schedule.RulesFor(item.RecordClass)
            .Select(rule => (Rule: rule, TriggeredAt: item.TriggeredAt(rule.Trigger)))
            .Select(c => (c.Rule, c.TriggeredAt, At: c.TriggeredAt is { } t ? c.Rule.DisposalInstant(t, zone) : (Instant?)null))
            .ToList();
        if (candidates.Count == 0)
        {
            return new DisposalDecision { Item = item, Zone = zone, Status = DisposalStatus.NoRule, Holds = covering };
        }

        var (minimumEnds, minimumPending) = Minimum(candidates.Select(c => (c.Rule, c.TriggeredAt)), zone);
        var pending = candidates.FindIndex(c => c.At is null);
        var winner = pending >= 0
            ? candidates[pending]
            : candidates.Aggregate((best, next) => Compare(next.At!.Value, next.Rule.Action, best.At!.Value, best.Rule.Action) > 0 ? next : best);
        var losers = candidates
            .Where(c => !ReferenceEquals(c.Rule, winner.Rule))
            .Select(c => new LosingRule(c.Rule, c.At, WhyLost(c.Rule, c.At, winner.Rule, winner.At)))
            .ToImmutableArray();
        return new DisposalDecision
        {
            Item = item,
            Zone = zone,
            Status = pending >= 0 ? DisposalStatus.NotYetKnown : DisposalStatus.Scheduled,
            Rule = winner.Rule,
            TriggeredAt = winner.TriggeredAt,
            DisposeAt = winner.At,
            MinimumEnds = minimumEnds,
            MinimumPending = minimumPending,
            Holds = covering,
            LosingRules = losers,
        };
    }

    private static (Instant? Ends, bool Pending) Minimum(IEnumerable<(RetentionRule Rule, Instant? TriggeredAt)> rules, DateTimeZone zone)
    {
        Instant? ends = null;
        var pending = false;
        foreach (var (rule, triggeredAt) in rules)
        {
            if (rule.Minimum is null)
            {
                continue;
            }

            if (triggeredAt is not { } t)
            {
                pending = true;
                continue;
            }

            var end = rule.MinimumEnds(t, zone)!.Value;
            ends = ends is null || end > ends ? end : ends;
        }

        return (ends, pending);
    }

    private static int Compare(Instant at, DisposalAction action, Instant otherAt, DisposalAction otherAction)
    {
        var byInstant = at.CompareTo(otherAt);
        return byInstant != 0 ? byInstant : ((int)action).CompareTo((int)otherAction);
    }

    private static string WhyLost(RetentionRule rule, Instant? at, RetentionRule winner, Instant? winnerAt)
    {
        if (winnerAt is null)
        {
            return $"rule '{winner.Name}' waits for '{winner.Trigger}', and the item is kept until every matching rule can be worked out (keeping beats deleting).";
        }

        if (at is null)
        {
            return $"its trigger '{rule.Trigger}' has not happened.";
        }

        if (at < winnerAt)
        {
            return $"it would {Verb(rule.Action)} earlier than rule '{winner.Name}'; the longest retention wins.";
        }

        return rule.Action != winner.Action
            ? $"it applies at the same instant but would {Verb(rule.Action)} where rule '{winner.Name}' would {Verb(winner.Action)}; keeping beats deleting."
            : $"it gives the same instant and action as rule '{winner.Name}', which is written first.";
    }

    private static string Verb(DisposalAction action) => action switch
    {
        DisposalAction.Delete => "delete",
        DisposalAction.Anonymise => "anonymise",
        _ => "review",
    };
}
