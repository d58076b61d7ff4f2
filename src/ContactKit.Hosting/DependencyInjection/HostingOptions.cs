using FluentValidation;

namespace ContactKit.Hosting;

/// <summary>Settings shared by every hosted worker, validated at start-up.</summary>
public sealed class HostingOptions
{
    /// <summary>The configuration section these options are read from, below <c>ContactKit</c>.</summary>
    public const string SectionName = "Hosting";

    /// <summary>The tenants the workers serve, by id. At least one is needed.</summary>
    public IList<string> Tenants { get; } = new List<string>();
}

/// <summary>Checks <see cref="HostingOptions"/>; every failure names the setting and the fix.</summary>
internal sealed class HostingOptionsValidator : AbstractValidator<HostingOptions>
{
    /// <summary>Creates the validator.</summary>
    public HostingOptionsValidator()
    {
        RuleFor(o => o.Tenants)
            .Must(t => t.Count > 0)
            .WithMessage("HostingOptions.Tenants is empty; list the tenant ids the workers serve, such as [\"council\"].");
        RuleForEach(o => o.Tenants)
            .Must(t => Identifier.Validate(t, "tenant id") is null)
            .WithMessage((_, t) => $"HostingOptions.Tenants holds {Errors.Excerpt(t)}, which is not a valid tenant id (letters, digits and '. _ - :').");
        RuleFor(o => o.Tenants)
            .Must(t => t.Distinct(StringComparer.Ordinal).Count() == t.Count)
            .WithMessage("HostingOptions.Tenants names a tenant twice; list each tenant once.");
    }
}
