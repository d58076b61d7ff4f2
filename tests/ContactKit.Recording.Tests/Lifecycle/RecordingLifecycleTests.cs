using ContactKit.Recording;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Lifecycle;

public class RecordingLifecycleTests
{
    private static readonly RecordingPolicy NoRecordingPlan = RecordingPolicy.Default with { RecordingEnabled = false };

    [Fact]
    public void Begin_CallerOnly_StartsNotCapturingAtVersionOneWithCallerUntold()
    {
        var session = Begin();

        Assert.Equal(RecordingState.NotCapturing, session.State);
        Assert.Equal(UncapturedReason.NotStarted, session.PauseReason);
        Assert.Equal(1, session.Version);
        Assert.Equal(1, session.UntoldParties);
    }

    [Fact]
    public void Begin_NoParties_IsRefusedAsInvalidEvent()
    {
        var started = Started() with { Parties = [] };

        var result = RecordingLifecycle.Begin(started, T0);

        Assert.Equal(RecordingErrorCodes.InvalidEvent, result.Error?.Code);
        Assert.Equal("parties", result.Error?.Field);
    }

    [Fact]
    public void Begin_SamePartyTwice_IsRefusedAsAlreadyPresent()
    {
        var result = RecordingLifecycle.Begin(Started(parties: [Caller, Caller]), T0);

        Assert.Equal(RecordingErrorCodes.PartyAlreadyPresent, result.Error?.Code);
    }

    // Rule: capture never happens while a present party has not been told.
    [Fact]
    public void Start_CallerNotTold_IsRefusedWithNoticeNotGiven()
    {
        var result = Begin().Then(Join(Agent)).Try(Start());

        Assert.Equal(RecordingErrorCodes.NoticeNotGiven, result.Error?.Code);
    }

    [Fact]
    public void Start_CallerTold_Captures()
    {
        var session = Begin().Then(Told(Caller)).Then(Join(Agent)).Then(Start());

        Assert.Equal(RecordingState.Capturing, session.State);
        Assert.True(session.HasCaptured);
        Assert.Null(session.PauseReason);
    }

    [Fact]
    public void Start_NoticeNotRequiredByPolicy_CapturesWithoutNotice()
    {
        var session = Begin(RecordingPolicy.Default with { NoticeRequired = false }).Then(Start());

        Assert.Equal(RecordingState.Capturing, session.State);
    }

    // Rule: recording disabled on the plan means nothing is ever captured, and start says why.
    [Fact]
    public void Start_PlanWithoutRecording_IsRefusedWithRecordingDisabled()
    {
        var session = Begin(NoRecordingPlan).Then(Told(Caller));

        var result = session.Try(Start());

        Assert.Equal(RecordingErrorCodes.RecordingDisabled, result.Error?.Code);
        Assert.Equal(UncapturedReason.RecordingDisabled, session.PauseReason);
    }

    // Rule: the bot or IVR phase is not captured when the policy says so; capture may start once a person joins.
    [Fact]
    public void Start_DuringBotPhase_IsRefusedThenAllowedAfterHandover()
    {
        var inBot = Begin(bot: true).Then(Told(Caller));

        var refused = inBot.Try(Start());
        var afterHandover = inBot.Then(Handover(Agent));

        Assert.Equal(RecordingErrorCodes.BotPhaseNotCaptured, refused.Error?.Code);
        Assert.Equal(UncapturedReason.BotPhase, inBot.PauseReason);
        Assert.Equal(UncapturedReason.NotStarted, afterHandover.PauseReason);
        Assert.Equal(RecordingState.Capturing, afterHandover.Then(Start()).State);
    }

    [Fact]
    public void Start_DuringBotPhaseWhenPolicyCapturesIt_Captures()
    {
        var session = Begin(RecordingPolicy.Default with { CaptureBotPhase = true }, bot: true).Then(Told(Caller)).Then(Start());

        Assert.Equal(RecordingState.Capturing, session.State);
        Assert.True(session.InBotPhase);
    }

    [Fact]
    public void Handover_NoBotPhase_IsRefusedWithNotInBotPhase()
    {
        var result = Begin().Try(Handover(Agent));

        Assert.Equal(RecordingErrorCodes.NotInBotPhase, result.Error?.Code);
    }

    [Fact]
    public void Handover_ToCaller_IsRefusedAsInvalidEvent()
    {
        var result = Begin(bot: true).Try(Handover(Interpreter));

        Assert.Equal(RecordingErrorCodes.InvalidEvent, result.Error?.Code);
    }

