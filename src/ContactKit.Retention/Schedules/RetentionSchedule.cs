using System.Collections.Immutable;

namespace ContactKit.Retention;

/// <summary>A named set of retention rules, usually one per privacy notice.</summary>
public sealed record RetentionSchedule
{
    private readonly ImmutableArray<RetentionRule> _rules = [];

    /// <summary>The schedule's name (for example the notice it implements).</summary>
    public required string Name { get; init; }

    /// <summary>The rules, in the order written.</summary>
    public ImmutableArray<RetentionRule> Rules
    {
        get => _rules;
        init => _rules = value.IsDefault ? [] : value;
    }

    /// <summary>The rules that govern one record class.</summary>
    /// <param name="recordClass">The record class.</param>
    /// <returns>The matching rules, in the order written.</returns>
    public IEnumerable<RetentionRule> RulesFor(RecordClass recordClass) => _rules.Where(r => r.RecordClass == recordClass);

    /// <summary>The rule with the given name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The rule, or <see langword="null"/> when the schedule has none by that name.</returns>
    public RetentionRule? FindRule(string name) => _rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Checks the schedule with the same rules used when loading JSON.</summary>
    /// <returns>Every problem found, each naming the rule; empty when the schedule is sound.</returns>
    public ImmutableArray<ContactKitError> Validate() => RetentionScheduleValidator.Check(this);

    /// <summary>Two schedules are equal when their names and rules are.</summary>
    /// <param name="other">The other schedule.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RetentionSchedule? other) =>
        other is not null && Name == other.Name && _rules.SequenceEqual(other._rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, _rules.Length);
}
