using System.Runtime.CompilerServices;
using NodaTime;
using static ContactKit.Redaction.Tests.TestRedactor;

namespace ContactKit.Redaction.Tests;

public sealed class RedactorTests
{
    private readonly Redactor _redactor = Create();

    [Theory]
    [InlineData("my card is 4111 1111 1111 1111 thanks", "my card is [card-number] thanks")] // spaces
    [InlineData("4111-1111-1111-1111", "[card-number]")] // dashes
    [InlineData("4111.1111.1111.1111.", "[card-number].")] // dots, and a full stop after
    [InlineData("card:4111111111111111", "card:[card-number]")] // no separators
    [InlineData("amex 3782 822463 10005", "amex [card-number]")] // 4-6-5 grouping
    [InlineData("four one one one, one one one one, um, one one one one, one one one one", "[card-number]")] // spoken with hesitation
    [InlineData("four triple one double one double one one one one one one one one one", "[card-number]")] // double and triple
    [InlineData("forty one eleven eleven eleven eleven eleven eleven eleven", "[card-number]")] // pairs
    [InlineData("4111 one one one one 1111 1111", "[card-number]")] // digits and words mixed
    [InlineData("five five five five, five five five five, five five five five, four four four four", "[card-number]")] // Mastercard, all words
    [InlineData("it's 5555 5555 5555 4444 exp 04/27", "it's [card-number] exp [expiry-date]")] // expiry in the same message
    public void Redact_CardInOneMessage_ReplacesIt(string text, string expected) =>
        Assert.Equal(expected, One(_redactor, text));

    [Theory]
    [InlineData("4111 1111 1111 1112")] // fails Luhn
    [InlineData("1234 5678 9012 3452")] // Luhn-valid but starts with 1, not a payment card range
    [InlineData("9111 1111 1111 1111")]
    public void Redact_LongNumberThatIsNotACard_DefaultPolicyLeavesIt(string text) =>
        Assert.Equal(text, One(_redactor, text));

    [Fact]
    public void Redact_ConservativePolicy_RemovesAny13To19Digits()
    {
        var conservative = Create(o => o.Default.CardPolicy = CardPolicy.Conservative);
        Assert.Equal("[card-number]", One(conservative, "4111 1111 1111 1112"));
        Assert.Equal("ref 123456789012", One(conservative, "ref 123456789012")); // 12 digits: not a card under either policy
    }

    [Fact]
    public void Redact_CardSplitOverTwoMessagesOfOneParty_RemovesBothParts()
    {
        var output = Run(_redactor, C("it's 4111 1111"), C("1111 1111"));
        Assert.Equal("it's [card-number]", output[0].Text);
        Assert.Equal("[card-number]", output[1].Text);
    }

    [Fact]
    public void Redact_CardSplitOverThreeMessagesInsideGroups_RemovesEveryPart()
    {
        var output = Run(_redactor, C("4111 11"), C("11 1111 1"), C("111"));
        Assert.All(output, m => Assert.Equal("[card-number]", m.Text));
        Assert.Equal(1, _redactor.Redact(Tenant, [C("4111 11"), C("11 1111 1"), C("111")]).Value.Report.Count(RedactionEntity.CardNumber));
    }

    [Fact]
    public void Redact_DigitsSplitBetweenDifferentParties_AreNotJoined()
    {
        var output = Run(_redactor, C("4111 1111"), A("1111 1111"));
        Assert.Equal("4111 1111", output[0].Text);
        Assert.Equal("1111 1111", output[1].Text);
    }

    [Fact]
    public void Add_MessageEndingInDigits_IsHeldUntilTheNextMessageDecidesIt()
    {
        var stream = _redactor.Start(Tenant);
        Assert.Empty(stream.Add(C("my card is 5555 5555")).Value);
        var released = stream.Add(C("5555 4444")).Value; // a Mastercard has 16 digits: nothing more can follow
        Assert.Equal(["my card is [card-number]", "[card-number]"], released.Select(m => m.Text));
        Assert.Empty(stream.Complete());
    }

