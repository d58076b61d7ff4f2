using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactKit.Calendars;
using ContactKit.DataSubjects;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// Deletion of a recording on request (notice 002: within 28 days once authorised). A caller asks; a member of staff
/// authorises or refuses; an authorised request is due within the tenant's deletion period
/// (<see cref="DataSubjectsOptions.DeletionPeriodFor"/>, the one period for every deletion a person asks for) counted on
/// the tenant's working-day calendar, is listed as
/// overdue once that day has passed (<see cref="DeletionRequest.IsOverdue"/>), and is carried out by the sweep
/// (<see cref="CarryOutDueAsync"/>), which deletes every artefact of the recording, tombstones the session and leaves
/// proof in the audit trail. A legal hold, or a retention rule's minimum, refuses the request with the reason.
/// </summary>
/// <param name="requests">The deletion requests.</param>
/// <param name="interactions">The interactions.</param>
/// <param name="artefacts">The artefacts.</param>
/// <param name="recordings">The recording lifecycle.</param>
/// <param name="sessions">The recording sessions.</param>
/// <param name="retention">Retention, which knows each artefact's holds and minimum.</param>
/// <param name="items">The retention store, which claims an item for its deletion.</param>
/// <param name="holds">The hold authority.</param>
/// <param name="media">The media store.</param>
/// <param name="content">The provider of other artefacts' content.</param>
/// <param name="calendars">The tenants' working-day calendars.</param>
/// <param name="zones">The tenants' time zones.</param>
/// <param name="subjects">The data-subject options: each tenant's deletion period.</param>
/// <param name="retentionOptions">Retention's options: how long a claim lasts.</param>
/// <param name="layer">The interaction layer's options: the channels each tenant handles as a processor for clients.</param>
/// <param name="clock">The clock.</param>
public sealed class DeletionRequestService(
    IDeletionRequestStore requests,
    IInteractionStore interactions,
    IArtefactStore artefacts,
    RecordingService recordings,
    IRecordingStore sessions,
    RetentionService retention,
    IRetentionStore items,
    ILegalHoldAuthority holds,
    IRecordingMediaStore media,
    IArtefactContentProvider content,
    ITenantCalendars calendars,
    ITenantTimeZones zones,
    IOptionsMonitor<DataSubjectsOptions> subjects,
    IOptionsMonitor<RetentionOptions> retentionOptions,
    IOptionsMonitor<InteractionsOptions> layer,
    IClock clock)
{
    /// <summary>The audit action written as proof of each artefact deleted on request.</summary>
    public const string DeletedAction = "interaction.deleted_on_request";

    /// <summary>Records a request to delete one of an interaction's recordings.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording to delete.</param>
    /// <param name="requestedBy">Who entered the request (the member of staff handling it).</param>
    /// <param name="reason">Why, in the requester's words or a summary of them.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// The request; or <see cref="InteractionsErrorCodes.UnknownRecording"/>, <see cref="InteractionsErrorCodes.Invalid"/>
    /// (no reason), <see cref="InteractionsErrorCodes.HeldForClient"/> (the interaction is on a channel the tenant handles
    /// as a processor for a client, who decides the request), or the lifecycle's refusal (a recording still live).
    /// </returns>
    public async ValueTask<Result<DeletionRequest>> RequestAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, ActorId requestedBy, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, "A deletion request needs its reason.", "reason");
        }

        var record = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (record.IsFailure)
        {
            return record.Error;
        }

        if (!record.Value.Recordings.Contains(recording))
        {
            return new ContactKitError(InteractionsErrorCodes.UnknownRecording, $"Recording {recording} is not one of interaction {interaction}'s recordings.", "recording");
        }

        if (layer.CurrentValue.IsProcessorFor(tenant, record.Value.Channel))
        {
            // The client's recording, held for it as its processor: the client decides whether it goes.
            return new ContactKitError(InteractionsErrorCodes.HeldForClient, $"Interaction {interaction} is on a channel this tenant handles as a processor for a client; pass the request to delete its recording to the client, who decides it, and act on the client's instructions.", "interaction");
        }

        var request = new DeletionRequest
        {
            Id = DeletionRequestId.New(), Tenant = tenant, Recording = recording, Interaction = interaction,
            RequestedBy = requestedBy, Reason = reason, RequestedAt = clock.GetCurrentInstant(),
        };
        var applied = await recordings.ApplyAsync(tenant, recording, new DeletionRequested(Step(request, "requested"), requestedBy, reason), requestedBy, cancellationToken: cancellationToken).ConfigureAwait(false);
        return applied.IsFailure ? applied.Error : await requests.SaveAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Authorises a request: from now on the recording's media cannot be used, and it is due for deletion within the
    /// tenant's deletion period, counted from today on the tenant's working-day calendar.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The request.</param>
    /// <param name="by">Who authorises it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// The authorised request with its due date; or <see cref="InteractionsErrorCodes.UnderHold"/> (a legal hold covers
    /// the recording; the message gives its reason), <see cref="InteractionsErrorCodes.WithinMinimumRetention"/> (a
    /// retention rule's minimum has not passed), <see cref="InteractionsErrorCodes.DeletionNotPending"/> (not awaiting a decision).
    /// </returns>
    public async ValueTask<Result<DeletionRequest>> AuthoriseAsync(TenantId tenant, DeletionRequestId id, ActorId by, CancellationToken cancellationToken = default)
    {
        var request = await PendingAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (request.IsFailure)
        {
            return request;
        }

        var now = clock.GetCurrentInstant();
        if (await RefusalAsync(request.Value, now, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        var applied = await recordings.ApplyAsync(tenant, request.Value.Recording, new DeletionAuthorised(Step(request.Value, "authorised"), by), by, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (applied.IsFailure)
        {
            return applied.Error;
        }

        var today = now.InZone(zones.GetTimeZone(tenant)).Date;
        var due = calendars.DeadlinesFor(tenant).WithinDays(today, subjects.CurrentValue.DeletionPeriodFor(tenant));
        return await requests.SaveAsync(
            request.Value with { State = DeletionRequestState.Authorised, DecidedBy = by, DecidedAt = now, DueBy = due },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses a request; the recording goes back to the state it was in before.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The request.</param>
    /// <param name="by">Who refuses it.</param>
    /// <param name="reason">Why, as the requester is told.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The refused request, or <see cref="InteractionsErrorCodes.DeletionNotPending"/>, <see cref="InteractionsErrorCodes.Invalid"/> (no reason).</returns>
    public async ValueTask<Result<DeletionRequest>> RefuseAsync(TenantId tenant, DeletionRequestId id, ActorId by, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, "A refusal needs the reason the requester is told.", "reason");
        }

        var request = await PendingAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (request.IsFailure)
        {
            return request;
        }

        var applied = await recordings.ApplyAsync(tenant, request.Value.Recording, new DeletionRefused(Step(request.Value, "refused"), by, reason), by, cancellationToken: cancellationToken).ConfigureAwait(false);
        return applied.IsFailure
            ? applied.Error
            : await requests.SaveAsync(request.Value with { State = DeletionRequestState.Refused, DecidedBy = by, DecidedAt = clock.GetCurrentInstant(), RefusalReason = reason }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries out every authorised request of the tenant, as the sweep does on each pass.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="worker">The worker.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The requests completed on this pass, and those that could not be (each stays authorised and is tried again).</returns>
    public async ValueTask<(IReadOnlyList<DeletionRequest> Completed, IReadOnlyList<(DeletionRequestId Request, ContactKitError Error)> Failed)> CarryOutDueAsync(
        TenantId tenant, ActorId worker, CancellationToken cancellationToken = default)
    {
        var authorised = new List<DeletionRequest>();
        await foreach (var request in requests.ReadOpenAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (request.State == DeletionRequestState.Authorised)
            {
                authorised.Add(request);
            }
        }

        var completed = new List<DeletionRequest>();
        var failed = new List<(DeletionRequestId, ContactKitError)>();
        foreach (var request in authorised)
        {
            var done = await CarryOutAsync(request, worker, cancellationToken).ConfigureAwait(false);
            if (done.IsSuccess)
            {
                completed.Add(done.Value);
            }
            else
            {
                failed.Add((request.Id, done.Error));
            }
        }

        return (completed, failed);
    }

    // Deletes every artefact of the recording under the request, with proof, then tombstones the session. Each step can
    // run again after a crash: the request's worker resumes its own claims, deleted content counts as deleted, and an
    // item is recorded disposed of together with its proof in one step, before the artefact is marked, so an artefact
    // marked disposed of always has its proof and one left unmarked is finished by the next run.
    private async ValueTask<Result<DeletionRequest>> CarryOutAsync(DeletionRequest request, ActorId worker, CancellationToken cancellationToken)
    {
        var eraser = ActorId.Parse($"deletion-{request.Id.Value}".Length <= 64 ? $"deletion-{request.Id.Value}" : $"deletion-{Hash(request.Id.Value)}");
        await foreach (var artefact in artefacts.ReadByInteractionAsync(request.Tenant, request.Interaction, cancellationToken).ConfigureAwait(false))
        {
            if (artefact.Recording != request.Recording || artefact.IsDisposed)
            {
                continue;
            }

            var now = clock.GetCurrentInstant();
            var begun = await items.BeginErasureAsync(request.Tenant, artefact.RetainedItem, [HoldTarget.ForInteraction(request.Interaction)], eraser, now, retentionOptions.CurrentValue.ClaimTimeout, cancellationToken).ConfigureAwait(false);
            if (begun.IsFailure && begun.Error.Code != RetentionErrorCodes.AlreadyDisposed)
            {
                return Translate(begun.Error, artefact.Name);
            }

            var deleted = await ArtefactDisposer.DeleteContentAsync(artefact, media, content, cancellationToken).ConfigureAwait(false);
            if (deleted.IsFailure)
            {
                return new ContactKitError(InteractionsErrorCodes.ContentNotDeleted, $"The content of artefact {Errors.Excerpt(artefact.Name)} could not be deleted ({deleted.Error.Code}); the request stays authorised and the next sweep tries again.", "request");
            }

            // An item already disposed of has its proof: this run's, before a crash, or the sweep's.
            if (begun.IsSuccess)
            {
                var proof = new AuditEntry
                {
                    Tenant = request.Tenant, OccurredAt = now, Actor = worker, Action = DeletedAction, Resource = ResourceRef.Recording(request.Recording),
                    Reason = $"deletion request {request.Id} authorised by {request.DecidedBy}",
                    Details = AuditDetails.Of(
                        new("request", request.Id.Value),
                        new("item", artefact.RetainedItem.Value),
                        new("artefact", artefact.Name),
                        new("content_hash", (deleted.Value ?? artefact.Sha256) is { } hash ? $"sha256:{hash}" : "unknown"),
                        new("due_by", request.DueBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown")),
                };
                var completed = (await items.CompleteDisposalsAsync(request.Tenant, [new DisposalCompletion(artefact.RetainedItem, proof)], eraser, now, cancellationToken).ConfigureAwait(false))[0];
                if (completed.IsFailure && completed.Error.Code != RetentionErrorCodes.AlreadyDisposed)
                {
                    return completed.Error;
                }
            }

            var marked = await artefacts.SaveAsync(artefact with { DisposedAt = now, DisposedBecause = DisposalReason.Request }, cancellationToken).ConfigureAwait(false);
            if (marked.IsFailure)
            {
                return marked.Error;
            }
        }

        var session = await sessions.GetAsync(request.Tenant, request.Recording, cancellationToken).ConfigureAwait(false);
        if (session.IsSuccess && session.Value.State == RecordingState.DeletionAuthorised)
        {
            var disposed = await recordings.ApplyAsync(request.Tenant, request.Recording, new Disposed(Step(request, "disposed"), worker), worker, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (disposed.IsFailure)
            {
                return disposed.Error;
            }
        }

        return await requests.SaveAsync(request with { State = DeletionRequestState.Completed, CompletedAt = clock.GetCurrentInstant() }, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Result<DeletionRequest>> PendingAsync(TenantId tenant, DeletionRequestId id, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        return request.IsFailure || request.Value.State == DeletionRequestState.Requested
            ? request
            : new ContactKitError(InteractionsErrorCodes.DeletionNotPending, $"Deletion request {id} is {request.Value.State}, so it is not awaiting a decision.", "request");
    }

    // A hold on the recording or its interaction, or an artefact whose retention may not end early, refuses the request.
    private async ValueTask<ContactKitError?> RefusalAsync(DeletionRequest request, Instant now, CancellationToken cancellationToken)
    {
        var held = await holds.FindHoldAsync(request.Tenant, request.Recording, request.Interaction, cancellationToken).ConfigureAwait(false);
        if (held.Hold is not null)
        {
            return new ContactKitError(InteractionsErrorCodes.UnderHold, $"Recording {request.Recording} is under legal hold ({held.Reason ?? "no reason given"}), so it cannot be deleted on request; refuse the request with that reason, or wait for the hold's release.", "request");
        }

        await foreach (var artefact in artefacts.ReadByInteractionAsync(request.Tenant, request.Interaction, cancellationToken).ConfigureAwait(false))
        {
            if (artefact.Recording != request.Recording || artefact.IsDisposed)
            {
                continue;
            }

            var decision = await retention.ExplainAsync(request.Tenant, artefact.RetainedItem, cancellationToken).ConfigureAwait(false);
            if (decision.IsSuccess && decision.Value.CheckEarlyDisposal(now) is { } early)
            {
                return Translate(early, artefact.Name);
            }
        }

        return null;
    }

    private static ContactKitError Translate(ContactKitError error, string artefact) => error.Code switch
    {
        RetentionErrorCodes.ItemHeld => new ContactKitError(InteractionsErrorCodes.UnderHold, $"Artefact {Errors.Excerpt(artefact)} is under legal hold, so the recording cannot be deleted on request yet.", "request"),
        RetentionErrorCodes.WithinMinimumRetention => new ContactKitError(InteractionsErrorCodes.WithinMinimumRetention, $"Artefact {Errors.Excerpt(artefact)} is inside its retention rule's minimum, so the recording cannot be deleted on request yet: {error.Message}", "request"),
        _ => error,
    };

    private static EventId Step(DeletionRequest request, string step) => EventId.Parse($"deletion-{Hash(request.Id.Value)}-{step}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
