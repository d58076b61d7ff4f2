using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using ContactKit.DataSubjects;
using ContactKit.Recording;
using Microsoft.Extensions.Options;

namespace ContactKit.Interactions;

/// <summary>
/// The interaction layer's personal data, for rights requests: every artefact (call recordings, transcripts, derived
/// data, calling line identity) of every interaction a data subject took part in, beside the host's own sources.
/// A copy of a recording lists the recording's parties, the others flagged for redaction review before it is released.
/// Erasing an artefact deletes its content, marks it disposed of because of erasure, and moves its recording to its
/// tombstone once none of the recording's artefacts is left, as a disposal does; erasure decisions (holds, legal
/// obligation, legal claims, minimum retention) are taken before it is called, from the artefact's retained item.
/// </summary>
/// <remarks>Registered by <c>AddInteractions()</c> under the name <see cref="SourceName"/>.</remarks>
/// <param name="interactions">The interactions, found by the subjects linked to their parties.</param>
/// <param name="artefacts">The artefacts of each interaction.</param>
/// <param name="sessions">The recording sessions, for the parties of each recording.</param>
/// <param name="disposer">Destroys an artefact's content and tombstones its recording.</param>
/// <param name="options">The layer's options: the lawful basis on which interactions are recorded.</param>
internal sealed class InteractionPersonalDataSource(
    IInteractionStore interactions,
    IArtefactStore artefacts,
    IRecordingStore sessions,
    ArtefactDisposer disposer,
    IOptionsMonitor<InteractionsOptions> options) : IPersonalDataSource
{
    /// <summary>The source's name in the registry, and the source of every item it gives.</summary>
    public const string SourceName = "interactions";

    private static readonly ActorId Eraser = ActorId.Parse("erasure");

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public async IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (interaction, artefact) in HeldAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            yield return Item(interaction, artefact);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (interaction, artefact) in HeldAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            ImmutableArray<KeyValuePair<string, string>> fields =
            [
                new("interaction", interaction.Id.Value),
                new("channel", interaction.Channel.ToString()),
                new("started_at", interaction.StartedAt.ToString("g", CultureInfo.InvariantCulture)),
                new("artefact", artefact.Name),
                new("kind", artefact.Kind.ToString()),
                new("stored_at", artefact.StoredAt.ToString("g", CultureInfo.InvariantCulture)),
            ];
            yield return new PersonalDataRecord
            {
                Item = Item(interaction, artefact),
                Fields = fields,
                Recording = await CopyOfAsync(interaction, artefact, subject, cancellationToken).ConfigureAwait(false),
            };
        }
    }

    /// <inheritdoc />
    public async ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default)
    {
        if (!RetainedItemId.TryParse(itemId, out var id))
        {
            return NotHeld(itemId);
        }

        var found = await artefacts.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (found.IsFailure)
        {
            return NotHeld(itemId);
        }

        var interaction = await interactions.GetAsync(tenant, found.Value.Interaction, cancellationToken).ConfigureAwait(false);
        if (interaction.IsFailure || !interaction.Value.Involves(subject))
        {
            return NotHeld(itemId);
        }

        var destroyed = await disposer.DestroyAsync(found.Value, Eraser, DisposalReason.Erasure, "erasure requested by the data subject", cancellationToken).ConfigureAwait(false);
        return destroyed.IsSuccess
            ? Item(interaction.Value, found.Value) with { ContentHash = destroyed.Value.ContentHash }
            : destroyed.Error;
    }

    // The artefacts not yet disposed of, of every interaction the subject took part in.
    private async IAsyncEnumerable<(InteractionRecord Interaction, StoredArtefact Artefact)> HeldAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var interaction in interactions.FindBySubjectAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var artefact in artefacts.ReadByInteractionAsync(tenant, interaction.Id, cancellationToken).ConfigureAwait(false))
            {
                if (!artefact.IsDisposed)
                {
                    yield return (interaction, artefact);
                }
            }
        }
    }

    private PersonalDataItem Item(InteractionRecord interaction, StoredArtefact artefact) => new()
    {
        Source = SourceName,
        ItemId = artefact.RetainedItem.Value,
        Category = CategoryOf(artefact.Kind, interaction.Channel).Key,
        LawfulBasis = options.CurrentValue.LawfulBasisFor(interaction.Tenant),
        RetainedItem = artefact.RetainedItem,
        Description = $"{artefact.Kind} '{artefact.Name}' of interaction {artefact.Interaction}",
        CreatedAt = artefact.StoredAt,
        ContentHash = artefact.Sha256 is { } hash ? $"sha256:{hash}" : null,
        HeldAsProcessor = options.CurrentValue.IsProcessorFor(interaction.Tenant, interaction.Channel),
    };

    private static DataCategory CategoryOf(ArtefactKind kind, Channel channel) => kind switch
    {
        ArtefactKind.Audio => DataCategories.CallRecording,
        ArtefactKind.Transcript when !channel.CarriesAudio() => DataCategories.ChatTranscript,
        ArtefactKind.Transcript => DataCategories.Media,
        ArtefactKind.Sentiment => DataCategories.Sentiment,
        ArtefactKind.Summary => DataCategories.InteractionSummary,
        ArtefactKind.CallingLineIdentity => DataCategories.CallingLineIdentity,
        _ => DataCategories.Interaction,
    };

    // The recording itself (a call's audio, a chat's transcript) comes with its parties; the others than the subject are
    // to be reviewed for redaction before it is released. A call's transcript is derived from its audio, not a second recording.
    private async ValueTask<RecordingCopy?> CopyOfAsync(InteractionRecord interaction, StoredArtefact artefact, DataSubjectId subject, CancellationToken cancellationToken)
    {
        var isTheRecording = artefact.Kind == ArtefactKind.Audio || (artefact.Kind == ArtefactKind.Transcript && !interaction.Channel.CarriesAudio());
        if (artefact.Recording is not { } recording || artefact.Location is not { } location || !isTheRecording)
        {
            return null;
        }

        var session = await sessions.GetAsync(interaction.Tenant, recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return new RecordingCopy { Recording = recording, MediaReference = location, Channel = interaction.Channel };
        }

        return new RecordingCopy
        {
            Recording = recording,
            MediaReference = location,
            Channel = session.Value.Channel,
            StartedAt = session.Value.StartedAt,
            Length = session.Value.EndedAt - session.Value.StartedAt,
            Participants = [.. session.Value.Parties.Select(p => new RecordingParticipant(p.Party.Id, p.Party.Role.ToString(), interaction.SubjectOf(p.Party.Id) == subject))],
        };
    }

    private static ContactKitError NotHeld(string itemId) =>
        new(ErrorCodes.NotFound, $"The interaction layer holds no artefact {Errors.Excerpt(itemId)} about the subject.", "itemId");
}
