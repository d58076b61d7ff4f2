using FluentValidation;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>Settings of the retention package, validated at start-up.</summary>
public sealed class RetentionOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Retention";

    /// <summary>
    /// The schedule used for every tenant without one of its own in <see cref="TenantSchedules"/>. In configuration, a
    /// section in the shape of a schedule's JSON file (see <see cref="RetentionScheduleConfiguration"/>).
    /// </summary>
    public RetentionSchedule? Schedule { get; set; }

    /// <summary>Schedules by tenant id; in configuration, one schedule section per tenant id.</summary>
    public IDictionary<string, RetentionSchedule> TenantSchedules { get; } = new Dictionary<string, RetentionSchedule>(StringComparer.Ordinal);

    /// <summary>
    /// How long a disposal claim lasts before another worker may take the item. Default ten minutes. In configuration,
    /// an ISO 8601 duration such as <c>"PT10M"</c>.
    /// </summary>
    public Duration ClaimTimeout { get; set; } = Duration.FromMinutes(10);

    /// <summary>The most items a worker takes in one batch. Default 100.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>Checks <see cref="RetentionOptions"/>; every failure names the setting and the fix.</summary>
internal sealed class RetentionOptionsValidator : AbstractValidator<RetentionOptions>
{
    /// <summary>Creates the validator.</summary>
    public RetentionOptionsValidator()
    {
        RuleFor(o => o.ClaimTimeout)
            .Must(d => d > Duration.Zero)
            .WithMessage(o => $"RetentionOptions.ClaimTimeout is {o.ClaimTimeout}; set a positive duration longer than the slowest disposal, such as 10 minutes.");
        RuleFor(o => o.BatchSize)
            .InclusiveBetween(1, 100_000)
            .WithMessage(o => $"RetentionOptions.BatchSize is {o.BatchSize}; set it between 1 and 100000.");
        RuleFor(o => o.Schedule)
            .Must(s => s!.Validate().IsEmpty)
            .When(o => o.Schedule is not null)
            .WithMessage(o => $"RetentionOptions.Schedule is invalid: {string.Join(" ", o.Schedule!.Validate().Select(e => e.Message))}");
        RuleForEach(o => o.TenantSchedules)
            .Must(pair => Identifier.Validate(pair.Key, "tenant id") is null)
            .WithMessage((_, pair) => $"RetentionOptions.TenantSchedules has key {Errors.Excerpt(pair.Key)}, which is not a valid tenant id.")
            .Must(pair => pair.Value is not null && pair.Value.Validate().IsEmpty)
            .WithMessage((_, pair) => $"RetentionOptions.TenantSchedules[{Errors.Excerpt(pair.Key)}] is invalid: {(pair.Value is null ? "it is null." : string.Join(" ", pair.Value.Validate().Select(e => e.Message)))}");
    }
}

/// <summary>
/// Reads <see cref="RetentionOptions"/> from configuration: the settings by the binder, and each schedule through
/// <see cref="RetentionScheduleConfiguration"/>, with the same checks as a schedule file and every problem reported.
/// </summary>
internal static class RetentionOptionsConfiguration
{
    internal static void Read(IConfiguration section, RetentionOptions options, ICollection<ContactKitError> failures)
    {
        var settings = new Settings();
        ContactKitConfiguration.Bind(section, settings, failures);
        options.ClaimTimeout = settings.ClaimTimeout ?? options.ClaimTimeout;
        options.BatchSize = settings.BatchSize ?? options.BatchSize;

        if (section.GetSection(nameof(RetentionOptions.Schedule)) is { } schedule && schedule.Exists())
        {
            options.Schedule = Read(schedule, failures) ?? options.Schedule;
        }

        foreach (var tenant in section.GetSection(nameof(RetentionOptions.TenantSchedules)).GetChildren())
        {
            if (Read(tenant, failures) is { } read)
            {
                options.TenantSchedules[tenant.Key] = read;
            }
        }
    }

    private static RetentionSchedule? Read(IConfigurationSection section, ICollection<ContactKitError> failures)
    {
        var problems = RetentionScheduleConfiguration.Check(section, out var document);
        foreach (var problem in problems)
        {
            failures.Add(problem);
        }

        return problems.IsEmpty ? RetentionScheduleValidator.ToSchedule(document) : null;
    }

    /// <summary>The settings the binder reads; the schedules are read apart.</summary>
    private sealed class Settings
    {
        public Duration? ClaimTimeout { get; set; }

        public int? BatchSize { get; set; }
    }
}