    [Fact]
    public void Add_TwoConversationsInterleavedOnOneThread_EachKeepsItsOwnSplitCard()
    {
        var first = _redactor.Start(Tenant);
        var second = _redactor.Start(Tenant);
        Assert.Empty(first.Add(C("my card is 5555 5555")).Value);
        Assert.Empty(second.Add(C("it's 4111 1111")).Value);
        Assert.Equal(["my card is [card-number]", "[card-number]"], first.Add(C("5555 4444")).Value.Select(m => m.Text));
        Assert.Empty(second.Add(C("1111 1111")).Value);
        Assert.Equal(["it's [card-number]", "[card-number]", "thanks"], second.Add(A("thanks")).Value.Select(m => m.Text));
    }

    [Fact]
    public void Add_VisaEndingAMessage_IsHeldWhileA19DigitVisaCouldGoOn()
    {
        var stream = _redactor.Start(Tenant);
        Assert.Empty(stream.Add(C("4111 1111")).Value);
        Assert.Empty(stream.Add(C("1111 1111")).Value);
        var released = stream.Add(A("Thanks.")).Value;
        Assert.Equal(["[card-number]", "[card-number]", "Thanks."], released.Select(m => m.Text));
    }

    [Fact]
    public void Add_NineteenDigitVisaSplitAfterSixteen_IsRemovedWhole()
    {
        const string visa19 = "4000000000000000006";
        Assert.True(ContactKit.Testing.SyntheticCards.LuhnCheckDigit(visa19[..18]) == visa19[18]);
        var output = Run(_redactor, C(visa19[..16]), C(visa19[16..]));
        Assert.Equal(["[card-number]", "[card-number]"], output.Select(m => m.Text));
        Assert.Equal(1, _redactor.Redact(Tenant, [C(visa19[..16]), C(visa19[16..])]).Value.Report.Count(RedactionEntity.CardNumber));
    }

    [Fact]
    public void Redact_CardSplitWithOneDigitEndsAroundAShorterCard_RemovesEveryPart()
    {
        // 4544063316067875671 is a 19-digit Visa; its middle piece holds 5440633160678756, itself a Luhn-valid Mastercard.
        TranscriptMessage[] messages = [C("it's 4"), C("5440 6331 6067 8756 7"), C("1.")];
        var output = Run(_redactor, messages);
        Assert.Equal(["it's [card-number]", "[card-number]", "[card-number]."], output.Select(m => m.Text));
        Assert.Equal(1, _redactor.Redact(Tenant, messages).Value.Report.Count(RedactionEntity.CardNumber));
    }

    [Fact]
    public void Add_DigitsNoIssuerRangeCanContinue_AreNotCarried()
    {
        var stream = _redactor.Start(Tenant);
        Assert.Single(stream.Add(C("order 9123")).Value); // nothing starting 9, 91, 912 or 9123 is a card
        Assert.Empty(stream.Add(C("order 4123")).Value); // a Visa could start here
    }

    [Fact]
    public void Add_MessageNotEndingInDigits_IsReturnedAtOnce()
    {
        var stream = _redactor.Start(Tenant);
        var released = Assert.Single(stream.Add(A("What's the card number?")).Value);
        Assert.Equal(0, released.Index);
    }

