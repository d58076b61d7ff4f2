using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit;

/// <summary>Gives each tenant's time zone, in which calendar rules (retention periods, deadlines) are counted.</summary>
public interface ITenantTimeZones
{
    /// <summary>The tenant's time zone.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The zone; <c>Europe/London</c> unless configured otherwise.</returns>
    DateTimeZone GetTimeZone(TenantId tenant);
}

/// <summary>Reads tenant time zones from <see cref="ContactKitOptions"/>.</summary>
internal sealed class OptionsTenantTimeZones(IOptions<ContactKitOptions> options) : ITenantTimeZones
{
    private readonly DateTimeZone _default = DateTimeZoneProviders.Tzdb[options.Value.DefaultTimeZoneId];

    public DateTimeZone GetTimeZone(TenantId tenant) =>
        options.Value.TenantTimeZones.TryGetValue(tenant.Value, out var id) ? DateTimeZoneProviders.Tzdb[id] : _default;
}
