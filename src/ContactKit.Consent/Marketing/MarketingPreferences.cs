using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>A channel direct marketing can use.</summary>
public enum MarketingChannel
{
    /// <summary>Email.</summary>
    Email = 1,

    /// <summary>Text message.</summary>
    Sms = 2,

    /// <summary>Telephone call.</summary>
    Phone = 3,

    /// <summary>Post.</summary>
    Post = 4,
}

/// <summary>How a subject told us to stop.</summary>
public enum OptOutRoute
{
    /// <summary>Replied "unsubscribe" to a message.</summary>
    UnsubscribeReply = 1,

    /// <summary>Followed an unsubscribe link.</summary>
    UnsubscribeLink = 2,

    /// <summary>Wrote a letter.</summary>
    Letter = 3,

    /// <summary>Phoned.</summary>
    PhoneCall = 4,

    /// <summary>Changed a setting in an account or preference centre.</summary>
    PreferenceCentre = 5,

    /// <summary>Told an agent during a contact.</summary>
    ToldAnAgent = 6,
}

/// <summary>What happened to a subject's marketing preferences.</summary>
public enum MarketingEventKind
{
    /// <summary>Opted in on a channel.</summary>
    OptedIn = 1,

    /// <summary>Opted out of a channel.</summary>
    OptedOut = 2,

    /// <summary>Objected to direct marketing (UK GDPR Art 21(2)): absolute, on every channel.</summary>
    Objected = 3,

    /// <summary>Lifted their own objection.</summary>
    ObjectionLifted = 4,

    /// <summary>Consented to their details being shared with a named partner.</summary>
    PartnerSharingConsented = 5,

    /// <summary>Withdrew consent to sharing with a named partner.</summary>
    PartnerSharingWithdrawn = 6,
}

/// <summary>One change to a subject's marketing preferences.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="Channel">The channel, for opt-ins and opt-outs.</param>
/// <param name="Route">How the subject told us, for opt-outs and objections.</param>
/// <param name="Partner">The partner, for partner sharing.</param>
/// <param name="Evidence">The consent record holding the evidence, if any.</param>
public sealed record MarketingEvent(MarketingEventKind Kind, Instant At, MarketingChannel? Channel = null, OptOutRoute? Route = null, string? Partner = null, ConsentRecordId? Evidence = null)
{
    /// <summary>
    /// Checks the event has a known kind and the fields its kind needs: the channel of an opt-in or opt-out, the route of an
    /// opt-out, an objection or a withdrawal from a partner, the partner of partner sharing. The
    /// <see cref="MarketingPreferences"/> methods always make valid events.
    /// </summary>
    /// <returns><see langword="null"/> when valid, otherwise an error with code <see cref="ConsentErrorCodes.InvalidMarketingEvent"/> naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            return Invalid(nameof(Kind), "A marketing event must be of a known kind.");
        }

        if (Channel is { } channel && !Enum.IsDefined(channel))
        {
            return Invalid(nameof(Channel), "A marketing event's channel must be email, SMS, phone or post.");
        }

        if (Route is { } route && !Enum.IsDefined(route))
        {
            return Invalid(nameof(Route), "A marketing event's route must be one of the known opt-out routes.");
        }

        if (Kind is MarketingEventKind.OptedIn or MarketingEventKind.OptedOut && Channel is null)
        {
            return Invalid(nameof(Channel), "An opt-in or opt-out needs the channel it applies to.");
        }

        if (Kind is MarketingEventKind.OptedOut or MarketingEventKind.Objected or MarketingEventKind.PartnerSharingWithdrawn && Route is null)
        {
            return Invalid(nameof(Route), "An opt-out, objection or withdrawal needs the route the subject told us by.");
        }

        return Kind is MarketingEventKind.PartnerSharingConsented or MarketingEventKind.PartnerSharingWithdrawn && string.IsNullOrWhiteSpace(Partner)
            ? Invalid(nameof(Partner), "Consent to partner sharing, or its withdrawal, needs the partner's name.")
            : null;
    }

    private static ContactKitError Invalid(string field, string message) => new(ConsentErrorCodes.InvalidMarketingEvent, message, field);
}