    [Fact]
    public void Add_MessageReturned_StreamKeepsNoReferenceToItsText()
    {
        var stream = _redactor.Start(Tenant);
        var text = AddOneMessage(stream);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The message was final at once and had a value removed: nothing but the stream could still hold its text.
        Assert.False(text.IsAlive, "the stream still holds the text of a message it has returned");
        GC.KeepAlive(stream);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddOneMessage(RedactionStream stream)
    {
        var text = string.Concat("my NI number is ", "AB 12 34 56 C");
        var released = stream.Add(C(text)).Value;
        Assert.Equal("my NI number is [ni-number]", Assert.Single(released).Text);
        return new WeakReference(text);
    }

    [Fact]
    public void Add_AfterComplete_RefusesWithStreamCompleted()
    {
        var stream = _redactor.Start(Tenant);
        stream.Complete();
        Assert.Equal(RedactionErrorCodes.StreamCompleted, stream.Add(C("hello")).Error!.Code);
    }

    [Theory]
    [InlineData("What's the security code?", "042", "[security-code]")] // a bare answer
    [InlineData("And the three digits on the back?", "oh four two", "[security-code]")] // spoken
    [InlineData("Can I have the CVV please?", "it's 1234", "it's [security-code]")] // American Express has four
    [InlineData("And the expiry date?", "04/27", "[expiry-date]")]
    [InlineData("And the expiry date?", "oh four twenty seven", "[expiry-date]")]
    [InlineData("When does the card expire?", "April 2027", "[expiry-date]")]
    [InlineData("What's the sort code for the account?", "20 45 77", "[sort-code]")]
    [InlineData("And the account number?", "it's 1234 5678", "it's [account-number]")]
    public void Redact_BareAnswerToAQuestion_IsReadInContext(string question, string answer, string expected) =>
        Assert.Equal(expected, Run(_redactor, A(question), C(answer))[1].Text);

    [Fact]
    public void Redact_BareNumberWithoutAQuestion_StaysAsItIs() =>
        Assert.Equal("042", Run(_redactor, A("How many items?"), C("042"))[1].Text);

    [Theory]
    [InlineData("Thanks, that's gone through on the card ending 4242.")]
    [InlineData("Is that the card ending in 1234?")]
    [InlineData("Your order number is 10293847.")]
    [InlineData("Tracking: AB123456785GB")]
    [InlineData("Tracking: 15512345678901")]
    [InlineData("The engineer is booked for 2026-03-12 at 15:45.")]
    [InlineData("It'll be delivered on 12/03/2026 at 3pm.")]
    [InlineData("That comes to £1,250.00, or 45 pounds a month.")]
    [InlineData("Order ORD-1234-5678 was sent on the 3rd of April.")]
    public void Redact_HardNegativeEvenAfterCardAndBankQuestions_StaysAsItIs(string text)
    {
        var output = Run(_redactor, A("What's the security code and the sort code and account number?"), C("4111 1111 1111 1111"), A(text));
        Assert.Equal(text, output[2].Text);
    }

    [Theory]
    [InlineData("my NI number is AB 12 34 56 C", "my NI number is [ni-number]")]
    [InlineData("it's ab123456c", "it's [ni-number]")]
    [InlineData("it's QQ123456C", "it's QQ123456C")] // Q is never a first letter
    [InlineData("it's AO123456C", "it's AO123456C")] // O is never a second letter
    [InlineData("it's GB123456A", "it's GB123456A")] // never-issued prefix
    [InlineData("it's AB123456E", "it's AB123456E")] // suffix beyond D
    [InlineData("ref ZAB 12 34 56 C", "ref ZAB 12 34 56 C")] // a third letter before it: part of another reference
    [InlineData("AB 12 34 56 C\u00E9", "[ni-number]\u00E9")] // a letter outside ASCII may follow the suffix
    public void Redact_NationalInsuranceNumber_FollowsHmrcRules(string text, string expected) =>
        Assert.Equal(expected, One(_redactor, text));

    [Theory]
    [InlineData("postcode SW1A 1AA", "postcode [postcode]")]
    [InlineData("it's m1 1ae", "it's [postcode]")]
    [InlineData("EC1A1BB please", "[postcode] please")]
    [InlineData("ref XSW1A 1AA", "ref XSW1A 1AA")] // a letter before the outward code: part of another reference
    [InlineData("ring 0161 496 0000 about SW1A 1AA", "ring [phone-number] about [postcode]")]
    public void Redact_Postcode_IsRemoved(string text, string expected) => Assert.Equal(expected, One(_redactor, text));

    [Theory]
    [InlineData("call me on 07911 123456")]
    [InlineData("call me on +44 7911 123456")]
    [InlineData("call me on (020) 7946 0018")]
    [InlineData("call me on +44 (0)20 7946 0018")]
    [InlineData("call me on 0161-496-0000")]
    [InlineData("call me on 07911.123.456")]
    [InlineData("tel:+447911123456")]
    [InlineData("ring 0161 496 0000, or 0161 496 0001 after six")]
    [InlineData("call 0800 1111 for free")] // a valid freephone number of 8 digits, with no longer run beside it
    [InlineData("call me on \uFF10\uFF17\uFF19\uFF11\uFF11 \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16")] // full-width digits
    [InlineData("\u0442\u0435\u043B07911 123456")] // touching letters of another script, which libphonenumber allows
    public void Redact_UkTelephoneNumberInAnyWrittenForm_IsRemoved(string text)
    {
        var output = One(_redactor, text);
        Assert.Contains("[phone-number]", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{3}", output);
    }

    [Theory]
    [InlineData("it's john.smith@example.com", "it's [email-address]")]
    [InlineData("john dot smith at example dot com", "[email-address]")]
    [InlineData("send it to priya underscore patel 85 at mail dot co dot uk please", "send it to [email-address] please")]
    [InlineData("I'm at home dot now", "I'm at home dot now")] // no top-level domain: not an email
    public void Redact_EmailWrittenOrSpoken_IsRemoved(string text, string expected) => Assert.Equal(expected, One(_redactor, text));

    [Fact]
    public void Redact_SpokenCardWithWordTimings_ReportsTheAudioRangeToMute()
    {
        const string text = "it's four one one one one one one one one one one one one one one one ok";
        var words = new List<WordTiming>();
        var at = 0;
        foreach (var word in text.Split(' '))
        {
            words.Add(new WordTiming(at, word.Length, Duration.FromSeconds(words.Count), Duration.FromSeconds(words.Count) + Duration.FromMilliseconds(500)));
            at += word.Length + 1;
        }

        var output = Run(_redactor, new TranscriptMessage(Customer, Channel.VoiceCall, text) { Words = words });

        var span = Assert.Single(output[0].Spans);
        Assert.Equal(RedactionEntity.CardNumber, span.Entity);
        Assert.Equal(Duration.FromSeconds(1), span.AudioStart);
        Assert.Equal(Duration.FromSeconds(16) + Duration.FromMilliseconds(500), span.AudioEnd);
        Assert.Equal("it's [card-number] ok", output[0].Text);
    }

    [Fact]
    public void Redact_WordTimingOutsideTheText_RefusesWithInvalidWordTiming()
    {
        var message = new TranscriptMessage(Customer, Channel.VoiceCall, "hi") { Words = [new WordTiming(0, 5, Duration.Zero, Duration.FromSeconds(1))] };
        var result = _redactor.Redact(Tenant, [message]);
        Assert.Equal(RedactionErrorCodes.InvalidWordTiming, result.Error!.Code);
        Assert.Equal("Words[0]", result.Error.Field);
    }

    [Fact]
    public void Redact_Report_CountsByEntityAndNeverHoldsValues()
    {
        var result = _redactor.Redact(Tenant, [C("4111 1111 1111 1111 and AB123456C and SW1A 1AA")]).Value;
        Assert.Equal(1, result.Report.Count(RedactionEntity.CardNumber));
        Assert.Equal(1, result.Report.Count(RedactionEntity.NationalInsuranceNumber));
        Assert.Equal(1, result.Report.Count(RedactionEntity.Postcode));
        Assert.Equal(3, result.Report.Total);
        Assert.DoesNotContain("4111", result.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_EntityDisabledForTenant_IsLeft()
    {
        var redactor = Create(o => o.Tenants["tenant-1"] = new RedactionSettings { Disabled = { RedactionEntity.Postcode } });
        Assert.Equal("SW1A 1AA", One(redactor, "SW1A 1AA"));
    }

    [Fact]
    public void Redact_CustomMarker_IsUsedAndRedactsToItself()
    {
        var redactor = Create(o => o.Default.Marker = "<removed {entity}>");
        var once = One(redactor, "card 4111111111111111 email a@b.com");
        Assert.Equal("card <removed card-number> email <removed email-address>", once);
        Assert.Equal(once, One(redactor, once));
    }

    [Fact]
    public void Redact_RedactedText_ChangesNothing()
    {
        var first = Run(_redactor, A("sort code and account?"), C("sort code 20-45-77 account 12345678"), C("card 4111 1111 1111 1111"));
        var again = Run(_redactor, A("sort code and account?"), C(first[1].Text), C(first[2].Text));
        Assert.Equal(first.Select(m => m.Text).Skip(1), again.Select(m => m.Text).Skip(1));
        Assert.All(again.Skip(1), m => Assert.Empty(m.Spans));
    }
}
