using FluentValidation;
using NodaTime;

namespace ContactKit;

/// <summary>Settings that apply to every ContactKit package.</summary>
public sealed class ContactKitOptions
{
    /// <summary>
    /// The configuration section that <c>BindConfiguration()</c> reads by default: these settings at its top level, each
    /// package's settings in a subsection named by its options type's <c>SectionName</c>.
    /// </summary>
    public const string SectionName = "ContactKit";

    /// <summary>The IANA time zone used for calendar rules of a tenant not listed in <see cref="TenantTimeZones"/>. Default <c>Europe/London</c>.</summary>
    public string DefaultTimeZoneId { get; set; } = "Europe/London";

    /// <summary>Time zones by tenant id, for tenants outside the default zone.</summary>
    public IDictionary<string, string> TenantTimeZones { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>Checks <see cref="ContactKitOptions"/> at start-up.</summary>
internal sealed class ContactKitOptionsValidator : AbstractValidator<ContactKitOptions>
{
    /// <summary>Creates the validator.</summary>
    public ContactKitOptionsValidator()
    {
        RuleFor(o => o.DefaultTimeZoneId)
            .Must(BeATimeZone)
            .WithMessage(o => $"{Errors.Excerpt(o.DefaultTimeZoneId)} is not an IANA time zone id; use one such as 'Europe/London'.");
        RuleForEach(o => o.TenantTimeZones)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"{Errors.Excerpt(pair.Key)} is not a valid tenant id.")
            .Must(pair => BeATimeZone(pair.Value))
            .WithMessage((_, pair) => $"Tenant {Errors.Excerpt(pair.Key)} has time zone {Errors.Excerpt(pair.Value)}, which is not an IANA time zone id.");
    }

    private static bool BeATimeZone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;
}
