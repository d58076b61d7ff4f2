using ContactKit.Retention;

namespace ContactKit.Interactions;

/// <summary>
/// The hold authority of a ContactKit host: answers from ContactKit.Retention's hold registry, the only place holds are
/// kept. A recording is covered by an active hold on its interaction, on the interaction's case or on any data subject
/// identified in it, on the retained item of any of its artefacts (and whatever reaches that item: its subject,
/// interaction or case), or on a retained item whose id is the recording's own id (how a host that keeps recordings under
/// retention without the interaction layer names them).
/// </summary>
/// <param name="retention">The retention store, which holds the legal holds.</param>
/// <param name="interactions">The interactions, for their case and identified subjects.</param>
/// <param name="artefacts">The artefacts, for the retained items of the recording's media and transcripts.</param>
public sealed class RetentionHoldAuthority(IRetentionStore retention, IInteractionStore interactions, IArtefactStore artefacts) : ILegalHoldAuthority
{
    /// <inheritdoc />
    public async ValueTask<HoldStatus> FindHoldAsync(TenantId tenant, RecordingId recording, InteractionId? interaction, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var targets = new HashSet<HoldTarget>();
        if (RetainedItemId.TryParse(recording.Value, out var own))
        {
            targets.Add(HoldTarget.ForItem(own));
        }

        if (interaction is { } id)
        {
            await AddInteractionTargetsAsync(tenant, recording, id, targets, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var hold in retention.ReadActiveHoldsAsync(tenant, targets, cancellationToken).ConfigureAwait(false))
        {
            return HoldStatus.HeldBy(hold.Id, hold.Reason);
        }

        return HoldStatus.NotHeld;
    }

    /// <summary>Every target through which a hold reaches a recording of <paramref name="interaction"/>.</summary>
    internal async ValueTask AddInteractionTargetsAsync(TenantId tenant, RecordingId? recording, InteractionId interaction, HashSet<HoldTarget> targets, CancellationToken cancellationToken)
    {
        targets.Add(HoldTarget.ForInteraction(interaction));
        var record = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (record.IsSuccess)
        {
            if (record.Value.Case is { } @case)
            {
                targets.Add(HoldTarget.ForCase(@case));
            }

            foreach (var link in record.Value.Subjects)
            {
                targets.Add(HoldTarget.ForSubject(link.Subject));
            }
        }

        await foreach (var artefact in artefacts.ReadByInteractionAsync(tenant, interaction, cancellationToken).ConfigureAwait(false))
        {
            if (recording is not null && artefact.Recording != recording)
            {
                continue;
            }

            targets.Add(HoldTarget.ForItem(artefact.RetainedItem));
            var stored = await retention.GetAsync(tenant, artefact.RetainedItem, cancellationToken).ConfigureAwait(false);
            if (stored.IsSuccess)
            {
                targets.UnionWith(HoldTarget.Reaching(stored.Value.Item));
            }
        }
    }
}
