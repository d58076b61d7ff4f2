using System.Collections.Immutable;
using System.Text;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>A changed policy published as a new version of the privacy notice.</summary>
/// <param name="History">The notice's history with the new version appended.</param>
/// <param name="Version">The new version.</param>
/// <param name="Changes">What changed for callers since the previous policy.</param>
public sealed record PolicyPublication(PrivacyNoticeHistory History, PrivacyNoticeVersion Version, ImmutableArray<PolicyChange> Changes);

/// <summary>Turns a policy into a privacy notice version under the notice rule of <c>ContactKit.Consent</c>.</summary>
public static class PolicyPublishing
{
    /// <summary>The notice the policy promises, as a draft for <see cref="PrivacyNoticeHistory"/>: one section per rendered section, its body in plain text.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The draft, titled as the rendered notice.</returns>
    public static NoticeDraft Draft(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var notice = NoticeComposer.Compose(policy);
        var sections = ImmutableArray.CreateBuilder<ContactKit.Consent.NoticeSection>(notice.Sections.Length + 1);
        if (notice.Introduction is { } intro)
        {
            sections.Add(new ContactKit.Consent.NoticeSection(notice.Title, intro));
        }

        foreach (var section in notice.Sections)
        {
            var body = new StringBuilder();
            foreach (var block in section.Blocks)
            {
                if (block.Text.Length > 0)
                {
                    body.Append(block.Text).Append('\n');
                }

                foreach (var item in block.Items)
                {
                    body.Append("* ").Append(item).Append('\n');
                }
            }

            sections.Add(new ContactKit.Consent.NoticeSection(section.Heading, body.ToString().TrimEnd('\n')));
        }

        return new NoticeDraft(notice.Title, sections.ToImmutable());
    }

    /// <summary>
    /// Publishes <paramref name="next"/> as the next version of the notice in <paramref name="history"/>, with the changes since
    /// <paramref name="previous"/>. A revision must give the notice period (the policy's <c>changes.notice_period</c>, or 30 days
    /// when it states none) unless <paramref name="legalGrounds"/> records why less notice is lawful.
    /// </summary>
    /// <param name="history">The notice's history so far.</param>
    /// <param name="previous">The policy in force.</param>
    /// <param name="next">The changed policy.</param>
    /// <param name="publishedAt">When the new version is published.</param>
    /// <param name="effectiveFrom">When it takes effect.</param>
    /// <param name="zone">The tenant's time zone, in which the days of notice are counted.</param>
    /// <param name="legalGrounds">The legal grounds for shorter notice, or <see langword="null"/>.</param>
    /// <returns>The publication, or the refusal from the notice rule (such as <c>CK0300</c> for too little notice).</returns>
    public static Result<PolicyPublication> Publish(
        PrivacyNoticeHistory history,
        PolicyDocument previous,
        PolicyDocument next,
        Instant publishedAt,
        Instant effectiveFrom,
        DateTimeZone zone,
        LegalGroundsOverride? legalGrounds = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(zone);
        var changes = PolicyDiff.Compare(previous, next);
        var noticePeriod = next.Changes?.NoticePeriod ?? Period.FromDays(30);
        var published = history.Publish(Draft(next), publishedAt, effectiveFrom, noticePeriod, zone, legalGrounds);
        if (published.IsFailure)
        {
            return published.Error!;
        }

        return new PolicyPublication(published.Value, published.Value.Versions[^1], changes);
    }
}
