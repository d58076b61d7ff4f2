using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace ContactKit.Consent;

/// <summary>
/// What to play or show for a capture decision, for a tenant: the spoken text, its SSML and the chat banner, in the
/// tenant's wording (<see cref="ConsentOptions.TenantAnnouncements"/>) or ContactKit's default wording where the tenant
/// has none. Registered by <c>AddConsent</c>; <c>AddPolicy</c> sets the tenant's wording from its privacy policy.
/// </summary>
public interface IRecordingAnnouncements
{
    /// <summary>The announcement a decision calls for: a notice, or a prompt asking for explicit consent.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="decision">The recording decision for the interaction's parties.</param>
    /// <param name="notice">The privacy notice version in force, which the announcement relies on.</param>
    /// <returns>The announcement; empty texts when the decision needs nothing said.</returns>
    Announcement Render(TenantId tenant, RecordingDecision decision, NoticeReference notice);
}

/// <summary>A tenant's announcement wording and the values that fill its placeholders, bound from configuration.</summary>
/// <remarks>
/// A template left unset takes ContactKit's default wording for it, which names no organisation or purpose. Each
/// template set is checked at start-up; a value used by a template (<c>{organisation}</c>,
/// <c>{purposes}</c>, <c>{notice_url}</c>) must be set.
/// </remarks>
public sealed class AnnouncementOptions
{
    /// <summary>Spoken when a notice is required.</summary>
    public string? SpokenNotice { get; set; }

    /// <summary>Spoken when explicit consent is required; must use <c>{accept_key}</c>.</summary>
    public string? SpokenPrompt { get; set; }

    /// <summary>Shown as a chat banner when a notice is required.</summary>
    public string? BannerNotice { get; set; }

    /// <summary>Shown as a chat banner when explicit consent is required.</summary>
    public string? BannerPrompt { get; set; }

    /// <summary>The <c>xml:lang</c> of the SSML; <c>en-GB</c> when unset.</summary>
    public string? SsmlLanguage { get; set; }

    /// <summary>The organisation's name, for <c>{organisation}</c>.</summary>
    public string? Organisation { get; set; }

    /// <summary>Why it records, in words, for <c>{purposes}</c>.</summary>
    public string? Purposes { get; set; }

    /// <summary>Where the privacy notice is, for <c>{notice_url}</c>.</summary>
    public string? NoticeUrl { get; set; }

    /// <summary>The key a caller presses to agree, for <c>{accept_key}</c>. Default <c>1</c>.</summary>
    public string AcceptKey { get; set; } = "1";

    // The tenant's wording, with ContactKit's default for every template not set; every template's error at once
    // (CK0304), each naming its setting.
    internal Result<AnnouncementWording> ToWording(string setting) =>
        AnnouncementWording.Create(
            SpokenNotice ?? RecordingAnnouncements.DefaultSpokenNotice,
            SpokenPrompt ?? RecordingAnnouncements.DefaultSpokenPrompt,
            BannerNotice ?? RecordingAnnouncements.DefaultBannerNotice,
            BannerPrompt ?? RecordingAnnouncements.DefaultBannerPrompt,
            string.IsNullOrWhiteSpace(SsmlLanguage) ? "en-GB" : SsmlLanguage,
            setting);

