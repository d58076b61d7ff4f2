using System.Globalization;

namespace ContactKit.Redaction;

/// <summary>
/// Whether libphonenumber's matcher could find a telephone number in a message, asked before the matcher itself, which
/// is by far the dearest step. It is a necessary condition only, so it never drops a number the matcher would find:
/// libphonenumber stays the judge of what is a number. For region GB the matcher reads a run of digits (any decimal
/// digits, not only ASCII ones) broken by at most four punctuation characters, never takes one that starts right after a
/// Latin letter, and accepts it only when it starts in one of these ways, which libphonenumber's metadata for +44 sets
/// (a test checks them against it):
/// <list type="bullet">
/// <item>after a plus sign: a country code and a national number, at least <see cref="ShortestInternational"/> digits;</item>
/// <item>with the international prefix 00: the same after it;</item>
/// <item>with the national prefix 0, the country code 44 (perhaps with the 0 after it, <c>44 (0)20</c>) or the text relay
/// prefix 180020, followed by a UK national number: 9 or 10 digits, or 7 starting with 8 (<c>0800 1111</c>,
/// <c>0845 46 47</c>).</item>
/// </list>
/// A UK number written without its national prefix (<c>7911 123456</c>) is not taken by the matcher, so a run that starts
/// nowhere in one of these ways (the parts of a split card, most order and tracking numbers, a date) cannot hold one.
/// </summary>
internal static class TelephoneCandidates
{
    /// <summary>The fewest digits after a plus sign: a country code and the shortest national number any country has.</summary>
    public const int ShortestInternational = 6;

    /// <summary>The fewest digits of a number not written after a plus sign: 0 or 00 and 7 or 6 digits after it.</summary>
    public const int ShortestWithoutPlus = 8;

    /// <summary>The fewest digits of a UK national number; one this short starts with 8.</summary>
    public const int ShortestNational = 7;

    /// <summary>The fewest digits of a UK national number that may start with any digit UK numbers start with.</summary>
    public const int ShortestNationalAnyStart = 9;

    /// <summary>The most punctuation characters the matcher allows between two groups of digits.</summary>
    public const int MaxSeparators = 4;

    private static ReadOnlySpan<byte> TextRelay => [1, 8, 0, 0, 2, 0];

    // Where a group no number can start at is marked among the group starts.
    private const byte NoStart = byte.MaxValue;

    // A run longer than this is handed to the matcher without looking further.
    private const int MaxRunDigits = 64;
    private const int MaxRunGroups = 32;

    /// <summary>
    /// Whether the text, outside the stretches already removed (a number that overlaps one is not taken), holds a run of
    /// digits that could be a telephone number. The tokenizer's count of ASCII digits rules out most messages at once.
    /// </summary>
    /// <param name="text">The message text.</param>
    /// <param name="removed">The values already found in it.</param>
    /// <param name="asciiDigits">How many ASCII digits the text holds.</param>
    /// <param name="asciiOnly">Whether every character is ASCII, so that no other digit can be in it.</param>
    public static bool MayHoldNumber(ReadOnlySpan<char> text, List<Detection> removed, int asciiDigits, bool asciiOnly)
    {
        if (asciiOnly && (asciiDigits < ShortestInternational ||
            (asciiDigits < ShortestWithoutPlus && !text.ContainsAny('+', '\uFF0B'))))
        {
            return false;
        }

        // Each stretch between removed ones is read on its own: a number cannot reach across a removed value.
        var at = 0;
        while (at < text.Length)
        {
            var (cutStart, cutEnd) = NextRemoved(removed, at, text.Length);
            if (cutStart > at && MayHoldNumber(text[at..cutStart], asciiOnly))
            {
                return true;
            }

            at = Math.Max(cutEnd, at + 1);
        }

        return false;
    }

    /// <summary>The removed stretch that starts first among those ending after <paramref name="at"/>, or the end of the text.</summary>
    private static (int Start, int End) NextRemoved(List<Detection> removed, int at, int length)
    {
        var start = length;
        var end = length;
        foreach (var d in removed)
        {
            if (d.End > at && d.Start < start)
            {
                (start, end) = (Math.Max(d.Start, at), d.End);
            }
        }

        return (start, end);
    }

