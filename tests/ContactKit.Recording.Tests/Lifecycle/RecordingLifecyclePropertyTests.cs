using CsCheck;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>
/// Tens of thousands of generated event sequences, many of them nonsense, run through the machine. The generator favours
/// what broke before: pauses of every reason open at once, parties joining, being told, consenting and being transferred
/// in during a secure pause. After every step the rules are checked against a small model the test keeps from the
/// accepted events; at the end the log replays to the same session and reads back from JSON unchanged.
/// </summary>
public class RecordingLifecyclePropertyTests
{
    private static readonly RecordingParty CaliforniaInterpreter = new(PartyId.Parse("interpreter-ca"), PartyRole.ThirdParty, Jurisdiction.Parse("US-CA"), CaptureRequirement.ExplicitConsent);

    private static readonly RecordingParty[] Pool = [Calls.Caller, Calls.Agent, Calls.Agent2, Calls.Interpreter, CaliforniaInterpreter];

    private static readonly UncapturedReason[] PauseReasons =
        [UncapturedReason.SecurePayment, UncapturedReason.OnHold, UncapturedReason.SecurePayment, UncapturedReason.OnHold, UncapturedReason.MissingNotice, UncapturedReason.BotPhase];

    private static readonly Gen<RecordingPolicy> GenPolicy =
        Gen.Select(Gen.Frequency((1, Gen.Const(false)), (6, Gen.Const(true))), Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))), Gen.Bool, Gen.Int[1, 10], Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))))
            .Select((enabled, notice, bot, minutes, staffTold) => new RecordingPolicy(enabled, notice, bot, Duration.FromMinutes(minutes)) { StaffToldByEmployment = staffTold });

    // The live events come far more often than the stored life, and pauses, resumes, arrivals and notices most of all.
    private static readonly Gen<RecordingEventKind> GenKind = Gen.Frequency(
        (6, Gen.Const(RecordingEventKind.CapturePaused)),
        (6, Gen.Const(RecordingEventKind.CaptureResumed)),
        (4, Gen.Const(RecordingEventKind.NoticeGiven)),
        (3, Gen.Const(RecordingEventKind.ConsentGiven)),
        (4, Gen.Const(RecordingEventKind.PartyJoined)),
        (3, Gen.Const(RecordingEventKind.PartyLeft)),
        (4, Gen.Const(RecordingEventKind.Transferred)),
        (2, Gen.Const(RecordingEventKind.HandedToPerson)),
        (4, Gen.Const(RecordingEventKind.CaptureStarted)),
        (1, Gen.Const(RecordingEventKind.StopRequested)),
        (1, Gen.Const(RecordingEventKind.ConsentRefused)),
        (1, Gen.Const(RecordingEventKind.InteractionEnded)),
        (1, Gen.Const(RecordingEventKind.CardDataSeen)),
        (1, Gen.Int[(int)RecordingEventKind.MediaStored, (int)RecordingEventKind.Disposed].Select(k => (RecordingEventKind)k)));

    private static readonly Gen<Step> GenStep =
        Gen.Select(GenKind, Gen.Int[0, Pool.Length - 1], Gen.Int[0, 2], Gen.Int[0, PauseReasons.Length - 1], Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, 120])), Gen.Int[0, 14])
            .Select((kind, party, hold, reason, seconds, replay) => new Step(kind, party, hold, reason, seconds, replay));

    private static readonly Gen<(RecordingPolicy Policy, bool Bot, Channel Channel, Step[] Steps)> GenCall =
        Gen.Select(GenPolicy, Gen.Bool, Gen.Bool.Select(voice => voice ? Channel.VoiceCall : Channel.Webchat), GenStep.Array[1, 60]);

    [Fact]
    public void Apply_GeneratedSequences_KeepEveryRuleAfterEveryStepAndReplayToTheSameSession()
    {
        GenCall.Sample(call => Run(call.Policy, call.Bot, call.Channel, call.Steps), iter: 10_000);
    }

    // Sequences that begin with a told caller, an agent and a running capture, so that secure pauses overlap real capture.
    [Fact]
    public void Apply_GeneratedSequencesDuringACapturedCall_NeverCaptureASecurePayment()
    {
        Step[] prefix =
        [
            new(RecordingEventKind.NoticeGiven, 0, 0, 0, 5, 14),
            new(RecordingEventKind.PartyJoined, 1, 0, 0, 5, 14),
            new(RecordingEventKind.CaptureStarted, 0, 0, 0, 5, 14),
        ];
        GenCall.Sample(call => Run(RecordingPolicy.Default, false, call.Channel, [.. prefix, .. call.Steps]), iter: 10_000);
    }

    private static void Run(RecordingPolicy policy, bool bot, Channel channel, Step[] steps)
    {
        var started = Calls.Started(policy, bot, channel);
        var session = RecordingLifecycle.Begin(started, Calls.T0).Value;
        var log = new List<RecordedEvent> { new(1, Calls.T0, started) };
        var model = new Model(bot);
        var at = Calls.T0;
        foreach (var step in steps)
        {
            var before = session;
            var since = at;
            at += Duration.FromSeconds(step.Seconds);
            var @event = step.Replay == 0 ? before.RecentEvents[step.Party % before.RecentEvents.Length] : Build(step);
            var result = RecordingLifecycle.Apply(before, @event, at);

            // A captured stretch ran from the last step to this one if the session was capturing; it must miss every secure pause.
            model.Stretch(before.State == RecordingState.Capturing, since, at);

            if (step.Replay == 0)
            {
                // Replaying a recent accepted event changes nothing.
                Assert.Same(before, result.Value);
                continue;
            }

            if (result.IsFailure)
            {
                Assert.StartsWith("CK0", result.Error.Code, StringComparison.Ordinal);
                continue;
            }

            session = result.Value;
            log.Add(new RecordedEvent(session.Version, at, @event));
            model.Accept(@event, before.State, at);

            // Version goes up by exactly one per accepted event, and the transition is a row of the table.
            Assert.Equal(before.Version + 1, session.Version);
            Assert.True(RecordingTransitionTable.Contains(new RecordingTransition(before.State, @event.Kind, session.State)), $"{before.State} --{@event.Kind}--> {session.State} is not in the table");
            Check(session, policy, model);
        }

        // The log replays to the live session, reads back from JSON unchanged, and its report never captured a secure pause.
        Assert.Equal(session, RecordingLifecycle.Replay(log).Value);
        var json = RecordingJson.Write(log);
        var back = RecordingJson.ReadEvents(json);
        Assert.Equal(log, back);
        Assert.Equal(json, RecordingJson.Write(back));
        var report = CaptureReport.From(session, back);
        Assert.DoesNotContain(report.Segments, s => s.End is { } end && end <= s.Start);
        foreach (var segment in report.Segments.Where(s => s.Captured))
        {
            Assert.False(model.OverlapsSecurePause(segment.Start, segment.End ?? at), $"captured {segment} overlaps a secure pause");
        }
    }

    private static void Check(RecordingSession session, RecordingPolicy policy, Model model)
    {
        var capturing = session.State == RecordingState.Capturing;

        // Never capture while a present party lacks the notice or the consent they need. The strictest requirement among
        // the parties present now applies to every present party who must be told; one who consented counts as told.
        if (capturing)
        {
            var anyoneNeedsConsent = session.Parties.Any(p => p.IsPresent && p.Party.Requirement == CaptureRequirement.ExplicitConsent);
            Assert.Equal(anyoneNeedsConsent, session.EveryoneNeeds == CaptureRequirement.ExplicitConsent);
            foreach (var presence in session.Parties.Where(p => p.IsPresent && policy.NoticeNeededBy(p.Party.Role)))
            {
                if (anyoneNeedsConsent)
                {
                    Assert.True(presence.Consent is { Given: true }, $"{presence.Party.Id} captured without consent");
                }
                else if (policy.NoticeRequired)
                {
                    Assert.True(presence.Notice is not null || presence.Consent is { Given: true }, $"{presence.Party.Id} captured without being told");
                }
            }
        }

        // Nothing is captured during a secure pause, whatever else happened while it was open.
        Assert.False(capturing && model.SecurePauseOpen, "capturing during a secure pause");
        Assert.Equal(model.SecurePauseOpen, session.IsOpen(UncapturedReason.SecurePayment));
        Assert.Equal(model.OnHold, session.IsOpen(UncapturedReason.OnHold));

        // Capture runs exactly when it has started and no pause of any reason is open.
        if (session.State is RecordingState.Capturing or RecordingState.Paused)
        {
            Assert.Equal(session.OpenPauses.IsEmpty, capturing);
        }

        // Nothing is ever captured on a plan without recording, during an unrecorded bot phase, or after a stop or a refusal.
        if (!policy.RecordingEnabled)
        {
            Assert.False(session.HasCaptured);
        }

        Assert.False(capturing && model.InBotPhase && !policy.CaptureBotPhase);
        Assert.False(capturing && model.Stopped);

        // Deletion needs authorisation (holds are not the session's: the service asks the hold registry).
        if (session.State == RecordingState.Deleted)
        {
            Assert.True(model.Authorised);
        }
    }

    private static RecordingEvent Build(Step step)
    {
        var party = Pool[step.Party];
        return step.Kind switch
        {
            RecordingEventKind.NoticeGiven => Calls.Told(party),
            RecordingEventKind.ConsentGiven => Calls.Consented(party),
            RecordingEventKind.ConsentRefused => Calls.Refused(party),
            RecordingEventKind.PartyJoined => Calls.Join(party),
            RecordingEventKind.PartyLeft => Calls.Leave(party),
            RecordingEventKind.HandedToPerson => Calls.Handover(party),
            RecordingEventKind.CaptureStarted => Calls.Start(),
            RecordingEventKind.CapturePaused => Calls.Pause(PauseReasons[step.Reason]),
            RecordingEventKind.CaptureResumed => Calls.Resume(PauseReasons[step.Reason]),
            RecordingEventKind.StopRequested => Calls.Stop(party),
            RecordingEventKind.Transferred => Calls.Transfer(party, Pool[(step.Party + step.Hold + 1) % Pool.Length]),
            RecordingEventKind.InteractionEnded => Calls.End(),
            RecordingEventKind.MediaStored => Calls.Stored(),
            RecordingEventKind.TranscriptStored => new TranscriptStored(Calls.NewId(), Calls.Audio with { Kind = MediaKind.Transcript })
            {
                Redactions = step.Hold == 0 ? [] : [new TranscriptRedaction("card_number", Duration.FromSeconds(step.Seconds), Duration.FromSeconds(step.Seconds + 4))],
            },
            RecordingEventKind.CardDataSeen => new CardDataSeen(Calls.NewId(), step.Hold + 1),
            RecordingEventKind.MediaFailed => new MediaFailed(Calls.NewId(), "disk full"),
            RecordingEventKind.DeletionRequested => Calls.RequestDeletion(),
            RecordingEventKind.DeletionAuthorised => Calls.Authorise(),
            RecordingEventKind.DeletionRefused => Calls.Refuse(),
            RecordingEventKind.Disposed => Calls.Dispose(),
            _ => throw new InvalidOperationException($"No event for {step.Kind}."),
        };
    }

    private sealed record Step(RecordingEventKind Kind, int Party, int Hold, int Reason, int Seconds, int Replay);

    /// <summary>What the accepted events say, kept by the test without asking the machine.</summary>
    private sealed class Model(bool bot)
    {
        private readonly List<(Instant Start, Instant? End)> _securePauses = [];
        private readonly List<(Instant Start, Instant End)> _captured = [];

        public bool InBotPhase { get; private set; } = bot;

        public bool SecurePauseOpen => _securePauses.Count > 0 && _securePauses[^1].End is null;

        public bool OnHold { get; private set; }

        public bool Stopped { get; private set; }

        public bool Authorised { get; private set; }


        // A stretch between two steps: if captured, it must not overlap any secure pause, open or closed.
        public void Stretch(bool captured, Instant start, Instant end)
        {
            if (captured && end > start)
            {
                _captured.Add((start, end));
                Assert.False(OverlapsSecurePause(start, end), $"captured {start}-{end} overlaps a secure pause");
            }
        }

        // A pause opened and closed at one instant held nothing back, and covers no time.
        public bool OverlapsSecurePause(Instant start, Instant end) =>
            _securePauses.Any(p => p.End != p.Start && start < (p.End ?? Instant.MaxValue) && p.Start < end);

        public void Accept(RecordingEvent @event, RecordingState before, Instant at)
        {
            switch (@event)
            {
                case HandedToPerson:
                    InBotPhase = false;
                    break;
                case CapturePaused { Reason: UncapturedReason.SecurePayment }:
                    _securePauses.Add((at, null));
                    Assert.DoesNotContain(_captured, c => c.End > at);
                    break;
                case CapturePaused { Reason: UncapturedReason.OnHold }:
                    OnHold = true;
                    break;
                case CaptureResumed { Reason: UncapturedReason.SecurePayment }:
                    _securePauses[^1] = (_securePauses[^1].Start, at);
                    break;
                case CaptureResumed { Reason: UncapturedReason.OnHold }:
                    OnHold = false;
                    break;
                case InteractionEnded:
                    if (SecurePauseOpen)
                    {
                        _securePauses[^1] = (_securePauses[^1].Start, at);
                    }

                    OnHold = false;
                    break;
                case StopRequested or RecordingConsentRefused:
                    Stopped = true;
                    break;
                case DeletionAuthorised:
                    Authorised = before == RecordingState.DeletionRequested;
                    break;
                case DeletionRefused:
                    Authorised = false;
                    break;
            }
        }
    }
}
