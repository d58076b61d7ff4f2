using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactKit.Recording;
using ContactKit.Redaction;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// Stores the transcripts of an interaction's recordings, always redacted first: every transcript passes through the
/// <see cref="Redactor"/> whether or not a secure pause was open, so card details, bank details, National Insurance
/// numbers, telephone numbers, email addresses and postcodes never reach storage. What was removed (its type and, where
/// the transcript has word timings, the stretch of the recording) is recorded on the recording session with
/// <see cref="TranscriptStored"/>, never the values. A card number found outside a secure-payment pause shows a pause
/// that should have happened: it is recorded as <see cref="CardDataSeen"/> on the session and raised through
/// <see cref="IInteractionAlerts"/>. The stored transcript becomes an artefact with its retained item, like every other.
/// </summary>
/// <param name="interactions">The interaction layer, which keeps the artefact and its retained item.</param>
/// <param name="recordings">The recording lifecycle, which records what was stored and what was seen.</param>
/// <param name="sessions">The recording sessions and their logs, read to find the secure pauses.</param>
/// <param name="media">The media store the redacted transcript is written to.</param>
/// <param name="redactor">The redactor.</param>
/// <param name="alerts">Where card data seen outside a secure pause is raised.</param>
/// <param name="clock">The clock.</param>
public sealed class TranscriptService(
    InteractionService interactions,
    RecordingService recordings,
    IRecordingStore sessions,
    IRecordingMediaStore media,
    Redactor redactor,
    IInteractionAlerts alerts,
    IClock clock)
{
    /// <summary>
    /// Redacts a recording's transcript, stores the redacted text as the recording's transcript media, records it on the
    /// session and keeps it under retention as a <see cref="ArtefactKind.Transcript"/> artefact.
    /// </summary>
    /// <param name="transcript">The transcript: its interaction, recording, name and messages, in order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// What was stored; or a refusal: <see cref="InteractionsErrorCodes.UnknownRecording"/> when the recording is not the
    /// interaction's, <see cref="InteractionsErrorCodes.Invalid"/> when the recording is still live (a transcript is
    /// stored once its recording has ended), <c>CK0603</c> when a message's word timings are wrong, or the refusal of the
    /// artefact (<see cref="InteractionsErrorCodes.NoRetentionRule"/>, <see cref="InteractionsErrorCodes.ArtefactAlreadyStored"/>).
    /// </returns>
    public async ValueTask<Result<StoredTranscript>> StoreAsync(TranscriptToStore transcript, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(transcript.Messages, nameof(transcript));
        var session = await interactions.SessionOfAsync(transcript.Tenant, transcript.Interaction, transcript.Recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return session.Error;
        }

        if (session.Value.State is not (RecordingState.Processing or RecordingState.Available))
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, $"Recording {transcript.Recording} is {session.Value.State}; a transcript is stored once its recording has ended.", "recording");
        }

        var redaction = redactor.Redact(transcript.Tenant, transcript.Messages);
        if (redaction.IsFailure)
        {
            return redaction.Error;
        }

        var spans = redaction.Value.Messages.SelectMany(m => m.Spans).ToList();
        var outsidePause = await CountCardsOutsideSecurePausesAsync(session.Value, spans, cancellationToken).ConfigureAwait(false);

        using var content = new MemoryStream();
        JsonSerializer.Serialize(content, [.. redaction.Value.Messages.Select(m => Line(transcript.Messages[m.Index], m))], TranscriptJsonContext.Default.ImmutableArrayTranscriptLine);
        content.Position = 0;
        var put = await media.PutAsync(transcript.Tenant, transcript.Recording, MediaKind.Transcript, content, cancellationToken).ConfigureAwait(false);
        if (put.IsFailure)
        {
            return put.Error;
        }

        var artefact = await interactions.StoreArtefactCoreAsync(
            new ArtefactToStore
            {
                Tenant = transcript.Tenant, Interaction = transcript.Interaction, Name = transcript.Name, Kind = ArtefactKind.Transcript,
                Recording = transcript.Recording, Location = put.Value.Location, Sha256 = put.Value.Sha256,
            },
            cancellationToken).ConfigureAwait(false);
        if (artefact.IsFailure)
        {
            await media.DeleteAsync(transcript.Tenant, put.Value.Location, cancellationToken).ConfigureAwait(false); // nothing kept that no rule governs
            return artefact.Error;
        }

        var stored = new TranscriptStored(EventId.New(), put.Value) { Redactions = [.. spans.Select(Redaction)] };
        var recorded = await recordings.ApplyAsync(transcript.Tenant, transcript.Recording, stored, transcript.Actor, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (recorded.IsFailure)
        {
            return recorded.Error;
        }

        if (outsidePause > 0)
        {
            var seen = await recordings.ApplyAsync(transcript.Tenant, transcript.Recording, new CardDataSeen(EventId.New(), outsidePause), transcript.Actor, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (seen.IsFailure)
            {
                return seen.Error;
            }

            await alerts.CardDataSeenAsync(
                new CardDataSighting(transcript.Tenant, transcript.Interaction, transcript.Recording, outsidePause, clock.GetCurrentInstant()),
                cancellationToken).ConfigureAwait(false);
        }

        return new StoredTranscript(artefact.Value, put.Value, redaction.Value.Report, outsidePause);
    }

    /// <summary>
    /// How many card numbers were found outside every secure-payment pause of the session. A span with word timings is
    /// inside a pause when its start falls in one; a span without (a chat message) never is: typed into the chat, the
    /// card should have gone to the payment page instead.
    /// </summary>
    private async ValueTask<int> CountCardsOutsideSecurePausesAsync(RecordingSession session, List<RedactedSpan> spans, CancellationToken cancellationToken)
    {
        var cards = spans.Where(s => s.Entity == RedactionEntity.CardNumber).ToList();
        if (cards.Count == 0)
        {
            return 0;
        }

        var log = new List<RecordedEvent>();
        await foreach (var recorded in sessions.ReadEventsAsync(session.Tenant, session.Id, cancellationToken).ConfigureAwait(false))
        {
            log.Add(recorded);
        }

        var pauses = CaptureReport.From(session, log).Segments.Where(s => s.Reason == UncapturedReason.SecurePayment).ToList();
        return cards.Count(card => card.AudioStart is not { } offset ||
            !pauses.Any(p => session.StartedAt + offset >= p.Start && (p.End is not { } end || session.StartedAt + offset < end)));
    }

    private static TranscriptRedaction Redaction(RedactedSpan span) => new(Key(span.Entity), span.AudioStart, span.AudioEnd);

    private static string Key(RedactionEntity entity) => entity.MarkerName().Replace('-', '_');

    private static TranscriptLine Line(TranscriptMessage message, RedactedMessage redacted) => new(redacted.Index, message.Party, message.Channel, redacted.Text);
}

