using System.Collections.Immutable;

namespace ContactKit.Recording;

/// <summary>
/// Something that happened to a recording session. Each event has an id: applying an event whose id the session has
/// already accepted returns the session unchanged, so a retried delivery changes nothing.
/// </summary>
/// <remarks>The kinds of event are closed: the lifecycle accepts the sealed records below and no others.</remarks>
public abstract record RecordingEvent
{
    private protected RecordingEvent(EventId id, RecordingEventKind kind)
    {
        Id = id;
        Kind = kind;
    }

    private readonly EventId _id;

    /// <summary>The event's id.</summary>
    public EventId Id
    {
        get => _id;
        init
        {
            _id = value;
            IdFilterBit = RecordingSession.FilterBit(value);
        }
    }

    // The id's bit in a session's filter of applied ids, worked out once when the id is set rather than on every apply.
    internal uint IdFilterBit { get; private init; }

    /// <summary>The kind of event, which with the session's state selects the row of the transition table.</summary>
    public RecordingEventKind Kind { get; }
}

/// <summary>An interaction began: the first event of every session.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Tenant">The tenant the interaction belongs to.</param>
/// <param name="Recording">The new session's recording id.</param>
/// <param name="Channel">The channel: a call's audio or a chat's transcript is captured alike.</param>
/// <param name="Policy">The tenant's recording policy, fixed for the whole interaction.</param>
/// <param name="Parties">The parties present at the start, with their jurisdictions (usually the caller).</param>
/// <param name="BeginsWithBot">Whether the interaction opens with a bot or IVR before any person joins.</param>
public sealed record InteractionStarted(
    EventId Id, TenantId Tenant, RecordingId Recording, Channel Channel, RecordingPolicy Policy, ImmutableArray<RecordingParty> Parties, bool BeginsWithBot)
    : RecordingEvent(Id, RecordingEventKind.InteractionStarted);

/// <summary>A party was told that the interaction is recorded.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Party">The party told.</param>
/// <param name="Notice">The privacy notice or recording announcement used.</param>
/// <param name="NoticeVersion">Which version of it.</param>
/// <param name="Method">How the party was told.</param>
public sealed record RecordingNoticeGiven(EventId Id, PartyId Party, PrivacyNoticeId Notice, string NoticeVersion, NoticeMethod Method) : RecordingEvent(Id, RecordingEventKind.NoticeGiven);

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

/// <summary>Capture was paused: for a secure card payment or while the caller is on hold.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Reason"><see cref="UncapturedReason.SecurePayment"/> or <see cref="UncapturedReason.OnHold"/>.</param>
public sealed record CapturePaused(EventId Id, UncapturedReason Reason) : RecordingEvent(Id, RecordingEventKind.CapturePaused);

/// <summary>Capture resumed after a pause.</summary>
/// <param name="Id">The event's id.</param>
public sealed record CaptureResumed(EventId Id) : RecordingEvent(Id, RecordingEventKind.CaptureResumed);

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
public sealed record TranscriptStored(EventId Id, RecordingMedia Transcript) : RecordingEvent(Id, RecordingEventKind.TranscriptStored);

/// <summary>Storing the media failed.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record MediaFailed(EventId Id, string Reason) : RecordingEvent(Id, RecordingEventKind.MediaFailed);

/// <summary>A legal hold was placed on the recording: nothing may delete it until every hold is released.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Hold">The hold.</param>
public sealed record HoldPlaced(EventId Id, LegalHoldId Hold) : RecordingEvent(Id, RecordingEventKind.HoldPlaced);

/// <summary>A legal hold was released.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Hold">The hold.</param>
public sealed record HoldReleased(EventId Id, LegalHoldId Hold) : RecordingEvent(Id, RecordingEventKind.HoldReleased);

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
