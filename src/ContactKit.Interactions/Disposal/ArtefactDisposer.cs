using System.Security.Cryptography;
using System.Text;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// Disposes of an interaction's artefacts when retention makes them due, for the disposal sweep
/// (<see cref="DisposalPlanner.RunOnceAsync"/>, which ContactKit.Hosting runs): it deletes the artefact's content through
/// the media store (audio, transcripts) or the artefact's provider (<see cref="IArtefactContentProvider"/>, for derived
/// data the host keeps), marks the artefact disposed, and once every artefact of a recording is gone moves the recording
/// session to its tombstone (<see cref="RecordingState.Deleted"/>), after which access to its media is refused and
/// audited. The receipt carries the SHA-256 of what was destroyed, so the retention proof records it.
/// </summary>
/// <remarks>
/// Every step can be run again: content already deleted counts as deleted (its hash is the one recorded when it was
/// stored), an artefact already marked stays marked, and the session's events have fixed ids, so a replayed one changes
/// nothing. A worker that stops after deleting the bytes but before the proof is written leaves its claim to lapse; the
/// next sweep takes the item again and completes it, with proof, once.
/// </remarks>
/// <param name="artefacts">The artefacts.</param>
/// <param name="media">The media store holding recordings and transcripts.</param>
/// <param name="content">The provider of other artefacts' content.</param>
/// <param name="recordings">The recording lifecycle.</param>
/// <param name="sessions">The recording sessions.</param>
/// <param name="clock">The clock.</param>
/// <param name="anonymiser">Anonymises the content of artefacts whose rule says so; none when the host registers none.</param>
public sealed class ArtefactDisposer(
    IArtefactStore artefacts,
    IRecordingMediaStore media,
    IArtefactContentProvider content,
    RecordingService recordings,
    IRecordingStore sessions,
    IClock clock,
    IArtefactAnonymiser? anonymiser = null) : IRetainedItemDisposer
{
    private static readonly ActorId Sweep = ActorId.Parse("retention-sweep");

    /// <inheritdoc />
    public async ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var found = await artefacts.GetAsync(item.Tenant, item.Id, cancellationToken).ConfigureAwait(false);
        if (found.IsFailure)
        {
            return new ContactKitError(
                found.Error.Code,
                $"Retained item {item.Id} is not an artefact of an interaction, so the interaction layer cannot dispose of it; register an IRetainedItemDisposer for the items the host keeps itself.",
                "item");
        }

        return item.Action == DisposalAction.Anonymise
            ? await AnonymiseAsync(found.Value, cancellationToken).ConfigureAwait(false)
            : await DestroyAsync(found.Value, item.ClaimedBy ?? Sweep, DisposalReason.Retention, $"retention rule {item.RuleName ?? "due"}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether an artefact of <paramref name="kind"/> can be anonymised, given whether the host registered an anonymiser.</summary>
    internal static bool CanAnonymise(ArtefactKind kind, bool hasAnonymiser) => hasAnonymiser && kind is not (ArtefactKind.Audio or ArtefactKind.Transcript);

    // Anonymised content is the host's to keep: the artefact counts as disposed of (no personal data is left), so its
    // recording is tombstoned once nothing else of it remains, exactly as after a deletion.
    private async ValueTask<Result<DestructionReceipt>> AnonymiseAsync(StoredArtefact artefact, CancellationToken cancellationToken)
    {
        if (anonymiser is null || !CanAnonymise(artefact.Kind, hasAnonymiser: true))
        {
            return CannotAnonymise(artefact.Kind, anonymiser is not null);
        }

        var hash = artefact.Sha256;
        if (!artefact.IsDisposed)
        {
            var anonymised = await anonymiser.AnonymiseAsync(artefact, cancellationToken).ConfigureAwait(false);
            if (anonymised.IsFailure && anonymised.Error.Code != ErrorCodes.NotFound)
            {
                return new ContactKitError(InteractionsErrorCodes.ContentNotDeleted, $"Artefact {Errors.Excerpt(artefact.Name)} of interaction {artefact.Interaction} could not be anonymised ({anonymised.Error.Code}); the item stays and the next run tries again.", "item");
            }

            hash = (anonymised.IsSuccess ? anonymised.Value : null) ?? hash;
            var marked = await artefacts.SaveAsync(artefact with { DisposedAt = clock.GetCurrentInstant(), DisposedBecause = DisposalReason.Retention }, cancellationToken).ConfigureAwait(false);
            if (marked.IsFailure)
            {
                return marked.Error;
            }
        }

        return new DestructionReceipt(hash is null ? null : $"sha256:{hash}", "artefact-anonymiser");
    }

    internal static ContactKitError CannotAnonymise(ArtefactKind kind, bool hasAnonymiser) => new(
        InteractionsErrorCodes.CannotAnonymise,
        kind is ArtefactKind.Audio or ArtefactKind.Transcript
            ? $"A retention rule asks for {kind} artefacts to be anonymised, which ContactKit cannot do (a voice or a conversation identifies the people in it); delete them at the end of the period, or keep them under review."
            : hasAnonymiser
                ? $"{kind} artefacts cannot be anonymised."
                : $"A retention rule asks for {kind} artefacts to be anonymised and no IArtefactAnonymiser is registered to do it; register one over the host's storage, or delete them at the end of the period.",
        "Action");

    /// <summary>
    /// Destroys an artefact for any reason: deletes its content, marks it disposed with <paramref name="reason"/>, and
    /// tombstones its recording once none of the recording's artefacts is left. Every step can be run again.
    /// </summary>
    internal async ValueTask<Result<DestructionReceipt>> DestroyAsync(StoredArtefact artefact, ActorId worker, DisposalReason reason, string because, CancellationToken cancellationToken)
    {
        var hash = artefact.Sha256;
        var provider = artefact.Location is not null && artefact.Kind is ArtefactKind.Audio or ArtefactKind.Transcript ? "media" : "artefact-content";
        if (!artefact.IsDisposed)
        {
            var deleted = await DeleteContentAsync(artefact, media, content, cancellationToken).ConfigureAwait(false);
            if (deleted.IsFailure)
            {
                return new ContactKitError(InteractionsErrorCodes.ContentNotDeleted, $"The content of artefact {Errors.Excerpt(artefact.Name)} of interaction {artefact.Interaction} could not be deleted ({deleted.Error.Code}); the item stays and the next run tries again.", "item");
            }

            hash = deleted.Value ?? hash;
            var marked = await artefacts.SaveAsync(artefact with { DisposedAt = clock.GetCurrentInstant(), DisposedBecause = reason }, cancellationToken).ConfigureAwait(false);
            if (marked.IsFailure)
            {
                return marked.Error;
            }
        }

        if (artefact.Recording is { } recording)
        {
            var tombstoned = await TombstoneWhenAllGoneAsync(artefact, recording, worker, because, cancellationToken).ConfigureAwait(false);
            if (tombstoned is not null)
            {
                return tombstoned;
            }
        }

        return new DestructionReceipt(hash is null ? null : $"sha256:{hash}", provider);
    }

    // The content's SHA-256 as the store gives it; content already gone counts as deleted.
    internal static async ValueTask<Result<string?>> DeleteContentAsync(StoredArtefact artefact, IRecordingMediaStore media, IArtefactContentProvider content, CancellationToken cancellationToken)
    {
        if (artefact.Location is { } location && artefact.Kind is ArtefactKind.Audio or ArtefactKind.Transcript)
        {
            var deleted = await media.DeleteAsync(artefact.Tenant, location, cancellationToken).ConfigureAwait(false);
            return deleted.IsSuccess ? deleted.Value.Sha256 : deleted.Error.Code == ErrorCodes.NotFound ? artefact.Sha256 : deleted.Error;
        }

        var removed = await content.DeleteAsync(artefact, cancellationToken).ConfigureAwait(false);
        return removed.IsSuccess || removed.Error.Code == ErrorCodes.NotFound ? removed.IsSuccess ? removed.Value : artefact.Sha256 : removed.Error;
    }

    // Once none of the recording's artefacts is left, the session goes to its tombstone: deletion requested for the
    // reason given, authorised and carried out, each event with a fixed id so that a rerun changes nothing.
    private async ValueTask<ContactKitError?> TombstoneWhenAllGoneAsync(StoredArtefact disposed, RecordingId recording, ActorId worker, string because, CancellationToken cancellationToken)
    {
        await foreach (var other in artefacts.ReadByInteractionAsync(disposed.Tenant, disposed.Interaction, cancellationToken).ConfigureAwait(false))
        {
            if (other.Recording == recording && other.Name != disposed.Name && !other.IsDisposed)
            {
                return null; // the recording still has content under retention
            }
        }

        var session = await sessions.GetAsync(disposed.Tenant, recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return session.Error;
        }

        RecordingEvent[] steps = session.Value.State switch
        {
            RecordingState.Available or RecordingState.Absent or RecordingState.Failed =>
                [new DeletionRequested(Step(disposed, "requested"), worker, because), new DeletionAuthorised(Step(disposed, "authorised"), worker), new Disposed(Step(disposed, "disposed"), worker)],
            RecordingState.DeletionRequested => [new DeletionAuthorised(Step(disposed, "authorised"), worker), new Disposed(Step(disposed, "disposed"), worker)],
            RecordingState.DeletionAuthorised => [new Disposed(Step(disposed, "disposed"), worker)],
            _ => [], // already a tombstone, or not yet ended
        };
        foreach (var step in steps)
        {
            var applied = await recordings.ApplyAsync(disposed.Tenant, recording, step, worker, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (applied.IsFailure)
            {
                return applied.Error;
            }
        }

        return null;
    }

    private static EventId Step(StoredArtefact artefact, string step) =>
        EventId.Parse($"disposal-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(artefact.RetainedItem.Value)))[..24]}-{step}");
}
