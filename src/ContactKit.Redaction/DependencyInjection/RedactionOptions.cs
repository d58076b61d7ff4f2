using FluentValidation;

namespace ContactKit.Redaction;

/// <summary>How one tenant's transcripts are redacted.</summary>
public sealed class RedactionSettings
{
    /// <summary>The placeholder in <see cref="Marker"/> that is replaced by the entity's name (<c>card-number</c> and so on).</summary>
    public const string EntityPlaceholder = "{entity}";

    /// <summary>The longest marker allowed.</summary>
    public const int MaxMarkerLength = 64;

    /// <summary>
    /// What replaces each removed value. <c>{entity}</c> is replaced by the entity's name. Default <c>[{entity}]</c>, giving
    /// <c>[card-number]</c>. It may hold no digits and no <c>@</c>, so that redacted text redacts to itself.
    /// </summary>
    public string Marker { get; set; } = "[" + EntityPlaceholder + "]";

    /// <summary>Which digit runs count as card numbers. Default <see cref="CardPolicy.Default"/> (Luhn and IIN).</summary>
    public CardPolicy CardPolicy { get; set; } = CardPolicy.Default;

    /// <summary>
    /// Entity types switched off for this tenant; every other type is redacted. Card numbers cannot be switched off.
    /// </summary>
    public IList<RedactionEntity> Disabled { get; } = new List<RedactionEntity>();

    /// <summary>Whether an entity type is redacted.</summary>
    /// <param name="entity">The type.</param>
    /// <returns><see langword="true"/> unless it is listed in <see cref="Disabled"/>.</returns>
    public bool IsEnabled(RedactionEntity entity) => !Disabled.Contains(entity);

    /// <summary>The marker for one entity type.</summary>
    /// <param name="entity">The type.</param>
    /// <returns>The marker text.</returns>
    public string MarkerFor(RedactionEntity entity) => Marker.Replace(EntityPlaceholder, entity.MarkerName(), StringComparison.Ordinal);
}

/// <summary>Settings for ContactKit.Redaction, checked at start-up by <see cref="RedactionOptionsValidator"/>.</summary>
public sealed class RedactionOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Redaction";

    /// <summary>The settings of every tenant not listed in <see cref="Tenants"/>.</summary>
    public RedactionSettings Default { get; set; } = new();

    /// <summary>Settings by tenant id, for tenants that differ from <see cref="Default"/>.</summary>
    public IDictionary<string, RedactionSettings> Tenants { get; } = new Dictionary<string, RedactionSettings>(StringComparer.Ordinal);

    /// <summary>The settings of a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>Its settings, or <see cref="Default"/>.</returns>
    public RedactionSettings For(TenantId tenant) =>
        Tenants.TryGetValue(tenant.Value, out var settings) ? settings : Default;
}

/// <summary>Checks one tenant's <see cref="RedactionSettings"/>.</summary>
internal sealed class RedactionSettingsValidator : AbstractValidator<RedactionSettings>
{
    /// <summary>Creates the validator.</summary>
    public RedactionSettingsValidator()
    {
        RuleFor(s => s.Marker)
            .Must(m => !string.IsNullOrWhiteSpace(m) && m.Length <= RedactionSettings.MaxMarkerLength)
            .WithMessage(s => $"{RedactionErrorCodes.InvalidMarker}: Marker must be 1 to {RedactionSettings.MaxMarkerLength} characters and not blank, such as [{{entity}}] or [redacted].")
            .Must(m => m is null || !m.Any(c => char.IsDigit(c) || c == '@'))
            .WithMessage(s => $"{RedactionErrorCodes.InvalidMarker}: Marker must hold no digits and no '@', so that redacted text redacts to itself.");
        RuleFor(s => s.CardPolicy)
            .IsInEnum()
            .WithMessage(s => $"{RedactionErrorCodes.InvalidSettings}: CardPolicy '{s.CardPolicy}' is not a policy; use Default or Conservative.");
        RuleForEach(s => s.Disabled)
            .IsInEnum()
            .WithMessage((_, e) => $"{RedactionErrorCodes.InvalidSettings}: Disabled holds '{e}', which is not an entity type.")
            .NotEqual(RedactionEntity.CardNumber)
            .WithMessage(_ => $"{RedactionErrorCodes.CardRedactionRequired}: Disabled holds CardNumber; card numbers are always redacted (PCI DSS 3.3.1 forbids keeping them).");
    }
}

/// <summary>Checks <see cref="RedactionOptions"/> at start-up, reporting every problem at once.</summary>
internal sealed class RedactionOptionsValidator : AbstractValidator<RedactionOptions>
{
    /// <summary>Creates the validator.</summary>
    public RedactionOptionsValidator()
    {
        RuleFor(o => o.Default)
            .NotNull()
            .WithMessage($"{RedactionErrorCodes.InvalidSettings}: Default must be set.")
            .SetValidator(new RedactionSettingsValidator());
        RuleForEach(o => o.Tenants)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"{RedactionErrorCodes.InvalidSettings}: Tenants has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => pair.Value is not null)
            .WithMessage((_, pair) => $"{RedactionErrorCodes.InvalidSettings}: Tenants[{Errors.Excerpt(pair.Key)}] has no settings.");
        RuleForEach(o => o.Tenants.Values)
            .SetValidator(new RedactionSettingsValidator())
            .OverridePropertyName("Tenants");
    }
}