/// <summary>Why direct marketing to a subject is or is not allowed.</summary>
public enum MarketingVerdict
{
    /// <summary>The subject opted in on the channel and has not opted out or objected.</summary>
    OptedIn = 1,

    /// <summary>The subject never opted in on the channel.</summary>
    NoOptIn = 2,

    /// <summary>The subject opted out of the channel.</summary>
    OptedOut = 3,

    /// <summary>The subject objected to direct marketing; no opt-in outweighs it.</summary>
    Objected = 4,
}

/// <summary>
/// A subject's marketing preferences, as the append-only list of what they told us. Marketing on a channel needs an
/// opt-in not followed by an opt-out; an objection to direct marketing stops every channel, whatever opt-ins came before or
/// after, until the subject lifts it; sharing with a partner needs consent to that partner.
/// </summary>
public sealed record MarketingPreferences
{
    private MarketingPreferences(TenantId tenant, DataSubjectId subject, ImmutableArray<MarketingEvent> events)
    {
        Tenant = tenant;
        Subject = subject;
        Events = events;
    }

    /// <summary>The tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>The subject.</summary>
    public DataSubjectId Subject { get; }

    /// <summary>Everything the subject told us, in order.</summary>
    public ImmutableArray<MarketingEvent> Events { get; }

    /// <summary>Whether the subject has objected to direct marketing and not lifted it.</summary>
    public bool HasObjected => Last(e => e.Kind is MarketingEventKind.Objected or MarketingEventKind.ObjectionLifted)?.Kind == MarketingEventKind.Objected;

    /// <summary>A subject with no preferences recorded.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The preferences.</returns>
    public static MarketingPreferences For(TenantId tenant, DataSubjectId subject) => new(tenant, subject, []);

    /// <summary>
    /// Rebuilds a subject's preferences from the events they told us, in order, as a store reads them back. Each event is
    /// checked with <see cref="MarketingEvent.Validate"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="events">The events, in the order they happened.</param>
    /// <returns>The preferences, or the first invalid event's error with its index in the field (<c>events[2].Route</c>).</returns>
    public static Result<MarketingPreferences> FromEvents(TenantId tenant, DataSubjectId subject, IEnumerable<MarketingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                return Errors.Required($"events[{i}]");
            }

