using ContactKit.Consent;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Notices;

public class PrivacyNoticeHistoryTests
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly Period ThirtyDays = Period.FromDays(30);
    private static readonly Instant Published = Instant.FromUtc(2026, 3, 1, 10, 0);

    internal static NoticeDraft Draft(string title = "How we use your information") =>
        new(title, [new NoticeSection("Recording calls", "We record calls to train staff and check quality."), new NoticeSection("Your rights", "You may ask for a copy of a recording.")]);

    private static PrivacyNoticeHistory Empty() => PrivacyNoticeHistory.Create(Tenant, PrivacyNoticeId.Parse("contact-centre"), "en-GB").Value;

    private static PrivacyNoticeHistory WithFirst() => Empty().Publish(Draft(), Published, Published, ThirtyDays, London).Value;

    [Fact]
    public void Publish_FirstVersion_TakesEffectAtOnceWithoutNoticePeriod()
    {
        var history = WithFirst();

        var version = Assert.Single(history.Versions);
        Assert.Equal(1, version.Version);
        Assert.Equal(version, history.InForceAt(Published).Value);
        Assert.Null(version.ShortNoticeOverride);
    }

    [Theory]
    [InlineData(2026, 3, 31, true)] // exactly 30 calendar days after 1 March: the earliest date allowed
    [InlineData(2026, 3, 30, false)] // one day short: refused
    [InlineData(2026, 4, 15, true)] // more notice than needed is always fine
    public void Publish_Revision_RefusedWithLessThanThirtyDaysNotice(int year, int month, int day, bool allowed)
    {
        var effective = new LocalDateTime(year, month, day, 0, 0).InZoneLeniently(London).ToInstant();

        var result = WithFirst().Publish(Draft("Revised"), Published.Plus(Duration.FromHours(1)), effective, ThirtyDays, London);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Equal(ConsentErrorCodes.NoticePeriodTooShort, result.Error!.Code);
            Assert.Contains("2026-03-31", result.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Publish_NoticePeriodAcrossTheClockChange_IsCountedInLocalCalendarDays()
    {
        // Published at 23:30 London time on 28 March 2026 (22:30 UTC, before the clocks go forward on the 29th):
        // the local date is 28 March, so the earliest effective local date is 27 April, whatever the UTC offset.
        var published = Instant.FromUtc(2026, 3, 28, 23, 30);
        var first = Empty().Publish(Draft(), published, published, ThirtyDays, London).Value;
        var onTime = new LocalDateTime(2026, 4, 27, 0, 0).InZoneStrictly(London).ToInstant();

        Assert.Equal(new LocalDate(2026, 4, 27), PrivacyNoticeHistory.EarliestEffectiveDate(published, ThirtyDays, London));
        Assert.True(first.Publish(Draft("Revised"), published, onTime, ThirtyDays, London).IsSuccess);
        Assert.False(first.Publish(Draft("Revised"), published, onTime.Minus(Duration.FromMinutes(1)), ThirtyDays, London).IsSuccess);
    }

    [Fact]
    public void Publish_ShortNoticeWithLegalGrounds_IsAllowedAndTheOverrideIsKept()
    {
        var grounds = new LegalGroundsOverride("Regulator's enforcement notice requires the change by 10 March", ActorId.Parse("dpo"));

        var result = WithFirst().Publish(Draft("Revised"), Published, Published.Plus(Duration.FromDays(5)), ThirtyDays, London, grounds);

        Assert.Equal(grounds, result.Value.Versions[^1].ShortNoticeOverride);
    }

    [Fact]
    public void Publish_LegalGroundsWithoutWords_IsRefused()
    {
        var result = WithFirst().Publish(Draft("Revised"), Published, Published.Plus(Duration.FromDays(5)), ThirtyDays, London, new LegalGroundsOverride(" ", ActorId.Parse("dpo")));

        Assert.Equal(ConsentErrorCodes.InvalidLegalGrounds, result.Error?.Code);
    }

    [Theory]
    [InlineData(-1)] // takes effect before it is published: never allowed
    [InlineData(0)] // the same instant as version 1: two versions would be in force at once
    public void Publish_EffectiveNotAfterLatest_IsRefused(int hoursAfterFirst)
    {
        var grounds = new LegalGroundsOverride("court order", ActorId.Parse("dpo"));

        var result = WithFirst().Publish(Draft("Revised"), Published.Plus(Duration.FromHours(-1)), Published.Plus(Duration.FromHours(hoursAfterFirst)), ThirtyDays, London, grounds);

        Assert.Equal(ConsentErrorCodes.NoticeEffectiveOutOfOrder, result.Error?.Code);
    }

    [Fact]
    public void Publish_DraftWithEmptySection_IsRefusedNamingTheSection()
    {
        var draft = Draft() with { Sections = [new NoticeSection("Heading", "Body"), new NoticeSection("Empty", " ")] };

        var result = Empty().Publish(draft, Published, Published, ThirtyDays, London);

        Assert.Equal(ConsentErrorCodes.InvalidNotice, result.Error?.Code);
        Assert.Equal("Sections[1]", result.Error?.Field);
    }

    [Theory]
    [InlineData("english")] // a word, not a tag
    [InlineData("")] // empty
    [InlineData("en_GB")] // underscore instead of hyphen
    public void Create_BadLanguageTag_IsRefused(string language)
    {
        Assert.Equal(ConsentErrorCodes.InvalidNotice, PrivacyNoticeHistory.Create(Tenant, PrivacyNoticeId.Parse("n"), language).Error?.Code);
    }

    [Fact]
    public void InForceAt_BeforeFirstVersion_IsRefused()
    {
        Assert.Equal(ConsentErrorCodes.NoNoticeInForce, WithFirst().InForceAt(Published.Minus(Duration.Epsilon)).Error?.Code);
    }

    [Fact]
    public void ContentHash_DiffersWithAnyChangeAndIsStableOtherwise()
    {
        var draft = Draft();

        Assert.Equal(draft.ContentHash("en-GB"), Draft().ContentHash("en-GB"));
        Assert.Equal(64, draft.ContentHash("en-GB").Length);
        Assert.NotEqual(draft.ContentHash("en-GB"), draft.ContentHash("cy-GB"));
        Assert.NotEqual(draft.ContentHash("en-GB"), (draft with { Title = draft.Title + "." }).ContentHash("en-GB"));
        // Moving text between a heading and its body must change the hash: fields are length-prefixed.
        var moved = draft with { Sections = [new NoticeSection("Recording calls We", "record calls to train staff and check quality."), draft.Sections[1]] };
        Assert.NotEqual(draft.ContentHash("en-GB"), moved.ContentHash("en-GB"));
    }

    [Fact]
    public void InForceAt_AnyInstant_ExactlyOneVersionIsInForceAfterTheFirstTakesEffect()
    {
        // Generated histories of revisions at random gaps (with overrides where the gap is short).
        var gaps = Gen.Int[1, 90].Array[1, 8];
        gaps.Sample(days =>
        {
            var history = WithFirst();
            var at = Published;
            foreach (var gap in days)
            {
                at = at.Plus(Duration.FromDays(gap));
                history = history.Publish(Draft($"v{history.Versions.Length + 1}"), at.Minus(Duration.FromDays(gap)), at, ThirtyDays, London, new LegalGroundsOverride("test", ActorId.Parse("dpo"))).Value;
            }

            for (var probe = Published; probe <= at.Plus(Duration.FromDays(10)); probe = probe.Plus(Duration.FromHours(13)))
            {
                var inForce = history.Versions.Where(v => v.EffectiveFrom <= probe && history.Versions.All(w => w.EffectiveFrom <= v.EffectiveFrom || w.EffectiveFrom > probe)).ToList();
                Assert.Equal(history.InForceAt(probe).Value, Assert.Single(inForce));
            }
        }, iter: 300);
    }
}