    // Every problem of the tenant's wording, each naming its setting: a template the parser refuses, or a placeholder used
    // with no value to fill it (CK0304).
    internal IEnumerable<ContactKitError> Problems(string setting)
    {
        var templates = new (string Name, string? Text, string[] Required)[]
        {
            (nameof(SpokenNotice), SpokenNotice, []),
            (nameof(SpokenPrompt), SpokenPrompt, ["accept_key"]),
            (nameof(BannerNotice), BannerNotice, []),
            (nameof(BannerPrompt), BannerPrompt, []),
        };
        var values = new (string Placeholder, string Name, string? Value)[]
        {
            ("organisation", nameof(Organisation), Organisation),
            ("purposes", nameof(Purposes), Purposes),
            ("notice_url", nameof(NoticeUrl), NoticeUrl),
            ("accept_key", nameof(AcceptKey), AcceptKey),
        };
        foreach (var (name, text, required) in templates)
        {
            if (text is null)
            {
                continue; // ContactKit's default wording, which needs no value but the accept key
            }

            var parsed = AnnouncementTemplate.ParseText(text, $"{setting}:{name}", required);
            if (parsed.IsFailure)
            {
                yield return parsed.Error;
                continue;
            }

            foreach (var (placeholder, valueName, value) in values)
            {
                if (parsed.Value.Uses(placeholder) && string.IsNullOrWhiteSpace(value))
                {
                    yield return new ContactKitError(
                        ConsentErrorCodes.InvalidAnnouncementTemplate,
                        $"This template uses '{{{placeholder}}}' but {setting}:{valueName} is not set; set it, or take the placeholder out.",
                        $"{setting}:{name}");
                }
            }
        }

        if (SpokenPrompt is null && string.IsNullOrWhiteSpace(AcceptKey))
        {
            yield return new ContactKitError(ConsentErrorCodes.InvalidAnnouncementTemplate, "The explicit-consent prompt says which key to press; set AcceptKey (default 1).", $"{setting}:{nameof(AcceptKey)}");
        }
    }

    // The placeholder values; the notice version is filled in when rendering.
    internal AnnouncementValues ToValues() => new(Organisation ?? string.Empty, Purposes ?? string.Empty, NoticeUrl ?? string.Empty, AcceptKey);
}

/// <summary>
/// Renders each tenant's announcements from <see cref="ConsentOptions.TenantAnnouncements"/>, parsed once; a tenant with
/// none gets ContactKit's default wording, which names no organisation or purpose.
/// </summary>
internal sealed class RecordingAnnouncements : IRecordingAnnouncements
{
    /// <summary>ContactKit's spoken notice.</summary>
    public const string DefaultSpokenNotice = "This call is recorded. If you would rather not be recorded, please tell the person you speak to. Our privacy notice explains how we use recordings and how long we keep them.";

    /// <summary>ContactKit's spoken explicit-consent prompt.</summary>
    public const string DefaultSpokenPrompt = "We would like to record this call, and we record only if you agree. To agree, press {accept_key}. Our privacy notice explains how we use recordings and how long we keep them.";

    /// <summary>ContactKit's chat banner for a notice.</summary>
    public const string DefaultBannerNotice = "This chat is recorded. See our privacy notice for how we use it.";

    /// <summary>ContactKit's chat banner asking for explicit consent.</summary>
    public const string DefaultBannerPrompt = "We would like to record this chat, and we record only if you agree. See our privacy notice for how we use it.";

    private readonly (AnnouncementWording Wording, AnnouncementValues Values) _default;
    private readonly FrozenDictionary<string, (AnnouncementWording Wording, AnnouncementValues Values)> _tenants;

    public RecordingAnnouncements(IOptions<ConsentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _default = (new AnnouncementOptions().ToWording(ConsentOptions.SectionName).Value, new AnnouncementOptions().ToValues());
        var tenants = new Dictionary<string, (AnnouncementWording, AnnouncementValues)>(StringComparer.Ordinal);
        foreach (var (tenant, own) in options.Value.TenantAnnouncements)
        {
            if (own is null)
            {
                continue;
            }

            // Start-up validation has checked every template; a host that skipped it learns here, with the same error.
            var wording = own.ToWording($"{nameof(ConsentOptions.TenantAnnouncements)}:{tenant}");
            tenants[tenant] = (wording.IsSuccess ? wording.Value : throw new ContactKitException(wording.Error), own.ToValues());
        }

        _tenants = tenants.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public Announcement Render(TenantId tenant, RecordingDecision decision, NoticeReference notice)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (wording, values) = _tenants.TryGetValue(tenant.Value, out var own) ? own : _default;
        return wording.Render(decision, notice, values);
    }
}
