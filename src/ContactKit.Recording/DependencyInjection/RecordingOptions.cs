using FluentValidation;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// One recording plan. Every setting left unset (<see langword="null"/>) is inherited: a tenant's plan inherits the
/// default plan (the settings on <see cref="RecordingOptions"/> itself), and the default plan inherits
/// <see cref="RecordingPolicy.Default"/>. Access rules are not inherited: a tenant plan's rules are its own.
/// </summary>
public class RecordingPlanOptions
{
    /// <summary>Whether the plan includes recording; when off, nothing is ever captured. Built-in default <see langword="true"/>.</summary>
    public bool? RecordingEnabled { get; set; }

    /// <summary>Whether every caller and third party must be told before capture. Built-in default <see langword="true"/>.</summary>
    public bool? NoticeRequired { get; set; }

    /// <summary>Whether the bot or IVR phase may be captured. Built-in default <see langword="false"/>.</summary>
    public bool? CaptureBotPhase { get; set; }

    /// <summary>Whether agents and supervisors count as told through their terms of employment (built-in default <see langword="true"/>); set <see langword="false"/> when every party on the call must hear or see the notice.</summary>
    public bool? StaffToldByEmployment { get; set; }

    /// <summary>
    /// How long a secure-payment pause may stay open before it is flagged. Built-in default ten minutes. In configuration,
    /// an ISO 8601 duration, for example <c>"PT8M"</c> for eight minutes.
    /// </summary>
    public Duration? MaxSecurePause { get; set; }

    /// <summary>Who may play, download or export recordings, and for which purposes. Empty by default: nobody may.</summary>
    public IList<RecordingAccessRule> AccessRules { get; } = [];

    /// <summary>The plan as a policy, each unset setting taken from <paramref name="inherited"/>.</summary>
    /// <param name="inherited">The policy this plan inherits from.</param>
    /// <returns>The policy.</returns>
    internal RecordingPolicy ToPolicy(RecordingPolicy inherited) =>
        new(RecordingEnabled ?? inherited.RecordingEnabled, NoticeRequired ?? inherited.NoticeRequired, CaptureBotPhase ?? inherited.CaptureBotPhase, MaxSecurePause ?? inherited.MaxSecurePause)
        {
            StaffToldByEmployment = StaffToldByEmployment ?? inherited.StaffToldByEmployment,
        };
}

/// <summary>Grants a role some uses of recordings for some purposes.</summary>
public sealed class RecordingAccessRule
{
    /// <summary>The role, as the host names it (for example <c>quality_team</c>).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The uses granted.</summary>
    public RecordingAccessKind Kinds { get; set; }

    /// <summary>The purposes granted, as purpose keys (for example <c>quality_monitoring</c>).</summary>
    public IList<string> Purposes { get; } = [];
}

/// <summary>The settings of ContactKit.Recording: a default plan and any tenant's own plan.</summary>
public sealed class RecordingOptions : RecordingPlanOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Recording";

    /// <summary>Plans by tenant id, for tenants whose plan differs from the default (the settings above).</summary>
    public IDictionary<string, RecordingPlanOptions> Tenants { get; } = new Dictionary<string, RecordingPlanOptions>(StringComparer.Ordinal);

    /// <summary>The plan of a tenant as listed: its own if listed, otherwise the default (for its access rules).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The plan.</returns>
    public RecordingPlanOptions PlanFor(TenantId tenant) => Tenants.TryGetValue(tenant.Value, out var plan) && plan is not null ? plan : this;

    /// <summary>
    /// The policy of a tenant: its own plan's settings, each unset one inherited from the default plan, and each unset
    /// there from <see cref="RecordingPolicy.Default"/>. <see cref="RecordingService"/> starts every interaction under it.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The policy.</returns>
    public RecordingPolicy PolicyFor(TenantId tenant)
    {
        var byDefault = ToPolicy(RecordingPolicy.Default);
        return Tenants.TryGetValue(tenant.Value, out var plan) && plan is not null ? plan.ToPolicy(byDefault) : byDefault;
    }
}

/// <summary>Checks <see cref="RecordingOptions"/> at start-up.</summary>
internal sealed class RecordingOptionsValidator : AbstractValidator<RecordingOptions>
{
    /// <summary>Creates the validator.</summary>
    public RecordingOptionsValidator()
    {
        Include(new PlanValidator(string.Empty));
        RuleForEach(o => o.Tenants)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"'{pair.Key}' in Tenants is not a valid tenant id; use the tenant's id as the key.")
            .Must(pair => pair.Value is not null)
            .WithMessage((_, pair) => $"Tenant '{pair.Key}' has no plan; remove the entry or give it settings.");
        RuleForEach(o => o.Tenants)
            .Where(pair => pair.Value is not null)
            .ChildRules(tenant => tenant.RuleFor(pair => pair.Value).SetValidator(pair => new PlanValidator($"Tenants[{(Identifier.Validate(pair.Key, "tenant id") is null ? pair.Key : Errors.Excerpt(pair.Key))}].")))
            .OverridePropertyName("Tenants");
    }

    private sealed class PlanValidator : AbstractValidator<RecordingPlanOptions>
    {
        public PlanValidator(string prefix)
        {
            RuleFor(o => o.MaxSecurePause)
                .Must(t => t is null || (t >= Duration.FromSeconds(1) && t <= Duration.FromHours(2)))
                .WithMessage(o => $"{prefix}MaxSecurePause is {o.MaxSecurePause}; set it between one second and two hours (a card payment takes minutes), or leave it unset to inherit.");
            RuleForEach(o => o.AccessRules)
                .Must(rule => rule is not null && !string.IsNullOrWhiteSpace(rule.Role))
                .WithMessage($"{prefix}AccessRules has a rule without a Role; name the role it grants.")
                .Must(rule => rule is null || (rule.Kinds != RecordingAccessKind.None && (rule.Kinds & ~(RecordingAccessKind.Play | RecordingAccessKind.Download | RecordingAccessKind.Export)) == 0))
                .WithMessage((_, rule) => $"{prefix}AccessRules rule for role {Errors.Excerpt(rule?.Role)} grants no known use; set Kinds to Play, Download, Export or a combination.")
                .Must(rule => rule is null || (rule.Purposes.Count > 0 && rule.Purposes.All(p => Purpose.ParseText(p).IsSuccess)))
                .WithMessage((_, rule) => $"{prefix}AccessRules rule for role {Errors.Excerpt(rule?.Role)} needs one or more purpose keys such as 'quality_monitoring'; it has [{string.Join(", ", (rule?.Purposes ?? []).Select(Errors.Excerpt))}].");
        }
    }
}
