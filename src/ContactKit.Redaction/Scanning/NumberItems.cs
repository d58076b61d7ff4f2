namespace ContactKit.Redaction;

/// <summary>
/// One number as written or said: a run of digits (<c>4111</c>), a digit word (<c>four</c>, <c>oh</c>), a repeat
/// (<c>double four</c>), a pair (<c>forty five</c>) or a teen (<c>fifteen</c>). Its digits are kept in a shared buffer.
/// </summary>
internal struct NumberItem
{
    public int Message;
    public int Start;
    public int End;
    public int FirstToken;
    public int LastToken;
    public int DigitStart;
    public int DigitCount;
    public bool Consumed;

    /// <summary>Consumed by a card that reaches the end of its message, so the next message may still lengthen it.</summary>
    public bool CardTail;

    /// <summary>Inside a card found already, after its first item: a card still to be completed cannot start here.</summary>
    public bool InsideCard;

    public readonly bool CanCarry => !Consumed || CardTail;
}

/// <summary>Items that follow one another with only spaces, dashes, dots, commas or hesitations between them.</summary>
/// <param name="First">The first item's index.</param>
/// <param name="Count">How many items.</param>
internal readonly record struct Chain(int First, int Count)
{
    public int Last => First + Count - 1;
}

/// <summary>A growing list of items and their digits, reused from message to message.</summary>
internal sealed class ItemList
{
    private char[] _digits = new char[32];

    public List<NumberItem> Items { get; } = [];

    public int DigitLength { get; private set; }

    public void Clear()
    {
        Items.Clear();
        DigitLength = 0;
    }

    public ReadOnlySpan<char> Digits(int firstItem, int lastItem)
    {
        var start = Items[firstItem].DigitStart;
        var end = Items[lastItem].DigitStart + Items[lastItem].DigitCount;
        return _digits.AsSpan(start, end - start);
    }

    public int DigitCount(int firstItem, int lastItem) =>
        Items[lastItem].DigitStart + Items[lastItem].DigitCount - Items[firstItem].DigitStart;

    public void Add(NumberItem item, ReadOnlySpan<char> digits)
    {
        Ensure(digits.Length);
        digits.CopyTo(_digits.AsSpan(DigitLength));
        item.DigitStart = DigitLength;
        item.DigitCount = digits.Length;
        DigitLength += digits.Length;
        Items.Add(item);
    }

    public void AddCopy(ItemList from, int index)
    {
        var item = from.Items[index];
        Add(item, from.Digits(index, index));
    }

    public void SetConsumed(int index, bool cardTail = false)
    {
        var item = Items[index];
        item.Consumed = true;
        item.CardTail = cardTail;
        Items[index] = item;
    }

    /// <summary>Marks items consumed by a card that starts at <paramref name="first"/> (or before it).</summary>
    public void SetCard(int first, int last, bool startsHere)
    {
        for (var i = first; i <= last; i++)
        {
            var item = Items[i];
            item.Consumed = true;
            item.CardTail = true;
            item.InsideCard |= i > first || !startsHere;
            Items[i] = item;
        }
    }

    /// <summary>Overwrites every digit held, so no removed value lingers in memory once it is no longer needed.</summary>
    public void Wipe()
    {
        Array.Clear(_digits, 0, DigitLength);
        Clear();
    }

    private void Ensure(int more)
    {
        if (DigitLength + more > _digits.Length)
        {
            Array.Resize(ref _digits, Math.Max(_digits.Length * 2, DigitLength + more));
        }
    }
}

/// <summary>Turns tokens into number items and chains.</summary>
internal static class NumberReader
{
    /// <summary>Reads every number item in the tokens and groups them into chains.</summary>
    public static void Read(string text, int message, List<Token> tokens, ItemList items, List<Chain> chains)
    {
        items.Clear();
        chains.Clear();
        Span<char> scratch = stackalloc char[3];
        var chainStart = -1;
        var t = 0;
        while (t < tokens.Count)
        {
            var token = tokens[t];
            var last = t;
            scoped ReadOnlySpan<char> digits = default;
            var isItem = true;
            switch (token.Kind)
            {
                case TokenKind.Digits:
                    digits = text.AsSpan(token.Start, token.Length);
                    break;
                case TokenKind.Word when token.Class == WordClass.Digit:
                    scratch[0] = (char)('0' + token.Value);
                    digits = scratch[..1];
                    break;
                case TokenKind.Word when token.Class is WordClass.Double or WordClass.Triple:
                    {
                        var next = NextAfterSpace(tokens, t);
                        var repeat = token.Class == WordClass.Double ? 2 : 3;
                        if (next >= 0 && SingleDigit(text, tokens[next]) is var d and >= 0)
                        {
                            scratch[..repeat].Fill((char)('0' + d));
                            digits = scratch[..repeat];
                            last = next;
                        }
                        else
                        {
                            isItem = false;
                        }

                        break;
                    }

                case TokenKind.Word when token.Class == WordClass.Tens:
                    {
                        scratch[0] = (char)('0' + (token.Value / 10));
                        scratch[1] = '0';
                        var next = NextAfterSpaceOrDash(tokens, t);
                        if (next >= 0 && tokens[next].Kind == TokenKind.Word && tokens[next].Class == WordClass.Digit && tokens[next].Value > 0)
                        {
                            scratch[1] = (char)('0' + tokens[next].Value);
                            last = next;
                        }

                        digits = scratch[..2];
                        break;
                    }

                case TokenKind.Word when token.Class == WordClass.Teen:
                    scratch[0] = '1';
                    scratch[1] = (char)('0' + (token.Value - 10));
                    digits = scratch[..2];
                    break;
                default:
                    isItem = false;
                    break;
            }

            if (isItem)
            {
                if (chainStart < 0)
                {
                    chainStart = items.Items.Count;
                }

                items.Add(new NumberItem { Message = message, Start = token.Start, End = tokens[last].End, FirstToken = t, LastToken = last }, digits);
                t = last + 1;
                continue;
            }

            if (chainStart >= 0 && !IsGap(token))
            {
                chains.Add(new Chain(chainStart, items.Items.Count - chainStart));
                chainStart = -1;
            }

            t++;
        }

        if (chainStart >= 0)
        {
            chains.Add(new Chain(chainStart, items.Items.Count - chainStart));
        }
    }

    /// <summary>What may stand between the groups of one number.</summary>
    public static bool IsGap(Token token) =>
        token.Kind is TokenKind.Space or TokenKind.Dash or TokenKind.Dot or TokenKind.Comma ||
        (token.Kind == TokenKind.Word && token.Class == WordClass.Hesitation);

    private static int SingleDigit(string text, Token token) =>
        token.Kind == TokenKind.Word && token.Class == WordClass.Digit ? token.Value
        : token.Kind == TokenKind.Digits && token.Length == 1 ? text[token.Start] - '0'
        : -1;

    private static int NextAfterSpace(List<Token> tokens, int t) =>
        t + 2 < tokens.Count && tokens[t + 1].Kind == TokenKind.Space ? t + 2 : -1;

    private static int NextAfterSpaceOrDash(List<Token> tokens, int t) =>
        t + 2 < tokens.Count && tokens[t + 1].Kind is TokenKind.Space or TokenKind.Dash ? t + 2 : -1;
}
