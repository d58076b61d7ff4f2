using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;

namespace ContactKit.Recording;

/// <summary>
/// Something that happened to a recording session: the published event contract. Each event has an id: applying an
/// event whose id the session has already accepted changes nothing, so a retried delivery is harmless.
/// </summary>
/// <remarks>
/// The kinds of event are closed: the lifecycle accepts the sealed records below and no others. In JSON each event is
/// an object whose <c>type</c> property names its kind with a stable discriminator (<c>interaction_started</c>,
/// <c>capture_paused</c>, ...); version 1 of the contract is described in <c>docs/recording-lifecycle.md</c>. Read and
/// write it with <see cref="RecordingJson"/>.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InteractionStarted), "interaction_started")]
[JsonDerivedType(typeof(RecordingNoticeGiven), "notice_given")]
[JsonDerivedType(typeof(RecordingConsentGiven), "consent_given")]
[JsonDerivedType(typeof(RecordingConsentRefused), "consent_refused")]
[JsonDerivedType(typeof(PartyJoined), "party_joined")]
[JsonDerivedType(typeof(PartyLeft), "party_left")]
[JsonDerivedType(typeof(HandedToPerson), "handed_to_person")]
[JsonDerivedType(typeof(CaptureStarted), "capture_started")]
[JsonDerivedType(typeof(CapturePaused), "capture_paused")]
[JsonDerivedType(typeof(CaptureResumed), "capture_resumed")]
[JsonDerivedType(typeof(StopRequested), "stop_requested")]
[JsonDerivedType(typeof(Transferred), "transferred")]
[JsonDerivedType(typeof(InteractionEnded), "interaction_ended")]
[JsonDerivedType(typeof(MediaStored), "media_stored")]
[JsonDerivedType(typeof(TranscriptStored), "transcript_stored")]
[JsonDerivedType(typeof(MediaFailed), "media_failed")]
[JsonDerivedType(typeof(DeletionRequested), "deletion_requested")]
[JsonDerivedType(typeof(DeletionAuthorised), "deletion_authorised")]
[JsonDerivedType(typeof(DeletionRefused), "deletion_refused")]
[JsonDerivedType(typeof(Disposed), "disposed")]
[JsonDerivedType(typeof(CardDataSeen), "card_data_seen")]
public abstract record RecordingEvent
{
    private protected RecordingEvent(EventId id, RecordingEventKind kind)
    {
        Id = id;
        Kind = kind;
    }

    /// <summary>The event's id.</summary>
    public EventId Id { get; init; }

    /// <summary>The kind of event, which with the session's state selects the row of the transition table.</summary>
    [JsonIgnore]
    public RecordingEventKind Kind { get; }
}

/// <summary>An accepted event in a session's log: the event, when it happened and the session version it produced.</summary>
/// <param name="Version">The session's version after it (1 for <see cref="InteractionStarted"/>).</param>
/// <param name="At">When it happened.</param>
/// <param name="Event">The event.</param>
public sealed record RecordedEvent(long Version, Instant At, RecordingEvent Event);

/// <summary>An interaction began: the first event of every session.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Tenant">The tenant the interaction belongs to.</param>
/// <param name="Recording">The new session's recording id.</param>
/// <param name="Channel">The channel: a call's audio or a chat's transcript is captured alike.</param>
/// <param name="Policy">The tenant's recording policy, fixed for the whole interaction. <see cref="RecordingService"/> sets it from the tenant's plan, whatever the host passed.</param>
/// <param name="Parties">The parties present at the start, with their jurisdictions (usually the caller).</param>
/// <param name="BeginsWithBot">Whether the interaction opens with a bot or IVR before any person joins.</param>
public sealed record InteractionStarted(
    EventId Id, TenantId Tenant, RecordingId Recording, Channel Channel, RecordingPolicy Policy, ImmutableArray<RecordingParty> Parties, bool BeginsWithBot)
    : RecordingEvent(Id, RecordingEventKind.InteractionStarted)
{
    /// <summary>The parties present at the start; empty, never a default array, when none were given.</summary>
    public ImmutableArray<RecordingParty> Parties { get; init; } = Parties.IsDefault ? [] : Parties;

    /// <summary>
    /// The interaction this recording belongs to, when the host (or ContactKit.Interactions) started it as part of one.
    /// One interaction may have several recordings (a call and its chat); legal holds on the interaction, its case and
    /// its subjects reach each of them.
    /// </summary>
    public InteractionId? Interaction { get; init; }

    /// <summary>Whether the other event is the same interaction start, parties compared one by one.</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public bool Equals(InteractionStarted? other) =>
        other is not null && Id == other.Id && Tenant == other.Tenant && Recording == other.Recording && Channel == other.Channel &&
        Equals(Policy, other.Policy) && BeginsWithBot == other.BeginsWithBot && Interaction == other.Interaction && Parties.SequenceEqual(other.Parties);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Tenant, Recording, Channel, Policy, BeginsWithBot, Parties.Length);
}

