using System.Collections.Immutable;
using System.Text;

namespace ContactKit.Consent;

/// <summary>
/// A tenant's own wording for an announcement, with placeholders in braces that are filled in when it is rendered:
/// <c>{organisation}</c>, <c>{purposes}</c>, <c>{notice_url}</c>, <c>{notice_version}</c> and <c>{accept_key}</c>.
/// A literal brace is written twice (<c>{{</c>, <c>}}</c>). Parsing checks every placeholder once, so rendering cannot fail.
/// </summary>
public sealed class AnnouncementTemplate
{
    /// <summary>The placeholders a template may use.</summary>
    public static ImmutableArray<string> Placeholders { get; } = ["organisation", "purposes", "notice_url", "notice_version", "accept_key"];

    private readonly ImmutableArray<(bool IsPlaceholder, string Text)> _parts;

    private AnnouncementTemplate(string text, ImmutableArray<(bool, string)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Whether the template uses <paramref name="placeholder"/>.</summary>
    /// <param name="placeholder">The placeholder name, without braces.</param>
    /// <returns><see langword="true"/> when used.</returns>
    public bool Uses(string placeholder) => _parts.Any(p => p.IsPlaceholder && p.Text == placeholder);

    /// <summary>Parses and checks a template.</summary>
    /// <param name="text">The wording.</param>
    /// <param name="field">The setting it came from, for the error.</param>
    /// <param name="required">Placeholders it must use (an explicit-consent prompt must say which key to press).</param>
    /// <returns>The template, or an error with code <see cref="ConsentErrorCodes.InvalidAnnouncementTemplate"/>.</returns>
    public static Result<AnnouncementTemplate> ParseText(string? text, string field, params string[] required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(field, "An announcement template must not be empty.");
        }

        var parts = ImmutableArray.CreateBuilder<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return Invalid(field, $"The brace at position {i} is never closed; write '{{{{' for a literal brace.");
                }

                var name = text[(i + 1)..close];
                if (!Placeholders.Contains(name))
                {
                    return Invalid(field, $"{Errors.Excerpt("{" + name + "}")} is not a placeholder; use one of {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))}.");
                }

                if (literal.Length > 0)
                {
                    parts.Add((false, literal.ToString()));
                    literal.Clear();
                }

                parts.Add((true, name));
                i = close;
            }
            else if (c == '}')
            {
                return Invalid(field, $"The closing brace at position {i} has no opening brace; write '}}}}' for a literal brace.");
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add((false, literal.ToString()));
        }

        var template = new AnnouncementTemplate(text, parts.ToImmutable());
        foreach (var name in required)
        {
            if (!template.Uses(name))
            {
                return Invalid(field, $"This template must use '{{{name}}}'.");
            }
        }

        return template;
    }

    /// <summary>Fills in the placeholders.</summary>
    /// <param name="values">The value of each placeholder.</param>
    /// <returns>The text.</returns>
    public string Render(AnnouncementValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (isPlaceholder, part) in _parts)
        {
            text.Append(isPlaceholder ? values.Get(part) : part);
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static ContactKitError Invalid(string field, string message) =>
        new(ConsentErrorCodes.InvalidAnnouncementTemplate, message, field);
}

/// <summary>The values that fill an announcement template's placeholders.</summary>
/// <param name="Organisation">The organisation's name, for <c>{organisation}</c>.</param>
/// <param name="Purposes">Why it records, in words, for <c>{purposes}</c>.</param>
/// <param name="NoticeUrl">Where the privacy notice is, for <c>{notice_url}</c>.</param>
/// <param name="AcceptKey">The key to press to agree, for <c>{accept_key}</c>.</param>
public sealed record AnnouncementValues(string Organisation, string Purposes, string NoticeUrl, string AcceptKey)
{
    /// <summary>The notice version the announcement relies on, for <c>{notice_version}</c>; set when rendering.</summary>
    public string NoticeVersion { get; init; } = string.Empty;

    internal string Get(string placeholder) => placeholder switch
    {
        "organisation" => Organisation,
        "purposes" => Purposes,
        "notice_url" => NoticeUrl,
        "notice_version" => NoticeVersion,
        "accept_key" => AcceptKey,
        _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, "Not a placeholder."),
    };
}
