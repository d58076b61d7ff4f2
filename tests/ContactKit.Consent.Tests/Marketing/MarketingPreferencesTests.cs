using ContactKit.Consent;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

public class MarketingPreferencesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 2, 1, 9, 0);

    private static MarketingPreferences Fresh() => MarketingPreferences.For(TenantId.Parse("bureau"), DataSubjectId.Parse("customer-1"));

    [Fact]
    public void MayMarket_NoOptIn_IsRefused()
    {
        Assert.Equal(MarketingVerdict.NoOptIn, Fresh().MayMarket(MarketingChannel.Email));
    }

    [Theory]
    [InlineData(OptOutRoute.UnsubscribeReply)] // replied "unsubscribe" (notice 003)
    [InlineData(OptOutRoute.UnsubscribeLink)] // followed the link
    [InlineData(OptOutRoute.Letter)] // wrote in
    [InlineData(OptOutRoute.PhoneCall)] // phoned
    public void OptOut_AnyRoute_StopsTheChannelAndRecordsTheRoute(OptOutRoute route)
    {
        var prefs = Fresh().OptIn(MarketingChannel.Email, Start).OptOut(MarketingChannel.Email, route, Start.Plus(Duration.FromDays(1)));

        Assert.Equal(MarketingVerdict.OptedOut, prefs.MayMarket(MarketingChannel.Email));
        Assert.Equal(route, prefs.StopRoute(MarketingChannel.Email));
    }

    [Fact]
    public void SaveOver_WhatExtendsTheStoredEvents_IsKept()
    {
        var stored = Fresh().OptIn(MarketingChannel.Email, Start);
        var given = stored.OptOut(MarketingChannel.Email, OptOutRoute.Letter, Start.Plus(Duration.FromDays(1)));

        Assert.Same(given, given.SaveOver(stored).Value);
    }

    [Fact]
    public void SaveOver_WhatIsAlreadyStored_IsAReplayThatKeepsTheStoredPreferences()
    {
        var older = Fresh().OptIn(MarketingChannel.Email, Start);
        var stored = older.OptIn(MarketingChannel.Sms, Start);

        Assert.Same(stored, older.SaveOver(stored).Value);
        Assert.Same(stored, stored.SaveOver(stored).Value);
    }

    [Fact]
    public void SaveOver_WhatDivergesFromTheStoredEvents_IsAVersionConflict()
    {
        var common = Fresh().OptIn(MarketingChannel.Email, Start);
        var stored = common.OptIn(MarketingChannel.Sms, Start);
        var given = common.Object(OptOutRoute.PhoneCall, Start);

        var saved = given.SaveOver(stored);

        Assert.Equal(ErrorCodes.VersionConflict, saved.Error!.Code);
    }

    [Fact]
    public void OptOut_OneChannel_LeavesOthers()
    {
        var prefs = Fresh().OptIn(MarketingChannel.Email, Start).OptIn(MarketingChannel.Sms, Start).OptOut(MarketingChannel.Sms, OptOutRoute.UnsubscribeReply, Start);

        Assert.Equal(MarketingVerdict.OptedIn, prefs.MayMarket(MarketingChannel.Email));
        Assert.Equal(MarketingVerdict.OptedOut, prefs.MayMarket(MarketingChannel.Sms));
    }

    [Fact]
    public void Object_OverridesEarlierAndLaterOptInsOnEveryChannelUntilLifted()
    {
        var prefs = Fresh().OptIn(MarketingChannel.Email, Start).OptIn(MarketingChannel.Post, Start)
            .Object(OptOutRoute.Letter, Start.Plus(Duration.FromDays(1)))
            .OptIn(MarketingChannel.Phone, Start.Plus(Duration.FromDays(2)));

        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.Equal(MarketingVerdict.Objected, prefs.MayMarket(c)));
        Assert.Equal(OptOutRoute.Letter, prefs.StopRoute(MarketingChannel.Email));
        Assert.Equal(MarketingVerdict.OptedIn, prefs.LiftObjection(Start.Plus(Duration.FromDays(3))).MayMarket(MarketingChannel.Phone));
    }

    [Fact]
    public void MayShareWith_NeedsConsentToThatPartner()
    {
        var prefs = Fresh().OptIn(MarketingChannel.Email, Start).ConsentToPartner("Solar Partners Ltd", Start);

        Assert.True(prefs.MayShareWith("Solar Partners Ltd"));
        Assert.False(prefs.MayShareWith("Other Partner Ltd"));
        Assert.False(prefs.WithdrawFromPartner("Solar Partners Ltd", OptOutRoute.PhoneCall, Start).MayShareWith("Solar Partners Ltd"));
    }

    [Fact]
    public void MayMarket_GeneratedHistories_ObjectionAlwaysWinsAndOnlyTheLastChannelEventCounts()
    {
        var channel = Gen.Enum<MarketingChannel>();
        var step = Gen.Select(Gen.Int[0, 4], channel, Gen.Enum<OptOutRoute>());
        step.Array[0, 30].Sample(steps =>
        {
            var prefs = Fresh();
            foreach (var (kind, c, route) in steps)
            {
                prefs = kind switch
                {
                    0 or 1 => prefs.OptIn(c, Start),
                    2 => prefs.OptOut(c, route, Start),
                    3 => prefs.Object(route, Start),
                    _ => prefs.LiftObjection(Start),
                };

                var objected = prefs.Events.LastOrDefault(e => e.Kind is MarketingEventKind.Objected or MarketingEventKind.ObjectionLifted)?.Kind == MarketingEventKind.Objected;
                foreach (var each in Enum.GetValues<MarketingChannel>())
                {
                    var last = prefs.Events.LastOrDefault(e => e.Channel == each)?.Kind;
                    var expected = objected ? MarketingVerdict.Objected
                        : last == MarketingEventKind.OptedIn ? MarketingVerdict.OptedIn
                        : last == MarketingEventKind.OptedOut ? MarketingVerdict.OptedOut
                        : MarketingVerdict.NoOptIn;
                    Assert.Equal(expected, prefs.MayMarket(each));
                }
            }
        }, iter: 2000);
    }
}
