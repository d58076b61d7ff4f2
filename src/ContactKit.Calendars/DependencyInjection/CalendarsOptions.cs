using FluentValidation;

namespace ContactKit.Calendars;

/// <summary>
/// Settings of the calendars every clock in ContactKit counts on, set once with <c>AddCalendars(o => ...)</c> or bound
/// from configuration, and checked at start-up.
/// </summary>
public sealed class CalendarsOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Calendars";

    /// <summary>
    /// A GOV.UK-format bank-holiday file (a copy of <c>https://www.gov.uk/bank-holidays.json</c>) that takes precedence
    /// over the built-in holidays for the years it covers, in every tenant's calendar. Read once at start-up.
    /// </summary>
    public string? BankHolidayFeedPath { get; set; }

    /// <summary>The UK nation whose bank holidays apply to a tenant not listed in <see cref="TenantDivisions"/>. Default England and Wales.</summary>
    public UkDivision DefaultDivision { get; set; } = UkDivision.EnglandAndWales;

    /// <summary>The UK nation whose bank holidays apply, by tenant id.</summary>
    public IDictionary<string, UkDivision> TenantDivisions { get; } = new Dictionary<string, UkDivision>(StringComparer.Ordinal);
}

/// <summary>Checks <see cref="CalendarsOptions"/> at start-up, reporting every problem at once.</summary>
internal sealed class CalendarsOptionsValidator : AbstractValidator<CalendarsOptions>
{
    private const string Divisions = "use EnglandAndWales, Scotland or NorthernIreland";

    public CalendarsOptionsValidator()
    {
        RuleFor(o => o.DefaultDivision)
            .IsInEnum()
            .WithMessage(o => $"CalendarsOptions.DefaultDivision {Errors.Excerpt(o.DefaultDivision.ToString())} is not a UK division; {Divisions}.");
        RuleForEach(o => o.TenantDivisions)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"CalendarsOptions.TenantDivisions has {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => Enum.IsDefined(pair.Value))
            .WithMessage((_, pair) => $"CalendarsOptions.TenantDivisions[{Errors.Excerpt(pair.Key)}] is {Errors.Excerpt(pair.Value.ToString())}, not a UK division; {Divisions}.");
        RuleFor(o => o.BankHolidayFeedPath)
            .Custom((path, context) =>
            {
                if (!string.IsNullOrWhiteSpace(path) && BankHolidayFeed.LoadFile(path).Error is { } error)
                {
                    context.AddFailure($"CalendarsOptions.BankHolidayFeedPath could not be loaded: {error.Code}: {error.Message} Point it at a copy of the GOV.UK bank-holidays.json or remove it.");
                }
            });
    }
}
