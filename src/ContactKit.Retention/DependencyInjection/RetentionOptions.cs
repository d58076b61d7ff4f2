using FluentValidation;
using NodaTime;

namespace ContactKit.Retention;

/// <summary>Settings of the retention package, validated at start-up.</summary>
public sealed class RetentionOptions
{
    /// <summary>The schedule used for every tenant without one of its own in <see cref="TenantSchedules"/>.</summary>
    public RetentionSchedule? Schedule { get; set; }

    /// <summary>Schedules by tenant id.</summary>
    public IDictionary<string, RetentionSchedule> TenantSchedules { get; } = new Dictionary<string, RetentionSchedule>(StringComparer.Ordinal);

    /// <summary>How long a disposal claim lasts before another worker may take the item. Default ten minutes.</summary>
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
