using FluentValidation;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>Settings of the disposal sweep, validated at start-up.</summary>
public sealed class DisposalSweepOptions
{
    /// <summary>The configuration section these options are read from, below <c>ContactKit</c>.</summary>
    public const string SectionName = "DisposalSweep";

    /// <summary>How long the sweep waits between runs once nothing more is due. Default five minutes.</summary>
    public Duration Interval { get; set; } = Duration.FromMinutes(5);

    /// <summary>
    /// The longest a due item may wait to be disposed of. Above it the sweep's health check reports unhealthy
    /// (<see cref="HostingErrorCodes.SweepLagging"/>). Must be longer than <see cref="Interval"/>. Default one hour.
    /// </summary>
    public Duration MaxLag { get; set; } = Duration.FromHours(1);

    /// <summary>The most items claimed in one batch; <see langword="null"/> takes the retention package's <c>BatchSize</c>.</summary>
    public int? BatchSize { get; set; }

    /// <summary>The wait after the first failed run; each further failure doubles it, up to <see cref="RetryMaxDelay"/>. Default five seconds.</summary>
    public Duration RetryInitialDelay { get; set; } = Duration.FromSeconds(5);

    /// <summary>The longest wait between failed runs. Default five minutes.</summary>
    public Duration RetryMaxDelay { get; set; } = Duration.FromMinutes(5);

    /// <summary>The worker id written in claims and proofs; <see langword="null"/> derives one from the machine name and process id.</summary>
    public string? WorkerId { get; set; }
}

/// <summary>Checks <see cref="DisposalSweepOptions"/>; every failure names the setting and the fix.</summary>
internal sealed class DisposalSweepOptionsValidator : AbstractValidator<DisposalSweepOptions>
{
    private static readonly Duration Day = Duration.FromDays(1);

    /// <summary>Creates the validator.</summary>
    public DisposalSweepOptionsValidator()
    {
        RuleFor(o => o.Interval)
            .Must(d => d > Duration.Zero && d <= Day)
            .WithMessage(o => $"DisposalSweepOptions.Interval is {o.Interval}; set a duration above zero and at most one day, such as PT5M.");
        RuleFor(o => o.MaxLag)
            .Must((o, lag) => lag > o.Interval)
            .WithMessage(o => $"DisposalSweepOptions.MaxLag is {o.MaxLag}, which is not longer than Interval ({o.Interval}); set it longer, such as PT1H.");
        RuleFor(o => o.BatchSize)
            .InclusiveBetween(1, 100_000)
            .When(o => o.BatchSize is not null)
            .WithMessage(o => $"DisposalSweepOptions.BatchSize is {o.BatchSize}; set it between 1 and 100000, or leave it out to use the retention batch size.");
        RuleFor(o => o.RetryInitialDelay)
            .Must(d => d > Duration.Zero)
            .WithMessage(o => $"DisposalSweepOptions.RetryInitialDelay is {o.RetryInitialDelay}; set a duration above zero, such as PT5S.");
        RuleFor(o => o.RetryMaxDelay)
            .Must((o, max) => max >= o.RetryInitialDelay && max <= Day)
            .WithMessage(o => $"DisposalSweepOptions.RetryMaxDelay is {o.RetryMaxDelay}; set it at least RetryInitialDelay ({o.RetryInitialDelay}) and at most one day, such as PT5M.");
        RuleFor(o => o.WorkerId)
            .Must(id => Identifier.Validate(id, "worker id") is null)
            .When(o => o.WorkerId is not null)
            .WithMessage(o => $"DisposalSweepOptions.WorkerId is {Errors.Excerpt(o.WorkerId)}, which is not a valid actor id (letters, digits and '. _ - :').");
    }
}
