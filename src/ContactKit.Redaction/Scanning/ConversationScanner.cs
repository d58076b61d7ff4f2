using System.Buffers;
using NodaTime;
using PhoneNumbers;

namespace ContactKit.Redaction;

/// <summary>
/// The redaction engine for one conversation. Messages go in one at a time; a message comes out once nothing that
/// follows can change it. The only state kept between messages is the context cues of the last two messages, whether
/// a card was seen lately, and the carry-over: the trailing number items (at most 18 digits) of the last message, which
/// the next message of the same party could complete into a card. The messages those items lie in are held back until
/// the next message decides them. A conversation owns no buffers of its own while nothing is carried: the working
/// lists, the carry-over and the held messages come from the thread's <see cref="Scratch"/> and go back to it.
/// </summary>
internal sealed class ConversationScanner
{
    private const int MaxCarryDigits = CardRules.MaxLength - 1;
    private const int CueWindowWords = 8;
    private const int CardContextMessages = 8;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private readonly CompiledSettings _compiled;
    private Scratch _scratch = null!;
    private List<Token> _tokens = null!;
    private ItemList _items = null!;
    private List<Chain> _chains = null!;
    private ItemList _joined = null!;

    // Null while nothing is carried (most of the time); rented from the thread's scratch while digits are carried.
    private ItemList? _carry;

    // Made on the first message held back; most conversations never hold one.
    private List<PendingMessage>? _held;
    private EntityCounts _counts;
    private PartyId _carryParty;
    private Cues _previousCues;
    private PartyId? _previousParty;
    private bool _answersPrevious;
    private int _cardContext;
    private int _next;

    public ConversationScanner(CompiledSettings settings) => _compiled = settings;

    private int CarryCount => _carry?.Items.Count ?? 0;

    private static bool HasCard(PendingMessage pending)
    {
        foreach (var d in pending.Detections)
        {
            if (d.Entity == RedactionEntity.CardNumber)
            {
                return true;
            }
        }

        return false;
    }

    public RedactionReport Report() => new(((ReadOnlySpan<int>)_counts).ToArray());

    /// <summary>Processes one message and returns the messages that are now final, in order.</summary>
    public RedactedMessage[] Add(TranscriptMessage message)
    {
        var scratch = Scratch.ForThisThread;
        if (!ReferenceEquals(scratch, _scratch))
        {
            // A conversation fed from one thread borrows the same lists every time, and points at them only once.
            (_scratch, _tokens, _items, _chains, _joined) = (scratch, scratch.Tokens, scratch.Items, scratch.Chains, scratch.Joined);
        }

        try
        {
            AddWithScratch(message, scratch.Released);
            return [.. scratch.Released];
        }
        finally
        {
            scratch.Released.Clear();
            // Nothing of this message stays behind in the thread's buffers, nor in the scanner, once it is processed: a
            // message held for a split card is kept by its pending record alone.
            _currentText = string.Empty;
            _items.Wipe();
            _joined.Wipe();
            _tokens.Clear();
            _chains.Clear();
        }
    }

    private void AddWithScratch(TranscriptMessage message, List<RedactedMessage> released)
    {
        var index = _next++;
        var text = message.Text;
        _currentText = text;
        var pending = _scratch.RentPending(index, message);
        _answersPrevious = _previousParty is { } previous && previous != message.Party;
        var joinable = CarryCount > 0 && message.Party == _carryParty;
        if (!joinable)
        {
            DropCarry(_scratch);
            ReleaseAll(released, _scratch);
        }

        // The thread's item and chain lists are empty here (every message leaves them so): a message with no digits and
        // no number words has no number items, and is not read for them.
        var summary = Tokenizer.Tokenize(text, _compiled, _tokens);
        _hasDigit = summary.HasAsciiDigit;
        _asciiDigits = summary.AsciiDigits;
        _asciiOnly = !summary.HasNonAscii;
        _mayEndIdentifier = summary.MayEndIdentifier;
        if (summary.HasNumber)
        {
            NumberReader.Read(text, index, _tokens, _items, _chains);
        }

        var joinedCarry = joinable && _chains.Count > 0 && OnlyGapsBefore(_items.Items[_chains[0].First].FirstToken);
        if (joinedCarry)
        {
            FindCrossMessageCard(pending);
        }

        foreach (var chain in _chains)
        {
            FindCards(chain, pending);
        }

        var cues = summary.Cues;
        if (text.Length > 0)
        {
            FindNationalInsuranceNumbers(pending);
            FindPostcodes(pending);
            if (summary.HasAt)
            {
                FindEmails(pending);
            }

            if (summary.HasSlash)
            {
                FindSlashExpiry(pending, cues);
            }

            FindContextualNumbers(pending);
            FindPhones(pending);
        }

        // The context for the next messages.
        if ((cues & (Cues.Card | Cues.Security | Cues.Expiry)) != 0 || HasCard(pending))
        {
            _cardContext = CardContextMessages;
        }
        else if (_cardContext > 0)
        {
            _cardContext--;
        }

        // Only a message that asks (holds a cue but gave no value) makes the next message's bare number an answer.
        _previousCues = pending.Detections.Count == 0 && (cues & Cues.Marker) == 0 ? cues & ~Cues.Marker : Cues.None;
        _previousParty = message.Party;

        UpdateCarry(message.Party, joinedCarry);
        if (CarryCount == 0 && (_held is null || _held.Count == 0))
        {
            // The common case: nothing is held, so this message is final at once.
            released.Add(Build(pending));
            _scratch.Return(pending);
            return;
        }

        (_held ??= []).Add(pending);
        ReleaseSettled(released, _scratch);
    }

