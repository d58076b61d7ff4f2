using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// Every published version of one tenant's privacy notice in one language, oldest first. Immutable: publishing returns
/// a new history. Versions take effect in order, so at any instant at most one version is in force: the latest whose
/// effective instant has passed.
/// </summary>
public sealed record PrivacyNoticeHistory
{
    private PrivacyNoticeHistory(TenantId tenant, PrivacyNoticeId noticeId, string language, ImmutableArray<PrivacyNoticeVersion> versions)
    {
        Tenant = tenant;
        NoticeId = noticeId;
        Language = language;
        Versions = versions;
    }

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>The notice.</summary>
    public PrivacyNoticeId NoticeId { get; }

    /// <summary>The language tag.</summary>
    public string Language { get; }

    /// <summary>The published versions, oldest first, numbered from 1.</summary>
    public ImmutableArray<PrivacyNoticeVersion> Versions { get; }

    /// <summary>Starts an empty history.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="noticeId">The notice.</param>
    /// <param name="language">A language tag such as <c>en-GB</c> or <c>cy</c>.</param>
    /// <returns>The history, or an error with code <see cref="ConsentErrorCodes.InvalidNotice"/> when the language tag is not one.</returns>
    public static Result<PrivacyNoticeHistory> Create(TenantId tenant, PrivacyNoticeId noticeId, string language)
    {
        if (string.IsNullOrEmpty(language) || !IsLanguageTag(language))
        {
            return NoticeDraft.Invalid("language", $"{Errors.Excerpt(language)} is not a language tag; use one such as 'en-GB' or 'cy'.");
        }

        return new PrivacyNoticeHistory(tenant, noticeId, language, []);
    }

    /// <summary>The version in force at <paramref name="at"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The version, or an error with code <see cref="ConsentErrorCodes.NoNoticeInForce"/> before the first version takes effect.</returns>
    public Result<PrivacyNoticeVersion> InForceAt(Instant at)
    {
        for (var i = Versions.Length - 1; i >= 0; i--)
        {
            if (Versions[i].EffectiveFrom <= at)
            {
                return Versions[i];
            }
        }

        return new ContactKitError(
            ConsentErrorCodes.NoNoticeInForce,
            $"No version of privacy notice '{NoticeId}' ({Language}) is in force at {at}; publish one that takes effect by then.",
            "at");
    }

    /// <summary>
    /// Publishes a new version. The first version may take effect at once. A revision must give at least
    /// <paramref name="noticePeriod"/> of notice, counted in calendar days in the tenant's time zone from the local date of
    /// publication to the local date it takes effect, unless <paramref name="legalGrounds"/> is given; the override is kept on the version.
    /// </summary>
    /// <param name="draft">The wording.</param>
    /// <param name="publishedAt">When it is published.</param>
    /// <param name="effectiveFrom">When it takes effect: not before publication, and after the latest version's effective instant.</param>
    /// <param name="noticePeriod">The least notice a revision must give (30 days by default in <c>ConsentOptions</c>).</param>
    /// <param name="zone">The tenant's time zone, in which the calendar days are counted.</param>
    /// <param name="legalGrounds">The legal grounds for giving less notice, or <see langword="null"/>.</param>
    /// <returns>The new history, or the refusal.</returns>
    public Result<PrivacyNoticeHistory> Publish(NoticeDraft draft, Instant publishedAt, Instant effectiveFrom, Period noticePeriod, DateTimeZone zone, LegalGroundsOverride? legalGrounds = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(noticePeriod);
        ArgumentNullException.ThrowIfNull(zone);
        if (draft.Validate() is { } invalid)
        {
            return invalid;
        }

        if (legalGrounds is not null && (string.IsNullOrWhiteSpace(legalGrounds.Grounds) || string.IsNullOrEmpty(legalGrounds.ApprovedBy.Value)))
        {
            return new ContactKitError(ConsentErrorCodes.InvalidLegalGrounds, "A short-notice override needs the legal grounds in words and the person who approved it.", "legalGrounds");
        }

        if (effectiveFrom < publishedAt)
        {
            return new ContactKitError(ConsentErrorCodes.NoticeEffectiveOutOfOrder, $"A notice cannot take effect ({effectiveFrom}) before it is published ({publishedAt}).", "effectiveFrom");
        }

        if (!Versions.IsEmpty)
        {
            var latest = Versions[^1];
            if (effectiveFrom <= latest.EffectiveFrom)
            {
                return new ContactKitError(
                    ConsentErrorCodes.NoticeEffectiveOutOfOrder,
                    $"Version {latest.Version} already takes effect at {latest.EffectiveFrom}; a new version must take effect after it.",
                    "effectiveFrom");
            }

            var earliest = EarliestEffectiveDate(publishedAt, noticePeriod, zone);
            if (effectiveFrom.InZone(zone).Date < earliest && legalGrounds is null)
            {
                return new ContactKitError(
                    ConsentErrorCodes.NoticePeriodTooShort,
                    $"A revised notice published on {publishedAt.InZone(zone).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} must give {Describe(noticePeriod)} of notice, so it can take effect on {earliest.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} at the earliest; move the effective date or record the legal grounds for shorter notice.",
                    "effectiveFrom");
            }
        }

        var version = new PrivacyNoticeVersion
        {
            Tenant = Tenant,
            NoticeId = NoticeId,
            Language = Language,
            Version = Versions.Length + 1,
            Content = draft,
            PublishedAt = publishedAt,
            EffectiveFrom = effectiveFrom,
            ContentHash = draft.ContentHash(Language),
            ShortNoticeOverride = Versions.IsEmpty ? null : legalGrounds,
        };
        return new PrivacyNoticeHistory(Tenant, NoticeId, Language, Versions.Add(version));
    }

    /// <summary>The first local date on which a revision published at <paramref name="publishedAt"/> may take effect.</summary>
    /// <param name="publishedAt">When it is published.</param>
    /// <param name="noticePeriod">The notice period.</param>
    /// <param name="zone">The tenant's time zone.</param>
    /// <returns>The local date of publication plus the period.</returns>
    public static LocalDate EarliestEffectiveDate(Instant publishedAt, Period noticePeriod, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return publishedAt.InZone(zone).Date.Plus(noticePeriod);
    }

    private static string Describe(Period period) =>
        period.Years == 0 && period.Months == 0 && period.Weeks == 0 && !period.HasTimeComponent
            ? $"{period.Days.ToString(CultureInfo.InvariantCulture)} days"
            : period.ToString();

    private static bool IsLanguageTag(string tag)
    {
        var parts = tag.Split('-');
        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter) &&
               parts.Skip(1).All(p => p.Length is >= 2 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
