using ContactKit.Auditing;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// Asks the <see cref="IRecordingAccessPolicy"/> about every use of a recording and writes each decision, granted or
/// refused, to the <see cref="IAuditTrail"/>; refuses access to recordings that are missing or being deleted.
/// </summary>
/// <param name="policy">The access policy.</param>
/// <param name="store">The sessions.</param>
/// <param name="media">The media.</param>
/// <param name="audit">The audit trail.</param>
/// <param name="clock">The clock.</param>
public sealed class RecordingAccessService(IRecordingAccessPolicy policy, IRecordingStore store, IRecordingMediaStore media, IAuditTrail audit, IClock clock)
{
    /// <summary>Decides a request and audits the decision.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The decision, as audited.</returns>
    public async ValueTask<RecordingAccessDecision> AuthoriseAsync(RecordingAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await store.GetAsync(request.Tenant, request.Recording, cancellationToken).ConfigureAwait(false);
        var decision = session.IsFailure ? new RecordingAccessDecision(request, session.Error)
            : session.Value.State is RecordingState.Deleted or RecordingState.DeletionAuthorised
                ? new RecordingAccessDecision(request, new ContactKitError(RecordingErrorCodes.RecordingDeleted, $"Recording {request.Recording} is {session.Value.State}; its media can no longer be used."))
                : policy.Decide(request);
        await audit.AppendAsync(Entry(decision), cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Decides a request and, when granted, opens the media at <paramref name="location"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="location">Which of the recording's media to open.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The media stream, or the refusal.</returns>
    public async ValueTask<Result<Stream>> OpenAsync(RecordingAccessRequest request, string location, CancellationToken cancellationToken = default)
    {
        var decision = await AuthoriseAsync(request, cancellationToken).ConfigureAwait(false);
        return decision.Refusal is { } refusal
            ? refusal
            : await media.OpenReadAsync(request.Tenant, location, cancellationToken).ConfigureAwait(false);
    }

    private AuditEntry Entry(RecordingAccessDecision decision)
    {
        var request = decision.Request;
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = request.Kind.ToString(),
            ["purpose"] = request.Purpose.Value,
            ["role"] = request.Role ?? string.Empty,
        };
        if (decision.Refusal is { } refusal)
        {
            details["code"] = refusal.Code;
            details["refusal"] = refusal.Message;
        }

        return new AuditEntry
        {
            Tenant = request.Tenant,
            OccurredAt = clock.GetCurrentInstant(),
            Actor = request.Actor,
            Action = decision.IsGranted ? "recording.access_granted" : "recording.access_denied",
            Resource = ResourceRef.Recording(request.Recording),
            Reason = string.IsNullOrWhiteSpace(request.BusinessNeed) ? "no business need stated" : request.BusinessNeed,
            Details = details,
        };
    }
}
