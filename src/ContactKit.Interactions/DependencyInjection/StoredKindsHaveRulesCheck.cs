using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions;

/// <summary>
/// Fails start-up with <c>CK0900</c> when a kind the host stores (<see cref="InteractionsOptions.StoredKinds"/>) has a
/// record class that a configured retention schedule has no rule for, and with <c>CK0911</c> when a rule asks for such
/// artefacts to be anonymised and they cannot be (audio and transcripts, or others with no <see cref="IArtefactAnonymiser"/>):
/// the mapping is static, so the gap is reported before anything is stored, every gap at once.
/// </summary>
internal sealed class StoredKindsHaveRulesCheck(IOptions<RetentionOptions> retention, IServiceProvider services) : IValidateOptions<InteractionsOptions>
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
        var hasAnonymiser = services.GetService<IArtefactAnonymiser>() is not null;
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
                foreach (var recordClass in classes)
                {
                    var rules = schedule.RulesFor(recordClass).ToList();
                    if (rules.Count == 0)
                    {
                        failures.Add(new ContactKitError(InteractionsErrorCodes.NoRetentionRule, $"InteractionsOptions.StoredKinds holds {kind}, whose record class {recordClass} has no rule in {where} ('{schedule.Name}'); add a rule for it, or stop storing {kind} artefacts.", "StoredKinds").ToString());
                    }

                    foreach (var rule in rules.Where(r => r.Action == DisposalAction.Anonymise && !ArtefactDisposer.CanAnonymise(kind, hasAnonymiser)))
                    {
                        var refused = ArtefactDisposer.CannotAnonymise(kind, hasAnonymiser);
                        failures.Add(new ContactKitError(refused.Code, $"{where} ('{schedule.Name}'), rule '{rule.Name}' for record class {recordClass}: {refused.Message}", refused.Field).ToString());
                    }
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
