using ContactKit.Recording;
using NodaTime;
using Stateless;

namespace ContactKit.Benchmarks.Recording;

/// <summary>
/// The recording lifecycle written with the Stateless library, for comparison: the same states, triggers and guards
/// (notice before capture, bot phase, plan, pause reasons, automatic pause for an untold newcomer)
/// and the same checks around them (an event id seen before changes nothing, events in time order, the caller's version,
/// each event's fields, parties present before they are told, leave or stop the recording), with the session's facts in
/// mutable fields and the accepted events appended to a list. Stateless refuses by throwing, so the checks throw too.
/// </summary>
public sealed class StatelessRecordingMachine
{
    private readonly StateMachine<RecordingState, RecordingEventKind> _machine;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<PartyId> _notice;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<RecordingParty> _handover;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<RecordingParty> _join;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<Transferred> _transfer;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<UncapturedReason> _pause;
    private readonly StateMachine<RecordingState, RecordingEventKind>.TriggerWithParameters<RecordingMedia> _stored;
    private readonly List<(RecordingEvent Event, Instant At)> _history = [];
    private readonly Dictionary<EventId, RecordingEvent> _applied = [];
    private readonly HashSet<PartyId> _present = [];
    private readonly HashSet<PartyId> _told = [];
    private RecordingPolicy _policy = RecordingPolicy.Default;
    private RecordingState _state = RecordingState.NotCapturing;
    private UncapturedReason? _reason;
    private int _untold;
    private bool _inBotPhase;
    private bool _captured;
    private Instant _lastChangedAt;

