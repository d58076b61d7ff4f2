using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ContactKit.Policies;

/// <summary>The forms a privacy notice is rendered in.</summary>
public enum NoticeFormat
{
    /// <summary>Markdown, for a repository or a content system.</summary>
    Markdown = 0,

    /// <summary>One self-contained, accessible HTML page: headings in order, the notice's language, readable on a phone.</summary>
    Html = 1,

    /// <summary>Plain text, for email and letters.</summary>
    PlainText = 2,
}

/// <summary>
/// Renders the privacy notice a policy promises, in ContactKit's own wording with the tenant's wording where the policy
/// gives it (<see cref="PolicyDocument.Wording"/>). Every fact the policy states is written, whatever the tenant's wording,
/// so the notice people read is what the software does. <see cref="PolicyLint.Check"/> reports what UK GDPR Art 13 and 14
/// require that the rendered notice lacks. In the HTML notice every email address is a <c>mailto:</c> link, every
/// telephone number a <c>tel:</c> link in international form (so a phone dials it from abroad too), and every web address
/// a link.
/// </summary>
public static partial class NoticeRenderer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Renders the notice.</summary>
    /// <param name="policy">The policy, as loaded by <see cref="PolicyLoader"/>.</param>
    /// <param name="format">The form to render.</param>
    /// <returns>The notice.</returns>
    public static string Render(PolicyDocument policy, NoticeFormat format = NoticeFormat.Markdown)
    {
        var notice = NoticeComposer.Compose(policy);
        return format switch
        {
            NoticeFormat.Html => Html(notice),
            NoticeFormat.PlainText => Text(notice),
            NoticeFormat.Markdown => Markdown(notice),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a notice format."),
        };
    }

    private static string Markdown(ComposedNotice notice)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(notice.Title)).Append("\n\n");
        if (notice.Introduction is { } intro)
        {
            text.Append(Escape(intro)).Append("\n\n");
        }

        foreach (var section in notice.Sections)
        {
            text.Append("## ").Append(section.Heading).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                if (block.Text.Length > 0)
                {
                    text.Append(Escape(block.Text)).Append("\n\n");
                }

                foreach (var item in block.Items)
                {
                    text.Append("- ").Append(Escape(item)).Append('\n');
                }

                if (!block.Items.IsEmpty)
                {
                    text.Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";

        // Text from the policy cannot open a heading, a list or a link of its own.
        static string Escape(string value)
        {
            var escaped = new StringBuilder(value.Length);
            foreach (var ch in value)
            {
                if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
                {
                    escaped.Append('\\');
                }

                escaped.Append(ch is '\r' or '\n' ? ' ' : ch);
            }

            return escaped.ToString();
        }
    }

    private static string Html(ComposedNotice notice)
    {
        var html = new StringBuilder();
        var e = (Func<string, string>)WebUtility.HtmlEncode;
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(e(notice.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>").Append(e(notice.Title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#111;background:#fff}")
            .Append("h1{font-size:1.75rem}h2{font-size:1.3rem;margin-top:2rem}a{color:#0645ad}li{margin:.25rem 0}</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(e(notice.Title)).Append("</h1>\n");
        if (notice.Introduction is { } intro)
        {
            html.Append("<p>").Append(Linked(intro)).Append("</p>\n");
        }

        if (notice.Sections.Length > 1)
        {
            html.Append("<nav aria-label=\"Contents\">\n<ul>\n");
            foreach (var section in notice.Sections)
            {
                html.Append("<li><a href=\"#").Append(Anchor(section.Id)).Append("\">").Append(e(section.Heading)).Append("</a></li>\n");
            }

            html.Append("</ul>\n</nav>\n");
        }

        foreach (var section in notice.Sections)
        {
            html.Append("<section id=\"").Append(Anchor(section.Id)).Append("\">\n<h2>").Append(e(section.Heading)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                if (block.Text.Length > 0)
                {
                    html.Append("<p>").Append(Linked(block.Text)).Append("</p>\n");
                }

                if (!block.Items.IsEmpty)
                {
                    html.Append("<ul>\n");
                    foreach (var item in block.Items)
                    {
                        html.Append("<li>").Append(Linked(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                }
            }

            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Text(ComposedNotice notice)
    {
        var text = new StringBuilder();
        text.Append(notice.Title.ToUpperInvariant()).Append("\n\n");
        if (notice.Introduction is { } intro)
        {
            text.Append(intro).Append("\n\n");
        }

        foreach (var section in notice.Sections)
        {
            text.Append(section.Heading).Append('\n').Append(new string('-', section.Heading.Length)).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                if (block.Text.Length > 0)
                {
                    text.Append(block.Text).Append("\n\n");
                }

                foreach (var item in block.Items)
                {
                    text.Append("  * ").Append(item).Append('\n');
                }

                if (!block.Items.IsEmpty)
                {
                    text.Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    // The text, HTML-encoded, with each email address a mailto: link, each telephone number a tel: link (found by
    // libphonenumber as written in the UK, dialled in E.164) and each web address a link (www. addresses over https).
    // Punctuation that ends the sentence is not part of the address; digits inside an address are not a number.
    private static string Linked(string text)
    {
        var links = new List<(int Start, int Length, string Href)>();
        foreach (Match match in Addresses().Matches(text))
        {
            var address = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'');
            if (address.Length > 0)
            {
                links.Add((match.Index, address.Length, match.Groups["email"].Success ? $"mailto:{address}"
                    : address.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? $"https://{address}"
                    : address));
            }
        }

        foreach (var number in Phones.FindNumbers(text, "GB", PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            if (!links.Exists(l => number.Start < l.Start + l.Length && l.Start < number.Start + number.Length))
            {
                links.Add((number.Start, number.Length, $"tel:{Phones.Format(number.Number, PhoneNumberFormat.E164)}"));
            }
        }

        var html = new StringBuilder();
        var at = 0;
        foreach (var (start, length, href) in links.OrderBy(l => l.Start))
        {
            if (start < at)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..start]))
                .Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(text.Substring(start, length))).Append("</a>");
            at = start + length;
        }

        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }

    [GeneratedRegex(@"(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)|https?://[^\s<>""]+|www\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+[^\s<>""]*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Addresses();

    private static string Anchor(NoticeSectionId id) => NoticeComposer.Words(id.ToString()).Replace(' ', '-');
}
