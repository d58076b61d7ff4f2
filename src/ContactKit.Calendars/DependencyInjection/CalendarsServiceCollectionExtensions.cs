using ContactKit.Calendars;
using ContactKit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ContactKit.Calendars to a ContactKit registration.</summary>
public static class CalendarsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one calendar source every clock in the suite counts on (<see cref="ITenantCalendars"/>: each tenant's
    /// UK nation, the built-in bank-holiday rules and the feed named in <see cref="CalendarsOptions"/>), with the options
    /// validated at start-up. The concept packages that count deadlines call it themselves; calling it again, before or
    /// after them, only adds settings. Nothing is registered twice.
    /// </summary>
    /// <param name="builder">The ContactKit builder from <c>AddContactKit()</c>.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Calendars</c> section (<see cref="CalendarsOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddCalendars(this ContactKitBuilder builder, Action<CalendarsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ITenantCalendars>(sp => new UkTenantCalendars(sp.GetRequiredService<IOptions<CalendarsOptions>>()));
        return builder.AddValidatedOptions<CalendarsOptions, CalendarsOptionsValidator>(configure, CalendarsOptions.SectionName);
    }
}