    /// <summary>Configures the machine.</summary>
    /// <param name="firingMode">How Stateless fires triggers; <see cref="FiringMode.Immediate"/> is its cheaper mode.</param>
    public StatelessRecordingMachine(FiringMode firingMode)
    {
        _machine = new StateMachine<RecordingState, RecordingEventKind>(() => _state, s => _state = s, firingMode);
        _notice = _machine.SetTriggerParameters<PartyId>(RecordingEventKind.NoticeGiven);
        _handover = _machine.SetTriggerParameters<RecordingParty>(RecordingEventKind.HandedToPerson);
        _join = _machine.SetTriggerParameters<RecordingParty>(RecordingEventKind.PartyJoined);
        _transfer = _machine.SetTriggerParameters<Transferred>(RecordingEventKind.Transferred);
        _pause = _machine.SetTriggerParameters<UncapturedReason>(RecordingEventKind.CapturePaused);
        _stored = _machine.SetTriggerParameters<RecordingMedia>(RecordingEventKind.MediaStored);

        _machine.Configure(RecordingState.NotCapturing)
            .InternalTransition(_notice, (party, _) => Tell(party))
            .InternalTransitionIf(_join, p => !_present.Contains(p.Id), (party, _) => Join(party))
            .InternalTransitionIf(_handover, p => _inBotPhase && !_present.Contains(p.Id), (person, _) => Handover(person))
            .InternalTransition(_transfer, (transfer, _) => Transfer(transfer))
            .PermitIf(RecordingEventKind.CaptureStarted, RecordingState.Capturing, () => _policy.RecordingEnabled && (!_inBotPhase || _policy.CaptureBotPhase) && Told())
            .PermitDynamic(RecordingEventKind.InteractionEnded, () => _captured ? RecordingState.Processing : RecordingState.Absent)
            .Permit(RecordingEventKind.StopRequested, RecordingState.Stopped);

        _machine.Configure(RecordingState.Capturing)
            .OnEntry(() => { _captured = true; _reason = null; })
            .InternalTransition(_notice, (party, _) => Tell(party))
            .InternalTransitionIf(_handover, p => _inBotPhase && !_present.Contains(p.Id), (person, _) => Handover(person))
            .PermitDynamicIf(_join, p => { Join(p); return Settle(RecordingState.Capturing); }, p => !_present.Contains(p.Id))
            .PermitDynamicIf(_transfer, t => { Transfer(t); return Settle(RecordingState.Capturing); }, t => !_present.Contains(t.To.Id))
            .PermitIf(_pause, RecordingState.Paused, r => r is UncapturedReason.SecurePayment or UncapturedReason.OnHold)
            .Permit(RecordingEventKind.InteractionEnded, RecordingState.Processing)
            .Permit(RecordingEventKind.StopRequested, RecordingState.Stopped);

        _machine.Configure(RecordingState.Paused)
            .OnEntryFrom(_pause, r => _reason = r)
            .PermitDynamic(_notice, p => { Tell(p); return Settle(RecordingState.Paused); })
            .InternalTransitionIf(_join, p => !_present.Contains(p.Id), (party, _) => Join(party))
            .PermitDynamicIf(_transfer, t => { Transfer(t); return Settle(RecordingState.Paused); }, t => !_present.Contains(t.To.Id))
            .PermitIf(RecordingEventKind.CaptureResumed, RecordingState.Capturing, Told)
            .Permit(RecordingEventKind.InteractionEnded, RecordingState.Processing)
            .Permit(RecordingEventKind.StopRequested, RecordingState.Stopped);

        _machine.Configure(RecordingState.Stopped)
            .OnEntry(() => _reason = UncapturedReason.SubjectObjection)
            .InternalTransition(_notice, (party, _) => Tell(party))
            .InternalTransition(_transfer, (transfer, _) => Transfer(transfer))
            .PermitDynamic(RecordingEventKind.InteractionEnded, () => _captured ? RecordingState.Processing : RecordingState.Absent);

        _machine.Configure(RecordingState.Processing)
            .PermitIf(_stored, RecordingState.Available, m => m.Kind == MediaKind.Audio && m.Sha256.Length == 64)
            .Permit(RecordingEventKind.MediaFailed, RecordingState.Failed);
        _machine.Configure(RecordingState.Available)
            .PermitReentryIf(_stored, m => m.Kind == MediaKind.Audio && m.Sha256.Length == 64)
            .Permit(RecordingEventKind.DeletionRequested, RecordingState.DeletionRequested);
        _machine.Configure(RecordingState.Absent).Permit(RecordingEventKind.DeletionRequested, RecordingState.DeletionRequested);
        _machine.Configure(RecordingState.DeletionRequested)
            .Permit(RecordingEventKind.DeletionAuthorised, RecordingState.DeletionAuthorised)
            .Permit(RecordingEventKind.DeletionRefused, RecordingState.Available);
        _machine.Configure(RecordingState.DeletionAuthorised)
            .Permit(RecordingEventKind.Disposed, RecordingState.Deleted);
    }

    /// <summary>The current state.</summary>
    public RecordingState State => _state;

    /// <summary>How many events were accepted.</summary>
    public long Version { get; private set; }

    /// <summary>Starts an interaction, resetting the machine's facts.</summary>
    /// <param name="started">The first event.</param>
    /// <param name="at">When.</param>
    public void Start(InteractionStarted started, Instant at)
    {
        _policy = started.Policy;
        _state = RecordingState.NotCapturing;
        _history.Clear();
        _applied.Clear();
        _present.Clear();
        _told.Clear();
        _untold = 0;
        _captured = false;
        _inBotPhase = started.BeginsWithBot;
        foreach (var party in started.Parties)
        {
            Join(CheckParty(party));
        }

        _history.Add((started, at));
        _applied.Add(started.Id, started);
        _lastChangedAt = at;
        Version = 1;
    }

    /// <summary>Fires the trigger for an event; Stateless throws when the trigger is not allowed.</summary>
    /// <param name="event">The event.</param>
    /// <param name="at">When.</param>
    /// <param name="expectedVersion">The version the caller based the event on, if any.</param>
    public void Fire(RecordingEvent @event, Instant at, long? expectedVersion = null)
    {
        // Applying an event again changes nothing; another event under the same id is refused.
        if (_applied.TryGetValue(@event.Id, out var applied))
        {
            if (!applied.Equals(@event))
            {
                throw new InvalidOperationException($"Event id '{@event.Id}' was already used for another event.");
            }

            return;
        }

        Decide(@event, at, expectedVersion);
        _history.Add((@event, at));
        _applied.Add(@event.Id, @event);
        _lastChangedAt = at;
        Version++;
    }

