using ContactKit.Consent;
using CsCheck;

namespace ContactKit.Consent.Tests.Recording;

public class RecordingRuleSetTests
{
    private static readonly RecordingRuleSet Rules = RecordingRuleSet.Default;

    private static RecordingParty Party(string id, string? jurisdiction) =>
        new(PartyId.Parse(id), PartyRole.Caller, jurisdiction is null ? null : Jurisdiction.Parse(jurisdiction));

    [Theory]
    [InlineData("GB", CaptureRequirement.Notice)] // UK: telling every party is enough (notice 004: continuing implies consent)
    [InlineData("GB-SCT", CaptureRequirement.Notice)] // a UK nation falls back to the UK rule
    [InlineData("FR", CaptureRequirement.Notice)] // an EU member state
    [InlineData("DE", CaptureRequirement.ExplicitConsent)] // Germany: the spoken word needs consent
    [InlineData("US-TX", CaptureRequirement.None)] // a one-party state falls back to the federal rule
    [InlineData("US-CA", CaptureRequirement.ExplicitConsent)] // California: all-party consent
    [InlineData("US-FL", CaptureRequirement.ExplicitConsent)] // Florida: all-party consent
    [InlineData("JP", CaptureRequirement.ExplicitConsent)] // no rule shipped: treated as the strictest
    public void Decide_OneParty_UsesItsJurisdictionsRule(string jurisdiction, CaptureRequirement expected)
    {
        var decision = Rules.Decide(Channel.VoiceCall, [Party("caller", jurisdiction)]).Value;

        Assert.Equal(expected, decision.Requirement);
    }

