using System.Globalization;
using System.Text;
using ContactKit.Redaction;
using NodaTime;
using PhoneNumbers;

namespace ContactKit.Testing;

/// <summary>
/// Generates synthetic contact-centre conversations (webchat and speech-to-text calls) with every value labelled:
/// cards written, split over messages, spoken and mixed; security codes and expiry dates, also as bare answers; sort
/// codes and account numbers; National Insurance numbers; telephone numbers in every written form; email addresses,
/// written and spoken; postcodes; and the hard negatives that must stay: order and tracking numbers, dates, money,
/// times and "the card ending 1234". The same seed always gives the same corpus.
/// </summary>
public sealed class RedactionCorpus
{
    private static readonly PartyId Agent = PartyId.Parse("agent-1");
    private static readonly PartyId Customer = PartyId.Parse("customer-1");
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly string[] Fillers =
    [
        "Hello, thanks for contacting us. How can I help today?", "Hi, I'd like to sort out a problem with my account.",
        "Of course, I can help with that.", "Thanks for waiting.", "Just bear with me one moment please.", "Okay, lovely.",
        "That's great, thank you.", "Is there anything else I can help with today?", "No, that's everything, thanks.",
        "Sorry, could you repeat that?", "Yes, that's right.", "Let me just check that for you.", "Perfect.",
        "I've updated that on the system now.", "Brilliant, thanks for your help.", "Have a lovely day.",
        "I was charged twice last month and I'm not happy about it.", "I'm sorry to hear that, let's get it fixed.",
        "Can you confirm the first line of your address?", "It's the flat above the shop on the high street.",
        "I'll make a note of that on your account.", "Great, you should get an email confirming it shortly.",
    ];

    private readonly Random _random;
    private readonly List<TranscriptMessage> _messages = [];
    private readonly List<SyntheticSpan> _spans = [];
    private readonly List<SyntheticCard> _cards = [];
    private int _group;
    private bool _voice;

    private RedactionCorpus(int seed) => _random = new Random(seed);

    /// <summary>Generates conversations until they hold at least <paramref name="lines"/> messages.</summary>
    /// <param name="seed">The seed: the same seed gives the same corpus.</param>
    /// <param name="lines">The least number of messages in all.</param>
    /// <returns>The conversations.</returns>
    public static IReadOnlyList<SyntheticConversation> Generate(int seed, int lines)
    {
        var corpus = new RedactionCorpus(seed);
        var conversations = new List<SyntheticConversation>();
        var total = 0;
        while (total < lines)
        {
            var conversation = corpus.Conversation();
            conversations.Add(conversation);
            total += conversation.Messages.Count;
        }

        return conversations;
    }

    /// <summary>Generates one conversation.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The conversation.</returns>
    public static SyntheticConversation GenerateOne(int seed) => new RedactionCorpus(seed).Conversation();

    private SyntheticConversation Conversation()
    {
        _messages.Clear();
        _spans.Clear();
        _cards.Clear();
        _voice = _random.Next(2) == 0;
        Say(Agent, Pick(Fillers));
        var segments = 3 + _random.Next(4);
        for (var s = 0; s < segments; s++)
        {
            switch (_random.Next(14))
            {
                case 0 or 1 or 2: CardPayment(); break;
                case 3: BankDetails(); break;
                case 4: NationalInsurance(); break;
                case 5: Postcode(); break;
                case 6: Phone(); break;
                case 7: Email(); break;
                case 8: OrderNumber(); break;
                case 9: Tracking(); break;
                case 10: DateAndTime(); break;
                case 11: Money(); break;
                default: CardEnding(); break;
            }

            for (var f = _random.Next(3) / 2; f > 0; f--)
            {
                Say(f % 2 == 0 ? Agent : Customer, Pick(Fillers));
            }
        }

        Say(Agent, "Thanks for calling, goodbye.");
        return new SyntheticConversation([.. _messages], [.. _spans], [.. _cards]);
    }

    // ---- segments ---------------------------------------------------------------------------------------------------

