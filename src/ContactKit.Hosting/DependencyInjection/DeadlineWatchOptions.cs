using FluentValidation;
using NodaTime;

namespace ContactKit.Hosting;

/// <summary>Settings of the deadline watch, validated at start-up.</summary>
public sealed class DeadlineWatchOptions
{
    /// <summary>The configuration section these options are read from, below <c>ContactKit</c>.</summary>
    public const string SectionName = "DeadlineWatch";

    /// <summary>How long the watch waits between runs. Default fifteen minutes.</summary>
    public Duration Interval { get; set; } = Duration.FromMinutes(15);

    /// <summary>
    /// How many days before its due date a rights request is "due soon"; <see langword="null"/> takes the data-subjects
    /// package's <c>DueSoonWithinDays</c>.
    /// </summary>
    public int? RightsRequestDueSoonDays { get; set; }

    /// <summary>How many days before the last day to send it an extension notice is raised as due. Default five.</summary>
    public int ExtensionNoticeWarningDays { get; set; } = 5;

    /// <summary>How many days before its due date an authorised deletion on request is "due soon". Default five.</summary>
    public int DeletionDueSoonDays { get; set; } = 5;

    /// <summary>How many days before a published calling list's screenings go stale the watch warns. Default three.</summary>
    public int ScreeningStaleWarningDays { get; set; } = 3;
}

/// <summary>Checks <see cref="DeadlineWatchOptions"/>; every failure names the setting and the fix.</summary>
internal sealed class DeadlineWatchOptionsValidator : AbstractValidator<DeadlineWatchOptions>
{
    /// <summary>Creates the validator.</summary>
    public DeadlineWatchOptionsValidator()
    {
        RuleFor(o => o.Interval)
            .Must(d => d > Duration.Zero && d <= Duration.FromDays(1))
            .WithMessage(o => $"DeadlineWatchOptions.Interval is {o.Interval}; set a duration above zero and at most one day, such as PT15M.");
        RuleFor(o => o.RightsRequestDueSoonDays)
            .InclusiveBetween(0, 60)
            .When(o => o.RightsRequestDueSoonDays is not null)
            .WithMessage(o => $"DeadlineWatchOptions.RightsRequestDueSoonDays is {o.RightsRequestDueSoonDays}; set it between 0 and 60, or leave it out.");
        RuleFor(o => o.ExtensionNoticeWarningDays)
            .InclusiveBetween(0, 28)
            .WithMessage(o => $"DeadlineWatchOptions.ExtensionNoticeWarningDays is {o.ExtensionNoticeWarningDays}; set it between 0 and 28.");
        RuleFor(o => o.DeletionDueSoonDays)
            .InclusiveBetween(0, 28)
            .WithMessage(o => $"DeadlineWatchOptions.DeletionDueSoonDays is {o.DeletionDueSoonDays}; set it between 0 and 28.");
        RuleFor(o => o.ScreeningStaleWarningDays)
            .InclusiveBetween(0, 27)
            .WithMessage(o => $"DeadlineWatchOptions.ScreeningStaleWarningDays is {o.ScreeningStaleWarningDays}; set it between 0 and 27 (a screening is valid for at most 28 days).");
    }
}