    // The checks and the trigger for one event; any refusal throws.
    private void Decide(RecordingEvent @event, Instant at, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new InvalidOperationException($"Expected version {expected}, found {Version}.");
        }

        if (at < _lastChangedAt)
        {
            throw new InvalidOperationException("Events must be applied in the order they happened.");
        }

        switch (@event)
        {
            case RecordingNoticeGiven notice:
                if (string.IsNullOrWhiteSpace(notice.NoticeVersion) || string.IsNullOrEmpty(notice.Notice.Value) || notice.Method is < NoticeMethod.Announcement or > NoticeMethod.AgentScript)
                {
                    throw new ArgumentException("A notice event needs the notice, its version and how it was given.", nameof(@event));
                }

                _machine.Fire(_notice, Present(notice.Party));
                break;
            case HandedToPerson handover:
                if (handover.Person.Role is not (PartyRole.Agent or PartyRole.Supervisor))
                {
                    throw new ArgumentException("A bot hands over to a member of staff.", nameof(@event));
                }

                _machine.Fire(_handover, CheckParty(handover.Person));
                break;
            case PartyJoined joined:
                _machine.Fire(_join, CheckParty(joined.Party));
                break;
            case Transferred transfer:
                CheckParty(transfer.To);
                if (transfer.From is { } from)
                {
                    Present(from);
                }

                _machine.Fire(_transfer, transfer);
                break;
            case StopRequested stop:
                Present(stop.Party);
                _machine.Fire(RecordingEventKind.StopRequested);
                break;
            case CapturePaused paused:
                _machine.Fire(_pause, paused.Reason);
                break;
            case MediaStored stored:
                if (string.IsNullOrWhiteSpace(stored.Media.Location) || stored.Media.SizeBytes < 0)
                {
                    throw new ArgumentException("Stored media needs a location and a size of zero or more bytes.", nameof(@event));
                }

                _machine.Fire(_stored, stored.Media);
                break;
            default:
                _machine.Fire(@event.Kind);
                break;
        }
    }

    private static RecordingParty CheckParty(RecordingParty party) =>
        string.IsNullOrEmpty(party.Id.Value) || party.Jurisdiction is { Value: null or "" } || party.Role is < PartyRole.Caller or > PartyRole.ThirdParty
            ? throw new ArgumentException("A party needs an id, a role and a jurisdiction.", nameof(party))
            : party;

    private PartyId Present(PartyId party) =>
        _present.Contains(party) ? party : throw new InvalidOperationException($"Party '{party}' is not present.");

    private bool Told() => !_policy.NoticeRequired || _untold == 0;

    private RecordingState Settle(RecordingState state)
    {
        if (state == RecordingState.Capturing && !Told())
        {
            _reason = UncapturedReason.MissingNotice;
            return RecordingState.Paused;
        }

        return state == RecordingState.Paused && _reason == UncapturedReason.MissingNotice && Told() ? RecordingState.Capturing : state;
    }

    // Only a present party is told (Fire checks); staff were counted as told when they joined.
    private void Tell(PartyId party)
    {
        if (_told.Add(party))
        {
            _untold--;
        }
    }

    private void Join(RecordingParty party)
    {
        _present.Add(party.Id);
        if (_policy.NoticeNeededBy(party.Role) && !_told.Contains(party.Id))
        {
            _untold++;
        }
        else if (!_policy.NoticeNeededBy(party.Role))
        {
            _told.Add(party.Id);
        }
    }

    private void Handover(RecordingParty person)
    {
        Join(person);
        _inBotPhase = false;
    }

    private void Transfer(Transferred transfer)
    {
        if (transfer.From is { } from && _present.Remove(from) && !_told.Contains(from))
        {
            _untold--;
        }

        Join(transfer.To);
    }
}
