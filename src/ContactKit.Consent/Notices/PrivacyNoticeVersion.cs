using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>One headed section of a privacy notice, in the tenant's own words.</summary>
/// <param name="Heading">The heading, for example <c>How long we keep recordings</c>.</param>
/// <param name="Body">The text of the section.</param>
public sealed record NoticeSection(string Heading, string Body);

/// <summary>The wording of a privacy notice before it is published: a title and its sections, in one language.</summary>
/// <param name="Title">The notice's title.</param>
/// <param name="Sections">The sections, in reading order.</param>
public sealed record NoticeDraft(string Title, ImmutableArray<NoticeSection> Sections)
{
    private readonly ImmutableArray<NoticeSection> _sections = Sections;

    /// <summary>The sections, in reading order; empty, never a default array, when none were given (for example in JSON).</summary>
    public ImmutableArray<NoticeSection> Sections
    {
        get => _sections.IsDefault ? [] : _sections;
        init => _sections = value;
    }

    /// <summary>Checks that the draft has a title and at least one section, each with a heading and a body.</summary>
    /// <returns><see langword="null"/> when complete, otherwise an error with code <see cref="ConsentErrorCodes.InvalidNotice"/> naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            return Invalid("Title", "A privacy notice needs a title.");
        }

        if (Sections.IsDefaultOrEmpty)
        {
            return Invalid("Sections", "A privacy notice needs at least one section.");
        }

        for (var i = 0; i < Sections.Length; i++)
        {
            if (Sections[i] is null || string.IsNullOrWhiteSpace(Sections[i].Heading) || string.IsNullOrWhiteSpace(Sections[i].Body))
            {
                return Invalid($"Sections[{i}]", $"Section {i + 1} of the privacy notice needs both a heading and a body.");
            }
        }

        return null;
    }

    /// <summary>
    /// The SHA-256 of the canonical content in lower-case hex. The canonical content is the language, the title and each
    /// heading and body, each written as its UTF-8 byte length, a colon and the bytes, so that no two different notices share it.
    /// </summary>
    /// <param name="language">The notice's language tag.</param>
    /// <returns>64 hex digits.</returns>
    public string ContentHash(string language)
    {
        var builder = new StringBuilder();
        Append(builder, language);
        Append(builder, Title);
        foreach (var section in Sections)
        {
            Append(builder, section.Heading);
            Append(builder, section.Body);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <inheritdoc />
    public bool Equals(NoticeDraft? other) =>
        other is not null && Title == other.Title &&
        (Sections.IsDefaultOrEmpty ? other.Sections.IsDefaultOrEmpty : !other.Sections.IsDefault && Sections.SequenceEqual(other.Sections));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, Sections.IsDefault ? 0 : Sections.Length);

    internal static ContactKitError Invalid(string field, string message) =>
        new(ConsentErrorCodes.InvalidNotice, message, field);

    private static void Append(StringBuilder builder, string text) =>
        builder.Append(Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
}

/// <summary>
/// Names the exact privacy-notice wording a caller was given or a consent relied on: the notice, its version number,
/// its language and the SHA-256 of its content.
/// </summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Language">The language tag, for example <c>en-GB</c>.</param>
/// <param name="ContentHash">The SHA-256 of the canonical content, 64 lower-case hex digits.</param>
public readonly record struct NoticeReference(PrivacyNoticeId NoticeId, int Version, string Language, string ContentHash)
{
    /// <summary>The version id, for example <c>council-notice/v3/en-GB</c>.</summary>
    public string VersionId => $"{NoticeId}/v{Version.ToString(CultureInfo.InvariantCulture)}/{Language}";

    /// <summary>Returns the version id and the first twelve digits of the hash.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{VersionId} (sha256 {(ContentHash ?? string.Empty)[..Math.Min(12, ContentHash?.Length ?? 0)]})";
}

/// <summary>Who approved publishing a revised notice with less than the notice period, and on what legal grounds.</summary>
/// <param name="Grounds">The legal grounds, in words a reviewer can check (for example a regulator's order).</param>
/// <param name="ApprovedBy">Who approved it.</param>
public sealed record LegalGroundsOverride(string Grounds, ActorId ApprovedBy);

/// <summary>A published version of a privacy notice: its wording, when it takes effect and its content hash.</summary>
public sealed record PrivacyNoticeVersion
{
    /// <summary>The tenant whose notice it is.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The notice this is a version of.</summary>
    public required PrivacyNoticeId NoticeId { get; init; }

    /// <summary>The language tag, for example <c>en-GB</c> or <c>cy-GB</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The version number, from 1, without gaps.</summary>
    public required int Version { get; init; }

    /// <summary>The wording.</summary>
    public required NoticeDraft Content { get; init; }

    /// <summary>When it was published.</summary>
    public required Instant PublishedAt { get; init; }

    /// <summary>When it takes effect; it stays in force until the next version takes effect.</summary>
    public required Instant EffectiveFrom { get; init; }

    /// <summary>The SHA-256 of <see cref="Content"/> in canonical form (see <see cref="NoticeDraft.ContentHash"/>).</summary>
    public required string ContentHash { get; init; }

    /// <summary>The recorded legal grounds when the version was published with less than the notice period; otherwise <see langword="null"/>.</summary>
    public LegalGroundsOverride? ShortNoticeOverride { get; init; }

    /// <summary>The reference that consent records and announcements carry.</summary>
    public NoticeReference Reference => new(NoticeId, Version, Language, ContentHash);
}
