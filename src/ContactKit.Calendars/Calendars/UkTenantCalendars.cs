using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace ContactKit.Calendars;

/// <summary>
/// Each tenant's UK calendar: the bank holidays of its nation (<see cref="CalendarsOptions.TenantDivisions"/>, else
/// <see cref="CalendarsOptions.DefaultDivision"/>), from the built-in rules and, for the years it covers, the feed named by
/// <see cref="CalendarsOptions.BankHolidayFeedPath"/>, which is read once when this is created.
/// </summary>
public sealed class UkTenantCalendars : ITenantCalendars
{
    private readonly FrozenDictionary<UkDivision, StatutoryDeadlines> _deadlines;
    private readonly FrozenDictionary<string, UkDivision> _tenants;
    private readonly UkDivision _default;

    /// <summary>Creates the calendars from the options, loading the feed they name.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ContactKitException">The feed cannot be loaded (start-up validation reports this first).</exception>
    public UkTenantCalendars(IOptions<CalendarsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var feed = string.IsNullOrWhiteSpace(value.BankHolidayFeedPath) ? null : BankHolidayFeed.LoadFile(value.BankHolidayFeedPath).Value;
        _default = value.DefaultDivision;
        _tenants = value.TenantDivisions.ToFrozenDictionary(StringComparer.Ordinal);
        _deadlines = Build(feed);
    }

    /// <summary>Creates calendars that give every tenant the same nation's bank holidays.</summary>
    /// <param name="division">The nation.</param>
    /// <param name="feed">A loaded feed that wins for the years it covers, or <see langword="null"/> for the built-in rules.</param>
    public UkTenantCalendars(UkDivision division, BankHolidayFeed? feed = null)
    {
        if (!Enum.IsDefined(division))
        {
            throw new ArgumentOutOfRangeException(nameof(division), division, "Not a UK division.");
        }

        _default = division;
        _tenants = FrozenDictionary<string, UkDivision>.Empty;
        _deadlines = Build(feed);
    }

    /// <summary>The UK nation whose bank holidays apply to a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The division.</returns>
    public UkDivision DivisionFor(TenantId tenant) =>
        _tenants.TryGetValue(tenant.Value, out var division) ? division : _default;

    /// <inheritdoc />
    public IWorkingDayCalendar CalendarFor(TenantId tenant) => DeadlinesFor(tenant).Calendar;

    /// <inheritdoc />
    public StatutoryDeadlines DeadlinesFor(TenantId tenant) => _deadlines[DivisionFor(tenant)];

    private static FrozenDictionary<UkDivision, StatutoryDeadlines> Build(BankHolidayFeed? feed) =>
        Enum.GetValues<UkDivision>().ToFrozenDictionary(d => d, d => new StatutoryDeadlines(UkCalendars.Create(d, feed)));
}
