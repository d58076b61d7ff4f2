using Microsoft.Extensions.Options;

namespace ContactKit.Consent;

/// <summary>What a tenant's privacy notice says about marketing on one channel.</summary>
public enum MarketingChannelRule
{
    /// <summary>Marketing on the channel needs the subject's opt-in, not followed by an opt-out (the rule for hosts that set none).</summary>
    OptInRequired = 1,

    /// <summary>
    /// Marketing on the channel needs no opt-in (for example the soft opt-in for existing customers' email, or post on
    /// legitimate interests); an opt-out of the channel or an objection to direct marketing still stops it.
    /// </summary>
    NoOptInRequired = 2,

    /// <summary>The channel is not used for marketing at all.</summary>
    NotUsed = 3,
}

/// <summary>
/// A tenant's marketing channels, as its privacy notice lists them (<see cref="ConsentOptions.TenantMarketingChannels"/>):
/// the rule for each channel it markets on. A channel not listed is not used for marketing.
/// </summary>
public sealed class MarketingChannelRules
{
    /// <summary>The rule of each channel the tenant markets on; channels not listed are <see cref="MarketingChannelRule.NotUsed"/>.</summary>
    public IDictionary<MarketingChannel, MarketingChannelRule> Channels { get; } = new Dictionary<MarketingChannel, MarketingChannelRule>();

    /// <summary>The rule for a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The rule listed, or <see cref="MarketingChannelRule.NotUsed"/>.</returns>
    public MarketingChannelRule RuleFor(MarketingChannel channel) =>
        Channels.TryGetValue(channel, out var rule) ? rule : MarketingChannelRule.NotUsed;

    /// <summary>Whether other rules say the same for every channel.</summary>
    /// <param name="other">The other rules.</param>
    /// <returns><see langword="true"/> when every channel has the same rule in both.</returns>
    public bool SameAs(MarketingChannelRules? other) =>
        other is not null && Enum.GetValues<MarketingChannel>().All(c => RuleFor(c) == other.RuleFor(c));
}

/// <summary>Whether one subject may be sent direct marketing on one channel, and why.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Rule">The tenant's rule for the channel.</param>
/// <param name="Verdict">What the subject's preferences say (<see cref="MarketingPreferences.MayMarket"/>).</param>
public sealed record MarketingPermission(MarketingChannel Channel, MarketingChannelRule Rule, MarketingVerdict Verdict)
{
    /// <summary>
    /// Whether marketing is allowed: never on a channel the tenant does not use, never after an opt-out of the channel or an
    /// objection, and otherwise with an opt-in, or without one where the tenant's rule needs none.
    /// </summary>
    public bool Allowed => Rule switch
    {
        MarketingChannelRule.OptInRequired => Verdict == MarketingVerdict.OptedIn,
        MarketingChannelRule.NoOptInRequired => Verdict is MarketingVerdict.OptedIn or MarketingVerdict.NoOptIn,
        _ => false,
    };

    /// <summary>
    /// Whether the number must still pass preference-register screening before it is called: every allowed telephone
    /// marketing call does (<see cref="MarketingCallScreener.Decide"/>, PECR regulation 21).
    /// </summary>
    public bool NeedsScreening => Allowed && Channel == MarketingChannel.Phone;
}

/// <summary>
/// Decides direct marketing for a tenant, a subject and a channel from the tenant's channel rules
/// (<see cref="ConsentOptions.TenantMarketingChannels"/>) and the subject's preferences. An opt-out or an objection always
/// wins; a tenant with no rules needs an opt-in on every channel, as <see cref="MarketingPreferences.MayMarket"/> does.
/// Telephone marketing allowed here still needs screening against the TPS and CTPS (<see cref="MarketingCallScreener"/>).
/// </summary>
/// <param name="options">The consent options.</param>
public sealed class MarketingPermissions(IOptions<ConsentOptions> options)
{
    /// <summary>The tenant's rule for a channel.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The rule; <see cref="MarketingChannelRule.OptInRequired"/> for a tenant with no rules.</returns>
    public MarketingChannelRule RuleFor(TenantId tenant, MarketingChannel channel) =>
        options.Value.TenantMarketingChannels.TryGetValue(tenant.Value, out var rules) && rules is not null
            ? rules.RuleFor(channel)
            : MarketingChannelRule.OptInRequired;

    /// <summary>Whether the subject may be sent direct marketing on the channel, for the tenant the preferences belong to.</summary>
    /// <param name="preferences">The subject's marketing preferences.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The permission, with the rule and the subject's verdict it rests on.</returns>
    public MarketingPermission Check(MarketingPreferences preferences, MarketingChannel channel)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return new MarketingPermission(channel, RuleFor(preferences.Tenant, channel), preferences.MayMarket(channel));
    }
}
