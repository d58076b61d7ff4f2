using System.Text;
using ContactKit.Consent;

namespace ContactKit.Consent;

/// <summary>
/// A tenant's announcements in its own words: the spoken notice, the spoken explicit-consent prompt, and the chat
/// banners for each. <see cref="Create"/> checks every template at once.
/// </summary>
public sealed record AnnouncementWording
{
    private AnnouncementWording(AnnouncementTemplate spokenNotice, AnnouncementTemplate spokenPrompt, AnnouncementTemplate bannerNotice, AnnouncementTemplate bannerPrompt, string ssmlLanguage)
    {
        SpokenNotice = spokenNotice;
        SpokenPrompt = spokenPrompt;
        BannerNotice = bannerNotice;
        BannerPrompt = bannerPrompt;
        SsmlLanguage = ssmlLanguage;
    }

    /// <summary>Spoken when a notice is required.</summary>
    public AnnouncementTemplate SpokenNotice { get; }

    /// <summary>Spoken when explicit consent is required; uses <c>{accept_key}</c>.</summary>
    public AnnouncementTemplate SpokenPrompt { get; }

    /// <summary>Shown as a chat banner when a notice is required.</summary>
    public AnnouncementTemplate BannerNotice { get; }

    /// <summary>Shown as a chat banner when explicit consent is required.</summary>
    public AnnouncementTemplate BannerPrompt { get; }

    /// <summary>The <c>xml:lang</c> of the SSML, for example <c>en-GB</c>.</summary>
    public string SsmlLanguage { get; }

    /// <summary>Checks and builds the wording.</summary>
    /// <param name="spokenNotice">The spoken notice.</param>
    /// <param name="spokenPrompt">The spoken explicit-consent prompt; must use <c>{accept_key}</c>.</param>
    /// <param name="bannerNotice">The chat banner for a notice.</param>
    /// <param name="bannerPrompt">The chat banner asking for explicit consent.</param>
    /// <param name="ssmlLanguage">The SSML language tag.</param>
    /// <param name="setting">
    /// Where the wording is set, for the errors: each names <c>{setting}:SpokenNotice</c> and so on (for example
    /// <c>TenantAnnouncements:bureau:SpokenPrompt</c>); when <see langword="null"/>, each names its parameter.
    /// </param>
    /// <returns>The wording, or every template's error at once.</returns>
    public static Result<AnnouncementWording> Create(string spokenNotice, string spokenPrompt, string bannerNotice, string bannerPrompt, string ssmlLanguage = "en-GB", string? setting = null)
    {
        string Field(string parameter) => setting is null ? parameter : $"{setting}:{char.ToUpperInvariant(parameter[0])}{parameter[1..]}";
        var notice = AnnouncementTemplate.ParseText(spokenNotice, Field(nameof(spokenNotice)));
        var prompt = AnnouncementTemplate.ParseText(spokenPrompt, Field(nameof(spokenPrompt)), "accept_key");
        var banner = AnnouncementTemplate.ParseText(bannerNotice, Field(nameof(bannerNotice)));
        var bannerAsk = AnnouncementTemplate.ParseText(bannerPrompt, Field(nameof(bannerPrompt)));
        var errors = new[] { notice.Error, prompt.Error, banner.Error, bannerAsk.Error }.OfType<ContactKitError>().ToList();
        if (errors.Count > 0)
        {
            return errors.Count == 1
                ? errors[0]
                : new ContactKitError(ConsentErrorCodes.InvalidAnnouncementTemplate, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), errors[0].Field);
        }

        return new AnnouncementWording(notice.Value, prompt.Value, banner.Value, bannerAsk.Value, ssmlLanguage);
    }

    /// <summary>Renders the announcement a decision calls for, naming the notice version it relies on.</summary>
    /// <param name="decision">The recording decision.</param>
    /// <param name="notice">The privacy notice version in force.</param>
    /// <param name="values">The placeholder values.</param>
    /// <returns>The announcement; empty texts when nothing needs to be said.</returns>
    public Announcement Render(RecordingDecision decision, NoticeReference notice, AnnouncementValues values)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(values);
        var filled = values with { NoticeVersion = notice.VersionId };
        var (spoken, banner) = decision.Requirement switch
        {
            CaptureRequirement.ExplicitConsent => (SpokenPrompt, BannerPrompt),
            CaptureRequirement.Notice => (SpokenNotice, BannerNotice),
            _ => ((AnnouncementTemplate?)null, (AnnouncementTemplate?)null),
        };
        var plain = spoken?.Render(filled) ?? string.Empty;
        return new Announcement(
            decision.Requirement,
            notice,
            plain,
            spoken is null ? string.Empty : $"<speak xml:lang=\"{EscapeXml(SsmlLanguage)}\"><p>{EscapeXml(plain)}</p></speak>",
            banner?.Render(filled) ?? string.Empty);
    }

    /// <summary>Escapes text for an XML element or attribute.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string EscapeXml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&apos;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}

/// <summary>An announcement ready to play or show, naming the notice version it relies on.</summary>
/// <param name="Requirement">The requirement it meets.</param>
/// <param name="Notice">The notice version it relies on.</param>
/// <param name="PlainText">The spoken wording as plain text.</param>
/// <param name="Ssml">The spoken wording as SSML, escaped.</param>
/// <param name="ChatBanner">The banner for chat channels.</param>
public sealed record Announcement(CaptureRequirement Requirement, NoticeReference Notice, string PlainText, string Ssml, string ChatBanner)
{
    /// <summary>Whether the caller must actively agree (a key press or spoken yes) before recording starts.</summary>
    public bool AwaitsExplicitConsent => Requirement == CaptureRequirement.ExplicitConsent;
}