    private void CardPayment()
    {
        Say(Agent, Pick("Can I take the long card number please?", "What's the card number?", "Please type the card number in the chat.", "Could you read me the number across the front of the card?"));
        var digits = SyntheticCards.Create(_random);
        var group = _group++;
        var groups = SyntheticCards.Groups(digits);
        var writing = _voice
            ? (_random.Next(4) == 0 ? CardWriting.Mixed : _random.Next(3) == 0 ? CardWriting.Spaces : CardWriting.Spoken)
            : (CardWriting)(1 + _random.Next(4));
        var split = _random.Next(3) == 0 && groups.Count > 2;
        var messages = new List<int>();
        if (split)
        {
            // Split over two or three consecutive messages of the customer, at group boundaries or inside a group.
            var parts = SplitDigits(digits, groups, _random.Next(2) == 0 ? 2 : 3);
            for (var p = 0; p < parts.Count; p++)
            {
                var text = SyntheticCards.Write(parts[p], writing == CardWriting.Plain ? CardWriting.Spaces : writing, _random);
                messages.Add(_messages.Count);
                var m = new MessageText(this);
                if (p == 0)
                {
                    m.Add(Pick("it's ", "", "sure, ", "ok "));
                }

                m.Entity(RedactionEntity.CardNumber, text, group);
                m.Send(Customer);
            }
        }
        else
        {
            messages.Add(_messages.Count);
            var m = new MessageText(this);
            m.Add(Pick("It's ", "my card number is ", "", "sure, it's ", "card: ", "okay it's "));
            m.Entity(RedactionEntity.CardNumber, SyntheticCards.Write(groups, writing, _random), group);
            m.Add(Pick("", ".", " thanks", " ok?"));
            m.Send(Customer);
        }

        _cards.Add(new SyntheticCard(group, digits, messages, split ? "split" : writing.ToString().ToLowerInvariant()));

        if (_random.Next(4) != 0)
        {
            Say(Agent, Pick("And the expiry date?", "What's the expiry date on the card?", "When does the card expire?"));
            var month = 1 + _random.Next(12);
            var year = 26 + _random.Next(8);
            var expiry = _random.Next(_voice ? 3 : 4) switch
            {
                0 => Month(month) + " " + Year(year),
                1 when _voice => SyntheticCards.Say(month.ToString("00", CultureInfo.InvariantCulture), _random) + " " + SyntheticCards.Say(year.ToString(CultureInfo.InvariantCulture), _random),
                1 => $"{month:00}/20{year}",
                2 => $"{month:00}/{year}",
                _ => $"{month:00} {year}",
            };
            var m = new MessageText(this);
            m.Add(Pick("", "it's ", "expires ", "um "));
            m.Entity(RedactionEntity.ExpiryDate, expiry);
            m.Send(Customer);
        }

        if (_random.Next(4) != 0)
        {
            var amex = digits.Length == 15;
            Say(Agent, Pick("And the three digits on the back?", "What's the security code?", "Can I have the CVV please?", "Last thing, the security number on the back of the card?"));
            var cvv = new string([.. Enumerable.Range(0, amex ? 4 : 3).Select(_ => (char)('0' + _random.Next(10)))]);
            var m = new MessageText(this);
            m.Add(Pick("", "it's ", "the code is ", "erm "));
            m.Entity(RedactionEntity.SecurityCode, _voice && _random.Next(2) == 0 ? SyntheticCards.Say(cvv, _random) : cvv);
            m.Send(Customer);
        }

        if (_random.Next(2) == 0)
        {
            var m = new MessageText(this);
            m.Add("Thanks, that's gone through on the card ending ");
            m.Negative(HardNegative.CardEnding, digits[^4..]);
            m.Add(".");
            m.Send(Agent);
        }
    }

    private List<IReadOnlyList<string>> SplitDigits(string digits, IReadOnlyList<string> groups, int parts)
    {
        var result = new List<IReadOnlyList<string>>();
        if (_random.Next(2) == 0)
        {
            // At group boundaries.
            var per = Math.Max(1, groups.Count / parts);
            for (var g = 0; g < groups.Count; g += per)
            {
                result.Add(groups.Skip(g).Take(result.Count == parts - 1 ? groups.Count : per).ToList());
                if (result.Count == parts)
                {
                    break;
                }
            }

            return result;
        }

        // Anywhere: the cut falls inside a group.
        var cuts = new SortedSet<int>();
        while (cuts.Count < parts - 1)
        {
            cuts.Add(2 + _random.Next(digits.Length - 3));
        }

        var at = 0;
        foreach (var cut in cuts.Append(digits.Length))
        {
            var piece = digits[at..cut];
            result.Add(piece.Chunk(4).Select(c => new string(c)).ToList());
            at = cut;
        }

        return result;
    }

