using ContactKit.Calendars;
using FluentValidation;

namespace ContactKit.DataSubjects;

/// <summary>Settings for ContactKit.DataSubjects, checked at start-up by <see cref="DataSubjectsOptionsValidator"/>.</summary>
public sealed class DataSubjectsOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "DataSubjects";

    /// <summary>The most days a deletion period may be: an authorised erasure must be carried out within a month.</summary>
    public const int MaxDeletionPeriodDays = 31;

    /// <summary>
    /// How many days after an erasure request is authorised the data must be gone, counted by
    /// <see cref="StatutoryDeadlines.WithinDays"/> on the tenant's calendar from ContactKit.Calendars. Default 28.
    /// </summary>
    public int DeletionPeriodDays { get; set; } = StatutoryDeadlines.DeletionOnRequestDays;

    /// <summary>Deletion periods by tenant id, for tenants whose notice promises a different period.</summary>
    public IDictionary<string, int> TenantDeletionPeriodDays { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Shorter periods some tenants promise for answering a rights request, by tenant id (for example 20 working days or
    /// 21 days, as the tenant's privacy notice says). A tenant's requests are then due on the earlier of its promise and
    /// the statutory month; an extension still follows the law (three months from the relevant time), and the extension
    /// notice is still due by the end of the first month. Tenants not listed get the statutory month.
    /// </summary>
    public IDictionary<string, RightsResponsePromise> TenantResponsePromises { get; } = new Dictionary<string, RightsResponsePromise>(StringComparer.Ordinal);

    /// <summary>How many days ahead an open request counts as due soon. Default 7.</summary>
    public int DueSoonWithinDays { get; set; } = 7;

    /// <summary>The deletion period of a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The number of days.</returns>
    public int DeletionPeriodFor(TenantId tenant) =>
        TenantDeletionPeriodDays.TryGetValue(tenant.Value, out var days) ? days : DeletionPeriodDays;

    /// <summary>The shorter period a tenant promises for answering a rights request, if it promises one.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The promise, or <see langword="null"/> when the tenant answers within the statutory month.</returns>
    public RightsResponsePromise? ResponsePromiseFor(TenantId tenant) =>
        TenantResponsePromises.TryGetValue(tenant.Value, out var promise) ? promise : null;
}

/// <summary>
/// A tenant's promise to answer rights requests sooner than the statutory month: a number of calendar days, or of working
/// days on the tenant's calendar, counted from the relevant time (UK GDPR Art 12A(2)), later by every day of a
/// clarification wait inside it, and moved to the next working day when it ends on a weekend or bank holiday.
/// </summary>
public sealed class RightsResponsePromise
{
    /// <summary>The most calendar days a promise may be: 28, so that it is never longer than the statutory month.</summary>
    public const int MaxDays = 28;

    /// <summary>The most working days a promise may be: 20, so that it is never longer than the statutory month.</summary>
    public const int MaxWorkingDays = 20;

    /// <summary>How many days: 1 to <see cref="MaxDays"/> calendar days, or 1 to <see cref="MaxWorkingDays"/> working days.</summary>
    public int Days { get; set; }

    /// <summary>Whether <see cref="Days"/> counts working days (on the tenant's calendar) rather than calendar days.</summary>
    public bool WorkingDays { get; set; }

    /// <summary>Whether another promise says the same.</summary>
    /// <param name="other">The other promise.</param>
    /// <returns><see langword="true"/> when both count the same number of the same kind of day.</returns>
    public bool SameAs(RightsResponsePromise? other) => other is not null && other.Days == Days && other.WorkingDays == WorkingDays;

    /// <inheritdoc />
    public override string ToString() => $"{Days} {(WorkingDays ? "working " : string.Empty)}day{(Days == 1 ? string.Empty : "s")}";
}

/// <summary>Checks <see cref="DataSubjectsOptions"/> at start-up, reporting every problem at once.</summary>
internal sealed class DataSubjectsOptionsValidator : AbstractValidator<DataSubjectsOptions>
{
    /// <summary>Creates the validator.</summary>
    public DataSubjectsOptionsValidator()
    {
        RuleFor(o => o.DeletionPeriodDays)
            .InclusiveBetween(1, DataSubjectsOptions.MaxDeletionPeriodDays)
            .WithMessage(o => $"DeletionPeriodDays is {o.DeletionPeriodDays}; set it between 1 and {DataSubjectsOptions.MaxDeletionPeriodDays} days (28 is usual), since an authorised erasure must be carried out within a month.");
        RuleForEach(o => o.TenantDeletionPeriodDays)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"TenantDeletionPeriodDays has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => pair.Value is >= 1 and <= DataSubjectsOptions.MaxDeletionPeriodDays)
            .WithMessage((_, pair) => $"TenantDeletionPeriodDays[{Errors.Excerpt(pair.Key)}] is {pair.Value}; set it between 1 and {DataSubjectsOptions.MaxDeletionPeriodDays} days.");
        RuleForEach(o => o.TenantResponsePromises)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"TenantResponsePromises has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => pair.Value is not null && pair.Value.Days >= 1 && pair.Value.Days <= (pair.Value.WorkingDays ? RightsResponsePromise.MaxWorkingDays : RightsResponsePromise.MaxDays))
            .WithMessage((_, pair) => $"TenantResponsePromises[{Errors.Excerpt(pair.Key)}] is {pair.Value?.ToString() ?? "empty"}; set Days between 1 and {RightsResponsePromise.MaxDays} calendar days, or 1 and {RightsResponsePromise.MaxWorkingDays} with WorkingDays true: a promise longer than that could be longer than the statutory month, which no promise may be.");
        RuleFor(o => o.DueSoonWithinDays)
            .InclusiveBetween(1, 31)
            .WithMessage(o => $"DueSoonWithinDays is {o.DueSoonWithinDays}; set it between 1 and 31 days.");
    }
}
