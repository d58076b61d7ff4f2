namespace ContactKit.Retention;

/// <summary>The stable error codes of the retention package (CK0200-CK0299), each described in <c>docs/errors.md</c>.</summary>
public static class RetentionErrorCodes
{
    /// <summary>A bank-holiday feed is not in the GOV.UK format; the error names the JSON path at fault.</summary>
    public const string InvalidBankHolidayFeed = "CK0201";

    /// <summary>A bank-holiday feed file could not be opened or read.</summary>
    public const string BankHolidayFeedUnreadable = "CK0202";
}
