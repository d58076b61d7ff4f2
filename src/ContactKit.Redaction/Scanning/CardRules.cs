namespace ContactKit.Redaction;

/// <summary>
/// Whether a run of digits is a payment card number: 13 to 19 digits, the Luhn check (ISO/IEC 7812-1 annex B), and an
/// issuer identification number in a range that card schemes issue payment cards from.
/// </summary>
internal static class CardRules
{
    public const int MinLength = 13;
    public const int MaxLength = 19;

    public static bool IsCard(ReadOnlySpan<char> digits, CardPolicy policy) =>
        digits.Length is >= MinLength and <= MaxLength &&
        (policy == CardPolicy.Conservative || (PassesLuhn(digits) && InIssuerRange(digits)));

    /// <summary>
    /// For each prefix of one to four digits (indexed by its length, then its value), the card lengths (as bits 13 to
    /// 19) that some issuer range starting with that prefix issues.
    /// </summary>
    private static readonly int[][] LengthsByPrefix = BuildLengthsByPrefix();

    /// <summary>
    /// Whether these digits could be the start of a card that has more digits still to come: a longer number starting
    /// with them is in an issuer range (under the conservative policy, any run shorter than the longest card). The Luhn
    /// check is not asked: one more digit can always satisfy it.
    /// </summary>
    public static bool CanContinue(ReadOnlySpan<char> digits, CardPolicy policy)
    {
        if (digits.IsEmpty || digits.Length >= MaxLength)
        {
            return false;
        }

        if (policy == CardPolicy.Conservative)
        {
            return true;
        }

        var known = Math.Min(digits.Length, 4);
        var prefix = 0;
        for (var i = 0; i < known; i++)
        {
            prefix = (prefix * 10) + (digits[i] - '0');
        }

        // Only lengths beyond the digits already given can still come.
        return (LengthsByPrefix[known][prefix] >> (digits.Length + 1)) != 0;
    }

    private static int[][] BuildLengthsByPrefix()
    {
        var tables = new[] { new int[1], new int[10], new int[100], new int[1000], new int[10_000] };
        Span<char> number = stackalloc char[MaxLength];
        number.Fill('0');
        for (var four = 0; four < 10_000; four++)
        {
            number[0] = (char)('0' + (four / 1000));
            number[1] = (char)('0' + (four / 100 % 10));
            number[2] = (char)('0' + (four / 10 % 10));
            number[3] = (char)('0' + (four % 10));
            var lengths = 0;
            for (var length = MinLength; length <= MaxLength; length++)
            {
                lengths |= InIssuerRange(number[..length]) ? 1 << length : 0;
            }

            tables[4][four] = lengths;
            tables[3][four / 10] |= lengths;
            tables[2][four / 100] |= lengths;
            tables[1][four / 1000] |= lengths;
        }

        return tables;
    }

    /// <summary>The Luhn (mod 10) check: doubling every second digit from the right, the sum is a multiple of 10.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// The payment-card IIN ranges and the lengths each issues (major industry identifiers 2 to 6 of ISO/IEC 7812):
    /// Visa 4 (13, 16, 19); Mastercard 51-55 and 2221-2720 (16); Mir 2200-2204 (16-19); American Express 34, 37 (15);
    /// Diners Club 300-305, 3095, 36, 38, 39 (14-19); JCB 3528-3589 (16-19); Maestro, Discover, UnionPay, RuPay and other
    /// schemes in 50 and 56-69 (13-19). Anything starting 0, 1, 7, 8 or 9 is not a payment card.
    /// </summary>
    public static bool InIssuerRange(ReadOnlySpan<char> d)
    {
        var length = d.Length;
        var two = ((d[0] - '0') * 10) + (d[1] - '0');
        var four = (two * 100) + ((d[2] - '0') * 10) + (d[3] - '0');
        return d[0] switch
        {
            '4' => length is 13 or 16 or 19,
            '2' => (four is >= 2221 and <= 2720 && length == 16) || (four is >= 2200 and <= 2204 && length >= 16),
            '5' => two is >= 51 and <= 55 ? length == 16 : two is 50 or >= 56,
            '6' => true,
            '3' => two switch
            {
                34 or 37 => length == 15,
                36 or 38 or 39 => length >= 14,
                30 => (four is >= 3000 and <= 3059 || four == 3095) && length >= 14,
                35 => four is >= 3528 and <= 3589 && length >= 16,
                _ => false,
            },
            _ => false,
        };
    }
}
