using ContactKit.Retention;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions;

/// <summary>
/// Fails start-up with <c>CK0900</c> when a kind the host stores (<see cref="InteractionsOptions.StoredKinds"/>) has a
/// record class that a configured retention schedule has no rule for: the mapping is static, so the gap is reported
/// before anything is stored, every gap at once.
/// </summary>
internal sealed class StoredKindsHaveRulesCheck(IOptions<RetentionOptions> retention) : IValidateOptions<InteractionsOptions>
{
    public ValidateOptionsResult Validate(string? name, InteractionsOptions options)
    {
        // The shared schedule is read with the host's record classes, a tenant's with the tenant's own.
        var schedules = new List<(string Where, RetentionSchedule Schedule, TenantId? Tenant)>();
        if (retention.Value.Schedule is { } shared)
        {
            schedules.Add(("RetentionOptions.Schedule", shared, null));
        }

        schedules.AddRange(retention.Value.TenantSchedules.Select(pair => (
            $"RetentionOptions.TenantSchedules[{pair.Key}]", pair.Value, TenantId.ParseText(pair.Key) is { IsSuccess: true } tenant ? tenant.Value : (TenantId?)null)));
        List<string> failures = [];
        foreach (var kind in options.StoredKinds.Order())
        {
            // A chat transcript and a call transcript may map to different classes: both are checked.
            foreach (var (where, schedule, tenant) in schedules)
            {
                var classes = new[] { Channel.VoiceCall, Channel.Webchat }
                    .Select(channel => tenant is { } of ? options.RecordClassFor(of, kind, channel) : options.RecordClassFor(kind, channel))
                    .Where(result => result.IsSuccess)
                    .Select(result => result.Value)
                    .Distinct();
                foreach (var recordClass in classes.Where(c => !schedule.RulesFor(c).Any()))
                {
                    failures.Add(new ContactKitError(InteractionsErrorCodes.NoRetentionRule, $"InteractionsOptions.StoredKinds holds {kind}, whose record class {recordClass} has no rule in {where} ('{schedule.Name}'); add a rule for it, or stop storing {kind} artefacts.", "StoredKinds").ToString());
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
