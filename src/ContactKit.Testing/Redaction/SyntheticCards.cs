using System.Text;

namespace ContactKit.Testing;

/// <summary>How a synthetic card number is written or said.</summary>
public enum CardWriting
{
    /// <summary>Groups separated by spaces: <c>4111 1111 1111 1111</c>.</summary>
    Spaces = 1,

    /// <summary>Groups separated by dashes.</summary>
    Dashes = 2,

    /// <summary>Groups separated by dots.</summary>
    Dots = 3,

    /// <summary>All digits together.</summary>
    Plain = 4,

    /// <summary>As speech-to-text writes a card read aloud: digit words, "oh", "double", "triple", pairs, hesitations.</summary>
    Spoken = 5,

    /// <summary>Some groups in digits, some in words.</summary>
    Mixed = 6,
}

/// <summary>Synthetic payment card numbers and the ways people write and say them. Deterministic for a given <see cref="Random"/>.</summary>
public static class SyntheticCards
{
    private static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] TeenWords = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] TensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] Hesitations = ["um", "uh", "er", "erm"];

    /// <summary>A Luhn-valid card number in a real scheme's range: Visa (13, 16 or 19 digits), Mastercard (51-55 and 2221-2720), American Express, Discover, JCB, Maestro or Diners Club.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The digits.</returns>
    public static string Create(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (prefix, length) = random.Next(12) switch
        {
            0 or 1 or 2 or 3 => ("4", random.Next(10) == 0 ? 13 : random.Next(10) == 0 ? 19 : 16),
            4 or 5 => ((51 + random.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture), 16),
            6 => ((2221 + random.Next(500)).ToString(System.Globalization.CultureInfo.InvariantCulture), 16),
            7 => (random.Next(2) == 0 ? "34" : "37", 15),
            8 => ("6011", 16),
            9 => ((3528 + random.Next(62)).ToString(System.Globalization.CultureInfo.InvariantCulture), 16),
            10 => (random.Next(2) == 0 ? "6759" : "5018", 16 + random.Next(4)),
            _ => ("36", 14),
        };
        var digits = new StringBuilder(prefix);
        while (digits.Length < length - 1)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        digits.Append(LuhnCheckDigit(digits.ToString()));
        return digits.ToString();
    }

    /// <summary>The digit that makes a number pass the Luhn check.</summary>
    /// <param name="body">The number without its check digit.</param>
    /// <returns>The check digit.</returns>
    public static char LuhnCheckDigit(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>The groups a card is read in: 4-6-5 for 15-digit American Express, 4-6-4 for 14 digits, else fours.</summary>
    /// <param name="digits">The card number.</param>
    /// <returns>The groups, in order.</returns>
    public static IReadOnlyList<string> Groups(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        int[] sizes = digits.Length switch
        {
            15 => [4, 6, 5],
            14 => [4, 6, 4],
            _ => [.. Enumerable.Repeat(4, digits.Length / 4).Concat(digits.Length % 4 == 0 ? [] : new[] { digits.Length % 4 })],
        };
        var groups = new List<string>();
        var at = 0;
        foreach (var size in sizes)
        {
            groups.Add(digits.Substring(at, size));
            at += size;
        }

        return groups;
    }

    /// <summary>Writes groups of digits in one way, joined with the separator that way uses.</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="writing">The way.</param>
    /// <param name="random">The source of randomness for spoken forms.</param>
    /// <returns>The text.</returns>
    public static string Write(IReadOnlyList<string> groups, CardWriting writing, Random random)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(random);
        switch (writing)
        {
            case CardWriting.Spaces: return string.Join(' ', groups);
            case CardWriting.Dashes: return string.Join('-', groups);
            case CardWriting.Dots: return string.Join('.', groups);
            case CardWriting.Plain: return string.Concat(groups);
            default:
                var text = new StringBuilder();
                for (var g = 0; g < groups.Count; g++)
                {
                    if (g > 0)
                    {
                        // After a tens word ("forty") a plain space before a digit word would read as one pair ("forty
                        // five"); a person pauses there, which speech-to-text writes as a comma.
                        var ambiguous = EndsWithTens(text);
                        text.Append(ambiguous ? ", " : random.Next(5) switch
                        {
                            0 => ", ",
                            1 => " " + Hesitations[random.Next(Hesitations.Length)] + " ",
                            2 => ", " + Hesitations[random.Next(Hesitations.Length)] + ", ",
                            _ => " ",
                        });
                    }

                    text.Append(writing == CardWriting.Mixed && random.Next(2) == 0 ? groups[g] : Say(groups[g], random));
                }

                return text.ToString();
        }
    }

    /// <summary>Says digits as speech-to-text writes them: single digit words (zero as "oh", "zero" or "nought"),
    /// "double" and "triple" for repeats, or pairs such as "forty five".</summary>
    /// <param name="digits">The digits.</param>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The words.</returns>
    public static string Say(string digits, Random random)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(random);
        var words = new List<string>();
        var pairs = random.Next(3) == 0;
        var i = 0;
        while (i < digits.Length)
        {
            var d = digits[i] - '0';
            if (pairs && i + 1 < digits.Length && d > 0)
            {
                var e = digits[i + 1] - '0';
                var lastPair = i + 2 == digits.Length;

                // "forty" followed by a digit word would be heard as one pair ("forty five"), so a round pair is said
                // as "four oh" unless it ends the group.
                words.Add(d == 1 ? TeenWords[e] : e != 0 ? TensWords[d] + " " + DigitWords[e] : lastPair ? TensWords[d] : DigitWords[d] + " oh");
                i += 2;
                continue;
            }

            var run = 1;
            while (i + run < digits.Length && digits[i + run] == digits[i] && run < 3)
            {
                run++;
            }

            if (run == 3 && random.Next(2) == 0)
            {
                words.Add("triple " + Digit(d, random));
                i += 3;
                continue;
            }

            if (run >= 2 && random.Next(2) == 0)
            {
                words.Add("double " + Digit(d, random));
                i += 2;
                continue;
            }

            words.Add(Digit(d, random));
            i++;
        }

        return string.Join(' ', words);
    }

    private static bool EndsWithTens(StringBuilder text)
    {
        var s = text.ToString();
        return TensWords.Any(t => t.Length > 0 && s.EndsWith(t, StringComparison.Ordinal));
    }

    private static string Digit(int d, Random random) =>
        d != 0 ? DigitWords[d] : random.Next(3) switch { 0 => "oh", 1 => "zero", _ => "nought" };
}
