using System.Net;
using System.Text;

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
        return new RecordingAnnouncement(text, ssml.Append("</speak>").ToString(), $"{banner} See our privacy notice for how we use it.");
    }

    private static string Compose(string who, RecordingStatement recording)
    {
        var text = new StringBuilder(who == "We" ? "We record" : $"{who} records").Append(" calls");
        if (!recording.Purposes.IsEmpty)
        {
            text.Append(" for ").Append(string.Join(" and ", recording.Purposes.Select(NoticeComposer.Words)));
        }

        text.Append('.');
        if (recording.SecurePauseForPayments)
        {
            text.Append(" Recording stops while you give card details.");
        }

        text.Append(recording.Consent == ConsentModel.NoticeAndContinue
            ? " If you would rather not be recorded, please tell the person you speak to."
            : " You will be asked whether you agree before recording starts.");
        return text.Append(" Our privacy notice explains how we use recordings and how long we keep them.").ToString();
    }
}
