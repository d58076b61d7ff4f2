using ContactKit.Tests.Shared;
using ContactKit.Testing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

/// <summary>A tenant's marketing channel rules, as its notice lists them, decide marketing together with the subject's preferences.</summary>
public class MarketingPermissionsTests
{
    private static readonly TenantId Bureau = TenantId.Parse("bureau");
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("subject-1");
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 10, 0);

    // Email by soft opt-in, phone only with an opt-in, post and SMS not used.
    private static MarketingPermissions Permissions()
    {
        var options = new ConsentOptions();
        var rules = new MarketingChannelRules();
        rules.Channels[MarketingChannel.Email] = MarketingChannelRule.NoOptInRequired;
        rules.Channels[MarketingChannel.Phone] = MarketingChannelRule.OptInRequired;
        options.TenantMarketingChannels[Bureau.Value] = rules;
        return new MarketingPermissions(Options.Create(options));
    }

    [Fact]
    public void Check_ChannelNeedingNoOptIn_AllowedWithoutOneUntilTheSubjectOptsOut()
    {
        var none = MarketingPreferences.For(Bureau, Subject);

        Assert.True(Permissions().Check(none, MarketingChannel.Email).Allowed);
        Assert.False(Permissions().Check(none.OptOut(MarketingChannel.Email, OptOutRoute.UnsubscribeLink, At), MarketingChannel.Email).Allowed);
    }

    [Fact]
    public void Check_Objection_StopsEvenAChannelNeedingNoOptIn()
    {
        var objected = MarketingPreferences.For(Bureau, Subject).OptIn(MarketingChannel.Email, At).Object(OptOutRoute.Letter, At.PlusTicks(1));

        var permission = Permissions().Check(objected, MarketingChannel.Email);

        Assert.Equal((false, MarketingVerdict.Objected), (permission.Allowed, permission.Verdict));
    }

    [Fact]
    public void Check_ChannelNeedingOptIn_AllowedOnlyWithOneAndThenNeedsScreening()
    {
        var none = MarketingPreferences.For(Bureau, Subject);
        var optedIn = none.OptIn(MarketingChannel.Phone, At);

        Assert.False(Permissions().Check(none, MarketingChannel.Phone).Allowed);
        var permission = Permissions().Check(optedIn, MarketingChannel.Phone);
        Assert.True(permission.Allowed);
        // A marketing call still needs TPS/CTPS screening (MarketingCallScreener).
        Assert.True(permission.NeedsScreening);
    }

    [Fact]
    public void Check_ChannelNotListed_IsNotUsedEvenWithAnOptIn()
    {
        var optedIn = MarketingPreferences.For(Bureau, Subject).OptIn(MarketingChannel.Post, At);

        var permission = Permissions().Check(optedIn, MarketingChannel.Post);

        Assert.Equal((false, MarketingChannelRule.NotUsed), (permission.Allowed, permission.Rule));
    }

    [Fact]
    public void Check_TenantWithoutRules_NeedsAnOptInOnEveryChannelAsMayMarketDoes()
    {
        var other = MarketingPreferences.For(TenantId.Parse("other"), Subject).OptIn(MarketingChannel.Sms, At);

        Assert.All(Enum.GetValues<MarketingChannel>(), c => Assert.Equal(other.MayMarket(c) == MarketingVerdict.OptedIn, Permissions().Check(other, c).Allowed));
    }

    [Fact]
    public void Check_RandomHistoriesAndRules_AnOptOutOrObjectionAlwaysWins()
    {
        var events = Gen.Select(Gen.Int[0, 3], Gen.Enum<MarketingChannel>()).Array[0, 12];
        var rules = Gen.Enum<MarketingChannelRule>().Array[4];
        Gen.Select(events, rules).Sample(t =>
        {
            var options = new ConsentOptions();
            var channelRules = new MarketingChannelRules();
            foreach (var channel in Enum.GetValues<MarketingChannel>())
            {
                channelRules.Channels[channel] = t.Item2[(int)channel - 1];
            }

            options.TenantMarketingChannels[Bureau.Value] = channelRules;
            var permissions = new MarketingPermissions(Options.Create(options));
            var preferences = MarketingPreferences.For(Bureau, Subject);
            var at = At;
            foreach (var (kind, channel) in t.Item1)
            {
                at = at.PlusTicks(1);
                preferences = kind switch
                {
                    0 => preferences.OptIn(channel, at),
                    1 => preferences.OptOut(channel, OptOutRoute.PreferenceCentre, at),
                    2 => preferences.Object(OptOutRoute.ToldAnAgent, at),
                    _ => preferences.LiftObjection(at),
                };
                foreach (var c in Enum.GetValues<MarketingChannel>())
                {
                    var permission = permissions.Check(preferences, c);
                    if (preferences.MayMarket(c) is MarketingVerdict.OptedOut or MarketingVerdict.Objected || permission.Rule == MarketingChannelRule.NotUsed)
                    {
                        Assert.False(permission.Allowed);
                    }

                    if (preferences.MayMarket(c) == MarketingVerdict.OptedIn && permission.Rule != MarketingChannelRule.NotUsed)
                    {
                        Assert.True(permission.Allowed);
                    }
                }
            }
        }, iter: 5_000);
    }

    [Fact]
    public void BindConfiguration_TenantMarketingChannels_BindsEachChannelsRule()
    {
        var options = AppSettings.Bind<ConsentOptions>("""
            { "ContactKit": { "Consent": { "TenantMarketingChannels": { "bureau": { "Channels": { "Email": "NoOptInRequired", "Phone": "OptInRequired" } } } } } }
            """, ck => ck.AddConsent().UseInMemoryStores());

        var rules = options.TenantMarketingChannels["bureau"];
        Assert.Equal(MarketingChannelRule.NoOptInRequired, rules.RuleFor(MarketingChannel.Email));
        Assert.Equal(MarketingChannelRule.OptInRequired, rules.RuleFor(MarketingChannel.Phone));
        Assert.Equal(MarketingChannelRule.NotUsed, rules.RuleFor(MarketingChannel.Post));
    }

    [Fact]
    public void StartupValidation_RuleThatDoesNotExist_FailsNamingTheTenant()
    {
        var failures = AppSettings.StartupFailures(
            """{ "ContactKit": { "Consent": { "TenantMarketingChannels": { "bureau": { "Channels": { "Email": "7" } } } } } }""",
            ck => ck.AddConsent().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("TenantMarketingChannels['bureau']", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsent_RegistersMarketingPermissions()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddConsent().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<MarketingPermissions>());
    }
}
