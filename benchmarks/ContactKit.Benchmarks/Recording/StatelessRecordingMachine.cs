using ContactKit.Recording;
using NodaTime;
using Stateless;

namespace ContactKit.Benchmarks.Recording;

/// <summary>
/// The recording lifecycle written with the Stateless library, for comparison: the same states, triggers and guards
/// (notice before capture, bot phase, plan, pause reasons, automatic pause for an untold newcomer, holds blocking deletion),
/// with the session's facts in mutable fields and the accepted events appended to a list.
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
    private readonly HashSet<PartyId> _present = [];
    private readonly HashSet<PartyId> _told = [];
    private readonly HashSet<LegalHoldId> _holds = [];
    private RecordingPolicy _policy = RecordingPolicy.Default;
    private RecordingState _state = RecordingState.NotCapturing;
    private UncapturedReason? _reason;
    private int _untold;
    private bool _inBotPhase;
    private bool _captured;

    /// <summary>Configures the machine.</summary>
    public StatelessRecordingMachine()
    {
        _machine = new StateMachine<RecordingState, RecordingEventKind>(() => _state, s => _state = s);
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

        var holds = _machine.SetTriggerParameters<LegalHoldId>(RecordingEventKind.HoldPlaced);
        var releases = _machine.SetTriggerParameters<LegalHoldId>(RecordingEventKind.HoldReleased);
        foreach (var stored in new[] { RecordingState.Processing, RecordingState.Available, RecordingState.Absent, RecordingState.Failed, RecordingState.DeletionRequested, RecordingState.DeletionAuthorised })
        {
            _machine.Configure(stored)
                .InternalTransitionIf(holds, h => !_holds.Contains(h), (h, _) => _holds.Add(h))
                .InternalTransitionIf(releases, _holds.Contains, (h, _) => _holds.Remove(h));
        }

        _machine.Configure(RecordingState.Processing)
            .PermitIf(_stored, RecordingState.Available, m => m.Kind == MediaKind.Audio && m.Sha256.Length == 64)
            .Permit(RecordingEventKind.MediaFailed, RecordingState.Failed);
        _machine.Configure(RecordingState.Available)
            .PermitReentryIf(_stored, m => m.Kind == MediaKind.Audio && m.Sha256.Length == 64)
            .Permit(RecordingEventKind.DeletionRequested, RecordingState.DeletionRequested);
        _machine.Configure(RecordingState.Absent).Permit(RecordingEventKind.DeletionRequested, RecordingState.DeletionRequested);
        _machine.Configure(RecordingState.DeletionRequested)
            .PermitIf(RecordingEventKind.DeletionAuthorised, RecordingState.DeletionAuthorised, () => _holds.Count == 0)
            .Permit(RecordingEventKind.DeletionRefused, RecordingState.Available);
        _machine.Configure(RecordingState.DeletionAuthorised)
            .PermitIf(RecordingEventKind.Disposed, RecordingState.Deleted, () => _holds.Count == 0);
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
        _present.Clear();
        _told.Clear();
        _holds.Clear();
        _untold = 0;
        _captured = false;
        _inBotPhase = started.BeginsWithBot;
        foreach (var party in started.Parties)
        {
            Join(party);
        }

        _history.Add((started, at));
        Version = 1;
    }

    /// <summary>Fires the trigger for an event; Stateless throws when the trigger is not allowed.</summary>
    /// <param name="event">The event.</param>
    /// <param name="at">When.</param>
    public void Fire(RecordingEvent @event, Instant at)
    {
        switch (@event)
        {
            case RecordingNoticeGiven notice:
                _machine.Fire(_notice, notice.Party);
                break;
            case HandedToPerson handover:
                _machine.Fire(_handover, handover.Person);
                break;
            case PartyJoined joined:
                _machine.Fire(_join, joined.Party);
                break;
            case Transferred transfer:
                _machine.Fire(_transfer, transfer);
                break;
            case CapturePaused paused:
                _machine.Fire(_pause, paused.Reason);
                break;
            case MediaStored stored:
                _machine.Fire(_stored, stored.Media);
                break;
            default:
                _machine.Fire(@event.Kind);
                break;
        }

        _history.Add((@event, at));
        Version++;
    }

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

    private void Tell(PartyId party)
    {
        if (_present.Contains(party) && _told.Add(party))
        {
            _untold--;
        }
    }

    private void Join(RecordingParty party)
    {
        _present.Add(party.Id);
        if (party.Role.NeedsNotice() && !_told.Contains(party.Id))
        {
            _untold++;
        }
        else if (!party.Role.NeedsNotice())
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
