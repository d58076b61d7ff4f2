namespace ContactKit.Calendars;

/// <summary>
/// The stable error codes of the calendars package (CK0500-CK0599), each described in <c>docs/errors.md</c>. The two
/// feed codes were CK0201 and CK0202 while the feed lived in ContactKit.Retention; those numbers are retired, not reused.
/// </summary>
public static class CalendarsErrorCodes
{
    /// <summary>A bank-holiday feed is not in the GOV.UK format; the error names the JSON path at fault.</summary>
    public const string InvalidBankHolidayFeed = "CK0501";

    /// <summary>A bank-holiday feed file could not be opened or read.</summary>
    public const string BankHolidayFeedUnreadable = "CK0502";

    /// <summary>
    /// A statutory clock's dates step backwards: something is dated before the request was received, a clarification
    /// is answered before it was asked, or a wait begins before the previous one ended.
    /// </summary>
    public const string ClockStepsBack = "CK0503";
}
