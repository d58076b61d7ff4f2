using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ContactKit.Consent;
using ContactKit.Retention;
using FluentValidation;
using FluentValidation.Results;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>
/// The rules a policy must keep to be loaded at all; each failure carries a code and is reported with its JSON path.
/// Messages name the rule, never the value, so that no personal data reaches a log.
/// </summary>
internal sealed class PolicyValidator : AbstractValidator<PolicyDocument>
{
    public static PolicyValidator Instance { get; } = new();

    public PolicyValidator()
    {
        RuleFor(p => p.Tenant).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("A policy names its tenant.")
            .Must(t => TenantId.ParseText(t).IsSuccess).When(p => !string.IsNullOrEmpty(p.Tenant), ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage("The tenant must be a ContactKit tenant id.");
        RuleFor(p => p.Title).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("A policy has a title, the heading of its notice.");
        RuleFor(p => p.Language).Matches("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$").WithErrorCode(PoliciesErrorCodes.InvalidValue)
            .WithMessage("The language must be a BCP 47 tag such as en-GB or cy-GB.");
        RuleFor(p => p.Controller).NotNull().WithErrorCode(PoliciesErrorCodes.Missing)
            .WithMessage("A policy names its controller: the organisation responsible for the data.")
            .SetValidator(new ControllerValidator()!);
        RuleForEach(p => p.Roles).ChildRules(r =>
        {
            r.RuleFor(x => x.Role).IsInEnum().WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage("The role must be controller, processor, joint_controller or sub_processor.");
            r.RuleFor(x => x.Scope).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each role says which processing it covers.");
        });
        // A role's channels decide who answers rights requests about their interactions, so each is one the policy
        // handles and belongs to one role.
        RuleFor(p => p).Custom((p, context) =>
        {
            var named = new HashSet<Channel>();
            for (var i = 0; i < p.Roles.Length; i++)
            {
                var channels = p.Roles[i]?.Channels ?? [];
                for (var j = 0; j < channels.Length; j++)
                {
                    if (!p.Channels.Contains(channels[j]))
                    {
                        context.AddFailure(new ValidationFailure($"Roles[{i}].Channels[{j}]", "A role's channel must be one the policy lists in channels.") { ErrorCode = PoliciesErrorCodes.InvalidValue });
                    }
                    else if (!named.Add(channels[j]))
                    {
                        context.AddFailure(new ValidationFailure($"Roles[{i}].Channels[{j}]", "A channel is named by two roles, or twice; the interactions on a channel are handled in one role.") { ErrorCode = PoliciesErrorCodes.Duplicate });
                    }
                }
            }
        });
        RuleFor(p => p.Categories).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing)
            .WithMessage("The inventory lists at least one category of personal data.");
        RuleForEach(p => p.Categories).SetValidator(new CategoryValidator());
        RuleFor(p => p.Categories).Must(Distinct<CategoryEntry>(c => c.Category)).WithErrorCode(PoliciesErrorCodes.Duplicate)
            .WithMessage("Each data category is listed once; merge the purposes of the entries that share a category.");
        RuleForEach(p => p.DerivedData).ChildRules(d =>
        {
            d.RuleFor(x => x.Name).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each derived entry has a name.");
            d.RuleFor(x => x.DerivedFrom).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each derived entry says which categories it is derived from.");
            d.RuleForEach(x => x.DerivedFrom).Must(BeCategoryKey).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(CategoryKeyRule);
            d.RuleFor(x => x.RecordClass).Must(BeRecordClass).When(x => x.RecordClass is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(RecordClassRule);
        });
        RuleFor(p => p.AutomatedDecisions!.Logic).NotEmpty().When(p => p.AutomatedDecisions is { Used: true }, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("When automated decisions are used, the policy explains the logic and its consequences.");
        RuleForEach(p => p.Processors).ChildRules(d =>
        {
            d.RuleFor(x => x.Name).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each processor has a name.");
            d.RuleFor(x => x.Service).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each processor says what service it provides.");
            d.RuleForEach(x => x.Receives).Must(BeCategoryKey).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(CategoryKeyRule);
            d.RuleForEach(x => x.Permissions).ChildRules(q =>
                q.RuleFor(x => x.UsedFor).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each permission says what it is used for."));
            d.RuleFor(x => x.PrivacyNotice).Must(BeWebAddress!).When(x => x.PrivacyNotice is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(WebAddressRule);
        });
        RuleFor(p => p.Recording!).SetValidator(new RecordingValidator()).When(p => p.Recording is not null, ApplyConditionTo.CurrentValidator);
        RuleForEach(p => p.Retention).SetValidator(new RetentionValidator());
        RuleFor(p => p.Retention).Must(Distinct<RetentionEntry>(r => r.RecordClass + "|" + r.Trigger)).WithErrorCode(PoliciesErrorCodes.Duplicate)
            .WithMessage("Two retention entries cover one record class from the same trigger; merge them or start one from another trigger.");
        RuleFor(p => p.Retention).Must(r => r.SelectMany(e => e.Artefacts).GroupBy(a => a).All(g => g.Count() == 1)).WithErrorCode(PoliciesErrorCodes.Duplicate)
            .WithMessage("An artefact is listed by two retention entries; keep it under one record class.");
        RuleFor(p => p.Marketing!).SetValidator(new MarketingValidator()).When(p => p.Marketing is not null, ApplyConditionTo.CurrentValidator);
        RuleForEach(p => p.Sharing!.Internal).SetValidator(new RecipientValidator()).When(p => p.Sharing is not null, ApplyConditionTo.CurrentValidator);
        RuleForEach(p => p.Sharing!.External).SetValidator(new RecipientValidator()).When(p => p.Sharing is not null, ApplyConditionTo.CurrentValidator);
        RuleForEach(p => p.Transfers).ChildRules(t =>
        {
            t.RuleFor(x => x.Destination).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each transfer says where the data goes.");
        });
        RuleFor(p => p.Rights!.Rights).Must(Distinct<RightEntry>(r => r.Right.ToString())).When(p => p.Rights is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.Duplicate).WithMessage("Each right is listed once.");
        RuleFor(p => p.Rights!.RespondWithin).Must(BePositive).When(p => p.Rights?.RespondWithin is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PeriodRule)
            .Must(NotLongerThanAMonth).When(p => p.Rights?.RespondWithin is not null && BePositive(p.Rights.RespondWithin), ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(RespondWithinRule);
        RuleFor(p => p.Rights!.RespondWithinWorkingDays).InclusiveBetween(1, MaxResponseWorkingDays).When(p => p.Rights?.RespondWithinWorkingDays is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(RespondWithinWorkingDaysRule)
            .Must(_ => false).When(p => p.Rights?.RespondWithinWorkingDays is not null && p.Rights.RespondWithin is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage("Give respond_within or respond_within_working_days, not both.");
        RuleFor(p => p.Changes!.NoticePeriod).Must(BePositive).When(p => p.Changes?.NoticePeriod is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PeriodRule);
        RuleFor(p => p.Complaints!.Website).Must(BeWebAddress!).When(p => p.Complaints?.Website is not null, ApplyConditionTo.CurrentValidator)
            .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(WebAddressRule);
    }

    internal const string CategoryKeyRule = "Must be a data category key in ContactKit's taxonomy (for example contact.phone).";
    internal const string PurposeRule = "Must be a purpose key: lower-case letters, digits and underscores, starting with a letter (for example quality_monitoring).";
    internal const string RecordClassRule = "Must be a record class: lower-case letters, digits and underscores (for example call_recording).";
    internal const string PeriodRule = "Must be a positive period of years, months, weeks or days (for example P6M).";
    internal const string WebAddressRule = "Must be an absolute http or https address.";
    internal const string RespondWithinRule = "Must not be longer than the statutory month: P1M, or at most 28 days in days or weeks (for example P21D or P3W); the law gives no longer.";
    internal const string RespondWithinWorkingDaysRule = "Must be 1 to 20 working days, so that it is never longer than the statutory month.";

    /// <summary>The most calendar days a promise to answer rights requests may be: no month is shorter.</summary>
    internal const int MaxResponseDays = 28;

    /// <summary>The most working days a promise to answer rights requests may be.</summary>
    internal const int MaxResponseWorkingDays = 20;

    internal static bool NotLongerThanAMonth(Period? period) =>
        period is { } p && p.Years == 0 && (p.Months == 0 ? (p.Weeks * 7) + p.Days <= MaxResponseDays : p.Months == 1 && p.Weeks == 0 && p.Days == 0);

    internal static bool BeCategoryKey(string? key) => DataCategoryTaxonomy.Default.Resolve(key).IsSuccess;

    internal static bool BePurpose(string? key) => Purpose.ParseText(key).IsSuccess;

    internal static bool BeRecordClass(string? value) => RecordClass.ParseText(value).IsSuccess;

    internal static bool BePositive(Period? period) =>
        period is { } p && p.Hours == 0 && p.Minutes == 0 && p.Seconds == 0 && p.Milliseconds == 0 && p.Ticks == 0 && p.Nanoseconds == 0
        && p.Years >= 0 && p.Months >= 0 && p.Weeks >= 0 && p.Days >= 0 && (p.Years + p.Months + p.Weeks + p.Days) > 0
        && p.Years <= 200;

    internal static bool BeWebAddress(Uri address) => address.IsAbsoluteUri && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp);

    private static Func<ImmutableArray<T>, bool> Distinct<T>(Func<T, string?> key) =>
        items => items.IsDefault || items.Where(i => i is not null).Select(key).Where(k => k is not null).GroupBy(k => k, StringComparer.Ordinal).All(g => g.Count() == 1);

    /// <summary>Runs every rule and reports each failure with its JSON path.</summary>
    public static ImmutableArray<ContactKitError> Check(PolicyDocument policy)
    {
        var result = Instance.Validate(policy);
        return [.. result.Errors.Select(ToError)];
    }

    private static ContactKitError ToError(ValidationFailure failure)
    {
        var code = ContactKitError.IsCode(failure.ErrorCode) ? failure.ErrorCode : PoliciesErrorCodes.InvalidValue;
        return new ContactKitError(code, failure.ErrorMessage, JsonPath(failure.PropertyName));
    }

    /// <summary>Turns a FluentValidation property path (<c>Categories[0].LawfulBasis</c>) into a JSON path (<c>$.categories[0].lawful_basis</c>).</summary>
    internal static string JsonPath(string? propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "$";
        }

        var path = new StringBuilder("$");
        foreach (var segment in propertyName.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            path.Append('.').Append(JsonNamingPolicy.SnakeCaseLower.ConvertName(name));
            if (bracket >= 0)
            {
                path.Append(segment[bracket..]);
            }
        }

        return path.ToString();
    }

    private sealed class ControllerValidator : AbstractValidator<ControllerDetails>
    {
        public ControllerValidator()
        {
            RuleFor(c => c.Name).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("The controller has a name.");
            RuleFor(c => c).Must(c => HasContact(c.Email, c.Phone, c.Address)).OverridePropertyName("Email")
                .WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("The controller gives an email address, telephone number or postal address.");
            RuleFor(c => c.Website).Must(BeWebAddress!).When(c => c.Website is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(WebAddressRule);
            RuleFor(c => c.Dpo!).Must(d => HasContact(d.Email, d.Phone, d.Address)).When(c => c.Dpo is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("The data protection officer has an email address, telephone number or postal address.");
        }
    }

    internal static bool HasContact(string? email, string? phone, string? address) =>
        !string.IsNullOrWhiteSpace(email) || !string.IsNullOrWhiteSpace(phone) || !string.IsNullOrWhiteSpace(address);

    private sealed class CategoryValidator : AbstractValidator<CategoryEntry>
    {
        public CategoryValidator()
        {
            RuleFor(c => c.Category).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each entry names its data category.")
                .Must(BeCategoryKey).When(c => !string.IsNullOrEmpty(c.Category), ApplyConditionTo.CurrentValidator).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(CategoryKeyRule);
            RuleForEach(c => c.Purposes).Must(BePurpose).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PurposeRule);
            RuleFor(c => c.LawfulBasis).IsInEnum().WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage("Must be an Art 6(1) lawful basis.");
            RuleFor(c => c.Requirement!.Consequence).NotEmpty().When(c => c.Requirement is { Required: true }, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("When providing the data is required, say what follows if it is not provided.");
        }
    }

    private sealed class RecordingValidator : AbstractValidator<RecordingStatement>
    {
        public RecordingValidator()
        {
            RuleFor(r => r.Channels).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("The recording policy names the channels it records.");
            RuleForEach(r => r.Purposes).Must(BePurpose).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PurposeRule);
            RuleFor(r => r.HowTold).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("The recording policy says how people are told they are recorded.");
            RuleForEach(r => r.ExplicitConsentIn).Must(j => Jurisdiction.ParseText(j).IsSuccess).WithErrorCode(PoliciesErrorCodes.InvalidValue)
                .WithMessage("Must be an ISO 3166 country or subdivision code (for example GB or US-CA).");
            // The host plays and shows this text word for word (its spoken notice, the prompt built from it, the SSML), so an
            // empty one is refused here rather than when the host starts.
            RuleFor(r => r.Announcement).Must(a => !string.IsNullOrWhiteSpace(a)).When(r => r.Announcement is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.Missing)
                .WithMessage("The recording announcement, when given, has words; remove recording.announcement to use ContactKit's wording.");
            RuleFor(r => r.DeleteOnRequestWithin).Must(BePositive).When(r => r.DeleteOnRequestWithin is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PeriodRule);
        }
    }

    private sealed class RetentionValidator : AbstractValidator<RetentionEntry>
    {
        public RetentionValidator()
        {
            RuleFor(r => r.RecordClass).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each retention entry names its record class.")
                .Must(BeRecordClass).When(r => !string.IsNullOrEmpty(r.RecordClass), ApplyConditionTo.CurrentValidator).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(RecordClassRule);
            RuleFor(r => r.Trigger).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each retention entry says what its period runs from.")
                .Must(t => RetentionTrigger.ParseText(t).IsSuccess).When(r => !string.IsNullOrEmpty(r.Trigger), ApplyConditionTo.CurrentValidator).WithErrorCode(PoliciesErrorCodes.InvalidValue)
                .WithMessage("Must be a retention trigger: created, interaction_ended, relationship_ended, case_closed, application_decided or employment_ended.");
            RuleForEach(r => r.Artefacts).IsInEnum().WithErrorCode(PoliciesErrorCodes.InvalidValue)
                .WithMessage("Must be an artefact: audio, transcript, chat_transcript, sentiment, summary, survey_answer or calling_line_identity.");
            RuleFor(r => r.Period).Must(BePositive).When(r => r.Period is not null, ApplyConditionTo.CurrentValidator).WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PeriodRule + " Periods are at most 200 years.");
            RuleFor(r => r.Criteria).NotEmpty().When(r => r.Period is null, ApplyConditionTo.CurrentValidator).WithErrorCode(PoliciesErrorCodes.Missing)
                .WithMessage("A retention entry gives a period, or the criteria that decide how long.");
        }
    }

    private sealed class MarketingValidator : AbstractValidator<MarketingStatement>
    {
        public MarketingValidator()
        {
            RuleFor(m => m.Channels).Must(Distinct<MarketingChannelEntry>(c => c.Channel.ToString())).WithErrorCode(PoliciesErrorCodes.Duplicate)
                .WithMessage("Each marketing channel is listed once.");
            RuleForEach(m => m.OptOut).ChildRules(o => o.RuleFor(x => x.Detail).NotEmpty()
                .When(x => x.Route is OptOutRoute.Letter or OptOutRoute.PhoneCall, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Opting out by letter or telephone needs the address or number."));
            RuleFor(m => m.Screening!.RescreenAfter).Must(BePositive).When(m => m.Screening?.RescreenAfter is not null, ApplyConditionTo.CurrentValidator)
                .WithErrorCode(PoliciesErrorCodes.InvalidValue).WithMessage(PeriodRule);
        }
    }

    private sealed class RecipientValidator : AbstractValidator<RecipientEntry>
    {
        public RecipientValidator()
        {
            RuleFor(r => r.Name).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each recipient is named.");
            RuleFor(r => r.Why).NotEmpty().WithErrorCode(PoliciesErrorCodes.Missing).WithMessage("Each recipient says why it receives data.");
        }
    }
}