    /// <summary>Ends the conversation: every held message is final.</summary>
    public RedactedMessage[] Complete()
    {
        var scratch = Scratch.ForThisThread;
        DropCarry(scratch);
        if (_held is null || _held.Count == 0)
        {
            return [];
        }

        var released = new RedactedMessage[_held.Count];
        for (var i = 0; i < released.Length; i++)
        {
            released[i] = Build(_held[i]);
            scratch.Return(_held[i]);
        }

        _held.Clear();
        return released;
    }

    /// <summary>Lets go of the carry-over, its digits zeroed, back to the thread's scratch.</summary>
    private void DropCarry(Scratch scratch)
    {
        if (_carry is not null)
        {
            scratch.Return(_carry);
            _carry = null;
        }
    }

    private bool OnlyGapsBefore(int token)
    {
        for (var t = 0; t < token; t++)
        {
            if (!NumberReader.IsGap(_tokens[t]))
            {
                return false;
            }
        }

        return true;
    }

    private bool OnlyGapsAfter(int token)
    {
        for (var t = token + 1; t < _tokens.Count; t++)
        {
            if (!NumberReader.IsGap(_tokens[t]))
            {
                return false;
            }
        }

        return true;
    }

    // ---- cards ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Looks for cards that start in the carried-over tail and end in this message's first chain. Every such window is
    /// removed, not just one: the carry may hold a shorter card found earlier (a 16-digit number inside a 19-digit one),
    /// and only the union of all the windows is sure to hold the whole card, in every message it touches.
    /// </summary>
    private bool FindCrossMessageCard(PendingMessage pending)
    {
        var carry = _carry!;
        _joined.Clear();
        for (var i = 0; i < carry.Items.Count; i++)
        {
            _joined.AddCopy(carry, i);
        }

        var boundary = _joined.Items.Count;
        var chain = _chains[0];
        for (var i = chain.First; i <= chain.Last; i++)
        {
            _joined.AddCopy(_items, i);
        }

        var list = _joined.Items;
        var first = -1;
        var last = -1;
        for (var s = 0; s < boundary; s++)
        {
            for (var e = s; e < list.Count; e++)
            {
                var count = _joined.DigitCount(s, e);
                if (count > CardRules.MaxLength)
                {
                    break;
                }

                if (e >= boundary && count >= CardRules.MinLength && CardRules.IsCard(_joined.Digits(s, e), _compiled.CardPolicy))
                {
                    first = first < 0 ? s : first;
                    last = Math.Max(last, e);
                }
            }
        }

        if (first < 0)
        {
            _joined.Wipe();
            return false;
        }

        // The part in each earlier message (lengthening a card found there), then this one; all of it stays open to a
        // longer card that the next message completes.
        var lengthens = false;
        carry.SetCard(first, boundary - 1, startsHere: true);

        foreach (var held in _held!)
        {
            var from = -1;
            var to = -1;
            for (var i = first; i < boundary; i++)
            {
                if (list[i].Message == held.Index)
                {
                    from = from < 0 ? i : from;
                    to = i;
                }
            }

            if (from >= 0)
            {
                lengthens |= AddCardRange(held, list[from].Start, list[to].End);
            }
        }

        pending.Detections.Add(new Detection(RedactionEntity.CardNumber, list[boundary].Start, list[last].End));
        _items.SetCard(chain.First, chain.First + (last - boundary), startsHere: false);

        if (!lengthens)
        {
            _counts[(int)RedactionEntity.CardNumber]++;
        }

        _joined.Wipe();
        return true;
    }

