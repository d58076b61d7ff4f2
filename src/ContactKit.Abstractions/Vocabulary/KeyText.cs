namespace ContactKit;

/// <summary>The rule for vocabulary keys: lower-case ASCII letters, digits and underscores, starting with a letter.</summary>
internal static class KeyText
{
    public static bool IsSegment(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty || !char.IsAsciiLetterLower(segment[0]))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
