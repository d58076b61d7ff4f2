using System.Text;
using ContactKit;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// Asks the <see cref="IRecordingAccessPolicy"/> about every use of a recording and writes each decision, granted or
/// refused, to the <see cref="IAuditTrail"/>; refuses access to recordings that are missing or being deleted, to media
/// that is not the recording's own, and to requests without a readable business need.
/// </summary>
/// <remarks>
/// The request is checked before anything is decided: a request with a default id, no purpose or not exactly one kind
/// of use is refused with <c>CK0181</c> and nothing is decided or audited, because an audit entry needs its tenant and
/// actor. Every decision is appended to the trail before it takes effect: if the append fails, its exception propagates
/// and no media is opened.
/// </remarks>
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
    /// <returns>The decision, as audited; or, for a malformed request, a refusal with code <c>CK0181</c> that nothing audited.</returns>
    public async ValueTask<RecordingAccessDecision> AuthoriseAsync(RecordingAccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Check(request) is { } invalid
            ? new RecordingAccessDecision(request, invalid)
            : await DecideAndAuditAsync(request, location: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides a request to use the media at <paramref name="location"/> and, when granted, opens it. The media must be
    /// one of <paramref name="request"/>'s recording's own (<see cref="RecordingSession.Media"/>); any other location is
    /// refused with <c>CK0180</c> and audited. Media that fails its checksum is refused with <c>CK0123</c> and the failure
    /// is audited as <c>recording.media_checksum_failed</c>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="location">Which of the recording's media to open.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The media stream, which the caller disposes, or the refusal.</returns>
    public async ValueTask<Result<Stream>> OpenAsync(RecordingAccessRequest request, string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrEmpty(location))
        {
            return new ContactKitError(RecordingErrorCodes.InvalidAccessRequest, "A media location is required to open a recording's media.", "location");
        }

        var decision = await DecideAndAuditAsync(request, location, cancellationToken).ConfigureAwait(false);
        if (decision.Refusal is { } refusal)
        {
            return refusal;
        }

        var opened = await media.OpenReadAsync(request.Tenant, location, cancellationToken).ConfigureAwait(false);
        if (opened.IsFailure)
        {
            var failed = opened.Error.Code == RecordingErrorCodes.MediaChecksumMismatch ? "recording.media_checksum_failed" : "recording.media_unavailable";
            await audit.AppendAsync(Entry(request, failed, location, opened.Error), cancellationToken).ConfigureAwait(false);
        }

        return opened;
    }

    private async ValueTask<RecordingAccessDecision> DecideAndAuditAsync(RecordingAccessRequest request, string? location, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(request.Tenant, request.Recording, cancellationToken).ConfigureAwait(false);
        var decision = Refuse(request, session, location) is { } refusal ? new RecordingAccessDecision(request, refusal) : policy.Decide(request);
        await audit.AppendAsync(Entry(request, decision.IsGranted ? "recording.access_granted" : "recording.access_denied", location, decision.Refusal), cancellationToken)
            .ConfigureAwait(false);
        return decision;
    }

    // What the service refuses whatever the policy says.
    private static ContactKitError? Refuse(RecordingAccessRequest request, Result<RecordingSession> session, string? location)
    {
        if (session.IsFailure)
        {
            return session.Error;
        }

        if (session.Value.State is RecordingState.Deleted or RecordingState.DeletionAuthorised)
        {
            return new ContactKitError(RecordingErrorCodes.RecordingDeleted, $"Recording {request.Recording} is {session.Value.State}; its media can no longer be used.");
        }

        if (location is not null && !session.Value.Media.Any(m => string.Equals(m.Location, location, StringComparison.Ordinal)))
        {
            return new ContactKitError(
                RecordingErrorCodes.MediaNotOfRecording,
                $"The media at {Errors.Excerpt(location)} is not one of recording {request.Recording}'s media; access is granted to one recording's own media only.",
                "location");
        }

        return BusinessNeed.Check(request.BusinessNeed);
    }

    // A malformed request: nothing can be decided or audited for it.
    private static ContactKitError? Check(RecordingAccessRequest request)
    {
        var field = string.IsNullOrEmpty(request.Tenant.Value) ? "tenant"
            : string.IsNullOrEmpty(request.Actor.Value) ? "actor"
            : string.IsNullOrEmpty(request.Recording.Value) ? "recording"
            : string.IsNullOrEmpty(request.Purpose.Value) ? "purpose"
            : null;
        if (field is not null)
        {
            return new ContactKitError(RecordingErrorCodes.InvalidAccessRequest, $"A recording access request needs its {field}; this one has the default (empty) value.", field);
        }

        return request.Kind is RecordingAccessKind.Play or RecordingAccessKind.Download or RecordingAccessKind.Export
            ? null
            : new ContactKitError(RecordingErrorCodes.InvalidAccessRequest, $"A recording access request asks for exactly one use (Play, Download or Export); this one asks for '{request.Kind}'.", "kind");
    }

    private AuditEntry Entry(RecordingAccessRequest request, string action, string? location, ContactKitError? refusal)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = request.Kind.ToString(),
            ["purpose"] = request.Purpose.Value,
            ["role"] = request.Role ?? string.Empty,
        };
        if (location is not null)
        {
            details["location"] = location;
        }

        if (refusal is not null)
        {
            details["code"] = refusal.Code;
            details["refusal"] = refusal.Message;
        }

        return new AuditEntry
        {
            Tenant = request.Tenant,
            OccurredAt = clock.GetCurrentInstant(),
            Actor = request.Actor,
            Action = action,
            Resource = ResourceRef.Recording(request.Recording),
            Reason = BusinessNeed.IsReadable(request.BusinessNeed) ? request.BusinessNeed : "no business need stated",
            Details = details,
        };
    }
}

/// <summary>The rule for a business need: text a reviewer can read, so at least one letter or digit.</summary>
internal static class BusinessNeed
{
    /// <summary>Whether the text holds at least one letter or digit (whitespace, control, format and other invisible characters do not count).</summary>
    public static bool IsReadable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The refusal for a business need that is missing or unreadable, or <see langword="null"/>.</summary>
    public static ContactKitError? Check(string? text) => IsReadable(text)
        ? null
        : new ContactKitError(
            RecordingErrorCodes.BusinessNeedRequired,
            "Access to a recording needs a stated business need with at least one letter or digit (for example the complaint reference being investigated); blank or invisible text is not one.",
            "businessNeed");
}
