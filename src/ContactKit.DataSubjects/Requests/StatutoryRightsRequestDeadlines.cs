using System.Collections.Frozen;
using ContactKit.Retention;
using Microsoft.Extensions.Options;

namespace ContactKit.DataSubjects;

/// <summary>
/// Calculates rights-request deadlines with ContactKit.Retention's <see cref="StatutoryDeadlines"/> and the bank
/// holidays of each tenant's UK nation (<see cref="DataSubjectsOptions.TenantDivisions"/>).
/// </summary>
public sealed class StatutoryRightsRequestDeadlines : IRightsRequestDeadlines
{
    private readonly Func<TenantId, UkDivision> _division;
    private static readonly FrozenDictionary<UkDivision, StatutoryDeadlines> ByDivision =
        Enum.GetValues<UkDivision>().ToFrozenDictionary(d => d, d => new StatutoryDeadlines(UkCalendars.For(d)));

    /// <summary>Creates the calculator from the options.</summary>
    /// <param name="options">The options.</param>
    public StatutoryRightsRequestDeadlines(IOptions<DataSubjectsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _division = tenant => options.Value.DivisionFor(tenant);
    }

    /// <summary>Creates a calculator that uses one nation's bank holidays for every tenant.</summary>
    /// <param name="division">The UK nation.</param>
    public StatutoryRightsRequestDeadlines(UkDivision division) => _division = _ => division;

    /// <summary>The statutory deadlines for a tenant's nation.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The calculator.</returns>
    public StatutoryDeadlines For(TenantId tenant) => ByDivision[_division(tenant)];

    /// <inheritdoc />
    public RequestDeadlines Calculate(TenantId tenant, in RequestTimeline timeline)
    {
        var deadlines = For(tenant);
        var clock = timeline.ToClock();
        return new RequestDeadlines(deadlines.RightsRequestDue(clock), deadlines.RightsRequestExtendedDue(clock), deadlines.ExtensionNoticeDue(clock));
    }
}