    private void BankDetails()
    {
        var sort = $"{_random.Next(100):00}{_random.Next(100):00}{_random.Next(100):00}";
        var account = $"{_random.Next(10_000_000, 100_000_000)}";
        var sortText = _random.Next(4) switch
        {
            0 => $"{sort[..2]}-{sort[2..4]}-{sort[4..]}",
            1 => $"{sort[..2]} {sort[2..4]} {sort[4..]}",
            2 when _voice => SyntheticCards.Say(sort, _random),
            _ => sort,
        };
        var accountText = _random.Next(3) switch
        {
            0 => $"{account[..4]} {account[4..]}",
            1 when _voice => SyntheticCards.Say(account, _random),
            _ => account,
        };
        if (_random.Next(2) == 0)
        {
            var m = new MessageText(this);
            m.Add(Pick("My sort code is ", "sort code ", "The sort code's "));
            m.Entity(RedactionEntity.SortCode, sortText);
            m.Add(Pick(" and the account number is ", ", account ", " and account number "));
            m.Entity(RedactionEntity.AccountNumber, accountText);
            m.Send(Customer);
            return;
        }

        Say(Agent, Pick("What's the sort code for the account?", "Can I take the sort code please?"));
        var s = new MessageText(this);
        s.Add(Pick("", "it's ", "yeah it's "));
        s.Entity(RedactionEntity.SortCode, sortText);
        s.Send(Customer);
        Say(Agent, Pick("And the account number?", "Thanks, and the eight digit account number?"));
        var a = new MessageText(this);
        a.Add(Pick("", "it's ", "account number "));
        a.Entity(RedactionEntity.AccountNumber, accountText);
        a.Send(Customer);
    }

