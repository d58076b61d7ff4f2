using System.Net;
using System.Text;
using ContactKit.Consent;

namespace ContactKit.Policies;

/// <summary>
/// The recording announcement a policy promises, in the three forms a contact centre plays or shows it: text for an
/// agent script, SSML for a voice platform, and a short banner for a chat window.
/// </summary>
/// <param name="Text">The announcement as sentences.</param>
/// <param name="Ssml">The same, as an SSML <c>speak</c> document in the notice's language.</param>
/// <param name="ChatBanner">A one-line banner for a chat window.</param>
public sealed record RecordingAnnouncement(string Text, string Ssml, string ChatBanner)
{
    /// <summary>
    /// Builds the announcement from the policy's recording statement: its own wording where it gives one
    /// (<see cref="RecordingStatement.Announcement"/>), or ContactKit's, saying why calls are recorded, that card details
    /// are never recorded where the policy pauses for payments, and what the caller can do.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The announcement, or <see langword="null"/> when the policy does not record.</returns>
    public static RecordingAnnouncement? From(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Recording is not { } recording)
        {
            return null;
        }

        var who = policy.Controller?.Name ?? "We";
        var text = recording.Announcement ?? Compose(who, recording);
        var ssml = new StringBuilder()
            .Append("<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"").Append(WebUtility.HtmlEncode(policy.Language)).Append("\">");
        foreach (var sentence in text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ssml.Append("<s>").Append(WebUtility.HtmlEncode(sentence.TrimEnd('.'))).Append(".</s>");
        }

        var banner = recording.SecurePauseForPayments
            ? "This chat is recorded. Never type card details here: we will send you a secure payment link."
            : "This chat is recorded.";
        return new RecordingAnnouncement(text, ssml.Append("</speak>").ToString(), banner + BannerPointer);
    }

    /// <summary>
    /// The tenant's announcement wording as ContactKit.Consent renders it (<see cref="IRecordingAnnouncements"/>): the
    /// notice and the banner are exactly <see cref="From"/>'s text and banner, so what a host plays is what the rendered
    /// notice states; the explicit-consent prompt and its banner say the same with the question in place of the notice.
    /// The policy's words are literal: braces in them are doubled, and only the prompt's <c>{accept_key}</c> is a placeholder.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The wording, or <see langword="null"/> when the policy does not record.</returns>
    internal static AnnouncementOptions? Wording(PolicyDocument policy)
    {
        if (From(policy) is not { } announcement || policy.Recording is not { } recording)
        {
            return null;
        }

        var who = policy.Controller?.Name ?? "We";
        var prompt = recording.Announcement is { } own
            ? $"{Literal(own)} To agree to recording, press {{accept_key}}."
            : $"{Literal(Opening(who, recording))} We record only if you agree. To agree, press {{accept_key}}.{Literal(Closing)}";
        var pause = recording.SecurePauseForPayments ? " Never type card details here: we will send you a secure payment link." : string.Empty;
        return new AnnouncementOptions
        {
            SpokenNotice = Literal(announcement.Text),
            SpokenPrompt = prompt,
            BannerNotice = Literal(announcement.ChatBanner),
            BannerPrompt = Literal($"We record this chat only if you agree.{pause} See our privacy notice for how we use it."),
            SsmlLanguage = policy.Language,
        };
    }

    /// <summary>The sentence ContactKit's spoken wording ends with, pointing callers to the notice.</summary>
    internal const string Closing = " Our privacy notice explains how we use recordings and how long we keep them.";

    /// <summary>The sentence every chat banner ends with, pointing to the notice.</summary>
    internal const string BannerPointer = " See our privacy notice for how we use it.";

    /// <summary>
    /// The words of an announcement before the sentence that points to the privacy notice, for the notice itself to quote
    /// (a quoted "our privacy notice explains" reads oddly inside that notice); <see langword="null"/> when the wording
    /// has no such sentence (the tenant's own).
    /// </summary>
    /// <param name="text">The announcement's text or banner.</param>
    /// <returns>The words before the pointer, or <see langword="null"/>.</returns>
    internal static string? BeforePointer(string text) =>
        text.EndsWith(Closing, StringComparison.Ordinal) ? text[..^Closing.Length]
        : text.EndsWith(BannerPointer, StringComparison.Ordinal) ? text[..^BannerPointer.Length]
        : null;

    private static string Literal(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    private static string Compose(string who, RecordingStatement recording) =>
        Opening(who, recording) + (recording.Consent == ConsentModel.NoticeAndContinue
            ? " If you would rather not be recorded, please tell the person you speak to."
            : " You will be asked whether you agree before recording starts.") + Closing;

    // Who records and why, and the pause for card details: the part of the announcement every decision shares.
    private static string Opening(string who, RecordingStatement recording)
    {
        var text = new StringBuilder(who == "We" ? "We record" : $"{who} records").Append(" calls");
        if (!recording.Purposes.IsEmpty)
        {
            text.Append(" for ").Append(NoticeComposer.Join(recording.Purposes.Select(NoticeComposer.Words)));
        }

        text.Append('.');
        if (recording.SecurePauseForPayments)
        {
            text.Append(" Recording stops while you give card details.");
        }

        return text.ToString();
    }
}
