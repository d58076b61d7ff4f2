namespace ContactKit.Redaction.Scanning;

/// <summary>
/// The small vocabulary the detectors understand: digit words as speech-to-text writes them, hesitations, and the cue
/// words that put a number in context. Everything is compared ordinally ignoring case, without allocating.
/// </summary>
internal static class Words
{
    public static (WordClass Class, byte Value) Classify(ReadOnlySpan<char> w)
    {
        switch (w.Length)
        {
            case 1:
                if (Is(w, "o")) return (WordClass.Digit, 0);
                if (Is(w, "p")) return (WordClass.MoneyUnit, 0);
                break;
            case 2:
                if (Is(w, "oh")) return (WordClass.Digit, 0);
                if (Is(w, "um") || Is(w, "uh") || Is(w, "er") || Is(w, "ah") || Is(w, "mm")) return (WordClass.Hesitation, 0);
                if (Is(w, "at")) return (WordClass.AtWord, 0);
                break;
            case 3:
                if (Is(w, "one")) return (WordClass.Digit, 1);
                if (Is(w, "two")) return (WordClass.Digit, 2);
                if (Is(w, "six")) return (WordClass.Digit, 6);
                if (Is(w, "ten")) return (WordClass.Teen, 10);
                if (Is(w, "erm") || Is(w, "umm") || Is(w, "uhm") || Is(w, "hmm")) return (WordClass.Hesitation, 0);
                if (Is(w, "dot")) return (WordClass.DotWord, 0);
                if (Is(w, "cvv") || Is(w, "cvc") || Is(w, "cv2") || Is(w, "csc")) return (WordClass.SecurityCue, 0);
                if (Is(w, "exp")) return (WordClass.ExpiryCue, 0);
                if (Is(w, "acc")) return (WordClass.AccountCue, 0);
                if (Is(w, "ref")) return (WordClass.NegativeCue, 0);
                if (Is(w, "pan")) return (WordClass.CardCue, 0);
                if (Month(w) is var m and > 0) return (WordClass.Month, m);
                break;
            case 4:
                if (Is(w, "zero")) return (WordClass.Digit, 0);
                if (Is(w, "four")) return (WordClass.Digit, 4);
                if (Is(w, "five")) return (WordClass.Digit, 5);
                if (Is(w, "nine")) return (WordClass.Digit, 9);
                if (Is(w, "dash")) return (WordClass.Connector, 0);
                if (Is(w, "card") || Is(w, "visa") || Is(w, "amex")) return (WordClass.CardCue, 0);
                if (Is(w, "cvv2") || Is(w, "back")) return (WordClass.SecurityCue, 0);
                if (Is(w, "sort")) return (WordClass.SortCue, 0);
                if (Is(w, "acct")) return (WordClass.AccountCue, 0);
                if (Is(w, "ends") || Is(w, "last")) return (WordClass.EndingCue, 0);
                if (Is(w, "case")) return (WordClass.NegativeCue, 0);
                if (Is(w, "quid")) return (WordClass.MoneyUnit, 0);
                if (Month(w) is var m4 and > 0) return (WordClass.Month, m4);
                break;
            case 5:
                if (Is(w, "three")) return (WordClass.Digit, 3);
                if (Is(w, "seven")) return (WordClass.Digit, 7);
                if (Is(w, "eight")) return (WordClass.Digit, 8);
                if (Is(w, "forty")) return (WordClass.Tens, 40);
                if (Is(w, "fifty")) return (WordClass.Tens, 50);
                if (Is(w, "sixty")) return (WordClass.Tens, 60);
                if (Is(w, "point")) return (WordClass.DotWord, 0);
                if (Is(w, "debit")) return (WordClass.CardCue, 0);
                if (Is(w, "valid")) return (WordClass.ExpiryCue, 0);
                if (Is(w, "order")) return (WordClass.NegativeCue, 0);
                if (Is(w, "pence") || Is(w, "euros") || Is(w, "pound")) return (WordClass.MoneyUnit, 0);
                if (Month(w) is var m5 and > 0) return (WordClass.Month, m5);
                break;
            case 6:
                if (Is(w, "double")) return (WordClass.Double, 0);
                if (Is(w, "triple")) return (WordClass.Triple, 0);
                if (Is(w, "twelve")) return (WordClass.Teen, 12);
                if (Is(w, "eleven")) return (WordClass.Teen, 11);
                if (Is(w, "twenty")) return (WordClass.Tens, 20);
                if (Is(w, "thirty")) return (WordClass.Tens, 30);
                if (Is(w, "eighty")) return (WordClass.Tens, 80);
                if (Is(w, "ninety")) return (WordClass.Tens, 90);
                if (Is(w, "nought")) return (WordClass.Digit, 0);
                if (Is(w, "hyphen")) return (WordClass.Connector, 0);
                if (Is(w, "credit")) return (WordClass.CardCue, 0);
                if (Is(w, "expiry") || Is(w, "expire")) return (WordClass.ExpiryCue, 0);
                if (Is(w, "ending")) return (WordClass.EndingCue, 0);
                if (Is(w, "parcel") || Is(w, "ticket") || Is(w, "refund")) return (WordClass.NegativeCue, 0);
                if (Is(w, "pounds")) return (WordClass.MoneyUnit, 0);
                if (Month(w) is var m6 and > 0) return (WordClass.Month, m6);
                break;
            case 7:
                if (Is(w, "fifteen")) return (WordClass.Teen, 15);
                if (Is(w, "sixteen")) return (WordClass.Teen, 16);
                if (Is(w, "seventy")) return (WordClass.Tens, 70);
                if (Is(w, "expires") || Is(w, "expired")) return (WordClass.ExpiryCue, 0);
                if (Is(w, "account")) return (WordClass.AccountCue, 0);
                if (Is(w, "invoice") || Is(w, "booking")) return (WordClass.NegativeCue, 0);
                if (Is(w, "dollars")) return (WordClass.MoneyUnit, 0);
                if (Month(w) is var m7 and > 0) return (WordClass.Month, m7);
                break;
            case 8:
                if (Is(w, "thirteen")) return (WordClass.Teen, 13);
                if (Is(w, "fourteen")) return (WordClass.Teen, 14);
                if (Is(w, "eighteen")) return (WordClass.Teen, 18);
                if (Is(w, "nineteen")) return (WordClass.Teen, 19);
                if (Is(w, "security")) return (WordClass.SecurityCue, 0);
                if (Is(w, "expiring")) return (WordClass.ExpiryCue, 0);
                if (Is(w, "tracking") || Is(w, "shipment")) return (WordClass.NegativeCue, 0);
                if (Month(w) is var m8 and > 0) return (WordClass.Month, m8);
                break;
            case 9:
                if (Is(w, "seventeen")) return (WordClass.Teen, 17);
                if (Month(w) is var m9 and > 0) return (WordClass.Month, m9);
                if (Is(w, "reference")) return (WordClass.NegativeCue, 0);
                break;
            case 10:
                if (Is(w, "underscore")) return (WordClass.Connector, 0);
                if (Is(w, "mastercard")) return (WordClass.CardCue, 0);
                if (Is(w, "expiration")) return (WordClass.ExpiryCue, 0);
                break;
            default:
                if (Is(w, "verification")) return (WordClass.SecurityCue, 0);
                break;
        }

        return (WordClass.Other, 0);
    }

    private static bool Is(ReadOnlySpan<char> w, string word) => w.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] MonthShort =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The month a word names (1-12), or 0.</summary>
    public static byte Month(ReadOnlySpan<char> w)
    {
        for (var i = 0; i < 12; i++)
        {
            if (Is(w, MonthNames[i]) || Is(w, MonthShort[i]) || (i == 8 && Is(w, "sept")))
            {
                return (byte)(i + 1);
            }
        }

        return 0;
    }

    /// <summary>Top-level domains accepted after a spoken "dot".</summary>
    public static bool IsTopLevelDomain(ReadOnlySpan<char> w) =>
        Is(w, "com") || Is(w, "uk") || Is(w, "org") || Is(w, "net") || Is(w, "io") || Is(w, "info") || Is(w, "biz") ||
        Is(w, "gov") || Is(w, "ac") || Is(w, "edu") || Is(w, "me") || Is(w, "eu") || Is(w, "ie") || Is(w, "de") ||
        Is(w, "fr") || Is(w, "us") || Is(w, "co");
}