    private void NationalInsurance()
    {
        const string first = "ABCEGHJKLMNOPRSTWXYZ";
        const string second = "ABCEGHJKLMNPRSTWXYZ";
        string prefix;
        do
        {
            prefix = $"{first[_random.Next(first.Length)]}{second[_random.Next(second.Length)]}";
        }
        while (prefix is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ");
        var digits = $"{_random.Next(1_000_000):000000}";
        var suffix = "ABCD"[_random.Next(4)];
        var text = _random.Next(3) switch
        {
            0 => $"{prefix} {digits[..2]} {digits[2..4]} {digits[4..]} {suffix}",
            1 => $"{prefix}{digits}{suffix}".ToLowerInvariant(),
            _ => $"{prefix}{digits}{suffix}",
        };
        Say(Agent, "Can you confirm your National Insurance number?");
        var m = new MessageText(this);
        m.Add(Pick("It's ", "", "my NI number is ", "sure, "));
        m.Entity(RedactionEntity.NationalInsuranceNumber, text);
        m.Send(Customer);
    }

    private void Postcode()
    {
        string[] outward = ["SW1A", "EC1A", "W1A", "M1", "B33", "CR2", "DN55", "LS1", "G2", "EH1", "CF10", "BT1", "NE1", "L1", "BS1", "OX4", "CB2", "N1", "E14", "SE1"];
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        var code = $"{Pick(outward)} {_random.Next(10)}{letters[_random.Next(letters.Length)]}{letters[_random.Next(letters.Length)]}";
        code = _random.Next(4) switch
        {
            0 => code.ToLowerInvariant(),
            1 => code.Replace(" ", string.Empty, StringComparison.Ordinal),
            _ => code,
        };
        Say(Agent, "And the postcode?");
        var m = new MessageText(this);
        m.Add(Pick("", "It's ", "postcode is ", "my postcode is "));
        m.Entity(RedactionEntity.Postcode, code);
        m.Send(Customer);
    }

    private void Phone()
    {
        var number = PhoneNumber();
        Say(Agent, "What's the best number to reach you on?");
        var m = new MessageText(this);
        m.Add(Pick("", "It's ", "call me on ", "my mobile is ", "you can ring "));
        m.Entity(RedactionEntity.TelephoneNumber, number);
        m.Add(Pick("", ".", " thanks"));
        m.Send(Customer);
    }

    private string PhoneNumber()
    {
        while (true)
        {
            var kind = _random.Next(4);
            var national = kind switch
            {
                0 or 1 => "07" + Digits(9),
                2 => "020" + "378"[_random.Next(3)] + Digits(7),
                _ => Pick("0161", "0121", "0113", "0117", "0131", "0141", "0151") + Digits(7),
            };
            var parsed = Phones.Parse(national, "GB");
            if (!Phones.IsValidNumber(parsed))
            {
                continue;
            }

            var n = national[1..];
            return (kind, _random.Next(4)) switch
            {
                (0 or 1, 0) => national,
                (0 or 1, 1) => $"{national[..5]} {national[5..]}",
                (0 or 1, 2) => $"+44 {n[..4]} {n[4..]}",
                (0 or 1, _) => $"+44{n}",
                (2, 0) => $"020 {national[3..7]} {national[7..]}",
                (2, 1) => $"(020) {national[3..7]} {national[7..]}",
                (2, 2) => $"+44 (0)20 {national[3..7]} {national[7..]}",
                (2, _) => $"+44 20 {national[3..7]} {national[7..]}",
                (_, 0) => $"{national[..4]} {national[4..7]} {national[7..]}",
                (_, 1) => $"({national[..4]}) {national[4..7]} {national[7..]}",
                (_, 2) => $"{national[..4]}-{national[4..7]}-{national[7..]}",
                _ => $"+44 {n[..3]} {n[3..6]} {n[6..]}",
            };
        }
    }

    private void Email()
    {
        var first = Pick("john", "sarah", "mo", "priya", "tom", "aisha", "dave", "emma", "kwame", "lucy");
        var last = Pick("smith", "jones", "patel", "khan", "brown", "wilson", "taylor", "evans", "okafor", "wright");
        var domain = Pick("example", "mail", "post", "inbox", "webmail");
        var tld = Pick("com", "co.uk", "org", "net");
        var number = _random.Next(3) == 0 ? _random.Next(10, 99).ToString(CultureInfo.InvariantCulture) : string.Empty;
        string text;
        if (_voice || _random.Next(4) == 0)
        {
            var join = Pick(" dot ", " underscore ", "");
            text = $"{first}{join}{last}{(number.Length > 0 ? " " + number : string.Empty)} at {domain} dot {tld.Replace(".", " dot ", StringComparison.Ordinal)}";
        }
        else
        {
            text = $"{first}{Pick(".", "_", "")}{last}{number}@{domain}.{tld}";
        }

        Say(Agent, "What email address should we use?");
        var m = new MessageText(this);
        m.Add(Pick("", "It's ", "my email is ", "send it to "));
        m.Entity(RedactionEntity.EmailAddress, text);
        m.Send(Customer);
    }

    private void OrderNumber()
    {
        Say(Agent, "Do you have the order number?");
        var m = new MessageText(this);
        m.Add(Pick("Yes, it's ", "order number ", "the order is ", "It's order "));
        m.Negative(HardNegative.OrderNumber, _random.Next(3) switch
        {
            0 => Digits(8),
            1 => $"ORD-{Digits(4)}-{Digits(4)}",
            _ => $"{Digits(4)} {Digits(4)}",
        });
        m.Send(Customer);
    }

    private void Tracking()
    {
        var m = new MessageText(this);
        m.Add(Pick("Your tracking number is ", "The parcel's tracking reference is ", "Tracking: "));
        m.Negative(HardNegative.TrackingNumber, _random.Next(3) switch
        {
            0 => $"{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}{Digits(9)}GB",
            1 => $"1Z{Digits(3)}AA{Digits(10)}",
            _ => "155" + Digits(11),
        });
        m.Send(Agent);
    }

    private void DateAndTime()
    {
        var day = 1 + _random.Next(28);
        var month = 1 + _random.Next(12);
        var m = new MessageText(this);
        m.Add(Pick("It'll be delivered on ", "The engineer is booked for ", "Your appointment is on "));
        m.Negative(HardNegative.Date, _random.Next(4) switch
        {
            0 => $"{day:00}/{month:00}/2026",
            1 => $"{day} {Month(month)} 2026",
            2 => $"2026-{month:00}-{day:00}",
            _ => $"the {day}{(day is 1 or 21 ? "st" : day is 2 or 22 ? "nd" : day is 3 or 23 ? "rd" : "th")} of {Month(month)}",
        });
        m.Add(" at ");
        var hour = 8 + _random.Next(10);
        m.Negative(HardNegative.Time, _random.Next(3) switch
        {
            0 => $"{hour}:{_random.Next(4) * 15:00}",
            1 => $"{(hour > 12 ? hour - 12 : hour)}{(hour >= 12 ? "pm" : "am")}",
            _ => $"{(hour > 12 ? hour - 12 : hour)}:{_random.Next(4) * 15:00} {(hour >= 12 ? "pm" : "am")}",
        });
        m.Add(".");
        m.Send(Agent);
    }

    private void Money()
    {
        var pounds = _random.Next(1, 2000);
        var pence = _random.Next(100);
        var m = new MessageText(this);
        m.Add(Pick("That comes to ", "I can refund ", "The balance is ", "You were charged "));
        m.Negative(HardNegative.Money, _random.Next(4) switch
        {
            0 => $"£{pounds}.{pence:00}",
            1 => $"£{pounds:N0}",
            2 => $"{pounds} pounds",
            _ => $"£{pounds:N2}",
        });
        m.Add(".");
        m.Send(Agent);
    }

    private void CardEnding()
    {
        var m = new MessageText(this);
        m.Add(Pick("Is that the card ending ", "I can see a payment from the card ending in ", "Shall I use the card ending "));
        m.Negative(HardNegative.CardEnding, Digits(4));
        m.Add("?");
        m.Send(Agent);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void Say(PartyId party, string text) => new MessageText(this).Add(text).Send(party);

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    private string Digits(int count) => new([.. Enumerable.Range(0, count).Select(_ => (char)('0' + _random.Next(10)))]);

    private static string Month(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private string Year(int year) => _random.Next(2) == 0 ? "20" + year.ToString(CultureInfo.InvariantCulture) : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds one message, recording the labelled spans as it goes.</summary>
    private sealed class MessageText(RedactionCorpus corpus)
    {
        private readonly StringBuilder _text = new();
        private readonly List<SyntheticSpan> _spans = [];

        public MessageText Add(string text)
        {
            _text.Append(text);
            return this;
        }

        public void Entity(RedactionEntity entity, string text, int group = -1)
        {
            _spans.Add(new SyntheticSpan(corpus._messages.Count, _text.Length, text.Length, entity, null, group));
            _text.Append(text);
        }

        public void Negative(HardNegative negative, string text)
        {
            _spans.Add(new SyntheticSpan(corpus._messages.Count, _text.Length, text.Length, null, negative));
            _text.Append(text);
        }

        public void Send(PartyId party)
        {
            var text = _text.ToString();
            var channel = corpus._voice ? Channel.VoiceCall : Channel.Webchat;
            var message = new TranscriptMessage(party, channel, text);
            if (corpus._voice)
            {
                message = message with { Words = Timings(text, corpus._messages.Count) };
            }

            corpus._messages.Add(message);
            corpus._spans.AddRange(_spans);
        }

        private static List<WordTiming> Timings(string text, int index)
        {
            var words = new List<WordTiming>();
            var clock = Duration.FromSeconds(index * 4);
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                var start = i;
                while (i < text.Length && text[i] != ' ')
                {
                    i++;
                }

                if (i > start)
                {
                    var end = clock + Duration.FromMilliseconds(300);
                    words.Add(new WordTiming(start, i - start, clock, end));
                    clock = end + Duration.FromMilliseconds(50);
                }
            }

            return words;
        }
    }
}
