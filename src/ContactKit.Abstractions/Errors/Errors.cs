using System.Globalization;
using System.Text;

namespace ContactKit;

/// <summary>Builds the shared-vocabulary errors, so that every package words them the same way.</summary>
internal static class Errors
{
    /// <summary>A value is required but was missing or empty.</summary>
    /// <param name="field">The field at fault.</param>
    /// <returns>The error.</returns>
    public static ContactKitError Required(string field) =>
        new(ErrorCodes.Required, $"'{field}' is required and was missing or empty.", field);

    /// <summary>A value belongs to another tenant than the operation's.</summary>
    /// <param name="expected">The tenant the operation runs in.</param>
    /// <param name="actual">The tenant the value belongs to.</param>
    /// <param name="field">The field holding the value.</param>
    /// <returns>The error.</returns>
    public static ContactKitError TenantMismatch(TenantId expected, TenantId actual, string field) =>
        new(ErrorCodes.TenantMismatch, $"'{field}' belongs to tenant '{actual}' but the operation runs in tenant '{expected}'; every operation is scoped to one tenant.", field);

    /// <summary>A write carried a stale version.</summary>
    /// <param name="resource">What was written, for example <c>recording session rec-1</c>.</param>
    /// <param name="expected">The version the writer read.</param>
    /// <param name="actual">The version now stored.</param>
    /// <returns>The error.</returns>
    public static ContactKitError VersionConflict(string resource, long expected, long actual) =>
        new(ErrorCodes.VersionConflict, $"The {resource} is at version {actual} but the change was based on version {expected}; read it again and reapply the change.", "version");

    /// <summary>The value asked for does not exist in this tenant.</summary>
    /// <param name="resource">What was looked for, for example <c>recording session rec-1</c>.</param>
    /// <param name="tenant">The tenant searched.</param>
    /// <returns>The error.</returns>
    public static ContactKitError NotFound(string resource, TenantId tenant) =>
        new(ErrorCodes.NotFound, $"No {resource} exists in tenant '{tenant}'.");

    /// <summary>Checks that a value belongs to the operation's tenant.</summary>
    /// <param name="expected">The tenant the operation runs in.</param>
    /// <param name="actual">The tenant the value belongs to.</param>
    /// <param name="field">The field holding the value.</param>
    /// <returns><see langword="null"/> when they match, otherwise the error.</returns>
    public static ContactKitError? CheckTenant(TenantId expected, TenantId actual, string field) =>
        expected == actual ? null : TenantMismatch(expected, actual, field);

    /// <summary>The most characters of an input value that an error message repeats.</summary>
    public const int ExcerptLength = 32;

    /// <summary>
    /// Renders an input value for an error message: quoted, cut to <see cref="ExcerptLength"/> characters, and with
    /// every control, format, separator or unpaired surrogate character shown as <c>\uXXXX</c>, so that a message can
    /// never forge a log line or grow with its input.
    /// </summary>
    /// <remarks>Only values that are not personal data may be echoed; say what rule a personal value breaks instead.</remarks>
    /// <param name="value">The value to show, or <see langword="null"/>.</param>
    /// <returns>The value in single quotes, escaped and cut, or <c>(none)</c> for <see langword="null"/>.</returns>
    public static string Excerpt(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var text = new StringBuilder(ExcerptLength + 40).Append('\'');
        var next = 0;
        for (var shown = 0; next < value.Length && shown < ExcerptLength; shown++, next++)
        {
            var c = value[next];
            if (char.IsHighSurrogate(c) && next + 1 < value.Length && char.IsLowSurrogate(value[next + 1]))
            {
                text.Append(c).Append(value[++next]);
            }
            else if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('\'');
        return next < value.Length
            ? text.Append(CultureInfo.InvariantCulture, $" (cut from {value.Length} characters)").ToString()
            : text.ToString();
    }
}
