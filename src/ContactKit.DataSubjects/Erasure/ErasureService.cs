using System.Collections.Immutable;
using System.Globalization;
using ContactKit;
using ContactKit.Calendars;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.DataSubjects;

/// <summary>
/// Carries out erasure requests across every registered personal-data source: plans them item by item once the request
/// is authorised, then erases what may be erased and reports what was kept and why. Holds are decided at the moment of
/// destruction, in one atomic step (<see cref="IErasureRetentionFacts.BeginErasureAsync"/>): an item held at any point
/// before it is kept and reported with the reason; once begun, the item is erased in its source and recorded as disposed
/// of with its proof (<see cref="IErasureRetentionFacts.CompleteErasureAsync"/>). The plan, every decision and the
/// answer are written to the audit trail.
/// </summary>
/// <param name="registry">The personal-data sources.</param>
/// <param name="facts">The retention facts of each item (schedule and holds).</param>
/// <param name="audit">The audit trail.</param>
/// <param name="calendars">Each tenant's calendar (ContactKit.Calendars), on which the deletion period is counted.</param>
/// <param name="options">The deletion periods.</param>
/// <param name="clock">The clock.</param>
public sealed class ErasureService(
    IPersonalDataSourceRegistry registry,
    IErasureRetentionFacts facts,
    IAuditTrail audit,
    ITenantCalendars calendars,
    IOptions<DataSubjectsOptions> options,
    IClock clock)
{
    /// <summary>Plans an authorised erasure request: finds every item in every source and decides each.</summary>
    /// <param name="request">The request, which must be an authorised erasure request.</param>
    /// <param name="inScope">Which items the request covers (for example only the enquiry the requester named); every item when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the planning.</param>
    /// <returns>The plan, or an error with code <see cref="DataSubjectsErrorCodes.ErasureNotAuthorised"/>.</returns>
    public async ValueTask<Result<ErasurePlan>> PlanAsync(RightsRequest request, Func<PersonalDataItem, bool>? inScope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Right != DataSubjectRight.Erasure || request.ErasureAuthorisation is null || !request.IsOpen)
        {
            return new ContactKitError(
                DataSubjectsErrorCodes.ErasureNotAuthorised,
                $"Rights request {Errors.Excerpt(request.Id.Value)} is not an open, authorised erasure request; authorise it (RightsRequestCommand.AuthoriseErasure) before planning the erasure.",
                "request");
        }

        var authorisedOn = request.ErasureAuthorisation.On;
        var eraseBy = calendars.DeadlinesFor(request.Tenant).WithinDays(authorisedOn, options.Value.DeletionPeriodFor(request.Tenant));
        var decisions = ImmutableArray.CreateBuilder<ErasureDecision>();
        foreach (var source in registry.Sources)
        {
            await foreach (var item in source.FindAsync(request.Tenant, request.Subject, cancellationToken).ConfigureAwait(false))
            {
                if (inScope is not null && !inScope(item))
                {
                    continue;
                }

                var itemFacts = await facts.GetAsync(request.Tenant, request.Subject, item, cancellationToken).ConfigureAwait(false);
                decisions.Add(ErasureDecider.Decide(item, itemFacts, eraseBy));
            }
        }

        var plan = new ErasurePlan
        {
            Tenant = request.Tenant,
            Subject = request.Subject,
            Request = request.Id,
            AuthorisedBy = request.ErasureAuthorisation.By,
            AuthorisedOn = authorisedOn,
            EraseBy = eraseBy,
            Decisions = decisions.ToImmutable(),
        };
        await AppendAsync(plan, "erasure.planned", null, new()
        {
            ["authorised_on"] = authorisedOn.Iso(),
            ["erase_by"] = eraseBy.Iso(),
            ["to_erase"] = Count(plan.ToErase.Count()),
            ["to_keep"] = Count(plan.ToKeep.Count()),
            ["to_refer"] = Count(plan.ToRefer.Count()),
        }, cancellationToken).ConfigureAwait(false);
        return plan;
    }

    /// <summary>
    /// Erases every item the plan says to erase, deciding each again at the moment of destruction, and answers with what
    /// was erased, kept and why. For each item: its schedule facts are read again (a rule that now keeps it wins); then
    /// <see cref="IErasureRetentionFacts.BeginErasureAsync"/> decides, in one atomic step, whether a hold covers it and,
    /// if none does, marks its destruction begun; then the source erases it; then
    /// <see cref="IErasureRetentionFacts.CompleteErasureAsync"/> records it disposed of with its proof, so it is no longer
    /// scheduled. A hold placed at any point before the begin keeps the item, reported with its reason. If a run stops
    /// between the erasure and the record (a crash, a failed record), run the same plan again: the begin finds the mark
    /// left for this request and resumes, a source that no longer has the item counts it as erased, and the record is
    /// completed. Each decision is audited as it is made, then the answer.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Stops the erasures; those done stay done.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException">The plan names no tenant, request or authoriser, so its decisions could not be audited.</exception>
    public async ValueTask<ErasureAnswer> ExecuteAsync(ErasurePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrEmpty(plan.Tenant.Value) || string.IsNullOrEmpty(plan.Request.Value) || string.IsNullOrEmpty(plan.AuthorisedBy.Value))
        {
            // Refused before anything is destroyed: an erasure that cannot be audited is never carried out.
            throw new ArgumentException("The plan must name its tenant, request and authoriser; make it with PlanAsync.", nameof(plan));
        }

        var erased = ImmutableArray.CreateBuilder<ErasureDecision>();
        var kept = ImmutableArray.CreateBuilder<ErasureDecision>();
        var failed = ImmutableArray.CreateBuilder<ErasureFailure>();
        var referred = ImmutableArray.CreateBuilder<ErasureDecision>();
        foreach (var planned in plan.Decisions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (planned.Verdict == ErasureVerdict.Refer)
            {
                // Held for a client as its processor: the client decides, so nothing is erased or kept on our own authority.
                referred.Add(planned);
                await AppendDecisionAsync(plan, "erasure.item_referred", planned, "held as a processor; the request is passed to the controller", cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (planned.Verdict != ErasureVerdict.Erase)
            {
                kept.Add(planned);
                await AppendDecisionAsync(plan, "erasure.item_kept", planned, null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The schedule's reasons are read again (a rule may have changed since the plan). Holds are left to the begin
            // below, which alone decides them, so that a run resumed after a crash can record what it already erased.
            var now = await facts.GetAsync(plan.Tenant, plan.Subject, planned.Item, cancellationToken).ConfigureAwait(false);
            var decision = ErasureDecider.Decide(planned.Item, now.ActiveHold is null ? now : now with { ActiveHold = null, Reason = null }, plan.EraseBy);
            if (decision.Verdict != ErasureVerdict.Erase)
            {
                kept.Add(decision);
                await AppendDecisionAsync(plan, "erasure.item_kept", decision, "kept since the plan was made", cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The moment of destruction: one atomic step decides the hold and marks the destruction begun, so a hold
            // placed at any point before it keeps the item and a hold placed after it cannot lose the record.
            var begun = await facts.BeginErasureAsync(plan.Tenant, plan.Subject, decision.Item, plan.Request, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            if (begun.IsFailure)
            {
                failed.Add(new ErasureFailure(decision, begun.Error));
                await AppendDecisionAsync(plan, "erasure.item_failed", decision, begun.Error.Code, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!begun.Value.MayErase)
            {
                var held = ErasureDecider.Decide(decision.Item, begun.Value.Facts, plan.EraseBy);
                if (held.Verdict == ErasureVerdict.Erase)
                {
                    // The hold that stopped it was released before its reason could be read: still kept, and said so.
                    held = held with { Verdict = ErasureVerdict.Keep, Article = "Art 17(3)(e)", Reason = "kept under a legal hold active at the moment of erasure", EraseBy = null };
                }

                kept.Add(held);
                await AppendDecisionAsync(plan, "erasure.item_kept", held, "held at the moment of erasure", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var source = registry.Get(decision.Item.Source);
            var result = source.IsSuccess
                ? await source.Value.EraseAsync(plan.Tenant, plan.Subject, decision.Item.ItemId, cancellationToken).ConfigureAwait(false)
                : Result<PersonalDataItem>.Failure(source.Error);

            // A resumed erasure may find the item already gone: an earlier run erased it and stopped before its record.
            var gone = result.IsFailure && result.Error.Code == ErrorCodes.NotFound && begun.Value.Outcome is ErasureStartOutcome.Resumed or ErasureStartOutcome.AlreadyDisposed;
            if (result.IsFailure && !gone)
            {
                // The mark stays: the next run for this request resumes the item (see BeginErasureAsync).
                failed.Add(new ErasureFailure(decision, result.Error));
                await AppendDecisionAsync(plan, "erasure.item_failed", decision, result.Error.Code, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var erasedAt = clock.GetCurrentInstant();
            var proof = new ErasureProof
            {
                Item = decision.Item.Ref,
                RetainedItem = decision.Item.RetainedItem,
                Request = plan.Request,
                ErasedAt = erasedAt,
                ErasedBy = plan.AuthorisedBy,
                ContentHash = result.IsSuccess ? result.Value.ContentHash : null,
            };
            var recorded = begun.Value.Outcome == ErasureStartOutcome.AlreadyDisposed
                ? Result<ErasureProof>.Success(proof)
                : await facts.CompleteErasureAsync(plan.Tenant, plan.Subject, decision.Item, proof, cancellationToken).ConfigureAwait(false);
            if (recorded.IsFailure)
            {
                // Erased, but not yet recorded: reported as failed so the request is run again, which resumes and records it.
                failed.Add(new ErasureFailure(decision, recorded.Error));
                await AppendDecisionAsync(plan, "erasure.item_failed", decision, recorded.Error.Code, cancellationToken).ConfigureAwait(false);
                continue;
            }

            erased.Add(decision);
            await AppendErasedAsync(plan, decision, recorded.Value, cancellationToken).ConfigureAwait(false);
        }

        var answer = new ErasureAnswer
        {
            Plan = plan,
            CarriedOutAt = clock.GetCurrentInstant(),
            Erased = erased.ToImmutable(),
            Kept = kept.ToImmutable(),
            Failed = failed.ToImmutable(),
            Referred = referred.ToImmutable(),
        };
        await AppendAsync(plan, "erasure.answered", null, new()
        {
            ["erased"] = Count(answer.Erased.Length),
            ["kept"] = Count(answer.Kept.Length),
            ["failed"] = Count(answer.Failed.Length),
            ["referred"] = Count(answer.Referred.Length),
        }, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private ValueTask AppendErasedAsync(ErasurePlan plan, ErasureDecision decision, ErasureProof proof, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string>
        {
            ["item"] = decision.Item.Ref.ToString(),
            ["article"] = decision.Article,
            ["erased_at"] = InstantPattern.ExtendedIso.Format(proof.ErasedAt),
        };
        if (proof.RetainedItem is { } retained)
        {
            details["retained_item"] = retained.Value;
        }

        if (proof.ContentHash is not null)
        {
            details["content_hash"] = proof.ContentHash;
        }

        return AppendAsync(plan, "erasure.item_erased", decision.Reason, details, cancellationToken);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private ValueTask AppendDecisionAsync(ErasurePlan plan, string action, ErasureDecision decision, string? note, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, string>
        {
            ["item"] = decision.Item.Ref.ToString(),
            ["article"] = decision.Article,
        };
        if (note is not null)
        {
            details["note"] = note;
        }

        return AppendAsync(plan, action, decision.Reason, details, cancellationToken);
    }

    private async ValueTask AppendAsync(ErasurePlan plan, string action, string? reason, Dictionary<string, string> details, CancellationToken cancellationToken)
    {
        details["request"] = plan.Request.Value;
        await audit.AppendAsync(
            new AuditEntry
            {
                Tenant = plan.Tenant,
                OccurredAt = clock.GetCurrentInstant(),
                Actor = plan.AuthorisedBy,
                Action = action,
                Resource = ResourceRef.RightsRequest(plan.Request),
                Subject = plan.Subject,
                Reason = reason,
                Details = details,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
