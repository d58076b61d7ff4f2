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

    // For each word length, the first letters (bit 0 for 'a') that begin a word of that length in the vocabulary: most
    // words of a message are ruled out by this before the dictionary is asked.
    private static readonly uint[] FirstLetters = BuildFirstLetters();

    public static (WordClass Class, byte Value) Classify(ReadOnlySpan<char> w) =>
        w.Length <= LongestWord && w.Length > 0 && (w[0] | 0x20) is var first and >= 'a' and <= 'z' &&
        (FirstLetters[w.Length] & (1u << (first - 'a'))) != 0 && Lookup.TryGetValue(w, out var found)
            ? found
            : (WordClass.Other, (byte)0);

    private static uint[] BuildFirstLetters()
    {
        var letters = new uint[LongestWord + 1];
        foreach (var word in Vocabulary.Keys)
        {
            letters[word.Length] |= 1u << (char.ToLowerInvariant(word[0]) - 'a');
        }

        return letters;
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
