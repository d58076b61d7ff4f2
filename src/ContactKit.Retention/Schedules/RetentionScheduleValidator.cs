using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FluentValidation;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Retention;

/// <summary>
/// The rules every schedule must keep, written once with FluentValidation over the JSON shape so that each problem
/// names its JSON path and its rule, whether the schedule came from JSON or was built in code.
/// </summary>
internal static class RetentionScheduleValidator
{
    private static readonly DocumentValidator Validator = new();

    public static ImmutableArray<ContactKitError> Check(RetentionSchedule schedule) => Check(ToDocument(schedule));

    public static ImmutableArray<ContactKitError> Check(RetentionScheduleDocument document)
    {
        var result = Validator.Validate(document);
        return [.. result.Errors.Select(e => new ContactKitError(
            e.ErrorCode == RetentionErrorCodes.PeriodTooLong ? RetentionErrorCodes.PeriodTooLong : RetentionErrorCodes.InvalidSchedule,
            e.ErrorMessage,
            JsonPath(e.PropertyName)))];
    }

    /// <summary>Turns FluentValidation's <c>Rules[2].Period</c> into the JSON path <c>$.rules[2].period</c>.</summary>
    internal static string JsonPath(string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "$";
        }

        var builder = new StringBuilder("$");
        foreach (var segment in propertyName.Split('.'))
        {
            builder.Append('.').Append(char.ToLowerInvariant(segment[0])).Append(segment.AsSpan(1));
        }