    /// <summary>Whether a stretch with nothing removed in it holds a run of digits that could be a telephone number.</summary>
    private static bool MayHoldNumber(ReadOnlySpan<char> text, bool asciiOnly)
    {
        if (asciiOnly)
        {
            // Read from a little before the first digit: far enough back for the plus sign and brackets that may lead it.
            var first = text.IndexOfAnyInRange('0', '9');
            if (first < 0)
            {
                return false;
            }

            text = text[Math.Max(0, first - (2 * (MaxSeparators + 1)))..];
        }

        Span<byte> digits = stackalloc byte[MaxRunDigits];
        Span<byte> groups = stackalloc byte[MaxRunGroups];
        var run = new Run(digits, groups);
        var inGroup = false;
        var afterLetter = false;
        foreach (var c in text)
        {
            var digit = DigitValue(c);
            if (digit >= 0)
            {
                if (!inGroup)
                {
                    if (run.Separators > MaxSeparators && run.Count > 0)
                    {
                        if (run.MayHoldNumber())
                        {
                            return true;
                        }

                        run.Restart(plusBefore: false);
                    }

                    if (!run.StartGroup(canStart: !afterLetter))
                    {
                        return true; // too long to read here: the matcher decides
                    }

                    inGroup = true;
                }

                if (!run.Add(digit))
                {
                    return true;
                }

                continue;
            }

            inGroup = false;
            afterLetter = char.IsAsciiLetter(c);
            var plus = c is '+' or '\uFF0B';
            if (plus || (char.IsAsciiLetter(c) && (c | 0x20) != 'x'))
            {
                // A plus sign starts a new number; a letter (other than the x of an extension) ends one.
                if (run.MayHoldNumber())
                {
                    return true;
                }

                run.Restart(plusBefore: plus);
                continue;
            }

            run.Separators++;
        }

        return run.MayHoldNumber();
    }

    /// <summary>The value of a decimal digit in any script (what the matcher's <c>\d</c> matches), or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int DigitValue(char c) =>
        char.IsAsciiDigit(c) ? c - '0' : c >= 128 && char.IsDigit(c) ? CharUnicodeInfo.GetDecimalDigitValue(c) : -1;

    /// <summary>The digits of one run and where each of its groups starts among them.</summary>
    private ref struct Run(Span<byte> digits, Span<byte> groups)
    {
        private readonly Span<byte> _digits = digits;
        private readonly Span<byte> _groups = groups;
        private int _groupCount;
        private bool _plusBefore;

        public int Count { get; private set; }

        public int Separators { get; set; }

        public void Restart(bool plusBefore)
        {
            Count = 0;
            _groupCount = 0;
            Separators = 0;
            _plusBefore = plusBefore;
        }

        /// <summary>Starts a group of digits; one right after a Latin letter is read, but no number starts there.</summary>
        public bool StartGroup(bool canStart)
        {
            if (_groupCount == _groups.Length)
            {
                return false;
            }

            _groups[_groupCount++] = (byte)(canStart ? Count : NoStart);
            return true;
        }

        public bool Add(int digit)
        {
            if (Count == _digits.Length)
            {
                return false;
            }

            _digits[Count++] = (byte)digit;
            Separators = 0;
            return true;
        }

        /// <summary>Whether a number could start at one of the run's groups and have the digits it needs to the run's end.</summary>
        public readonly bool MayHoldNumber()
        {
            for (var g = 0; g < _groupCount; g++)
            {
                if (_groups[g] == NoStart)
                {
                    continue;
                }

                var d = (ReadOnlySpan<byte>)_digits[_groups[g]..Count];
                if ((g == 0 && _plusBefore && d.Length >= ShortestInternational) ||
                    (d.Length > 2 && d[0] == 0 && (d[1] == 0 ? d.Length >= 2 + ShortestInternational : IsNational(d[1..]))) ||
                    (d.Length > 3 && d[0] == 4 && d[1] == 4 && (IsNational(d[2..]) || (d[2] == 0 && IsNational(d[3..])))) ||
                    (d.StartsWith(TextRelay) && IsNational(d[TextRelay.Length..])))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the digits could begin with a UK national number.</summary>
        private static bool IsNational(ReadOnlySpan<byte> d) =>
            d.Length >= ShortestNationalAnyStart || (d.Length >= ShortestNational && d[0] == 8);
    }
}