/// <summary>A party was told that the interaction is recorded.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party told.</param>
/// <param name="Notice">The privacy notice or recording announcement used.</param>
/// <param name="NoticeVersion">Which version of it.</param>
/// <param name="Method">How the party was told.</param>
public sealed record RecordingNoticeGiven(EventId Id, PartyId Party, PrivacyNoticeId Notice, string NoticeVersion, NoticeMethod Method) : RecordingEvent(Id, RecordingEventKind.NoticeGiven);

/// <summary>
/// A party who had been told gave explicit consent to recording (needed for a party whose
/// <see cref="RecordingParty.Requirement"/> is <see cref="CaptureRequirement.ExplicitConsent"/>).
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party who consented.</param>
/// <param name="Method">How they answered: a key press, a spoken yes, a chat reply.</param>
/// <param name="Evidence">Where the answer can be checked, for example the prompt and digit pressed or the offset in the call audio.</param>
public sealed record RecordingConsentGiven(EventId Id, PartyId Party, ConsentAnswerMethod Method, string Evidence) : RecordingEvent(Id, RecordingEventKind.ConsentGiven);

/// <summary>A party refused consent to recording: nothing more of the interaction is captured.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party who refused.</param>
/// <param name="Method">How they answered.</param>
/// <param name="Evidence">Where the answer can be checked.</param>
public sealed record RecordingConsentRefused(EventId Id, PartyId Party, ConsentAnswerMethod Method, string Evidence) : RecordingEvent(Id, RecordingEventKind.ConsentRefused);

/// <summary>A party joined the interaction (a supervisor, or a third party in a conference).</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party.</param>
public sealed record PartyJoined(EventId Id, RecordingParty Party) : RecordingEvent(Id, RecordingEventKind.PartyJoined);

/// <summary>A party left the interaction.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party.</param>
public sealed record PartyLeft(EventId Id, PartyId Party) : RecordingEvent(Id, RecordingEventKind.PartyLeft);

/// <summary>The bot or IVR handed the interaction to a person, who joins it.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Person">The member of staff who takes over.</param>
public sealed record HandedToPerson(EventId Id, RecordingParty Person) : RecordingEvent(Id, RecordingEventKind.HandedToPerson);

/// <summary>Capture was started.</summary>
/// <param name="Id">The event's id.</param>
public sealed record CaptureStarted(EventId Id) : RecordingEvent(Id, RecordingEventKind.CaptureStarted);

/// <summary>
/// A pause was opened: for a secure card payment or while the caller is on hold. Accepted in every live state; it stays
/// open until a <see cref="CaptureResumed"/> for the same reason, whatever else happens.
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Reason"><see cref="UncapturedReason.SecurePayment"/> or <see cref="UncapturedReason.OnHold"/>.</param>
public sealed record CapturePaused(EventId Id, UncapturedReason Reason) : RecordingEvent(Id, RecordingEventKind.CapturePaused);

/// <summary>The pause for <paramref name="Reason"/> was closed; capture resumes once no pause at all is open.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Reason">The pause that ends: <see cref="UncapturedReason.SecurePayment"/> or <see cref="UncapturedReason.OnHold"/>.</param>
public sealed record CaptureResumed(EventId Id, UncapturedReason Reason) : RecordingEvent(Id, RecordingEventKind.CaptureResumed);

