using System.Collections.Frozen;

namespace ContactKit.Redaction;

/// <summary>
/// The small vocabulary the detectors understand: digit words as speech-to-text writes them, hesitations, and the cue
/// words that put a number in context. One hash lookup per word, ignoring case, without allocating.
/// </summary>
internal static class Words
{
    private const int LongestWord = 12;

    private static readonly FrozenDictionary<string, (WordClass Class, byte Value)> Vocabulary = Build();

    private static readonly FrozenDictionary<string, (WordClass Class, byte Value)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> TopLevelDomains = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "com", "uk", "org", "net", "io", "info", "biz", "gov", "ac", "edu", "me", "eu", "ie", "de", "fr", "us", "co");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DomainLookup =
        TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    // For each word length and first letter, the last letters (bit 0 for 'a', bit 26 for the digit 2) of the words in the
    // vocabulary: most words of a message are ruled out by this before they are looked up.
    private static readonly uint[] LastLetters = BuildLastLetters();

    // The vocabulary again, each word packed into a number, five bits a character (a-z as 1-26, the digit 2 as 27, the
    // only other character in it): twelve characters fit in 60 bits, and a number is looked up far faster than text
    // ignoring case.
    private static readonly FrozenDictionary<ulong, (WordClass Class, byte Value)> Packed =
        Vocabulary.ToFrozenDictionary(pair => Pack(pair.Key), pair => pair.Value);

    /// <summary>The word's class and value; most words are ruled out here, inline, without a call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static (WordClass Class, byte Value) Classify(ReadOnlySpan<char> w)
    {
        if (w.Length > LongestWord || w.Length == 0 || (w[0] | 0x20) is not (var first and >= 'a' and <= 'z') ||
            (LastLetters[(w.Length * 26) + first - 'a'] & LastBit(w[^1])) == 0)
        {
            return (WordClass.Other, 0);
        }

        return Look(w);
    }

    /// <summary>Looks up a word that passed the cheap checks.</summary>
    private static (WordClass Class, byte Value) Look(ReadOnlySpan<char> w)
    {
        var key = Pack(w);
        if (key != 0)
        {
            return Packed.TryGetValue(key, out var found) ? found : (WordClass.Other, (byte)0);
        }

        // A character outside a-z and 2. An ASCII one cannot match any word, ignoring case; another may (the dotless i
        // is an I ignoring case), so the text itself is looked up.
        return w.ContainsAnyExceptInRange('\0', '\u007f') && Lookup.TryGetValue(w, out var other) ? other : (WordClass.Other, (byte)0);
    }

    /// <summary>The bit of a last character in <see cref="LastLetters"/>; every bit for a character outside ASCII, which
    /// may match a letter ignoring case; none for any other ASCII character, which matches no word.</summary>
    private static uint LastBit(char c) =>
        (c | 0x20) is var lower and >= 'a' and <= 'z' ? 1u << (lower - 'a') : c == '2' ? 1u << 26 : c < 128 ? 0 : uint.MaxValue;

    private static uint[] BuildLastLetters()
    {
        var letters = new uint[(LongestWord + 1) * 26];
        foreach (var word in Vocabulary.Keys)
        {
            letters[(word.Length * 26) + char.ToLowerInvariant(word[0]) - 'a'] |= LastBit(word[^1]);
        }

        return letters;
    }

    /// <summary>The word packed five bits a character, ignoring case; 0 when it has a character outside a-z and 2.</summary>
    private static ulong Pack(ReadOnlySpan<char> w)
    {
        var key = 0UL;
        foreach (var c in w)
        {
            var code = (c | 0x20) is var lower and >= 'a' and <= 'z' ? lower - 'a' + 1 : c == '2' ? 27 : 0;
            if (code == 0)
            {
                return 0;
            }

            key = (key << 5) | (uint)code;
        }

        return key;
    }

    /// <summary>Top-level domains accepted after a spoken "dot".</summary>
    public static bool IsTopLevelDomain(ReadOnlySpan<char> w) => DomainLookup.Contains(w);

    private static FrozenDictionary<string, (WordClass, byte)> Build()
    {
        var words = new Dictionary<string, (WordClass, byte)>(StringComparer.OrdinalIgnoreCase);
        void Add(WordClass cls, byte value, params string[] list)
        {
            foreach (var word in list)
            {
                words[word] = (cls, value);
            }
        }

        string[] digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (byte d = 0; d < 10; d++)
        {
            Add(WordClass.Digit, d, digits[d]);
        }

        Add(WordClass.Digit, 0, "oh", "o", "nought");
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (byte t = 0; t < 10; t++)
        {
            Add(WordClass.Teen, (byte)(10 + t), teens[t]);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (byte t = 0; t < tens.Length; t++)
        {
            Add(WordClass.Tens, (byte)(20 + (t * 10)), tens[t]);
        }

        Add(WordClass.Double, 0, "double");
        Add(WordClass.Triple, 0, "triple");
        Add(WordClass.Hesitation, 0, "um", "uh", "er", "ah", "mm", "erm", "umm", "uhm", "hmm");
        Add(WordClass.DotWord, 0, "dot", "point");
        Add(WordClass.AtWord, 0, "at");
        Add(WordClass.Connector, 0, "dash", "hyphen", "underscore");
        Add(WordClass.CardCue, 0, "card", "visa", "amex", "pan", "debit", "credit", "mastercard");
        Add(WordClass.SecurityCue, 0, "cvv", "cvc", "cv2", "csc", "cvv2", "back", "security", "verification");
        Add(WordClass.ExpiryCue, 0, "exp", "valid", "expiry", "expire", "expires", "expired", "expiring", "expiration");
        Add(WordClass.SortCue, 0, "sort");
        Add(WordClass.AccountCue, 0, "acc", "acct", "account");
        Add(WordClass.EndingCue, 0, "ends", "last", "ending");
        Add(WordClass.NegativeCue, 0, "ref", "case", "order", "parcel", "ticket", "refund", "invoice", "booking", "tracking", "shipment", "reference");
        Add(WordClass.MoneyUnit, 0, "p", "quid", "pence", "euros", "pound", "pounds", "dollars");
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[] shortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (byte m = 0; m < 12; m++)
        {
            Add(WordClass.Month, (byte)(m + 1), months[m], shortMonths[m]);
        }

        Add(WordClass.Month, 9, "sept");
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
