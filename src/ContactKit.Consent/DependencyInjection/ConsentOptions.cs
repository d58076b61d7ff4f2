using ContactKit.Consent;
using FluentValidation;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>Settings for <c>ContactKit.Consent</c>.</summary>
public sealed class ConsentOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Consent";

    /// <summary>
    /// The least notice a revised privacy notice must give before it takes effect, in days or weeks, counted in calendar
    /// days in the tenant's time zone. Default 30 days. In configuration, an ISO 8601 period such as <c>"P30D"</c> or <c>"P4W"</c>.
    /// </summary>
    public Period NoticePeriod { get; set; } = Period.FromDays(30);

    /// <summary>
    /// How long a TPS/CTPS screening stays valid, in days or weeks, counted in calendar days in the tenant's time zone.
    /// Default and maximum 28 days (PECR regulation 21). In configuration, an ISO 8601 period such as <c>"P28D"</c>.
    /// </summary>
    public Period ScreeningValidity { get; set; } = Period.FromDays(28);

    /// <summary>Rules that replace or add to <see cref="RecordingRuleSet.Default"/>, one per jurisdiction.</summary>
    public IList<RecordingRuleOverride> RecordingRules { get; } = [];

    /// <summary>
    /// Each tenant's marketing channels, by tenant id, as its privacy notice lists them: per channel whether an opt-in is
    /// needed, and every channel not listed not used for marketing (<see cref="MarketingPermissions"/>). A tenant not
    /// listed needs an opt-in on every channel. In configuration,
    /// <c>"TenantMarketingChannels": { "tenant": { "Channels": { "Email": "NoOptInRequired", "Phone": "OptInRequired" } } }</c>.
    /// </summary>
    public IDictionary<string, MarketingChannelRules> TenantMarketingChannels { get; } = new Dictionary<string, MarketingChannelRules>(StringComparer.Ordinal);

    /// <summary>
    /// Each tenant's recording announcements in its own words, by tenant id, as <see cref="IRecordingAnnouncements"/>
    /// renders them: the spoken notice and explicit-consent prompt, the chat banners for each, and the values their
    /// placeholders take. A template not set, and every template of a tenant not listed, is ContactKit's default wording.
    /// Every template is checked at start-up (<c>CK0304</c>, naming the tenant and the template). In configuration,
    /// <c>"TenantAnnouncements": { "tenant": { "SpokenNotice": "Calls to {organisation} are recorded.", "Organisation": "Fen Council" } }</c>.
    /// <c>AddPolicy</c> sets them from the tenant's privacy policy.
    /// </summary>
    public IDictionary<string, AnnouncementOptions> TenantAnnouncements { get; } = new Dictionary<string, AnnouncementOptions>(StringComparer.Ordinal);
}

/// <summary>A host's own recording rule for one jurisdiction.</summary>
public sealed class RecordingRuleOverride
{
    /// <summary>The jurisdiction, for example <c>US-OR</c> or <c>IE</c>.</summary>
    public string Jurisdiction { get; set; } = string.Empty;

    /// <summary>What it requires.</summary>
    public CaptureRequirement Requirement { get; set; } = CaptureRequirement.ExplicitConsent;

    /// <summary>The rule in a few words.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>The law or advice it rests on.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Why the source is read this way, where that is not plain (for example where sources disagree); optional.</summary>
    public string? Reason { get; set; }
}

/// <summary>Checks <see cref="ConsentOptions"/> at start-up.</summary>
internal sealed class ConsentOptionsValidator : AbstractValidator<ConsentOptions>
{
    /// <summary>The longest screening validity PECR regulation 21 allows.</summary>
    public const int MaxScreeningValidityDays = 28;

    /// <summary>Creates the validator.</summary>
    public ConsentOptionsValidator()
    {
        RuleFor(o => o.NoticePeriod)
            .Must(p => Days(p) > 0)
            .WithMessage(o => $"NoticePeriod '{o.NoticePeriod}' must be a positive number of days or weeks (for example Period.FromDays(30)).");
        RuleFor(o => o.ScreeningValidity)
            .Must(p => Days(p) is > 0 and <= MaxScreeningValidityDays)
            .WithMessage(o => $"ScreeningValidity '{o.ScreeningValidity}' must be 1 to {MaxScreeningValidityDays} days or weeks: PECR regulation 21 needs numbers re-screened once the data is over 28 days old.");
        RuleForEach(o => o.RecordingRules)
            .Must(r => ContactKit.Jurisdiction.ParseText(r.Jurisdiction).IsSuccess)
            .WithMessage((_, r) => $"Recording rule jurisdiction {Errors.Excerpt(r.Jurisdiction)} is not an ISO 3166 code such as 'GB' or 'US-OR'.")
            .Must(r => Enum.IsDefined(r.Requirement))
            .WithMessage((_, r) => $"Recording rule for {Errors.Excerpt(r.Jurisdiction)} has requirement '{r.Requirement}', which is not None, Notice or ExplicitConsent.")
            .Must(r => !string.IsNullOrWhiteSpace(r.Source))
            .WithMessage((_, r) => $"Recording rule for {Errors.Excerpt(r.Jurisdiction)} needs a Source naming the law or advice it rests on.");
        RuleForEach(o => o.TenantMarketingChannels)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"TenantMarketingChannels has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => pair.Value is not null && pair.Value.Channels.All(c => Enum.IsDefined(c.Key) && Enum.IsDefined(c.Value)))
            .WithMessage((_, pair) => $"TenantMarketingChannels[{Errors.Excerpt(pair.Key)}] lists a channel or rule that does not exist: channels are Email, Sms, Phone and Post, rules OptInRequired, NoOptInRequired and NotUsed.");
        RuleForEach(o => o.TenantAnnouncements)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"TenantAnnouncements has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Custom((pair, context) =>
            {
                if (Identifier.Validate(pair.Key, "tenant id") is not null)
                {
                    return;
                }

                if (pair.Value is null)
                {
                    context.AddFailure($"TenantAnnouncements[{Errors.Excerpt(pair.Key)}] is empty; remove it, or give the tenant's wording.");
                    return;
                }

                // Each template's own error, with the parser's code and the tenant and template it is in.
                foreach (var problem in pair.Value.Problems($"{nameof(ConsentOptions.TenantAnnouncements)}:{pair.Key}"))
                {
                    context.AddFailure($"{problem.Field}: {problem.Code}: {problem.Message}");
                }
            });
    }

    /// <summary>The number of days in a period of days and weeks; -1 when it holds any other unit.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The days, or -1.</returns>
    internal static int Days(Period? period) =>
        period is null || period.Years != 0 || period.Months != 0 || period.HasTimeComponent ? -1 : (period.Weeks * 7) + period.Days;
}
