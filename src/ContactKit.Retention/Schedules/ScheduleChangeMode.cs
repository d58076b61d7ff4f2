namespace ContactKit.Retention;

/// <summary>
/// How a schedule change treats the items already stored. Both the dry run and the change itself take it, so the caller
/// always says which is meant.
/// </summary>
public enum ScheduleChangeMode
{
    /// <summary>
    /// Items already stored keep their planned disposal; only items tracked after the change (once the new schedule is
    /// configured) follow the new rules. Nothing stored is re-planned.
    /// </summary>
    FutureOnly,

    /// <summary>
    /// Every stored item not yet disposed of is planned again under the new rules. A held item is never brought forward,
    /// and no item is brought forward at all unless shortening is allowed.
    /// </summary>
    Retroactive,
}