    /// <summary>
    /// Finds every card within one chain. Every window of 13 to 19 digits that is a card is removed, and overlapping
    /// windows are removed as one card: a shorter card read at one start may lie inside the real, longer one that starts
    /// or ends elsewhere. The items stay open to the next message, which may complete a longer card through them.
    /// </summary>
    private void FindCards(Chain chain, PendingMessage pending)
    {
        var first = -1;
        var last = -1;
        for (var s = chain.First; s <= chain.Last; s++)
        {
            var best = -1;
            for (var e = s; e <= chain.Last; e++)
            {
                var count = _items.DigitCount(s, e);
                if (count > CardRules.MaxLength)
                {
                    break;
                }

                if (count >= CardRules.MinLength && CardRules.IsCard(_items.Digits(s, e), _compiled.CardPolicy))
                {
                    best = e;
                }
            }

            if (best < 0)
            {
                continue;
            }

            if (first >= 0 && s <= last)
            {
                last = Math.Max(last, best);
                continue;
            }

            if (first >= 0)
            {
                AddCardItems(pending, first, last);
            }

            first = s;
            last = best;
        }

        if (first >= 0)
        {
            AddCardItems(pending, first, last);
        }
    }

    private void AddCardItems(PendingMessage pending, int first, int last)
    {
        _items.SetCard(first, last, startsHere: !_items.Items[first].InsideCard);
        if (!AddCardRange(pending, _items.Items[first].Start, _items.Items[last].End))
        {
            _counts[(int)RedactionEntity.CardNumber]++;
        }
    }

    /// <summary>
    /// Adds a card detection over a range of a message, taking in every detection it overlaps (a shorter card or a
    /// telephone number read there before is part of this card). Returns whether it lengthened a card already counted.
    /// </summary>
    private bool AddCardRange(PendingMessage pending, int start, int end)
    {
        var lengthens = false;
        for (var i = pending.Detections.Count - 1; i >= 0; i--)
        {
            var earlier = pending.Detections[i];
            if (earlier.Start < end && start < earlier.End)
            {
                pending.Detections.RemoveAt(i);
                lengthens |= earlier.Entity == RedactionEntity.CardNumber;
                _counts[(int)earlier.Entity] -= earlier.Entity == RedactionEntity.CardNumber ? 0 : 1;
                start = Math.Min(start, earlier.Start);
                end = Math.Max(end, earlier.End);
            }
        }

        pending.Detections.Add(new Detection(RedactionEntity.CardNumber, start, end));
        return lengthens;
    }

    private void AddItems(PendingMessage pending, RedactionEntity entity, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            _items.SetConsumed(i);
        }

