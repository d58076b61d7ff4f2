namespace ContactKit.Retention;

/// <summary>
/// The stable error codes of the retention package (CK0200-CK0299), each described in <c>docs/errors.md</c>. CK0201 and
/// CK0202 (the bank-holiday feed) moved with the feed to ContactKit.Calendars as CK0501 and CK0502 and are not reused.
/// </summary>
public static class RetentionErrorCodes
{
    /// <summary>A record class or trigger name is not lower-case words joined by underscores.</summary>
    public const string InvalidName = "CK0203";

    /// <summary>A retention schedule breaks a rule; the error names the JSON path and the rule.</summary>
    public const string InvalidSchedule = "CK0204";

    /// <summary>An item carries an active legal hold, so nothing may dispose of it.</summary>
    public const string ItemHeld = "CK0205";

    /// <summary>An item is inside its rule's minimum retention, so not even a request may dispose of it yet.</summary>
    public const string WithinMinimumRetention = "CK0206";

    /// <summary>A disposal was completed or released by a worker that does not hold the item's claim.</summary>
    public const string ClaimNotHeld = "CK0207";

    /// <summary>The item has already been disposed of.</summary>
    public const string AlreadyDisposed = "CK0208";

    /// <summary>The legal hold has already been released.</summary>
    public const string HoldAlreadyReleased = "CK0209";

    /// <summary>A disposer could not destroy an item; the item stays and is offered again after the claim times out.</summary>
    public const string DisposalFailed = "CK0210";

    /// <summary>A new item was saved under an id the store already holds; change a stored item through the service (a trigger, a new record class), not by tracking it again.</summary>
    public const string ItemAlreadyTracked = "CK0211";

    /// <summary>Destruction was asked for an item whose stored disposal instant has not come (a schedule change or a new record class moved it after it was claimed).</summary>
    public const string NotDue = "CK0212";

    /// <summary>A retention period or minimum is longer than the longest the suite allows (200 years); the error names the JSON path.</summary>
    public const string PeriodTooLong = "CK0213";

    /// <summary>
    /// An item under a review rule came due and its review was written to the audit trail, but handing the reminder on (for
    /// example raising the alert) failed; the item stays due and is reminded again on the next run.
    /// </summary>
    public const string ReviewNotHandedOn = "CK0214";
}