/// <summary>A party asked for the recording to stop; nothing more of the interaction is captured.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party who asked.</param>
public sealed record StopRequested(EventId Id, PartyId Party) : RecordingEvent(Id, RecordingEventKind.StopRequested);

/// <summary>The interaction was transferred: a new agent, service or third party joins, and the one transferring may leave.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="To">The party who joins.</param>
/// <param name="From">The party who leaves, if any.</param>
/// <param name="Service">The service transferred to (for example <c>licensing</c>), if any.</param>
public sealed record Transferred(EventId Id, RecordingParty To, PartyId? From, string? Service) : RecordingEvent(Id, RecordingEventKind.Transferred);

/// <summary>The interaction ended.</summary>
/// <param name="Id">The event's id.</param>
public sealed record InteractionEnded(EventId Id) : RecordingEvent(Id, RecordingEventKind.InteractionEnded);

/// <summary>The captured audio was stored.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Media">Where it is, its size, length and checksum.</param>
public sealed record MediaStored(EventId Id, RecordingMedia Media) : RecordingEvent(Id, RecordingEventKind.MediaStored);

/// <summary>A transcript (of a chat, or of a call) was stored.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Transcript">Where it is, its size and checksum.</param>
public sealed record TranscriptStored(EventId Id, RecordingMedia Transcript) : RecordingEvent(Id, RecordingEventKind.TranscriptStored)
{
    /// <summary>What was removed from the transcript before it was stored, by type and time; never the values.</summary>
    [JsonIgnore]
    public ImmutableArray<TranscriptRedaction> Redactions { get; init => field = value.IsDefault ? [] : value; } = [];

    // Written only when something was removed, so an event with nothing redacted reads and writes as it always has.
    [JsonInclude]
    [JsonPropertyName("redactions")]
    internal ImmutableArray<TranscriptRedaction>? RedactionsWhenAny
    {
        get => Redactions.IsEmpty ? null : Redactions;
        init => Redactions = value ?? [];
    }

    /// <inheritdoc />
    public bool Equals(TranscriptStored? other) =>
        other is not null && Id == other.Id && Transcript == other.Transcript && Redactions.SequenceEqual(other.Redactions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Transcript, Redactions.Length);
}

/// <summary>
/// Card data was found in what the session captured outside a secure-payment pause: a card number in a transcript,
/// typed into a chat or spoken while capture ran. It was redacted before anything was stored; the event shows a pause
/// that should have happened. Allowed in every state in which the session captures or keeps what it captured.
/// </summary>
/// <param name="Id">The event's id.</param>
/// <param name="Count">How many card numbers were found (at least one).</param>
public sealed record CardDataSeen(EventId Id, int Count) : RecordingEvent(Id, RecordingEventKind.CardDataSeen);

/// <summary>Storing the media failed.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record MediaFailed(EventId Id, string Reason) : RecordingEvent(Id, RecordingEventKind.MediaFailed);

/// <summary>Someone asked for the recording to be deleted.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="By">Who asked (a data subject's request is entered by the member of staff handling it).</param>
/// <param name="Reason">Why.</param>
public sealed record DeletionRequested(EventId Id, ActorId By, string Reason) : RecordingEvent(Id, RecordingEventKind.DeletionRequested);

/// <summary>A deletion request was authorised.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="By">Who authorised it.</param>
public sealed record DeletionAuthorised(EventId Id, ActorId By) : RecordingEvent(Id, RecordingEventKind.DeletionAuthorised);

/// <summary>A deletion request was refused; the recording returns to where it was.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="By">Who refused it.</param>
/// <param name="Reason">Why.</param>
public sealed record DeletionRefused(EventId Id, ActorId By, string Reason) : RecordingEvent(Id, RecordingEventKind.DeletionRefused);

/// <summary>The media was disposed of; the session becomes a tombstone.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="By">Who or what disposed of it.</param>
public sealed record Disposed(EventId Id, ActorId By) : RecordingEvent(Id, RecordingEventKind.Disposed);
