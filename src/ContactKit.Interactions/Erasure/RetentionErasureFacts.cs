using System.Security.Cryptography;
using System.Text;
using ContactKit.DataSubjects;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// Reads an item's erasure facts for ContactKit.DataSubjects from ContactKit.Retention, the one hold registry: the active legal holds that reach it (on the item, its
/// subject, interaction or case) and the schedule rule that keeps it, whose reason says whether it is kept for legal
/// claims or a legal obligation. Items a source does not link to a retained item (<see cref="PersonalDataItem.RetainedItem"/>)
/// are still protected by holds on the whole subject.
/// <para>
/// An erasure begins on the store's <see cref="IRetentionStore.BeginErasureAsync"/>: in one atomic step a hold on the
/// item (or on the requester) stops it, or the item is claimed for the request (worker <c>erasure:&lt;request&gt;</c>, for
/// <see cref="ErasureClaim"/>) and its destruction marked begun. Completing it is the store's
/// <see cref="IRetentionStore.CompleteDisposalAsync"/>, so the item is disposed of and no longer scheduled. A run
/// resumed for the same request finds the mark and finishes the record; after the claim lapses the schedule's own
/// disposal may take the item again, checking holds anew.
/// </para>
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

    /// <summary>How long an erasure's claim on a retained item lasts: a run resumed within it finishes the erasure's record.</summary>
    public static Duration ErasureClaim { get; } = Duration.FromHours(24);

    /// <inheritdoc />
    public async ValueTask<Result<ErasureStart>> BeginErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, RightsRequestId request, Instant startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        if (item.RetainedItem is { } id)
        {
            var worker = WorkerFor(request);

            // Read only to tell a resumed erasure from a new one (the store answers both alike); the decision is the store's.
            var before = await store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
            var wasBegun = before.IsSuccess && before.Value.ClaimedBy == worker && before.Value.DestructionStartedAt is not null;
            var begun = await store.BeginErasureAsync(tenant, id, [HoldTarget.ForSubject(subject)], worker, startedAt, ErasureClaim, cancellationToken).ConfigureAwait(false);
            if (begun.IsSuccess)
            {
                var resumed = wasBegun || (begun.Value.DestructionStartedAt is { } began && began < startedAt);
                return new ErasureStart { Outcome = resumed ? ErasureStartOutcome.Resumed : ErasureStartOutcome.Begun, Tracked = true };
            }

            switch (begun.Error.Code)
            {
                case RetentionErrorCodes.ItemHeld:
                    // Decided by the store; the facts are read only to name the hold and its reason.
                    var held = await GetAsync(tenant, subject, item, cancellationToken).ConfigureAwait(false);
                    return new ErasureStart { Outcome = ErasureStartOutcome.Held, Facts = held, Tracked = true };
                case RetentionErrorCodes.AlreadyDisposed:
                    return new ErasureStart { Outcome = ErasureStartOutcome.AlreadyDisposed, Tracked = true };
                case ErrorCodes.NotFound:
                    break; // the schedule does not know the item after all: decided below, as an untracked item
                default:
                    return begun.Error;
            }
        }

        // Nothing in the retention store stands for the item, so there is nothing to mark: the holds on the subject (and
        // on the linked id) are read here, just before the source erases it.
        var facts = await GetAsync(tenant, subject, item, cancellationToken).ConfigureAwait(false);
        return facts.ActiveHold is null
            ? new ErasureStart { Outcome = ErasureStartOutcome.Begun, Tracked = false }
            : new ErasureStart { Outcome = ErasureStartOutcome.Held, Facts = facts, Tracked = false };
    }

    /// <inheritdoc />
    public async ValueTask<Result<ErasureProof>> CompleteErasureAsync(TenantId tenant, DataSubjectId subject, PersonalDataItem item, ErasureProof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(proof);
        cancellationToken.ThrowIfCancellationRequested();
        if (item.RetainedItem is not { } id)
        {
            return proof with { RetainedItem = null };
        }

        var worker = WorkerFor(proof.Request);
        var done = await store.CompleteDisposalAsync(tenant, id, worker, proof.ErasedAt, cancellationToken).ConfigureAwait(false);
        if (done.IsSuccess)
        {
            return proof with { RetainedItem = id };
        }

        switch (done.Error.Code)
        {
            case ErrorCodes.NotFound:
                return proof with { RetainedItem = null };
            case RetentionErrorCodes.AlreadyDisposed:
                var stored = await store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
                if (stored.IsSuccess && stored.Value.DisposedBy == worker)
                {
                    return proof with { RetainedItem = id, ErasedAt = stored.Value.DisposedAt ?? proof.ErasedAt };
                }

                return done.Error;
            default:
                return done.Error;
        }
    }

    /// <summary>The store worker that erases for one request, the same on every run, so that a resumed run finds its own mark.</summary>
    private static ActorId WorkerFor(RightsRequestId request)
    {
        var text = $"erasure:{request.Value}";
        if (text.Length > Identifier.MaxLength)
        {
            text = $"erasure:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Value)))}";
        }

        return ActorId.Parse(text);
    }
}
