using ContactKit.Retention;

namespace ContactKit.DataSubjects;

/// <summary>
/// Reads an item's retention facts from ContactKit.Retention: the active legal holds that reach it (on the item, its
/// subject, interaction or case) and the schedule rule that keeps it, whose reason says whether it is kept for legal
/// claims or a legal obligation. Items a source does not link to a retained item (<see cref="PersonalDataItem.RetainedItem"/>)
/// are still protected by holds on the whole subject.
/// </summary>
/// <param name="store">The retention store, holding retained items and legal holds.</param>
/// <param name="schedules">The tenants' retention schedules.</param>
public sealed class RetentionErasureFacts(IRetentionStore store, IRetentionScheduleProvider schedules) : IErasureRetentionFacts
{
    /// <inheritdoc />
    public async ValueTask<RetentionFacts> GetAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        RetainedItem? retained = null;
        string? ruleName = null;
        if (item.RetainedItem is { } id && await store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } stored)
        {
            retained = stored.Value.Item;
            ruleName = stored.Value.RuleName;
        }

        // Only the holds on this item's own targets are read, so a plan costs items x relevant holds, not every hold
        // the tenant ever placed.
        List<HoldTarget> targets = [HoldTarget.ForSubject(subject)];
        if (retained is not null)
        {
            targets.AddRange(HoldTarget.Reaching(retained));
        }
        else if (item.RetainedItem is { } linked)
        {
            targets.Add(HoldTarget.ForItem(linked));
        }

        LegalHold? hold = null;
        await foreach (var candidate in store.ReadActiveHoldsAsync(tenant, targets, cancellationToken).ConfigureAwait(false))
        {
            hold = candidate;
            break;
        }

        var recordClass = retained?.RecordClass.Value ?? item.RecordClass;
        var schedule = schedules.GetSchedule(tenant);
        var rule = (ruleName is null ? null : schedule.FindRule(ruleName))
            ?? (retained is null ? null : schedule.RulesFor(retained.RecordClass).FirstOrDefault());
        return new RetentionFacts
        {
            RecordClass = recordClass,
            ActiveHold = hold?.Id,
            KeptForLegalClaims = rule?.Reason == RetentionReason.LegalClaims,
            KeptForLegalObligation = rule?.Reason == RetentionReason.LegalObligation,
            Reason = hold?.Reason ?? (rule is null ? null : $"retention rule '{rule.Name}'{(rule.Source is null ? string.Empty : $" ({rule.Source})")}"),
        };
    }
}
