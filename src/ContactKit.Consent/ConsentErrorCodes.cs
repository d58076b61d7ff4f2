namespace ContactKit.Consent;

/// <summary>
/// The stable error codes of <c>ContactKit.Consent</c> (<c>CK0300</c> to <c>CK0399</c>).
/// Each is listed with its meaning and fix in <c>docs/errors.md</c>.
/// </summary>
public static class ConsentErrorCodes
{
    /// <summary>A revised privacy notice would take effect sooner than the configured notice period allows, and no legal-grounds override was given.</summary>
    public const string NoticePeriodTooShort = "CK0300";

    /// <summary>A notice version's effective instant is before its publication or not after the latest version already published.</summary>
    public const string NoticeEffectiveOutOfOrder = "CK0301";

    /// <summary>A privacy notice draft is incomplete: no title, no sections, an empty section or a bad language tag.</summary>
    public const string InvalidNotice = "CK0302";

    /// <summary>No version of the privacy notice is in force at the instant asked about.</summary>
    public const string NoNoticeInForce = "CK0303";

    /// <summary>An announcement template has an unknown placeholder, an unclosed brace, or lacks a placeholder it needs.</summary>
    public const string InvalidAnnouncementTemplate = "CK0304";

    /// <summary>A consent record is missing a field its status or method needs (purposes, notice, evidence, expiry order).</summary>
    public const string InvalidConsentRecord = "CK0306";

    /// <summary>A withdrawal or revocation was asked for where no consent is currently given.</summary>
    public const string NothingToWithdraw = "CK0307";

    /// <summary>A recording decision was asked for with no parties.</summary>
    public const string NoParties = "CK0308";

    /// <summary>A legal-grounds override for a short notice period has no grounds or approver.</summary>
    public const string InvalidLegalGrounds = "CK0309";

    /// <summary>A consent record id was appended twice with different content.</summary>
    public const string DuplicateConsentRecord = "CK0310";

    /// <summary>A marketing preference event lacks a field its kind needs (the channel, the route, the partner) or has an unknown kind.</summary>
    public const string InvalidMarketingEvent = "CK0311";

    /// <summary>A telephone screening names no number or a register other than TPS and CTPS.</summary>
    public const string InvalidScreening = "CK0312";
}
