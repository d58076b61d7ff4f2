using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>The rule for one jurisdiction: what it requires before recording, why, and where that comes from.</summary>
/// <param name="Jurisdiction">The country or subdivision the rule covers; a subdivision rule wins over its country's.</param>
/// <param name="Requirement">What it requires.</param>
/// <param name="Summary">The rule in a few words, for example <c>all-party consent</c>.</param>
/// <param name="Source">The law or guidance it rests on, for example <c>Cal. Penal Code s 632</c>.</param>
public sealed record RecordingRule(Jurisdiction Jurisdiction, CaptureRequirement Requirement, string Summary, string Source)
{
    /// <summary>
    /// Why the rule reads its source this way, where that is not plain: for example the conservative reading taken where
    /// sources disagree. <see langword="null"/> when the source is read as it stands.
    /// </summary>
    public string? Reason { get; init; }
}

/// <summary>How a party's requirement was found.</summary>
public enum RulingBasis
{
    /// <summary>A rule for the party's own subdivision (for example <c>US-CA</c>).</summary>
    SubdivisionRule = 1,

    /// <summary>The rule for the party's country (for example <c>GB</c> for <c>GB-SCT</c>).</summary>
    CountryRule = 2,

    /// <summary>No jurisdiction was known for the party, so the strictest requirement applies.</summary>
    UnknownJurisdiction = 3,

    /// <summary>No rule covers the party's jurisdiction, so the strictest requirement applies.</summary>
    NoRuleForJurisdiction = 4,

    /// <summary>The channel carries no live conversation (email, SMS, post, web form): it is its own written record and no announcement applies.</summary>
    NotALiveChannel = 5,
}

/// <summary>What one party requires and why.</summary>
/// <param name="Party">The party.</param>
/// <param name="Requirement">What they require.</param>
/// <param name="Basis">How it was found.</param>
/// <param name="Rule">The rule that applied, or <see langword="null"/> when none did.</param>
public sealed record PartyRuling(RecordingParty Party, CaptureRequirement Requirement, RulingBasis Basis, RecordingRule? Rule)
{
    /// <summary>One line saying what the party requires and why.</summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var where = Party.Jurisdiction?.Value ?? "unknown";
        return Basis switch
        {
            RulingBasis.UnknownJurisdiction => $"party {Party.Id} (jurisdiction unknown): {Requirement}, because an unknown jurisdiction is treated as the strictest",
            RulingBasis.NoRuleForJurisdiction => $"party {Party.Id} ({where}): {Requirement}, because no rule covers {where} and the strictest applies",
            RulingBasis.NotALiveChannel => $"party {Party.Id} ({where}): {Requirement}, because the channel is not a live conversation",
            _ => Rule!.Reason is { } reason
                ? $"party {Party.Id} ({where}): {Requirement} under the {Rule.Jurisdiction} rule '{Rule.Summary}' ({Rule.Source}; {reason})"
                : $"party {Party.Id} ({where}): {Requirement} under the {Rule.Jurisdiction} rule '{Rule.Summary}' ({Rule.Source})",
        };
    }
}

/// <summary>
/// The requirement before capturing an interaction: the strictest among its parties, with each party's ruling and the
/// party that decided it (the first party, in the order given, with the strictest requirement).
/// </summary>
/// <param name="Channel">The interaction's channel.</param>
/// <param name="Requirement">What must happen before capture.</param>
/// <param name="Deciding">The ruling that set the requirement.</param>
/// <param name="Rulings">Every party's ruling, in the order the parties were given.</param>
/// <param name="RulesAsOf">The date the rule set was last reviewed.</param>
public sealed record RecordingDecision(Channel Channel, CaptureRequirement Requirement, PartyRuling Deciding, ImmutableArray<PartyRuling> Rulings, LocalDate RulesAsOf)
{
    /// <summary>Whether the last party to join raised the requirement, so that everyone still on the interaction must be asked again.</summary>
    public bool RaisedByLastJoin { get; init; }

    /// <summary>Explains the decision: the requirement, the deciding party, and every party's ruling.</summary>
    /// <returns>Several lines of text.</returns>
    public string Explain()
    {
        var text = new StringBuilder()
            .Append("Requirement before recording this ").Append(Channel).Append(" interaction: ").Append(Requirement).AppendLine(".")
            .Append("Decided by ").Append(Deciding.Explain()).AppendLine(".");
        foreach (var ruling in Rulings)
        {
            text.Append(" - ").AppendLine(ruling.Explain());
        }

        return text.Append("Rules as of ").Append(RulesAsOf.ToString("uuuu-MM-dd", null)).Append('.').ToString();
    }
}