    // Rule: while paused for a secure payment nothing is captured, for voice and chat transcripts alike.
    [Theory]
    [InlineData(Channel.VoiceCall)] // card details read out on a call
    [InlineData(Channel.Webchat)] // card details typed into a chat transcript
    public void Pause_SecurePayment_StopsCaptureUntilResumed(Channel channel)
    {
        var capturing = Begin(channel: channel).Then(Told(Caller, NoticeMethod.Banner)).Then(Start());

        var paused = capturing.Then(Pause());
        var resumed = paused.Then(Resume());

        Assert.Equal(RecordingState.Paused, paused.State);
        Assert.Equal(UncapturedReason.SecurePayment, paused.PauseReason);
        Assert.Equal(paused.LastChangedAt, paused.SecurePauseSince);
        Assert.Equal(RecordingState.Capturing, resumed.State);
        Assert.Null(resumed.SecurePauseSince);
        var segments = Report(resumed).Segments;
        Assert.Equal([false, true, false, true], segments.Select(s => s.Captured));
        Assert.Equal(UncapturedReason.SecurePayment, segments[2].Reason);
    }

    [Theory]
    [InlineData(UncapturedReason.MissingNotice)] // only the machine may pause for a missing notice
    [InlineData(UncapturedReason.SubjectObjection)] // an objection stops capture, it is not a pause
    [InlineData(UncapturedReason.BotPhase)] // not a reason to pause a running capture
    public void Pause_ReasonNotAllowed_IsRefusedWithInvalidPauseReason(UncapturedReason reason)
    {
        var result = Capturing().Try(Pause(reason));

        Assert.Equal(RecordingErrorCodes.InvalidPauseReason, result.Error?.Code);
    }

    [Fact]
    public void SecurePause_OpenPastTheLimit_IsFlagged()
    {
        var policy = RecordingPolicy.Default with { MaxSecurePause = Duration.FromMinutes(5) };
        var paused = Capturing(policy).Then(Pause());
        var since = paused.SecurePauseSince!.Value;

        Assert.False(paused.IsSecurePauseOverdue(since + Duration.FromMinutes(5)));
        Assert.True(paused.IsSecurePauseOverdue(since + Duration.FromMinutes(6)));

        var resumedLate = paused.At(since + Duration.FromMinutes(7), Resume());
        Assert.True(Report(resumedLate).Segments.Single(s => s.Reason == UncapturedReason.SecurePayment).OverLimit);
    }

    // Rule: a party who joins later must be told before capture continues; otherwise capture pauses by itself.
    [Fact]
    public void Transfer_ToUntoldThirdParty_PausesForMissingNoticeUntilTold()
    {
        var transferred = Capturing().Then(Transfer(Interpreter, Agent));

        var told = transferred.Then(Told(Interpreter, NoticeMethod.AgentScript));

        Assert.Equal(RecordingState.Paused, transferred.State);
        Assert.Equal(UncapturedReason.MissingNotice, transferred.PauseReason);
        Assert.Equal(RecordingState.Capturing, told.State);
    }

    // Rule: a tenant whose policy tells every party on the call (staff not told through their employment) needs staff told too.
    [Fact]
    public void Start_StaffNotToldByEmploymentAndAgentUntold_IsRefusedUntilTheAgentIsTold()
    {
        var policy = RecordingPolicy.Default with { StaffToldByEmployment = false };
        var session = Begin(policy).Then(Told(Caller)).Then(Join(Agent));

        var refused = session.Try(Start());
        var started = session.Then(Told(Agent, NoticeMethod.AgentScript)).Then(Start());

        Assert.Equal(RecordingErrorCodes.NoticeNotGiven, refused.Error?.Code);
        Assert.Equal(RecordingState.Capturing, started.State);
    }