        pending.Detections.Add(new Detection(entity, _items.Items[first].Start, _items.Items[last].End));
        _counts[(int)entity]++;
    }

    /// <summary>
    /// Keeps as carry-over the items at the very end of the message that are free or part of a card (a card found there
    /// may lie inside a longer one), with the carry they continue when the whole message continued it. It is cut to the
    /// last 18 digits, since a card completed by the next message can reach no further back, and then to the first item
    /// from which a card could still go on: one that is not inside a card found already and whose digits to the end
    /// begin an issuer range with longer numbers.
    /// </summary>
    private void UpdateCarry(PartyId party, bool continuesCarry)
    {
        _joined.Clear();
        if (_chains.Count > 0)
        {
            var chain = _chains[^1];
            var items = _items.Items;
            if (OnlyGapsAfter(items[chain.Last].LastToken))
            {
                var first = chain.Last + 1;
                while (first > chain.First && items[first - 1].CanCarry)
                {
                    first--;
                }

                if (continuesCarry && first == chain.First && _chains.Count == 1 && _carry is { } carry)
                {
                    var from = carry.Items.Count;
                    while (from > 0 && carry.Items[from - 1].CanCarry)
                    {
                        from--;
                    }

                    for (var i = from; i < carry.Items.Count; i++)
                    {
                        _joined.AddCopy(carry, i);
                    }
                }

                for (var i = first; i <= chain.Last; i++)
                {
                    _joined.AddCopy(_items, i);
                }
            }
        }

        var list = _joined.Items;
        var start = list.Count;
        while (start > 0 && _joined.DigitCount(start - 1, list.Count - 1) <= MaxCarryDigits)
        {
            start--;
        }

        // Nor can a card still to be completed start where no issuer range begins with the digits from there to the end,
        // or inside a card found already: every card through those digits was read at that card's first item.
        while (start < list.Count && (list[start].InsideCard || !CardRules.CanContinue(_joined.Digits(start, list.Count - 1), _compiled.CardPolicy)))
        {
            start++;
        }

        if (start == list.Count)
        {
            DropCarry(_scratch);
        }
        else
        {
            _carry ??= _scratch.RentItemList();
            _carry.Wipe();
            for (var i = start; i < list.Count; i++)
            {
                _carry.AddCopy(_joined, i);
            }
        }

        _carryParty = party;
        _joined.Wipe();
    }

    // ---- context ----------------------------------------------------------------------------------------------------

    private static Cues CueOf(Token token) => token.Kind == TokenKind.Word ? Tokenizer.CueOf(token.Class) : Cues.None;

    /// <summary>The cue nearest before a token in the same message (then just after it), or the cues asked for lately.</summary>
    private (Cues Cues, bool Excluded) CueFor(int firstToken, int lastToken)
    {
        var words = 0;
        for (var t = firstToken - 1; t >= 0 && words < CueWindowWords; t--)
        {
            var token = _tokens[t];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            words++;
            if (token.Class is WordClass.EndingCue or WordClass.NegativeCue)
            {
                return (Cues.None, true);
            }

            var cue = CueOf(token);
            if (cue is not Cues.None and not Cues.Card)
            {
                return (cue, false);
            }
        }

        words = 0;
        for (var t = lastToken + 1; t < _tokens.Count && words < 4; t++)
        {
            var token = _tokens[t];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            words++;
            var cue = CueOf(token);
            if (cue is not Cues.None and not Cues.Card and not Cues.Negative)
            {
                return (cue, false);
            }
        }

        // A bare answer: read it against what the other party asked in the message just before.
        if (!_answersPrevious)
        {
            return (Cues.None, false);
        }

        const Cues asked = Cues.Security | Cues.Expiry | Cues.Bank;
        return (_previousCues & asked, (_previousCues & Cues.Negative) != 0 && (_previousCues & asked) == 0);
    }

    /// <summary>Whether a number is written as money, a time, a date part or a percentage, which are never redacted in context.</summary>
    private bool IsBordered(int firstToken, int lastToken)
    {
        if (firstToken > 0)
        {
            var before = _tokens[firstToken - 1];
            if (before.Kind is TokenKind.Slash or TokenKind.Colon or TokenKind.Currency or TokenKind.Plus or TokenKind.Other ||
                (before.Kind == TokenKind.Space && firstToken > 1 && _tokens[firstToken - 2].Kind == TokenKind.Currency))
            {
                return true;
            }
        }

        if (lastToken + 1 < _tokens.Count)
        {
            var after = _tokens[lastToken + 1];
            if (after.Kind is TokenKind.Slash or TokenKind.Colon or TokenKind.Other)
            {
                return true;
            }

            var next = after.Kind == TokenKind.Space ? lastToken + 2 : lastToken + 1;
            if (next < _tokens.Count && _tokens[next].Kind == TokenKind.Word && _tokens[next].Class == WordClass.MoneyUnit)
            {
                return true;
            }
        }

        return false;
    }

    // ---- contextual numbers -----------------------------------------------------------------------------------------

    /// <summary>Sort codes, account numbers, security codes and expiry dates: numbers that only context tells apart.</summary>
    private void FindContextualNumbers(PendingMessage pending)
    {
        var items = _items.Items;
        foreach (var chain in _chains)
        {
            var anyConsumed = false;
            for (var i = chain.First; i <= chain.Last; i++)
            {
                anyConsumed |= items[i].Consumed;
            }

            if (anyConsumed)
            {
                continue;
            }

            var firstToken = items[chain.First].FirstToken;
            var lastToken = items[chain.Last].LastToken;
            var start = items[chain.First].Start;
            var end = items[chain.Last].End;
            if (pending.Overlaps(start, end))
            {
                continue;
            }

            var digits = _items.DigitCount(chain.First, chain.Last);
            if (digits == 6 && IsWrittenSortCode(chain))
            {
                Add(pending, RedactionEntity.SortCode, chain.First, chain.Last);
                continue;
            }

            if (IsBordered(firstToken, lastToken) || LooksLikeDate(chain))
            {
                continue;
            }

            var (cues, excluded) = CueFor(firstToken, lastToken);
            if (excluded)
            {
                continue;
            }

            // A month named before the year: "April twenty seven", "Apr 2027".
            if ((cues & Cues.Expiry) != 0 && _compiled.Enabled[(int)RedactionEntity.ExpiryDate] && digits is 2 or 4 && MonthBefore(firstToken) is var month and >= 0)
            {
                pending.Detections.Add(new Detection(RedactionEntity.ExpiryDate, _tokens[month].Start, end));
                Consume(chain);
                _counts[(int)RedactionEntity.ExpiryDate]++;
                continue;
            }

            var value = _items.Digits(chain.First, chain.Last);
            if ((cues & Cues.Expiry) != 0 && IsExpiryDigits(value))
            {
                Add(pending, RedactionEntity.ExpiryDate, chain.First, chain.Last);
            }
            else if ((cues & Cues.Security) != 0 && digits is 3 or 4)
            {
                Add(pending, RedactionEntity.SecurityCode, chain.First, chain.Last);
            }
            else if ((cues & Cues.Bank) != 0)
            {
                FindBankDetails(pending, chain, digits);
            }
        }
    }

    private void FindBankDetails(PendingMessage pending, Chain chain, int digits)
    {
        switch (digits)
        {
            case 6:
                Add(pending, RedactionEntity.SortCode, chain.First, chain.Last);
                return;
            case 7 or 8:
                Add(pending, RedactionEntity.AccountNumber, chain.First, chain.Last);
                return;
            case 14:
                // A sort code and an account number read out together, in either order.
                for (var split = chain.First; split < chain.Last; split++)
                {
                    var head = _items.DigitCount(chain.First, split);
                    if (head is 6 or 8)
                    {
                        Add(pending, head == 6 ? RedactionEntity.SortCode : RedactionEntity.AccountNumber, chain.First, split);
                        Add(pending, head == 6 ? RedactionEntity.AccountNumber : RedactionEntity.SortCode, split + 1, chain.Last);
                        return;
                    }
                }

                return;
        }
    }

    private void Add(PendingMessage pending, RedactionEntity entity, int first, int last)
    {
        if (_compiled.Enabled[(int)entity])
        {
            AddItems(pending, entity, first, last);
        }
    }

    private void Consume(Chain chain)
    {
        for (var i = chain.First; i <= chain.Last; i++)
        {
            _items.SetConsumed(i);
        }
    }

    /// <summary>Six digits written as three pairs joined by dashes (<c>20-45-77</c>): a sort code in any context.</summary>
    private bool IsWrittenSortCode(Chain chain)
    {
        if (chain.Count != 3)
        {
            return false;
        }

        for (var i = chain.First; i <= chain.Last; i++)
        {
            var item = _items.Items[i];
            if (item.FirstToken != item.LastToken || _tokens[item.FirstToken].Kind != TokenKind.Digits || item.DigitCount != 2)
            {
                return false;
            }

            if (i < chain.Last && !(item.LastToken + 2 == _items.Items[i + 1].FirstToken && _tokens[item.LastToken + 1].Kind == TokenKind.Dash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A date written in digits, 2026-03-12 or 12-03-2026 (dashes, dots or spaces): never a bank detail.</summary>
    private bool LooksLikeDate(Chain chain)
    {
        if (chain.Count != 3)
        {
            return false;
        }

        var a = _items.Items[chain.First].DigitCount;
        var b = _items.Items[chain.First + 1].DigitCount;
        var c = _items.Items[chain.Last].DigitCount;
        var d = _items.Digits(chain.First, chain.Last);
        return (a, b, c) switch
        {
            (4, 2, 2) => d[0] is '1' or '2' && IsMonth(d[4], d[5]) && IsDay(d[6], d[7]),
            (2, 2, 4) => IsDay(d[0], d[1]) && IsMonth(d[2], d[3]) && d[4] is '1' or '2',
            _ => false,
        };
    }

    private static bool IsMonth(char tens, char units) => (tens == '0' && units != '0') || (tens == '1' && units is >= '0' and <= '2');

    private static bool IsDay(char tens, char units) => (tens is >= '0' and <= '2' && !(tens == '0' && units == '0')) || (tens == '3' && units is '0' or '1');

    /// <summary>MMYY or MMYYYY with a real month.</summary>
    private static bool IsExpiryDigits(ReadOnlySpan<char> d) =>
        (d.Length == 4 || (d.Length == 6 && d[2] == '2' && d[3] == '0')) &&
        ((d[0] == '0' && d[1] is >= '1' and <= '9') || (d[0] == '1' && d[1] is >= '0' and <= '2'));

    private int MonthBefore(int firstToken)
    {
        var t = firstToken - 1;
        if (t >= 0 && _tokens[t].Kind == TokenKind.Space)
        {
            t--;
        }

        if (t < 0 || _tokens[t].Kind != TokenKind.Word || _tokens[t].Class != WordClass.Month)
        {
            return -1;
        }

        // "26 November 2026" and "the 3rd of April" are dates: a day before the month.
        var before = t - 1;
        if (before >= 0 && _tokens[before].Kind == TokenKind.Space)
        {
            before--;
        }

        return before >= 0 && (_tokens[before].Kind == TokenKind.Digits || (_tokens[before].Kind == TokenKind.Word && IsOrdinalOrOf(_tokens[before]))) ? -1 : t;
    }

    private bool IsOrdinalOrOf(Token token)
    {
        var w = Span(token);
        return w.Equals("of", StringComparison.OrdinalIgnoreCase) ||
               (w.Length >= 3 && char.IsAsciiDigit(w[0]) && (w.EndsWith("st", StringComparison.OrdinalIgnoreCase) ||
                w.EndsWith("nd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase) ||
                w.EndsWith("th", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>An expiry written MM/YY or MM/YYYY, when a card is in context.</summary>
    private void FindSlashExpiry(PendingMessage pending, Cues cues)
    {
        if (!_compiled.Enabled[(int)RedactionEntity.ExpiryDate] ||
            (_cardContext == 0 && ((cues | _previousCues) & (Cues.Card | Cues.Expiry)) == 0))
        {
            return;
        }

        var text = pending.Message.Text;
        for (var t = 0; t + 2 < _tokens.Count; t++)
        {
            var month = _tokens[t];
            var year = _tokens[t + 2];
            if (month.Kind != TokenKind.Digits || _tokens[t + 1].Kind != TokenKind.Slash || year.Kind != TokenKind.Digits ||
                month.Length > 2 || year.Length is not (2 or 4) ||
                (t > 0 && _tokens[t - 1].Kind is TokenKind.Slash or TokenKind.Digits) ||
                (t + 3 < _tokens.Count && _tokens[t + 3].Kind is TokenKind.Slash or TokenKind.Digits))
            {
                continue;
            }

            var m = int.Parse(text.AsSpan(month.Start, month.Length), provider: System.Globalization.CultureInfo.InvariantCulture);
            if (m is < 1 or > 12 || pending.Overlaps(month.Start, year.End))
            {
                continue;
            }

            pending.Detections.Add(new Detection(RedactionEntity.ExpiryDate, month.Start, year.End));
            _counts[(int)RedactionEntity.ExpiryDate]++;
            ConsumeTokens(t, t + 2);
        }
    }

    private void ConsumeTokens(int firstToken, int lastToken)
    {
        for (var i = 0; i < _items.Items.Count; i++)
        {
            var item = _items.Items[i];
            if (item.FirstToken <= lastToken && item.LastToken >= firstToken)
            {
                _items.SetConsumed(i);
            }
        }
    }

    private void ConsumeRange(int start, int end)
    {
        for (var i = 0; i < _items.Items.Count; i++)
        {
            var item = _items.Items[i];
            if (item.Start < end && start < item.End)
            {
                _items.SetConsumed(i);
            }
        }
    }

    // ---- identifiers found by shape ---------------------------------------------------------------------------------

    private void FindNationalInsuranceNumbers(PendingMessage pending)
    {
        if (!_compiled.Enabled[(int)RedactionEntity.NationalInsuranceNumber] || !_hasDigit)
        {
            return;
        }

        var text = pending.Message.Text;
        var ending = _mayEndIdentifier ? UkRules.NationalInsuranceEnding(text) : -1;
        if (ending < 0)
        {
            return;
        }

        foreach (var match in UkRules.NationalInsuranceShape().EnumerateMatches(text, Math.Max(0, ending - UkRules.NationalInsuranceLeadLength)))
        {
            if (UkRules.IsNationalInsurancePrefix(text[match.Index], text[match.Index + 1]) &&
                !pending.Overlaps(match.Index, match.Index + match.Length))
            {
                AddRange(pending, RedactionEntity.NationalInsuranceNumber, match.Index, match.Index + match.Length);
            }
        }
    }

    private void FindPostcodes(PendingMessage pending)
    {
        if (!_compiled.Enabled[(int)RedactionEntity.Postcode] || !_hasDigit)
        {
            return;
        }

        var text = pending.Message.Text;
        var ending = _mayEndIdentifier ? UkRules.PostcodeEnding(text) : -1;
        if (ending < 0)
        {
            return;
        }

        foreach (var match in UkRules.Postcode().EnumerateMatches(text, Math.Max(0, ending - UkRules.PostcodeLeadLength)))
        {
            if (!pending.Overlaps(match.Index, match.Index + match.Length))
            {
                AddRange(pending, RedactionEntity.Postcode, match.Index, match.Index + match.Length);
            }
        }
    }

    private void AddRange(PendingMessage pending, RedactionEntity entity, int start, int end)
    {
        pending.Detections.Add(new Detection(entity, start, end));
        ConsumeRange(start, end);
        _counts[(int)entity]++;
    }

    /// <summary>A written email (<c>a.b@c.com</c>) or one spoken as speech-to-text writes it (<c>a dot b at c dot com</c>).</summary>
    private void FindEmails(PendingMessage pending)
    {
        if (!_compiled.Enabled[(int)RedactionEntity.EmailAddress])
        {
            return;
        }

        for (var t = 1; t + 1 < _tokens.Count; t++)
        {
            var center = _tokens[t];
            var spoken = center.Kind == TokenKind.Word && center.Class == WordClass.AtWord;
            if (center.Kind != TokenKind.At && !spoken)
            {
                continue;
            }

            var right = t + 1;
            var left = t - 1;
            if (_tokens[right].Kind == TokenKind.Space)
            {
                right++;
            }
            else if (spoken)
            {
                continue;
            }

            if (_tokens[left].Kind == TokenKind.Space)
            {
                left--;
            }
            else if (spoken)
            {
                continue;
            }

            var end = DomainEnd(right);
            var start = end < 0 ? -1 : LocalPartStart(left, spoken);
            if (start < 0)
            {
                continue;
            }

            var from = _tokens[start].Start;
            var to = _tokens[end].End;
            if (!pending.Overlaps(from, to))
            {
                AddRange(pending, RedactionEntity.EmailAddress, from, to);
            }

            t = end;
        }
    }

    private static bool IsLabel(Token token) => token.Kind == TokenKind.Digits || (token.Kind == TokenKind.Word && token.Class != WordClass.AtWord);

    private int DomainEnd(int t)
    {
        if (t >= _tokens.Count || !IsLabel(_tokens[t]))
        {
            return -1;
        }

        var last = t;
        var dots = 0;
        var spokenDot = false;
        while (true)
        {
            if (last + 2 < _tokens.Count && _tokens[last + 1].Kind is TokenKind.Dot or TokenKind.Dash && IsLabel(_tokens[last + 2]))
            {
                dots += _tokens[last + 1].Kind == TokenKind.Dot ? 1 : 0;
                last += 2;
            }
            else if (last + 4 < _tokens.Count && _tokens[last + 1].Kind == TokenKind.Space && _tokens[last + 2].Kind == TokenKind.Word &&
                     _tokens[last + 2].Class == WordClass.DotWord && _tokens[last + 3].Kind == TokenKind.Space && IsLabel(_tokens[last + 4]))
            {
                dots++;
                spokenDot = true;
                last += 4;
            }
            else
            {
                break;
            }
        }

        if (dots == 0)
        {
            return -1;
        }

        var tld = _tokens[last];
        if (spokenDot)
        {
            // Stop at the last label that is a top-level domain ("... dot com and then ..." must not run on).
            return tld.Kind == TokenKind.Word && Words.IsTopLevelDomain(Span(tld)) ? last : -1;
        }

        return tld.Kind == TokenKind.Word && tld.Length >= 2 ? last : -1;
    }

    private int LocalPartStart(int t, bool spoken)
    {
        if (t < 0 || !IsLabel(_tokens[t]) || (spoken && IsStopWord(Span(_tokens[t]))))
        {
            return -1;
        }

        var first = t;
        while (true)
        {
            if (first >= 2 && _tokens[first - 1].Kind is TokenKind.Dot or TokenKind.Dash or TokenKind.Underscore or TokenKind.Plus && IsLabel(_tokens[first - 2]))
            {
                first -= 2;
            }
            else if (first >= 4 && _tokens[first - 1].Kind == TokenKind.Space && _tokens[first - 2].Kind == TokenKind.Word &&
                     _tokens[first - 2].Class is WordClass.DotWord or WordClass.Connector && _tokens[first - 3].Kind == TokenKind.Space &&
                     IsLabel(_tokens[first - 4]))
            {
                first -= 4;
            }
            else if (spoken && first >= 2 && _tokens[first].Kind == TokenKind.Digits && _tokens[first - 1].Kind == TokenKind.Space &&
                     _tokens[first - 2].Kind == TokenKind.Word && _tokens[first - 2].Class == WordClass.Other && !IsStopWord(Span(_tokens[first - 2])))
            {
                first -= 2; // "smith 85 at ..."
            }
            else
            {
                break;
            }
        }

        return first;
    }

    private ReadOnlySpan<char> Span(Token token) => _currentText.AsSpan(token.Start, token.Length);

    private static bool IsStopWord(ReadOnlySpan<char> w) =>
        w.Equals("me", StringComparison.OrdinalIgnoreCase) || w.Equals("is", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("it's", StringComparison.OrdinalIgnoreCase) || w.Equals("email", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("address", StringComparison.OrdinalIgnoreCase) || w.Equals("us", StringComparison.OrdinalIgnoreCase) ||
        w.Equals("you", StringComparison.OrdinalIgnoreCase) || w.Equals("was", StringComparison.OrdinalIgnoreCase);

    // The text of the message being processed, for reading its words; emptied before Add returns.
    private string _currentText = string.Empty;
    private bool _hasDigit;
    private bool _mayEndIdentifier;
    private int _asciiDigits;
    private bool _asciiOnly;

    /// <summary>
    /// UK telephone numbers in any written form, found by libphonenumber's matcher, which is asked only when the text
    /// outside the values already removed could hold one (<see cref="TelephoneCandidates"/>).
    /// </summary>
    private void FindPhones(PendingMessage pending)
    {
        if (!_compiled.Enabled[(int)RedactionEntity.TelephoneNumber] ||
            !TelephoneCandidates.MayHoldNumber(pending.Message.Text, pending.Detections, _asciiDigits, _asciiOnly))
        {
            return;
        }

        foreach (var match in Phones.FindNumbers(pending.Message.Text, "GB"))
        {
            var end = match.Start + match.Length;
            if (!pending.Overlaps(match.Start, end))
            {
                pending.Detections.Add(new Detection(RedactionEntity.TelephoneNumber, match.Start, end));
                _counts[(int)RedactionEntity.TelephoneNumber]++;
                for (var i = 0; i < _items.Items.Count; i++)
                {
                    var item = _items.Items[i];
                    if (item.Start < end && match.Start < item.End)
                    {
                        // Still open to the next message: digits read as a telephone number may be the start of a card.
                        _items.SetConsumed(i, cardTail: true);
                    }
                }
            }
        }
    }

    // ---- output -----------------------------------------------------------------------------------------------------

    private void ReleaseSettled(List<RedactedMessage> released, Scratch scratch)
    {
        var held = _held!;
        var keepFrom = _carry is { } carry ? carry.Items[0].Message : int.MaxValue;
        var count = 0;
        while (count < held.Count && held[count].Index < keepFrom)
        {
            released.Add(Build(held[count]));
            scratch.Return(held[count]);
            count++;
        }

        held.RemoveRange(0, count);
    }

    private void ReleaseAll(List<RedactedMessage> released, Scratch scratch)
    {
        if (_held is null)
        {
            return;
        }

        foreach (var held in _held)
        {
            released.Add(Build(held));
            scratch.Return(held);
        }

        _held.Clear();
    }

    private RedactedMessage Build(PendingMessage pending)
    {
        var text = pending.Message.Text;
        if (pending.Detections.Count == 0)
        {
            return new RedactedMessage(pending.Index, text, []);
        }

        var detections = pending.Detections;
        detections.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var spans = new RedactedSpan[detections.Count];
        var length = text.Length;
        for (var i = 0; i < spans.Length; i++)
        {
            var d = detections[i];
            length += _compiled.MarkerFor[(int)d.Entity].Length - (d.End - d.Start);
            var (audioStart, audioEnd) = AudioRange(pending.Message.Words, d.Start, d.End);
            spans[i] = new RedactedSpan(d.Entity, d.Start, d.End - d.Start, audioStart, audioEnd);
        }

        var redacted = string.Create(length, (text, detections, _compiled.MarkerFor), static (output, state) =>
        {
            var (text, detections, markers) = state;
            var at = 0;
            foreach (var d in detections)
            {
                text.AsSpan(at, d.Start - at).CopyTo(output);
                output = output[(d.Start - at)..];
                markers[(int)d.Entity].CopyTo(output);
                output = output[markers[(int)d.Entity].Length..];
                at = d.End;
            }

            text.AsSpan(at).CopyTo(output);
        });
        return new RedactedMessage(pending.Index, redacted, spans);
    }

    private static (Duration? Start, Duration? End) AudioRange(IReadOnlyList<WordTiming> words, int start, int end)
    {
        Duration? from = null;
        Duration? to = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Start < end && start < word.Start + word.Length)
            {
                from = from is null || word.AudioStart < from ? word.AudioStart : from;
                to = to is null || word.AudioEnd > to ? word.AudioEnd : to;
            }
        }

        return (from, to);
    }
}

/// <summary>
/// The working lists one message needs (its tokens, number items and chains), kept per thread and reused from
/// conversation to conversation, so a conversation costs no buffers of its own. They are emptied, digits zeroed, after
/// every message. The thread also keeps spare records for held messages and spare carry-over lists: a conversation
/// borrows them while it holds a message or carries digits, and gives them back, emptied and zeroed, when it lets go.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? _forThisThread;

    public static Scratch ForThisThread => _forThisThread ??= new Scratch();

    public List<Token> Tokens { get; } = [];

    public ItemList Items { get; } = new();

    public List<Chain> Chains { get; } = [];

    public ItemList Joined { get; } = new();

    public List<RedactedMessage> Released { get; } = [];

    // Spares kept for the next conversations on this thread: enough for the messages a few interleaved conversations
    // hold back at once, and no more.
    private const int MaxSpares = 16;

    private readonly Stack<PendingMessage> _sparePending = new();
    private readonly Stack<ItemList> _spareLists = new();

    /// <summary>A pending record for the next message, reused from a released one where there is one.</summary>
    public PendingMessage RentPending(int index, TranscriptMessage message) =>
        _sparePending.TryPop(out var spare) ? spare.Reuse(index, message) : new PendingMessage(index, message);

    /// <summary>Takes back a released message's record, keeping nothing of the message.</summary>
    public void Return(PendingMessage pending)
    {
        pending.Emptied();
        if (_sparePending.Count < MaxSpares)
        {
            _sparePending.Push(pending);
        }
    }

    /// <summary>An empty item list for a conversation's carry-over.</summary>
    public ItemList RentItemList() => _spareLists.TryPop(out var spare) ? spare : new ItemList();

    /// <summary>Takes back a carry-over, its digits zeroed.</summary>
    public void Return(ItemList list)
    {
        list.Wipe();
        if (_spareLists.Count < MaxSpares)
        {
            _spareLists.Push(list);
        }
    }
}

/// <summary>How many values of each entity type a conversation removed, by the type's number, kept inside the scanner.</summary>
[System.Runtime.CompilerServices.InlineArray(10)]
internal struct EntityCounts
{
    private int _count;
}
