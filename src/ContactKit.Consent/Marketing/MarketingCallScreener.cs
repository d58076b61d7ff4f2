using ContactKit.Consent;
using ContactKit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// Screens calling lists against TPS and CTPS through <see cref="ITelephonePreferenceService"/>, dating each screening in
/// the tenant's time zone, and decides calls against the resulting <see cref="MarketingCallIndex"/> on the tenant's local date.
/// </summary>
/// <param name="preferenceService">The TPS/CTPS look-up.</param>
/// <param name="options">The consent options (the screening validity).</param>
/// <param name="zones">Tenant time zones.</param>
/// <param name="clock">The clock.</param>
public sealed class MarketingCallScreener(ITelephonePreferenceService preferenceService, IOptions<ConsentOptions> options, ITenantTimeZones zones, IClock clock)
{
    /// <summary>Today's date in the tenant's time zone.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The local date.</returns>
    public LocalDate Today(TenantId tenant) => clock.GetCurrentInstant().InZone(zones.GetTimeZone(tenant)).Date;

    /// <summary>Screens every number and adds the result, dated today in the tenant's zone, to <paramref name="builder"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="numbers">The numbers.</param>
    /// <param name="builder">Where the screenings go.</param>
    /// <param name="cancellationToken">Cancels the screening.</param>
    /// <returns>A task that completes when every number is screened.</returns>
    public async ValueTask ScreenAsync(TenantId tenant, IEnumerable<TelephoneNumber> numbers, MarketingCallIndex.Builder builder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(builder);
        var today = Today(tenant);
        foreach (var number in numbers)
        {
            var registers = await preferenceService.LookUpAsync(number, cancellationToken).ConfigureAwait(false);
            builder.AddScreening(number, registers, today);
        }
    }

    /// <summary>Builds the index with the configured screening validity.</summary>
    /// <param name="builder">The collected screenings and suppressions.</param>
    /// <returns>The index.</returns>
    public MarketingCallIndex Build(MarketingCallIndex.Builder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Build(ConsentOptionsValidator.Days(options.Value.ScreeningValidity));
    }

    /// <summary>Decides whether a number may be called today, in the tenant's time zone, and counts the decision on the <c>ContactKit.Consent</c> meter.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="index">The index.</param>
    /// <param name="number">The number.</param>
    /// <returns>The decision.</returns>
    public CallDecision Decide(TenantId tenant, MarketingCallIndex index, TelephoneNumber number)
    {
        ArgumentNullException.ThrowIfNull(index);
        var decision = index.Decide(number, Today(tenant));
        ConsentTelemetry.RecordDecision(tenant, decision);
        return decision;
    }
}