            if (list[i].Validate() is { } error)
            {
                return error.ForField($"events[{i}].{error.Field}");
            }
        }

        return new MarketingPreferences(tenant, subject, list);
    }

    /// <summary>
    /// What a store keeps when these preferences are saved over <paramref name="stored"/>, the rule every
    /// <see cref="IMarketingPreferenceStore"/> follows: events are only ever appended, so the save succeeds when the
    /// stored events begin these (the result is this instance, whose events after the stored ones are the ones to append),
    /// is a replay when these events are already stored (the result is <paramref name="stored"/> itself, nothing to
    /// write), and is otherwise a version conflict (another writer appended something else first).
    /// </summary>
    /// <param name="stored">What the store holds for the same tenant and subject.</param>
    /// <returns>The preferences to keep, or <see cref="ErrorCodes.VersionConflict"/>.</returns>
    public Result<MarketingPreferences> SaveOver(MarketingPreferences stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var common = Math.Min(stored.Events.Length, Events.Length);
        if (!stored.Events.AsSpan(0, common).SequenceEqual(Events.AsSpan(0, common)))
        {
            return Errors.VersionConflict("marketing preferences of this subject", common, stored.Events.Length);
        }

        return Events.Length <= stored.Events.Length ? stored : this;
    }

    /// <summary>Records an opt-in.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="at">When.</param>
    /// <param name="evidence">The consent record holding the evidence.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences OptIn(MarketingChannel channel, Instant at, ConsentRecordId? evidence = null) =>
        With(new MarketingEvent(MarketingEventKind.OptedIn, at, channel, Evidence: evidence));

    /// <summary>Records an opt-out and the route it came by.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="route">How the subject told us.</param>
    /// <param name="at">When.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences OptOut(MarketingChannel channel, OptOutRoute route, Instant at) =>
        With(new MarketingEvent(MarketingEventKind.OptedOut, at, channel, route));

    /// <summary>Records an objection to direct marketing, which stops every channel.</summary>
    /// <param name="route">How the subject told us.</param>
    /// <param name="at">When.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences Object(OptOutRoute route, Instant at) => With(new MarketingEvent(MarketingEventKind.Objected, at, Route: route));

    /// <summary>Records that the subject lifted their own objection; opt-ins count again from then.</summary>
    /// <param name="at">When.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences LiftObjection(Instant at) => With(new MarketingEvent(MarketingEventKind.ObjectionLifted, at));

    /// <summary>Records consent to sharing with a partner.</summary>
    /// <param name="partner">The partner's name.</param>
    /// <param name="at">When.</param>
    /// <param name="evidence">The consent record holding the evidence.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences ConsentToPartner(string partner, Instant at, ConsentRecordId? evidence = null) =>
        With(new MarketingEvent(MarketingEventKind.PartnerSharingConsented, at, Partner: partner, Evidence: evidence));

    /// <summary>Records a withdrawal of consent to sharing with a partner.</summary>
    /// <param name="partner">The partner's name.</param>
    /// <param name="route">How the subject told us.</param>
    /// <param name="at">When.</param>
    /// <returns>The new preferences.</returns>
    public MarketingPreferences WithdrawFromPartner(string partner, OptOutRoute route, Instant at) =>
        With(new MarketingEvent(MarketingEventKind.PartnerSharingWithdrawn, at, Route: route, Partner: partner));

    /// <summary>Whether direct marketing on <paramref name="channel"/> is allowed, and why.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The verdict; only <see cref="MarketingVerdict.OptedIn"/> allows it.</returns>
    public MarketingVerdict MayMarket(MarketingChannel channel)
    {
        if (HasObjected)
        {
            return MarketingVerdict.Objected;
        }

        return Last(e => e.Channel == channel && e.Kind is MarketingEventKind.OptedIn or MarketingEventKind.OptedOut)?.Kind switch
        {
            MarketingEventKind.OptedIn => MarketingVerdict.OptedIn,
            MarketingEventKind.OptedOut => MarketingVerdict.OptedOut,
            _ => MarketingVerdict.NoOptIn,
        };
    }

    /// <summary>Whether the subject's details may be shared with <paramref name="partner"/>: only with consent to that partner, not withdrawn.</summary>
    /// <param name="partner">The partner's name (compared ordinally).</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool MayShareWith(string partner) =>
        Last(e => e.Partner == partner && e.Kind is MarketingEventKind.PartnerSharingConsented or MarketingEventKind.PartnerSharingWithdrawn)?.Kind
            == MarketingEventKind.PartnerSharingConsented;

    /// <summary>The route of the latest opt-out of <paramref name="channel"/> or objection, if the subject has told us to stop.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The route, or <see langword="null"/>.</returns>
    public OptOutRoute? StopRoute(MarketingChannel channel) => MayMarket(channel) switch
    {
        MarketingVerdict.Objected => Last(e => e.Kind == MarketingEventKind.Objected)!.Route,
        MarketingVerdict.OptedOut => Last(e => e.Channel == channel && e.Kind == MarketingEventKind.OptedOut)!.Route,
        _ => null,
    };

    private MarketingEvent? Last(Func<MarketingEvent, bool> match)
    {
        for (var i = Events.Length - 1; i >= 0; i--)
        {
            if (match(Events[i]))
            {
                return Events[i];
            }
        }

        return null;
    }

    private MarketingPreferences With(MarketingEvent e) => new(Tenant, Subject, Events.Add(e));
}