        return builder.ToString();
    }

    internal static RetentionScheduleDocument ToDocument(RetentionSchedule schedule) => new()
    {
        Name = schedule.Name,
        Rules = [.. schedule.Rules.Select(r => (RetentionRuleDocument?)new RetentionRuleDocument
        {
            Name = r.Name,
            RecordClass = r.RecordClass.Value,
            Trigger = r.Trigger.Value,
            Period = r.Period is null ? null : PeriodPattern.Roundtrip.Format(r.Period),
            ReviewOn = r.ReviewOn is { } review ? LocalDatePattern.Iso.Format(review) : null,
            Action = Snake(r.Action.ToString()),
            Reason = Snake(r.Reason.ToString()),
            Minimum = r.Minimum is null ? null : PeriodPattern.Roundtrip.Format(r.Minimum),
            Source = r.Source,
        })],
    };

    internal static RetentionSchedule ToSchedule(RetentionScheduleDocument document) => new()
    {
        Name = document.Name!,
        Rules = [.. document.Rules!.Select(r => new RetentionRule
        {
            Name = r!.Name!,
            RecordClass = RecordClass.ParseText(r.RecordClass).Value,
            Trigger = RetentionTrigger.ParseText(r.Trigger).Value,
            Period = r.Period is null ? null : PeriodPattern.Roundtrip.Parse(r.Period).Value,
            ReviewOn = r.ReviewOn is null ? null : LocalDatePattern.Iso.Parse(r.ReviewOn).Value,
            Action = ParseEnum<DisposalAction>(r.Action)!.Value,
            Reason = ParseEnum<RetentionReason>(r.Reason)!.Value,
            Minimum = r.Minimum is null ? null : PeriodPattern.Roundtrip.Parse(r.Minimum).Value,
            Source = r.Source,
        })],
    };

    internal static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    internal static TEnum? ParseEnum<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Snake(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"'{Snake(v.ToString())}'"));

    /// <summary>The longest period or minimum a rule may have: longer is a typing slip, and would run past the calendar.</summary>
    internal const int LongestYears = 200;

    private static readonly LocalDate Reference = new(2001, 1, 31);

    /// <summary>Whether a period, already known to be positive, is no longer than <see cref="LongestYears"/>.</summary>
    internal static bool IsWithinLongest(Period period) =>
        period.Years <= LongestYears && period.Months <= LongestYears * 12 && period.Weeks <= LongestYears * 53 && period.Days <= LongestYears * 366 &&
        Reference.Plus(period) <= Reference.PlusYears(LongestYears);

    private static bool IsBoundedPositiveDatePeriod(string? text) =>
        text is not null && PeriodPattern.Roundtrip.Parse(text) is { Success: true } p && IsPositiveDatePeriod(p.Value) && IsWithinLongest(p.Value);

    private static bool IsPositiveDatePeriod(Period period) =>
        !period.HasTimeComponent && period.Years >= 0 && period.Months >= 0 && period.Weeks >= 0 && period.Days >= 0 && !period.Equals(Period.Zero);

    private static string RuleLabel(RetentionRuleDocument rule) =>
        string.IsNullOrWhiteSpace(rule.Name) ? "A rule" : $"Rule {Errors.Excerpt(rule.Name)}";

    private sealed class DocumentValidator : AbstractValidator<RetentionScheduleDocument>
    {
        public DocumentValidator()
        {
            RuleFor(d => d.Name).NotEmpty().WithMessage("The schedule needs a name, such as the notice it implements.");
            RuleFor(d => d.Rules).NotEmpty().WithMessage("The schedule needs at least one rule.");
            RuleForEach(d => d.Rules)
                .NotNull().WithMessage("Each rule must be an object.")
                .SetValidator(new RuleValidator()!);
            RuleFor(d => d.Rules).Custom((rules, context) =>
            {
                if (rules is null)
                {
                    return;
                }

                var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
                var seenClocks = new Dictionary<(string?, string?), int>();
                for (var i = 0; i < rules.Count; i++)
                {
                    var rule = rules[i];
                    if (rule?.Name is { Length: > 0 } name)
                    {
                        if (seenNames.TryGetValue(name, out var first))
                        {
                            context.AddFailure($"Rules[{i}].Name", $"Rule {Errors.Excerpt(name)} is named twice (rules[{first}] and rules[{i}]); give each rule its own name.");
                        }
                        else
                        {
                            seenNames[name] = i;
                        }
                    }

                    if (rule?.RecordClass is null || rule.Trigger is null)
                    {
                        continue;
                    }

                    if (seenClocks.TryGetValue((rule.RecordClass, rule.Trigger), out var other))
                    {
                        context.AddFailure(
                            $"Rules[{i}].Trigger",
                            $"{RuleLabel(rule)} conflicts with rule {Errors.Excerpt(rules[other]!.Name)}: both govern {Errors.Excerpt(rule.RecordClass)} from {Errors.Excerpt(rule.Trigger)}. Merge them into one rule, or start one from a different trigger.");
                    }
                    else
                    {
                        seenClocks[(rule.RecordClass, rule.Trigger)] = i;
                    }
                }
            });
        }
    }

    private sealed class RuleValidator : AbstractValidator<RetentionRuleDocument>
    {
        public RuleValidator()
        {
            RuleFor(r => r.Name).NotEmpty().WithMessage("A rule needs a name so that explanations and disposal proofs can cite it.");
            RuleFor(r => r.RecordClass)
                .Must(v => RecordClass.ParseText(v).IsSuccess)
                .WithMessage(r => $"{RuleLabel(r)}: the record class {Errors.Excerpt(r.RecordClass)} must be lower-case words joined by underscores, such as 'call_recording'.");
            RuleFor(r => r.Trigger)
                .Must(v => RetentionTrigger.ParseText(v).IsSuccess)
                .WithMessage(r => $"{RuleLabel(r)}: the trigger {Errors.Excerpt(r.Trigger)} must be lower-case words joined by underscores, such as 'interaction_ended'.");
            RuleFor(r => r.Action)
                .Must(v => ParseEnum<DisposalAction>(v) is not null)
                .WithMessage(r => $"{RuleLabel(r)}: the action {Errors.Excerpt(r.Action)} must be one of {Names<DisposalAction>()}.");
            RuleFor(r => r.Reason)
                .Must(v => ParseEnum<RetentionReason>(v) is not null)
                .WithMessage(r => $"{RuleLabel(r)}: the reason {Errors.Excerpt(r.Reason)} must be one of {Names<RetentionReason>()}.");
            RuleFor(r => r.Period)
                .Must(v => PeriodPattern.Roundtrip.Parse(v!) is { Success: true } p && IsPositiveDatePeriod(p.Value))
                .When(r => r.Period is not null)
                .WithMessage(r => $"{RuleLabel(r)}: the period {Errors.Excerpt(r.Period)} must be a positive ISO 8601 period of years, months, weeks or days, such as 'P6M' or 'P6Y'.");
            RuleFor(r => r.Period)
                .Must(v => IsWithinLongest(PeriodPattern.Roundtrip.Parse(v!).Value))
                .When(r => r.Period is not null && PeriodPattern.Roundtrip.Parse(r.Period) is { Success: true } p && IsPositiveDatePeriod(p.Value))
                .WithErrorCode(RetentionErrorCodes.PeriodTooLong)
                .WithMessage(r => $"{RuleLabel(r)}: the period {Errors.Excerpt(r.Period)} is longer than {LongestYears} years, the longest a rule may keep anything; write the period meant, such as 'P6Y'.");
            RuleFor(r => r.Period)
                .NotNull()
                .When(r => !(r.ReviewOn is not null && string.Equals(r.Action, "review", StringComparison.Ordinal)))
                .WithMessage(r => $"{RuleLabel(r)} has no period. Give it one, or make it a 'review' on a fixed 'reviewOn' date: records are never kept forever.");
            RuleFor(r => r.ReviewOn)
                .Must(v => LocalDatePattern.Iso.Parse(v!).Success)
                .When(r => r.ReviewOn is not null)
                .WithMessage(r => $"{RuleLabel(r)}: the review date {Errors.Excerpt(r.ReviewOn)} must be a date written yyyy-MM-dd.");
            RuleFor(r => r.ReviewOn)
                .Null()
                .When(r => r.Period is not null)
                .WithMessage(r => $"{RuleLabel(r)} has both a period and a review date; keep one.");
            RuleFor(r => r.Minimum)
                .Must(v => PeriodPattern.Roundtrip.Parse(v!) is { Success: true } p && IsPositiveDatePeriod(p.Value))
                .When(r => r.Minimum is not null)
                .WithMessage(r => $"{RuleLabel(r)}: the minimum {Errors.Excerpt(r.Minimum)} must be a positive ISO 8601 period of years, months, weeks or days.");
            RuleFor(r => r.Minimum)
                .Must(v => IsWithinLongest(PeriodPattern.Roundtrip.Parse(v!).Value))
                .When(r => r.Minimum is not null && PeriodPattern.Roundtrip.Parse(r.Minimum) is { Success: true } p && IsPositiveDatePeriod(p.Value))
                .WithErrorCode(RetentionErrorCodes.PeriodTooLong)
                .WithMessage(r => $"{RuleLabel(r)}: the minimum {Errors.Excerpt(r.Minimum)} is longer than {LongestYears} years, the longest a rule may keep anything.");
            RuleFor(r => r.Minimum)
                .Must((r, v) => MinimumWithinPeriod(r.Period, v!))
                .When(r => IsBoundedPositiveDatePeriod(r.Minimum) && IsBoundedPositiveDatePeriod(r.Period))
                .WithMessage(r => $"{RuleLabel(r)}: the minimum {Errors.Excerpt(r.Minimum)} is longer than the period {Errors.Excerpt(r.Period)}; a rule cannot require keeping an item beyond its own disposal.");
        }

        private static bool MinimumWithinPeriod(string? period, string minimum)
        {
            var p = PeriodPattern.Roundtrip.Parse(period!);
            var m = PeriodPattern.Roundtrip.Parse(minimum);
            if (!p.Success || !m.Success)
            {
                return true;
            }

            // Compared from a fixed reference date; month lengths make any choice approximate by at most a few days.
            return Reference.Plus(m.Value) <= Reference.Plus(p.Value);
        }
    }
}
