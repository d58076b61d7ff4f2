using NodaTime;
using NodaTime.TimeZones;

namespace ContactKit.Retention;

/// <summary>
/// One line of a retention schedule: items of <see cref="RecordClass"/> are kept for <see cref="Period"/> after
/// <see cref="Trigger"/>, then <see cref="Action"/> applies. A rule with no period must be a
/// <see cref="DisposalAction.Review"/> on a fixed <see cref="ReviewOn"/> date: "as long as needed" is never "forever".
/// </summary>
public sealed record RetentionRule
{
    /// <summary>
    /// How a local date and time that does not exist or exists twice becomes an instant: in a gap (clocks go forward)
    /// the time moves forward by the length of the gap; in an overlap (clocks go back) the later of the two instants is
    /// used. Both choices keep the item a little longer rather than dispose of it early.
    /// </summary>
    public static ZoneLocalMappingResolver DisposalResolver { get; } =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    /// <summary>The rule's name, unique in its schedule (for example <c>recordings-six-months</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The class of record the rule governs.</summary>
    public required RecordClass RecordClass { get; init; }

    /// <summary>The event that starts the clock.</summary>
    public required RetentionTrigger Trigger { get; init; }

    /// <summary>How long after the trigger the action applies; <see langword="null"/> only for a review on a fixed date.</summary>
    public Period? Period { get; init; }

    /// <summary>A fixed review date in the tenant's zone, for records kept "as long as needed".</summary>
    public LocalDate? ReviewOn { get; init; }

    /// <summary>What happens when the period ends.</summary>
    public required DisposalAction Action { get; init; }

    /// <summary>Why the record is kept.</summary>
    public required RetentionReason Reason { get; init; }

    /// <summary>
    /// An optional least retention after the trigger: before it ends nothing may dispose of the item, not even a
    /// request to erase it.
    /// </summary>
    public Period? Minimum { get; init; }

    /// <summary>Where the commitment comes from (for example <c>notice 001</c>), for explanations.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// When the action applies for a trigger at <paramref name="triggeredAt"/>: the trigger's local date and time in
    /// <paramref name="zone"/> plus <see cref="Period"/> (calendar arithmetic: six months from 31 August is the last
    /// day of February), mapped back with <see cref="DisposalResolver"/>. For a fixed review, the start of
    /// <see cref="ReviewOn"/> in the zone. Allocates nothing.
    /// </summary>
    /// <param name="triggeredAt">When the trigger happened.</param>
    /// <param name="zone">The tenant's time zone.</param>
    /// <returns>The instant the action applies.</returns>
    public Instant DisposalInstant(Instant triggeredAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Period is null)
        {
            return ReviewOn is { } review
                ? zone.AtStartOfDay(review).ToInstant()
                : throw new InvalidOperationException($"Rule '{Name}' has neither a period nor a review date; validate schedules before use.");
        }

        return Later(triggeredAt, Period, zone);
    }

    /// <summary>The end of <see cref="Minimum"/> for a trigger at <paramref name="triggeredAt"/>, if the rule has one.</summary>
    /// <param name="triggeredAt">When the trigger happened.</param>
    /// <param name="zone">The tenant's time zone.</param>
    /// <returns>The first instant at which the item may be disposed of early, or <see langword="null"/>.</returns>
    public Instant? MinimumEnds(Instant triggeredAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Minimum is null ? null : Later(triggeredAt, Minimum, zone);
    }

    /// <summary>The rule as a short phrase, for explanations.</summary>
    /// <returns>For example <c>call_recording: Delete 6 months (P6M) after interaction_ended</c>.</returns>
    public string Describe() => Period is null
        ? $"{RecordClass}: {Action} on {ReviewOn:yyyy-MM-dd}"
        : $"{RecordClass}: {Action} {Period} after {Trigger}";

    /// <summary>
    /// The instant an item kept past the end of NodaTime's calendar (a trigger within two centuries of the year 9999)
    /// is given: the start of 9999, so that the item is kept, not refused with an exception.
    /// </summary>
    internal static readonly Instant EndOfCalendar = Instant.FromUtc(9999, 1, 1, 0, 0);

    private const int SafeYears = 9999 - (2 * RetentionScheduleValidator.LongestYears) - 2;

    private static Instant Later(Instant start, Period period, DateTimeZone zone)
    {
        var year = start.InUtc().Year;
        if (year > -SafeYears && year < SafeYears)
        {
            return Resolve(start.InZone(zone).LocalDateTime.Plus(period), zone);
        }

        // Only triggers within a few centuries of the ends of the calendar come here, where a zone's offset or the
        // period can step outside it: counted in the zone if possible, else in UTC, else kept to the end of the calendar.
        try
        {
            var at = Resolve(start.InZone(zone).LocalDateTime.Plus(period), zone);
            return at > EndOfCalendar ? EndOfCalendar : at;
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        catch (OverflowException)
        {
        }

        try
        {
            var at = start.InUtc().LocalDateTime.Plus(period).InUtc().ToInstant();
            return at > EndOfCalendar ? EndOfCalendar : at;
        }
        catch (ArgumentOutOfRangeException)
        {
            return EndOfCalendar;
        }
        catch (OverflowException)
        {
            return EndOfCalendar;
        }
    }

    /// <summary>
    /// Maps a local date and time to an instant exactly as <see cref="DisposalResolver"/> does, without the mapping
    /// object NodaTime allocates: it tries the offsets in force a day either side (zone transitions are further apart
    /// than that) and keeps whichever gives back the same offset.
    /// </summary>
    internal static Instant Resolve(LocalDateTime local, DateTimeZone zone)
    {
        var asUtc = local.InUtc().ToInstant();
        var before = zone.GetUtcOffset(asUtc - OneDay);
        var after = zone.GetUtcOffset(asUtc + OneDay);
        var withBefore = asUtc - Duration.FromSeconds(before.Seconds);
        var withAfter = asUtc - Duration.FromSeconds(after.Seconds);
        var beforeFits = zone.GetUtcOffset(withBefore) == before;
        var afterFits = zone.GetUtcOffset(withAfter) == after;
        return (beforeFits, afterFits) switch
        {
            (true, true) => withBefore > withAfter ? withBefore : withAfter, // an overlap (or no transition): the later
            (true, false) => withBefore,
            (false, true) => withAfter,
            _ => withBefore, // a gap: shifted forward by its length, using the offset before it
        };
    }

    private static readonly Duration OneDay = Duration.FromDays(1);
}
