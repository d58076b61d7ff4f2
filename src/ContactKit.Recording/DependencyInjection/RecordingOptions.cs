using FluentValidation;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>One tenant's recording plan and access rules.</summary>
public class RecordingPlanOptions
{
    /// <summary>Whether the plan includes recording. Default <see langword="true"/>; when off, nothing is ever captured.</summary>
    public bool RecordingEnabled { get; set; } = true;

    /// <summary>Whether every caller and third party must be told before capture. Default <see langword="true"/>.</summary>
    public bool NoticeRequired { get; set; } = true;

    /// <summary>Whether the bot or IVR phase may be captured. Default <see langword="false"/>.</summary>
    public bool CaptureBotPhase { get; set; }

    /// <summary>Whether agents and supervisors count as told through their terms of employment (default); set <see langword="false"/> when every party on the call must hear or see the notice.</summary>
    public bool StaffToldByEmployment { get; set; } = true;

    /// <summary>How long a secure-payment pause may stay open before it is flagged. Default ten minutes.</summary>
    public TimeSpan MaxSecurePause { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Who may play, download or export recordings, and for which purposes. Empty by default: nobody may.</summary>
    public IList<RecordingAccessRule> AccessRules { get; } = [];

    /// <summary>The plan as the policy value the lifecycle receives.</summary>
    /// <returns>The policy.</returns>
    public RecordingPolicy ToPolicy() =>
        new(RecordingEnabled, NoticeRequired, CaptureBotPhase, Duration.FromTimeSpan(MaxSecurePause)) { StaffToldByEmployment = StaffToldByEmployment };
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
    /// <summary>Plans by tenant id, for tenants whose plan differs from the default (the settings above).</summary>
    public IDictionary<string, RecordingPlanOptions> Tenants { get; } = new Dictionary<string, RecordingPlanOptions>(StringComparer.Ordinal);

    /// <summary>The plan of a tenant: its own if listed, otherwise the default.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The plan.</returns>
    public RecordingPlanOptions PlanFor(TenantId tenant) => Tenants.TryGetValue(tenant.Value, out var plan) ? plan : this;

    /// <summary>The policy of a tenant, to pass in <see cref="InteractionStarted"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The policy.</returns>
    public RecordingPolicy PolicyFor(TenantId tenant) => PlanFor(tenant).ToPolicy();
}

/// <summary>Checks <see cref="RecordingOptions"/> at start-up.</summary>
public sealed class RecordingOptionsValidator : AbstractValidator<RecordingOptions>
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
            .ChildRules(tenant => tenant.RuleFor(pair => pair.Value).SetValidator(pair => new PlanValidator($"Tenants[{pair.Key}].")))
            .OverridePropertyName("Tenants");
    }

    private sealed class PlanValidator : AbstractValidator<RecordingPlanOptions>
    {
        public PlanValidator(string prefix)
        {
            RuleFor(o => o.MaxSecurePause)
                .Must(t => t > TimeSpan.Zero && t <= TimeSpan.FromHours(2))
                .WithMessage(o => $"{prefix}MaxSecurePause is {o.MaxSecurePause}; set it between one second and two hours (a card payment takes minutes).");
            RuleForEach(o => o.AccessRules)
                .Must(rule => rule is not null && !string.IsNullOrWhiteSpace(rule.Role))
                .WithMessage($"{prefix}AccessRules has a rule without a Role; name the role it grants.")
                .Must(rule => rule is null || (rule.Kinds != RecordingAccessKind.None && (rule.Kinds & ~(RecordingAccessKind.Play | RecordingAccessKind.Download | RecordingAccessKind.Export)) == 0))
                .WithMessage((_, rule) => $"{prefix}AccessRules rule for role '{rule?.Role}' grants no known use; set Kinds to Play, Download, Export or a combination.")
                .Must(rule => rule is null || (rule.Purposes.Count > 0 && rule.Purposes.All(p => Purpose.ParseText(p).IsSuccess)))
                .WithMessage((_, rule) => $"{prefix}AccessRules rule for role '{rule?.Role}' needs one or more purpose keys such as 'quality_monitoring'; it has [{string.Join(", ", rule?.Purposes ?? [])}].");
        }
    }
}