    [Fact]
    public void Transfer_StaffNotToldByEmploymentToUntoldOfficer_PausesForMissingNotice()
    {
        var policy = RecordingPolicy.Default with { StaffToldByEmployment = false };
        var capturing = Begin(policy).Then(Told(Caller)).Then(Join(Agent)).Then(Told(Agent)).Then(Start());

        var transferred = capturing.Then(Transfer(Agent2, Agent, "licensing"));

        Assert.Equal(RecordingState.Paused, transferred.State);
        Assert.Equal(UncapturedReason.MissingNotice, transferred.PauseReason);
        Assert.Contains("never told", Report(transferred).ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Transfer_ToAnotherOfficer_KeepsCapturing()
    {
        var session = Capturing().Then(Transfer(Agent2, Agent, "licensing"));

        Assert.Equal(RecordingState.Capturing, session.State);
        Assert.Contains(session.Parties, p => p.Party == Agent && !p.IsPresent);
    }

    [Fact]
    public void PartyLeft_UntoldPartyLeaves_CaptureResumesByItself()
    {
        var paused = Capturing().Then(Join(Interpreter));

        var left = paused.Then(Leave(Interpreter));

        Assert.Equal(UncapturedReason.MissingNotice, paused.PauseReason);
        Assert.Equal(RecordingState.Capturing, left.State);
    }

    // Rule: ending a hold while someone present is untold closes the hold only; capture waits for the notice.
    [Fact]
    public void Resume_HoldWhileAnUntoldPartyIsPresent_StaysPausedForTheMissingNotice()
    {
        var session = Capturing().Then(Pause(UncapturedReason.OnHold)).Then(Join(Interpreter));

        var resumed = session.Then(Resume(UncapturedReason.OnHold));

        Assert.Equal(RecordingState.Paused, resumed.State);
        Assert.Equal(UncapturedReason.MissingNotice, resumed.PauseReason);
        Assert.Equal(RecordingState.Capturing, resumed.Then(Told(Interpreter)).State);
    }

    [Fact]
    public void Notice_PartyNotPresent_IsRefusedWithPartyNotPresent()
    {
        var result = Begin().Try(Told(Interpreter));

        Assert.Equal(RecordingErrorCodes.PartyNotPresent, result.Error?.Code);
    }

    [Fact]
    public void Join_PartyAlreadyPresent_IsRefused()
    {
        var result = Begin().Try(Join(Caller));

        Assert.Equal(RecordingErrorCodes.PartyAlreadyPresent, result.Error?.Code);
    }

    [Fact]
    public void Notice_WithoutVersion_IsRefusedAsInvalidEvent()
    {
        var result = Begin().Try(Told(Caller) with { NoticeVersion = " " });

        Assert.Equal(RecordingErrorCodes.InvalidEvent, result.Error?.Code);
    }

    // Rule: a subject's request to stop recording stops capture for the rest of the interaction.
    [Fact]
    public void StopRequested_ByCaller_NoCaptureForTheRestOfTheInteraction()
    {
        var stopped = Capturing().Then(Stop(Caller));

        Assert.Equal(RecordingState.Stopped, stopped.State);
        Assert.Equal(UncapturedReason.SubjectObjection, stopped.PauseReason);
        Assert.Equal(RecordingErrorCodes.IllegalTransition, stopped.Try(Start()).Error?.Code);
        Assert.Contains("cannot restart", stopped.Try(Start()).Error?.Message, StringComparison.Ordinal);
        Assert.Equal(RecordingErrorCodes.PauseNotOpen, stopped.Try(Resume()).Error?.Code);
        Assert.Equal(RecordingState.Processing, stopped.Then(End()).State);
    }

    [Fact]
    public void End_NothingCaptured_IsAbsent()
    {
        Assert.Equal(RecordingState.Absent, Begin(NoRecordingPlan).Then(End()).State);
    }

    [Fact]
    public void MediaStored_AfterEnd_IsAvailableWithMedia()
    {
        var session = Capturing().Then(End()).Then(Stored());

        Assert.Equal(RecordingState.Available, session.State);
        Assert.Equal(Audio, Assert.Single(session.Media));
    }

    [Fact]
    public void MediaStored_BadChecksum_IsRefusedAsInvalidEvent()
    {
        var result = Capturing().Then(End()).Try(new MediaStored(NewId(), Audio with { Sha256 = "not-hex" }));

        Assert.Equal(RecordingErrorCodes.InvalidEvent, result.Error?.Code);
    }

    [Theory]
    [InlineData("not-hex")] // too short and not hex
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")] // 64 characters, none of them hex
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaag")] // 64 characters, the last one not hex
    public void MediaStored_ChecksumChangedByCopy_IsCheckedAgain(string checksum)
    {
        var processing = Capturing().Then(End());
        var bad = Audio with { Sha256 = checksum };
        var mended = bad with { Sha256 = new string('b', 64) };

        // A copy with a bad checksum is refused and a copy mended back to 64 hex digits is accepted: the check follows the value.
        Assert.Equal(RecordingErrorCodes.InvalidEvent, processing.Try(new MediaStored(NewId(), bad)).Error?.Code);
        Assert.Equal(RecordingState.Available, processing.Then(new MediaStored(NewId(), mended)).State);
        Assert.Equal(RecordingErrorCodes.InvalidEvent, processing.Try(new MediaStored(NewId(), new RecordingMedia(MediaKind.Audio, "memory://x", 1, checksum))).Error?.Code);
    }

    [Fact]
    public void MediaFailed_WhileProcessing_IsFailed()
    {
        Assert.Equal(RecordingState.Failed, Capturing().Then(End()).Then(new MediaFailed(NewId(), "disk full")).State);
    }

    // Rule: deletion on request needs authorisation; the request, decision and disposal are all events.
    [Fact]
    public void Deletion_RequestedAuthorisedDisposed_LeavesATombstoneWithWhoAndWhen()
    {
        var deleted = Capturing().Then(End()).Then(Stored()).Then(RequestDeletion()).Then(Authorise()).Then(Dispose());

        Assert.Equal(RecordingState.Deleted, deleted.State);
        var deletion = deleted.Deletion!;
        Assert.Equal(ActorId.Parse("dpo"), deletion.RequestedBy);
        Assert.True(deletion.Authorised);
        Assert.Equal(ActorId.Parse("retention-service"), deletion.DisposedBy);
        Assert.Equal(deleted.LastChangedAt, deletion.DisposedAt);
    }

    [Fact]
    public void Disposed_WithoutAuthorisation_IsRefusedAsIllegal()
    {
        var result = Capturing().Then(End()).Then(Stored()).Then(RequestDeletion()).Try(Dispose());

        Assert.Equal(RecordingErrorCodes.IllegalTransition, result.Error?.Code);
    }

    [Fact]
    public void DeletionRefused_ReturnsToTheStateBeforeTheRequest()
    {
        var refused = Begin().Then(End()).Then(RequestDeletion()).Then(Refuse());

        Assert.Equal(RecordingState.Absent, refused.State);
        Assert.False(refused.Deletion!.Authorised);
    }

    [Fact]
    public void DeletionRequested_DuringLiveInteraction_IsIllegal()
    {
        Assert.Equal(RecordingErrorCodes.IllegalTransition, Capturing().Try(RequestDeletion()).Error?.Code);
    }

    // Rule: events are idempotent by id.
    [Fact]
    public void Apply_ReplayedEvent_ReturnsTheSameSessionUnchanged()
    {
        var told = Told(Caller);
        var session = Begin().Then(told).Then(Join(Agent));

        var replayed = RecordingLifecycle.Apply(session, told, session.LastChangedAt);

        Assert.Same(session, replayed.Value);
    }

    [Fact]
    public void Apply_EventIdReusedForAnotherEvent_IsRefusedWithEventIdReused()
    {
        var told = Told(Caller);
        var session = Begin().Then(told);

        var result = session.Try(new CaptureStarted(told.Id));

        Assert.Equal(RecordingErrorCodes.EventIdReused, result.Error?.Code);
    }

    [Fact]
    public void Apply_StaleExpectedVersion_IsRefusedWithVersionConflict()
    {
        var session = Begin().Then(Told(Caller));

        var stale = RecordingLifecycle.Apply(session, Join(Agent), session.LastChangedAt, expectedVersion: 1);
        var current = RecordingLifecycle.Apply(session, Join(Agent), session.LastChangedAt, expectedVersion: 2);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(3, current.Value.Version);
    }

    [Fact]
    public void Apply_EventDatedBeforeTheLastOne_IsRefusedWithEventOutOfOrder()
    {
        var session = Begin().Then(Told(Caller));

        var result = RecordingLifecycle.Apply(session, Join(Agent), session.LastChangedAt - Duration.FromSeconds(1));

        Assert.Equal(RecordingErrorCodes.EventOutOfOrder, result.Error?.Code);
    }

    [Fact]
    public void Apply_EventNotInTheTable_IsRefusedWithIllegalTransitionNamingStateAndEvent()
    {
        var result = Capturing().Try(Resume());

        Assert.Equal(RecordingErrorCodes.IllegalTransition, result.Error?.Code);
        Assert.Contains("CaptureResumed", result.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("Capturing", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecentEvents_LongCall_KeepsOnlyTheLatestWindowAndTheLogKeepsEverything()
    {
        var session = Capturing();
        for (var i = 0; i < 40; i++)
        {
            session = session.Then(Pause(UncapturedReason.OnHold)).Then(Resume(UncapturedReason.OnHold));
        }

        Assert.Equal(RecordingSession.RecentEventCount, session.RecentEvents.Length);
        Assert.Equal(session.LastEvent, session.RecentEvents[^1]);
        Assert.Equal(Enumerable.Range(1, (int)session.Version).Select(v => (long)v), LogOf(session).Select(e => e.Version));
        Assert.Equal(session, RecordingLifecycle.Replay(LogOf(session)).Value);
    }
}
