using Microsoft.Extensions.Options;

namespace ContactKit.Retention;

/// <summary>Gives each tenant its retention schedule.</summary>
public interface IRetentionScheduleProvider
{
    /// <summary>The tenant's schedule.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The schedule; an empty one (every item "no rule", so kept) when none is configured.</returns>
    RetentionSchedule GetSchedule(TenantId tenant);
}

/// <summary>Reads schedules from <see cref="RetentionOptions"/>, following configuration reloads.</summary>
internal sealed class OptionsRetentionScheduleProvider(IOptionsMonitor<RetentionOptions> options) : IRetentionScheduleProvider
{
    private static readonly RetentionSchedule Empty = new() { Name = "(none)" };

    public RetentionSchedule GetSchedule(TenantId tenant)
    {
        var current = options.CurrentValue;
        return current.TenantSchedules.TryGetValue(tenant.Value, out var schedule) ? schedule : current.Schedule ?? Empty;
    }
}
