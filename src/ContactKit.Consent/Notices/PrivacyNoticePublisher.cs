using System.Globalization;
using ContactKit;
using ContactKit.Consent;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// Publishes privacy-notice versions now, with the configured notice period counted in the tenant's time zone, and writes
/// each publication (and any short-notice override) to the audit trail.
/// </summary>
/// <param name="options">The consent options.</param>
/// <param name="zones">Tenant time zones.</param>
/// <param name="clock">The clock.</param>
/// <param name="audit">The audit trail.</param>
public sealed class PrivacyNoticePublisher(IOptions<ConsentOptions> options, ITenantTimeZones zones, IClock clock, IAuditTrail audit)
{
    /// <summary>Publishes a version of the notice now, taking effect at <paramref name="effectiveFrom"/>.</summary>
    /// <param name="history">The notice's history so far.</param>
    /// <param name="draft">The wording.</param>
    /// <param name="effectiveFrom">When it takes effect.</param>
    /// <param name="actor">Who publishes it.</param>
    /// <param name="legalGrounds">The legal grounds for giving less than the notice period, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new history, or the refusal (see <see cref="PrivacyNoticeHistory.Publish"/>).</returns>
    public async ValueTask<Result<PrivacyNoticeHistory>> PublishAsync(PrivacyNoticeHistory history, NoticeDraft draft, Instant effectiveFrom, ActorId actor, LegalGroundsOverride? legalGrounds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var now = clock.GetCurrentInstant();
        var published = history.Publish(draft, now, effectiveFrom, options.Value.NoticePeriod, zones.GetTimeZone(history.Tenant), legalGrounds);
        if (published.IsFailure)
        {
            return published;
        }

        var version = published.Value.Versions[^1];
        var details = new Dictionary<string, string>
        {
            ["version"] = version.Version.ToString(CultureInfo.InvariantCulture),
            ["language"] = version.Language,
            ["content_hash"] = version.ContentHash,
            ["effective_from"] = version.EffectiveFrom.ToString(),
        };
        if (version.ShortNoticeOverride is { } overridden)
        {
            details["short_notice_grounds"] = overridden.Grounds;
            details["short_notice_approved_by"] = overridden.ApprovedBy.Value;
        }

        await audit.AppendAsync(new AuditEntry
        {
            Tenant = history.Tenant,
            OccurredAt = now,
            Actor = actor,
            Action = version.ShortNoticeOverride is null ? "notice.published" : "notice.published_short_notice",
            Resource = new ResourceRef("privacy_notice", version.Reference.VersionId),
            Reason = version.ShortNoticeOverride?.Grounds,
            Details = details,
        }, cancellationToken).ConfigureAwait(false);
        return published;
    }
}
