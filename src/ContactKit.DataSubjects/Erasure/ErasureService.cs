using System.Collections.Immutable;
using ContactKit.Calendars;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>
/// Carries out erasure requests across every registered personal-data source: plans them item by item once the request
/// is authorised, then erases what may be erased and reports what was kept and why.
/// </summary>
/// <param name="registry">The personal-data sources.</param>
/// <param name="facts">The retention facts of each item (schedule and holds).</param>
/// <param name="calendars">Each tenant's calendar (ContactKit.Calendars), on which the deletion period is counted.</param>
/// <param name="options">The deletion periods.</param>
/// <param name="clock">The clock.</param>
public sealed class ErasureService(
    IPersonalDataSourceRegistry registry,
    IErasureRetentionFacts facts,
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
                $"Rights request '{request.Id}' is not an open, authorised erasure request; authorise it (RightsRequestCommand.AuthoriseErasure) before planning the erasure.",
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

        return new ErasurePlan
        {
            Tenant = request.Tenant,
            Subject = request.Subject,
            Request = request.Id,
            AuthorisedOn = authorisedOn,
            EraseBy = eraseBy,
            Decisions = decisions.ToImmutable(),
        };
    }

    /// <summary>Erases every item the plan says to erase, and answers with what was erased, kept and why.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Stops the erasures; those done stay done.</param>
    /// <returns>The answer.</returns>
    public async ValueTask<ErasureAnswer> ExecuteAsync(ErasurePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var erased = ImmutableArray.CreateBuilder<ErasureDecision>();
        var failed = ImmutableArray.CreateBuilder<ErasureFailure>();
        foreach (var decision in plan.ToErase)
        {
            var source = registry.Get(decision.Item.Source);
            var result = source.IsSuccess
                ? await source.Value.EraseAsync(plan.Tenant, plan.Subject, decision.Item.ItemId, cancellationToken).ConfigureAwait(false)
                : Result<PersonalDataItem>.Failure(source.Error);
            if (result.IsSuccess)
            {
                erased.Add(decision);
            }
            else
            {
                failed.Add(new ErasureFailure(decision, result.Error));
            }
        }

        return new ErasureAnswer
        {
            Plan = plan,
            CarriedOutAt = clock.GetCurrentInstant(),
            Erased = erased.ToImmutable(),
            Kept = [.. plan.ToKeep],
            Failed = failed.ToImmutable(),
        };
    }
}
