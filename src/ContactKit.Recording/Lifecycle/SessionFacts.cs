namespace ContactKit.Recording;

/// <summary>
/// What a session knows about itself that the rules read and a transition changes, as one 24-byte value. A transition
/// works on a copy of the previous session's facts and the new session is built once from the result, so that building
/// it copies one block instead of each fact in turn.
/// </summary>
internal struct SessionFacts
{
    // Every distinct party of the interaction has a slot, in the order they first appeared; for the first MaskSlots of
    // them, whether they are present, told, and present but untold (a caller or third party not yet told) is kept here
    // as bits, so that applying an event reads them instead of walking the chain. Parties beyond are found by the walk.
    internal const int MaskSlots = 8;

    private const byte BotPhaseFlag = 1;
    private const byte CapturedFlag = 2;
    private const byte SecurePauseFlag = 4;

    // The policy's switches, copied from the first event so that applying an event never walks back to it.
    private const byte RecordingEnabledFlag = 8;
    private const byte NoticeRequiredFlag = 16;
    private const byte CaptureBotPhaseFlag = 32;
    private const byte StaffNeedNoticeFlag = 64;

    // Set on the session whose event brought a party never seen before, and cleared for the session after it.
    private const byte NewPartyFlag = 128;

    private uint _idFilter;
    private byte _states; // the state in the low four bits, the state before a deletion request in the high four
    private byte _pauseReason;
    private byte _flags;
    private byte _kind;
    private byte _present;
    private byte _told;
    private byte _untold;
    private byte _parties; // how many distinct parties so far, stopping at 255 (any slot past MaskSlots is walked for)

    /// <summary>The facts of a session that has just started, before its parties take their slots.</summary>
    /// <param name="started">The first event.</param>
    public SessionFacts(InteractionStarted started)
    {
        var policy = started.Policy;
        Version = 1;
        _idFilter = started.IdFilterBit;
        _kind = (byte)RecordingEventKind.InteractionStarted;
        _flags = (byte)((policy.RecordingEnabled ? RecordingEnabledFlag : 0)
            | (policy.NoticeRequired ? NoticeRequiredFlag : 0)
            | (policy.CaptureBotPhase ? CaptureBotPhaseFlag : 0)
            | (policy.StaffToldByEmployment ? 0 : StaffNeedNoticeFlag)
            | (started.BeginsWithBot ? BotPhaseFlag : 0));
        State = RecordingTransitionTable.Initial;
        PauseReason = !policy.RecordingEnabled ? UncapturedReason.RecordingDisabled
            : started.BeginsWithBot ? UncapturedReason.BotPhase
            : UncapturedReason.NotStarted;
    }

    public int Version { readonly get; private set; }

    // One bit of 32 per event id: an id whose bit is clear was never applied, and the chain is not walked.
    public readonly uint IdFilter => _idFilter;

    public int UntoldParties { readonly get; set; }

    public int HoldCount { readonly get; set; }

    // The kind of the session's event, kept so that walking the chain needs no virtual call.
    public readonly RecordingEventKind Kind => (RecordingEventKind)_kind;

    public RecordingState State
    {
        readonly get => (RecordingState)(_states & 0x0F);
        set => _states = (byte)((_states & 0xF0) | (int)value);
    }

    public RecordingState StateBeforeDeletion
    {
        readonly get => (RecordingState)(_states >> 4);
        set => _states = (byte)((_states & 0x0F) | ((int)value << 4));
    }

    public UncapturedReason? PauseReason
    {
        readonly get => _pauseReason == 0 ? null : (UncapturedReason)_pauseReason;
        set => _pauseReason = (byte)(value ?? 0);
    }

    public bool InBotPhase
    {
        readonly get => (_flags & BotPhaseFlag) != 0;
        set => SetFlag(BotPhaseFlag, value);
    }

    public bool HasCaptured
    {
        readonly get => (_flags & CapturedFlag) != 0;
        set => SetFlag(CapturedFlag, value);
    }

    public bool InSecurePause
    {
        readonly get => (_flags & SecurePauseFlag) != 0;
        set => SetFlag(SecurePauseFlag, value);
    }

    public readonly bool RecordingEnabled => (_flags & RecordingEnabledFlag) != 0;

    public readonly bool NoticeRequired => (_flags & NoticeRequiredFlag) != 0;

    public readonly bool CaptureBotPhase => (_flags & CaptureBotPhaseFlag) != 0;

    // Whether the session's event brought a party never seen before; such sessions are where a party's slot is found.
    public readonly bool BroughtNewParty => (_flags & NewPartyFlag) != 0;

    // How many distinct parties have taken part so far, stopping at 255.
    public readonly int Parties => _parties;

    // Whether a party in this role must be told under the session's policy (see RecordingPolicy.NoticeNeededBy).
    public readonly bool NeedsNotice(PartyRole role) => role.NeedsNotice(staffToldByEmployment: (_flags & StaffNeedNoticeFlag) == 0);

    // What the bits say about the party in a slot below MaskSlots.
    public readonly PartyStatus Party(int slot)
    {
        var bit = 1 << slot;
        return new PartyStatus((_present & bit) != 0, (_told & bit) != 0, (_untold & bit) != 0);
    }

    // The facts an event starts from: the previous session's, one version on, with the event's kind and id bit.
    public void Advance(RecordingEventKind kind, uint idFilterBit)
    {
        Version++;
        _idFilter |= idFilterBit;
        _kind = (byte)kind;
        _flags &= unchecked((byte)~NewPartyFlag);
    }

    // The parties the interaction started with take the first slots, in the order they are listed.
    public void StartParty(int slot, bool untold)
    {
        _parties = (byte)Math.Min(slot + 1, byte.MaxValue);
        if (slot < MaskSlots)
        {
            _present |= (byte)(1 << slot);
            _untold |= (byte)(untold ? 1 << slot : 0);
        }
    }

    // The party in the slot was told; a present party who had not been told no longer counts as untold.
    public void MarkTold(int slot)
    {
        if ((uint)slot < MaskSlots)
        {
            _told |= (byte)(1 << slot);
            _untold &= (byte)~(1 << slot);
        }
    }

    // The party in the slot (or, with -1, a party never seen before, who gets the next slot) is now present.
    public void MarkArrived(int slot, bool untold)
    {
        if (slot < 0)
        {
            slot = _parties;
            _parties = (byte)Math.Min(_parties + 1, byte.MaxValue);
            _flags |= NewPartyFlag;
        }

        if (slot < MaskSlots)
        {
            _present |= (byte)(1 << slot);
            _untold = (byte)(untold ? _untold | (1 << slot) : _untold & ~(1 << slot));
        }
    }

    public void MarkLeft(int slot)
    {
        if ((uint)slot < MaskSlots)
        {
            _present &= (byte)~(1 << slot);
            _untold &= (byte)~(1 << slot);
        }
    }

    // Capture pauses by itself while a present party is untold, and resumes by itself once the last one is told or leaves.
    public void Settle()
    {
        if (!NoticeRequired)
        {
            return;
        }

        if (State == RecordingState.Capturing && UntoldParties > 0)
        {
            State = RecordingState.Paused;
            PauseReason = UncapturedReason.MissingNotice;
        }
        else if (State == RecordingState.Paused && PauseReason == UncapturedReason.MissingNotice && UntoldParties == 0)
        {
            State = RecordingState.Capturing;
            PauseReason = null;
        }
    }

    private void SetFlag(byte flag, bool on) => _flags = on ? (byte)(_flags | flag) : (byte)(_flags & ~flag);
}
