using System.Text;

namespace ContactKit.DataSubjects;

/// <summary>Shared steps of the identifier parsers.</summary>
internal static class IdentifierText
{
    /// <summary>The character shown in place of a hidden one.</summary>
    public const char Mask = '\u2022';

    /// <summary>The longest input any identifier parser reads; longer text is refused before any work is done.</summary>
    public const int MaxInput = 320;

    /// <summary>Removes every white-space character and upper-cases ASCII letters.</summary>
    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Builds a parse error; the refused text is left out of the message because it is personal data.</summary>
    public static ContactKitError Invalid(string code, string what, string rule, string field) =>
        new(code, $"Not a valid {what}: {rule}. The value is not repeated here because it is personal data.", field);

    /// <summary>Whether every character is an ASCII upper-case letter.</summary>
    public static bool AllLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every character is an ASCII digit.</summary>
    public static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces every letter and digit with the mask character, keeping spaces and punctuation.</summary>
    public static string MaskAll(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? Mask : c);
        }

        return builder.ToString();
    }
}
