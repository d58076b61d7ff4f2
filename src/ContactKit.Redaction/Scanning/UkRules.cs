using System.Text.RegularExpressions;

namespace ContactKit.Redaction;

/// <summary>
/// The shapes of UK identifiers the redactor finds in running text. The National Insurance number rules are HMRC's
/// (National Insurance Manual NIM39110): two prefix letters, six digits and a suffix A to D; the first letter is never
/// D, F, I, Q, U or V; the second never D, F, I, O, Q, U or V; and the prefixes BG, GB, KN, NK, NT, TN and ZZ are never
/// issued. Postcodes follow Royal Mail's outward and inward code rules.
/// </summary>
internal static partial class UkRules
{
    /// <summary>Two letters, six digits in pairs (spaces allowed between the parts) and a suffix letter.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2} ?\d\d ?\d\d ?\d\d ?[A-Da-d](?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex NationalInsuranceShape();

    /// <summary>A UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A), an optional space, inward code (9AA).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex Postcode();

    /// <summary>Whether two letters may begin a National Insurance number under HMRC's rules.</summary>
    public static bool IsNationalInsurancePrefix(char first, char second)
    {
        first = char.ToUpperInvariant(first);
        second = char.ToUpperInvariant(second);
        if ("DFIQUV".Contains(first, StringComparison.Ordinal) || "DFIOQUV".Contains(second, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> prefix = [first, second];
        return prefix is not ("BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ");
    }

    /// <summary>The most characters a postcode has before its inward code's digit: four of the outward code and a space.</summary>
    public const int PostcodeLeadLength = 5;

    /// <summary>The most characters a National Insurance number has before its last digit: two letters, three spaces, five digits.</summary>
    public const int NationalInsuranceLeadLength = 10;

    /// <summary>
    /// Where the text first has what every postcode ends in (a digit and two letters, then no letter or digit): the digit,
    /// or -1. Most messages have none, and the regular expression, which looks behind at every position, is then not run
    /// at all; otherwise it is run from just before it.
    /// </summary>
    public static int PostcodeEnding(string text)
    {
        for (var i = text.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0 && i + 2 < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && char.IsAsciiLetter(text[i + 1]) && char.IsAsciiLetter(text[i + 2]) &&
                (i + 3 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 3])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where the text first has what every National Insurance number ends in (a digit, perhaps a space, and a suffix
    /// letter A to D, then no letter or digit): the digit, or -1.
    /// </summary>
    public static int NationalInsuranceEnding(string text)
    {
        for (var i = text.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0 && i + 1 < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var suffix = text[i + 1] == ' ' && i + 2 < text.Length ? i + 2 : i + 1;
            if (text[suffix] is >= 'A' and <= 'D' or >= 'a' and <= 'd' &&
                (suffix + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[suffix + 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
