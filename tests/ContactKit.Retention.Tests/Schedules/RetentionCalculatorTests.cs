using CsCheck;
using NodaTime;
using static ContactKit.Retention.Tests.Schedules.NoticeSchedules;

namespace ContactKit.Retention.Tests.Schedules;

public sealed class RetentionCalculatorTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 14, 10, 30);

    [Fact]
    public void Decide_TwoRulesOneLonger_LongestWinsAndTheOtherIsExplained()
    {
        var schedule = Schedule(
            Rule("short", "P6M", DisposalAction.Delete),
            Rule("long", "P1Y", DisposalAction.Delete));

        var decision = new RetentionCalculator(schedule).Decide(CallRecording(), London);

        Assert.Equal("long", decision.Rule!.Name);
        var loser = Assert.Single(decision.LosingRules);
        Assert.Equal("short", loser.Rule.Name);
        Assert.Contains("longest retention wins", loser.Why, StringComparison.Ordinal);
        Assert.True(loser.WouldActAt < decision.DisposeAt);
    }

    [Theory]
    [InlineData(DisposalAction.Delete, DisposalAction.Anonymise, "anonymise")] // anonymising keeps more than deleting
    [InlineData(DisposalAction.Anonymise, DisposalAction.Review, "review")] // a review keeps everything until a person decides
    [InlineData(DisposalAction.Review, DisposalAction.Delete, "review")] // order of writing does not matter
    public void Decide_SameInstantDifferentActions_KeepingBeatsDeleting(DisposalAction first, DisposalAction second, string winner)
    {
        var schedule = Schedule(Rule("first", "P6M", first), Rule("second", "P6M", second) with { Trigger = RetentionTrigger.Created });
        var item = CallRecording() with { CreatedAt = Created.Plus(Duration.FromMinutes(12)) };

        var decision = new RetentionCalculator(schedule).Decide(item, London);

        Assert.Equal(winner, decision.Action!.Value.ToString().ToLowerInvariant());
        Assert.Contains("keeping beats deleting", decision.LosingRules[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OneRuleWaitsForItsTrigger_NotYetKnownBecauseKeepingBeatsDeleting()
    {
        var schedule = Schedule(
            Rule("recording", "P6M", DisposalAction.Delete),
            Rule("complaint", "P1Y", DisposalAction.Delete) with { Trigger = RetentionTrigger.CaseClosed });

        var decision = new RetentionCalculator(schedule).Decide(CallRecording(), London);

        Assert.Equal(DisposalStatus.NotYetKnown, decision.Status);
        Assert.Equal("complaint", decision.Rule!.Name);
        Assert.Null(decision.DisposeAt);
        Assert.Contains("waits for 'case_closed'", decision.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoRuleForTheClass_SaysSoAndNeverBecomesDue()
    {
        var decision = new RetentionCalculator(Schedule(Rule("recording", "P6M", DisposalAction.Delete))).Decide(Item(RecordClass.Complaint, Created), London);

        Assert.Equal(DisposalStatus.NoRule, decision.Status);
        Assert.False(decision.IsDueAt(Instant.MaxValue));
    }

    [Fact]
    public void Explain_ScheduledAndHeld_NamesRuleTriggerPeriodZoneHoldsAndLosers()
    {
        var schedule = Schedule(Rule("recordings", "P6M", DisposalAction.Delete), Rule("quality", "P3M", DisposalAction.Delete));
        var hold = new LegalHold
        {
            Id = LegalHoldId.Parse("hold-7"),
            Tenant = Tenant,
            Target = HoldTarget.ForItem(RetainedItemId.Parse("item-1")),
            Reason = "insurance claim",
            PlacedBy = ActorId.Parse("legal"),
            PlacedAt = Created,
        };

        var text = new RetentionCalculator(schedule).Decide(CallRecording(), London, [hold]).Explain();

        Assert.Contains("Rule 'recordings' (call_recording: Delete P6M after interaction_ended)", text, StringComparison.Ordinal);
        Assert.Contains("Trigger 'interaction_ended' at 2026-01-14 10:42", text, StringComparison.Ordinal);
        Assert.Contains("delete at 2026-07-14 10:42 +01 (Europe/London)", text, StringComparison.Ordinal);
        Assert.Contains("Held by hold-7 on item/item-1 (insurance claim)", text, StringComparison.Ordinal);
        Assert.Contains("Lost: rule 'quality'", text, StringComparison.Ordinal);
        Assert.Contains("time zone Europe/London", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TenantZone_CountsMonthsInThatZone()
    {
        var sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
        var ended = Instant.FromUtc(2026, 8, 30, 15, 0); // 31 August 01:00 in Sydney, still 30 August in London

        var inSydney = new RetentionCalculator(Schedule(Rule("r", "P6M", DisposalAction.Delete))).Decide(CallRecording(ended), sydney);
        var inLondon = new RetentionCalculator(Schedule(Rule("r", "P6M", DisposalAction.Delete))).Decide(CallRecording(ended), London);

        Assert.Equal(new LocalDate(2027, 2, 28), inSydney.DisposeAt!.Value.InZone(sydney).Date);
        Assert.Equal(new LocalDate(2027, 2, 28), inLondon.DisposeAt!.Value.InZone(London).Date);
        Assert.NotEqual(inSydney.DisposeAt, inLondon.DisposeAt);
    }

    [Fact]
    public void IsDueAt_ItemWithAnActiveHold_IsNeverDue()
    {
        var scopes = Gen.Int[0, 3].Select(i => (HoldScope)i);
        Gen.Select(Gen.Int[1, 36], Gen.Long[0, 4_000_000_000], scopes, Gen.Bool).Sample((months, secondsLater, scope, released) =>
        {
            var item = CallRecording() with
            {
                Subject = DataSubjectId.Parse("caller-1"),
                Interaction = InteractionId.Parse("call-1"),
                Case = CaseId.Parse("case-1"),
            };
            var hold = new LegalHold
            {
                Id = LegalHoldId.Parse("h"),
                Tenant = Tenant,
                Target = HoldTarget.Reaching(item).Single(t => t.Scope == scope),
                Reason = "r",
                PlacedBy = ActorId.Parse("legal"),
                PlacedAt = Created,
                ReleasedAt = released ? Created.Plus(Duration.FromDays(1)) : null,
            };
            var decision = new RetentionCalculator(Schedule(Rule("r", $"P{months}M", DisposalAction.Delete))).Decide(item, London, [hold]);
            var now = Created.Plus(Duration.FromSeconds(secondsLater));
            var due = decision.IsDueAt(now);
            return released
                ? due == (now >= decision.DisposeAt)
                : !due && decision.CheckEarlyDisposal(now)?.Code == RetentionErrorCodes.ItemHeld;
        }, iter: 5000);
    }

    [Fact]
    public void Decide_AnyMixOfRules_WinnerIsNeverEarlierThanAnyMatchingRule()
    {
        var rules = Gen.Select(Gen.Int[1, 30], Gen.Int[0, 2], Gen.Bool)
            .Select((months, action, created) => (months, action: (DisposalAction)action, created))
            .Array[1, 5];
        rules.Sample(specs =>
        {
            var schedule = Schedule([.. specs.Select((s, i) => Rule($"r{i}", $"P{s.months}M", s.action) with { Trigger = s.created ? RetentionTrigger.Created : RetentionTrigger.InteractionEnded })]);
            var decision = new RetentionCalculator(schedule).Decide(CallRecording(), London);
            return decision.Status == DisposalStatus.Scheduled &&
                   decision.LosingRules.Length == specs.Length - 1 &&
                   decision.LosingRules.All(l => l.WouldActAt < decision.DisposeAt || (l.WouldActAt == decision.DisposeAt && l.Rule.Action <= decision.Action));
        });
    }

    private static RetainedItem CallRecording(Instant? ended = null) =>
        Item(RecordClass.CallRecording, Created).WithTrigger(RetentionTrigger.InteractionEnded, ended ?? Created.Plus(Duration.FromMinutes(12)));

    private static RetentionSchedule Schedule(params RetentionRule[] rules) => new() { Name = "test", Rules = [.. rules] };

    private static RetentionRule Rule(string name, string period, DisposalAction action) =>
        RetentionRuleTests.Rule(period) with { Name = name, Action = action };
}