    [Fact]
    public void Decide_DelawareCaller_NeedsExplicitConsentWithSourceAndReason()
    {
        // Delaware was missing and fell back to the federal one-party rule; the conservative all-party reading applies.
        var decision = Rules.Decide(Channel.VoiceCall, [Party("caller", "US-DE")]).Value;

        Assert.Equal(CaptureRequirement.ExplicitConsent, decision.Requirement);
        var rule = decision.Deciding.Rule!;
        Assert.Equal(RulingBasis.SubdivisionRule, decision.Deciding.Basis);
        Assert.Equal("11 Del. C. s 1335(a)(4)", rule.Source);
        Assert.Contains("sources disagree", rule.Reason, StringComparison.Ordinal);
        Assert.Contains("conservative", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MixedParties_GivesEachPartyNothingNoticeOrExplicitConsent()
    {
        // The recording lifecycle enforces each party's own requirement, so the decision must carry it per party.
        var decision = Rules.Decide(Channel.VoiceCall, [Party("agent", "GB"), Party("caller", "US-TX"), Party("expert", "US-DE")]).Value;

        Assert.Equal(
            [CaptureRequirement.Notice, CaptureRequirement.None, CaptureRequirement.ExplicitConsent],
            decision.Rulings.Select(r => r.Requirement));
        Assert.Equal([PartyId.Parse("agent"), PartyId.Parse("caller"), PartyId.Parse("expert")], decision.Rulings.Select(r => r.Party.Id));
        Assert.Equal(CaptureRequirement.ExplicitConsent, decision.Requirement);
    }

    [Fact]
    public void Decide_UnknownJurisdiction_IsTreatedAsStrictestAndSaysSo()
    {
        var decision = Rules.Decide(Channel.VoiceCall, [Party("agent", "GB"), Party("caller", null)]).Value;

        Assert.Equal(CaptureRequirement.ExplicitConsent, decision.Requirement);
        Assert.Equal(RulingBasis.UnknownJurisdiction, decision.Deciding.Basis);
        Assert.Contains("party caller (jurisdiction unknown): ExplicitConsent", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UkAgentAndCaliforniaCaller_ExplainsWhichPartyRuleAndSource()
    {
        var decision = Rules.Decide(Channel.VoiceCall, [Party("agent", "GB"), Party("caller", "US-CA")]).Value;

        var text = decision.Explain();
        Assert.Equal("caller", decision.Deciding.Party.Id.Value);
        Assert.Contains("Decided by party caller (US-CA): ExplicitConsent under the US-CA rule 'all-party consent' (Cal. Penal Code s 632)", text, StringComparison.Ordinal);
        Assert.Contains("party agent (GB): Notice under the GB rule", text, StringComparison.Ordinal);
        Assert.Contains("Rules as of 2026-11-01", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoParties_IsRefused()
    {
        Assert.Equal(ConsentErrorCodes.NoParties, Rules.Decide(Channel.VoiceCall, []).Error?.Code);
    }

    [Fact]
    public void Decide_Email_NeedsNothingBecauseItIsNotLive()
    {
        var decision = Rules.Decide(Channel.Email, [Party("caller", "US-CA")]).Value;

        Assert.Equal(CaptureRequirement.None, decision.Requirement);
        Assert.Equal(RulingBasis.NotALiveChannel, decision.Deciding.Basis);
    }

    [Fact]
    public void With_HostOverride_ReplacesTheShippedRule()
    {
        var rules = Rules.With(new RecordingRule(Jurisdiction.Parse("US-TX"), CaptureRequirement.Notice, "house policy", "Legal team memo 2026-07"));

        var decision = rules.Decide(Channel.VoiceCall, [Party("caller", "US-TX")]).Value;

        Assert.Equal(CaptureRequirement.Notice, decision.Requirement);
        Assert.Equal(RulingBasis.SubdivisionRule, decision.Deciding.Basis);
        Assert.Equal("Legal team memo 2026-07", decision.Deciding.Rule!.Source);
        Assert.Equal(CaptureRequirement.None, Rules.Decide(Channel.VoiceCall, [Party("caller", "US-TX")]).Value.Requirement);
    }

    [Fact]
    public void Reevaluate_AllPartyStateJoinsUkCall_RaisesTheRequirement()
    {
        var start = Rules.Decide(Channel.VoiceCall, [Party("agent", "GB"), Party("caller", "GB")]).Value;

        var joined = Rules.Reevaluate(start, Party("supervisor", "US-WA"));

        Assert.Equal(CaptureRequirement.Notice, start.Requirement);
        Assert.Equal(CaptureRequirement.ExplicitConsent, joined.Requirement);
        Assert.True(joined.RaisedByLastJoin);
        Assert.Equal(3, joined.Rulings.Length);
        Assert.False(Rules.Reevaluate(joined, Party("other", "GB")).RaisedByLastJoin);
    }

    [Fact]
    public void Default_ShipsRulesWithSourcesForEveryEuMemberAndTheAllPartyStates()
    {
        var rules = Rules.Rules;

        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".Split(' '), code => Assert.Contains(rules, r => r.Jurisdiction.Value == code));
        Assert.All("CA FL IL MD MA MT NH PA WA".Split(' '), s => Assert.Equal(CaptureRequirement.ExplicitConsent, rules.Single(r => r.Jurisdiction.Value == $"US-{s}").Requirement));
    }

    [Fact]
    public void Decide_AnyParties_StrictestRuleAmongPartiesAlwaysWins()
    {
        string?[] places = [null, "GB", "GB-WLS", "IE", "DE", "FR", "US", "US-NY", "US-CA", "US-IL", "JP", "AU"];
        var party = Gen.Select(Gen.Int[0, places.Length - 1], Gen.Int[0, 999], (p, n) => Party($"p{n}", places[p]));
        var rules = Gen.Frequency((3, Gen.Const(Rules)), (1, Gen.Select(Gen.Int[1, 11], Gen.Enum<CaptureRequirement>(), (p, r) => Rules.With(new RecordingRule(Jurisdiction.Parse(places[p]!), r, "override", "test")))));

        Gen.Select(rules, party.Array[1, 6], Gen.Enum<Channel>()).Sample((set, parties, channel) =>
        {
            var decision = set.Decide(channel, parties).Value;
            var each = parties.Select(p => channel.IsLive() ? set.Rule(p).Requirement : CaptureRequirement.None).ToList();

            Assert.Equal(each.Max(), decision.Requirement);
            Assert.Equal(each.IndexOf(each.Max()), decision.Rulings.IndexOf(decision.Deciding));
            Assert.All(decision.Rulings, r => Assert.True(r.Requirement <= decision.Requirement));
            if (channel.IsLive() && parties.Any(p => p.Jurisdiction is null))
            {
                Assert.Equal(CaptureRequirement.ExplicitConsent, decision.Requirement);
            }

            // Adding parties one at a time reaches the same requirement, and it never falls.
            var running = set.Decide(channel, [parties[0]]).Value;
            foreach (var next in parties.Skip(1))
            {
                var after = set.Reevaluate(running, next);
                Assert.True(after.Requirement >= running.Requirement);
                Assert.Equal(after.Requirement > running.Requirement, after.RaisedByLastJoin);
                running = after;
            }

            Assert.Equal(decision.Requirement, running.Requirement);
        }, iter: 3000);
    }
}