/// <summary>A transcript handed to <see cref="TranscriptService.StoreAsync"/>.</summary>
public sealed record TranscriptToStore
{
    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The interaction.</summary>
    public required InteractionId Interaction { get; init; }

    /// <summary>The recording it transcribes (a call) or is (a chat).</summary>
    public required RecordingId Recording { get; init; }

    /// <summary>The artefact's name, unique within the interaction (for example <c>transcript</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The messages, in the order they were said or sent, with word timings where speech-to-text gives them.</summary>
    public required IReadOnlyList<TranscriptMessage> Messages { get; init; }

    /// <summary>Who or what stores it, for the audit trail.</summary>
    public required ActorId Actor { get; init; }
}

/// <summary>A transcript that was redacted and stored.</summary>
/// <param name="Artefact">The artefact, with its retained item.</param>
/// <param name="Media">Where the redacted transcript is, its size and checksum.</param>
/// <param name="Report">What was redacted, counted by type.</param>
/// <param name="CardDataOutsidePause">How many card numbers were found outside a secure-payment pause.</param>
public sealed record StoredTranscript(StoredArtefact Artefact, RecordingMedia Media, RedactionReport Report, int CardDataOutsidePause);

/// <summary>One line of a stored transcript: the redacted text of one message.</summary>
internal sealed record TranscriptLine(int Index, PartyId Party, Channel Channel, string Text);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ImmutableArray<TranscriptLine>))]
internal sealed partial class TranscriptJsonContext : JsonSerializerContext;