/// <summary>
/// The recording rules as data: one rule per jurisdiction, with the date they were last reviewed. Decides what an
/// interaction needs before capture: the strictest requirement among its parties, an unknown jurisdiction counting as the strictest.
/// </summary>
public sealed class RecordingRuleSet
{
    private readonly ImmutableDictionary<Jurisdiction, RecordingRule> _byJurisdiction;

    /// <summary>Creates a rule set.</summary>
    /// <param name="asOf">The date the rules were last reviewed against their sources.</param>
    /// <param name="rules">The rules; a later rule for the same jurisdiction replaces an earlier one.</param>
    public RecordingRuleSet(LocalDate asOf, IEnumerable<RecordingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        AsOf = asOf;
        var map = ImmutableDictionary.CreateBuilder<Jurisdiction, RecordingRule>();
        foreach (var rule in rules)
        {
            map[rule.Jurisdiction] = rule;
        }

        _byJurisdiction = map.ToImmutable();
    }

    /// <summary>The date the rules were last reviewed against their sources.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The rules, ordered by jurisdiction.</summary>
    public IReadOnlyList<RecordingRule> Rules => [.. _byJurisdiction.Values.OrderBy(r => r.Jurisdiction)];

    /// <summary>
    /// The rules ContactKit ships, reviewed on the date in <see cref="AsOf"/>: the United Kingdom and the EU member states
    /// require a notice (Germany explicit consent), the United States one-party consent federally with the all-party states
    /// requiring explicit consent. They are a starting point, not legal advice: hosts must confirm them with counsel and
    /// override them with <see cref="With(RecordingRule)"/> or <c>ConsentOptions.RecordingRules</c>.
    /// </summary>
    public static RecordingRuleSet Default { get; } = DefaultRecordingRules.Create();

    /// <summary>Returns a copy with <paramref name="rule"/> added, replacing any rule for the same jurisdiction.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new rule set.</returns>
    public RecordingRuleSet With(RecordingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RecordingRuleSet(AsOf, _byJurisdiction.Values.Append(rule));
    }

    /// <summary>Returns a copy with a new review date.</summary>
    /// <param name="asOf">The date the rules were reviewed.</param>
    /// <returns>The new rule set.</returns>
    public RecordingRuleSet ReviewedOn(LocalDate asOf) => new(asOf, _byJurisdiction.Values);

    /// <summary>What one party requires on a live channel.</summary>
    /// <param name="party">The party.</param>
    /// <returns>The ruling.</returns>
    public PartyRuling Rule(RecordingParty party)
    {
        if (party.Jurisdiction is not { } where || string.IsNullOrEmpty(where.Value))
        {
            return new PartyRuling(party, CaptureRequirement.ExplicitConsent, RulingBasis.UnknownJurisdiction, null);
        }

        if (_byJurisdiction.TryGetValue(where, out var own))
        {
            return new PartyRuling(party, own.Requirement, where.SubdivisionCode is null ? RulingBasis.CountryRule : RulingBasis.SubdivisionRule, own);
        }

        return _byJurisdiction.TryGetValue(where.Country, out var country)
            ? new PartyRuling(party, country.Requirement, RulingBasis.CountryRule, country)
            : new PartyRuling(party, CaptureRequirement.ExplicitConsent, RulingBasis.NoRuleForJurisdiction, null);
    }

    /// <summary>Decides what an interaction needs before capture.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="parties">Every party, in the order they joined.</param>
    /// <returns>The decision, or an error with code <see cref="ConsentErrorCodes.NoParties"/> when there are none.</returns>
    public Result<RecordingDecision> Decide(Channel channel, IEnumerable<RecordingParty> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var rulings = parties.Select(p => channel.IsLive() ? Rule(p) : new PartyRuling(p, CaptureRequirement.None, RulingBasis.NotALiveChannel, null)).ToImmutableArray();
        if (rulings.IsEmpty)
        {
            return new ContactKitError(ConsentErrorCodes.NoParties, "A recording decision needs at least one party; add the caller (with an unknown jurisdiction if need be).", "parties");
        }

        var deciding = rulings[0];
        foreach (var ruling in rulings)
        {
            if (ruling.Requirement > deciding.Requirement)
            {
                deciding = ruling;
            }
        }

        return new RecordingDecision(channel, deciding.Requirement, deciding, rulings, AsOf);
    }

    /// <summary>Re-decides when a party joins an interaction already under way.</summary>
    /// <param name="current">The decision so far.</param>
    /// <param name="joined">The party who joined.</param>
    /// <returns>The new decision; <see cref="RecordingDecision.RaisedByLastJoin"/> says whether the requirement rose.</returns>
    public RecordingDecision Reevaluate(RecordingDecision current, RecordingParty joined)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = Decide(current.Channel, current.Rulings.Select(r => r.Party).Append(joined)).Value;
        return next with { RaisedByLastJoin = next.Requirement > current.Requirement };
    }
}
