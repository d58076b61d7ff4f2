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

    /// <summary>How many days ahead an open request counts as due soon. Default 7.</summary>
    public int DueSoonWithinDays { get; set; } = 7;

    /// <summary>The deletion period of a tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The number of days.</returns>
    public int DeletionPeriodFor(TenantId tenant) =>
        TenantDeletionPeriodDays.TryGetValue(tenant.Value, out var days) ? days : DeletionPeriodDays;
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
        RuleFor(o => o.DueSoonWithinDays)
            .InclusiveBetween(1, 31)
            .WithMessage(o => $"DueSoonWithinDays is {o.DueSoonWithinDays}; set it between 1 and 31 days.");
    }
}
