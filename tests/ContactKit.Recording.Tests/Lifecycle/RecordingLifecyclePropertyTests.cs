using CsCheck;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>
/// Thousands of generated event sequences, most of them nonsense, run through the machine; after every step the rules
/// are checked against a small model the test keeps from the events that were accepted.
/// </summary>
public class RecordingLifecyclePropertyTests
{
    private static readonly RecordingParty[] Pool = [Calls.Caller, Calls.Agent, Calls.Agent2, Calls.Interpreter];

    private static readonly Gen<RecordingPolicy> GenPolicy =
        Gen.Select(Gen.Frequency((1, Gen.Const(false)), (4, Gen.Const(true))), Gen.Bool, Gen.Bool, Gen.Int[1, 10], Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))))
            .Select((enabled, notice, bot, minutes, staffTold) => new RecordingPolicy(enabled, notice, bot, Duration.FromMinutes(minutes)) { StaffToldByEmployment = staffTold });

    private static readonly Gen<Step> GenStep =
        Gen.Select(Gen.Int[2, 20], Gen.Int[0, Pool.Length - 1], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 120], Gen.Int[0, 9])
            .Select((kind, party, hold, reason, seconds, replay) => new Step((RecordingEventKind)kind, party, hold, reason, seconds, replay));

    private static readonly Gen<(RecordingPolicy Policy, bool Bot, Channel Channel, Step[] Steps)> GenCall =
        Gen.Select(GenPolicy, Gen.Bool, Gen.Bool.Select(voice => voice ? Channel.VoiceCall : Channel.Webchat), GenStep.Array[1, 60]);

    [Fact]
    public void Apply_GeneratedSequences_KeepEveryRuleAfterEveryStep()
    {
        GenCall.Sample(call => Run(call.Policy, call.Bot, call.Channel, call.Steps), iter: 4000);
    }

    // Sequences biased to a legal call so the stored life (holds, deletion) is reached often.
    [Fact]
    public void Apply_GeneratedSequencesAfterAStoredCall_KeepEveryRuleAfterEveryStep()
    {
        RecordingEventKind[] prefix =
        [
            RecordingEventKind.NoticeGiven, RecordingEventKind.PartyJoined, RecordingEventKind.CaptureStarted,
            RecordingEventKind.InteractionEnded, RecordingEventKind.MediaStored,
        ];
        GenCall.Sample(
            call => Run(RecordingPolicy.Default, false, call.Channel, [.. prefix.Select((k, i) => new Step(k, i == 1 ? 1 : 0, 0, 0, 30, 9)), .. call.Steps]),
            iter: 2000);
    }

    private static void Run(RecordingPolicy policy, bool bot, Channel channel, Step[] steps)
    {
        var session = RecordingLifecycle.Begin(Calls.Started(policy, bot, channel), Calls.T0).Value;
        var accepted = new List<RecordingEvent> { session.LastEvent };
        var model = new Model(bot);
        var at = Calls.T0;
        foreach (var step in steps)
        {
            at += Duration.FromSeconds(step.Seconds);
            var @event = step.Replay == 0 && accepted.Count > 1
                ? accepted[step.Party % accepted.Count]
                : Build(step);
            var before = session;
            var result = RecordingLifecycle.Apply(session, @event, at);

            if (before.HasApplied(@event.Id))
            {
                // Replaying an accepted event changes nothing.
                Assert.Same(before, result.Value);
                continue;
            }

            if (result.IsFailure)
            {
                Assert.StartsWith("CK0", result.Error.Code, StringComparison.Ordinal);
                continue;
            }

            session = result.Value;
            accepted.Add(@event);
            model.Accept(@event, before.State);

            // Version goes up by exactly one per accepted event, and the transition is a row of the table.
            Assert.Equal(before.Version + 1, session.Version);
            Assert.True(RecordingTransitionTable.Contains(new RecordingTransition(before.State, @event.Kind, session.State)), $"{before.State} --{@event.Kind}--> {session.State} is not in the table");
            Check(session, policy, model);
        }

        Assert.Equal(accepted.Select(e => e.Id), session.History.Select(h => h.Event.Id));
    }

    private static void Check(RecordingSession session, RecordingPolicy policy, Model model)
    {
        var capturing = session.State == RecordingState.Capturing;

        // Never capture while a present party who needs the notice under the policy has not been told (when the policy requires one).
        if (capturing && policy.NoticeRequired)
        {
            Assert.All(session.Parties.Where(p => p.LeftAt is null && policy.NoticeNeededBy(p.Party.Role)), p => Assert.NotNull(p.Notice));
        }

        // The count of untold parties is the present parties who need the notice under the policy and have none.
        Assert.Equal(session.Parties.Count(p => p.LeftAt is null && policy.NoticeNeededBy(p.Party.Role) && p.Notice is null), session.UntoldParties);

        // Nothing is ever captured on a plan without recording.
        if (!policy.RecordingEnabled)
        {
            Assert.False(session.HasCaptured);
            Assert.DoesNotContain(session.Segments, s => s.Captured);
        }

        // The bot phase is not captured unless the policy allows it.
        if (model.InBotPhase && !policy.CaptureBotPhase)
        {
            Assert.False(capturing);
        }

        // Nothing is captured during a secure pause, and captured segments never overlap secure-pause windows.
        if (model.InSecurePause)
        {
            Assert.False(capturing);
        }

        var segments = session.Segments;
        foreach (var captured in segments.Where(s => s.Captured))
        {
            foreach (var secure in segments.Where(s => s.Reason == UncapturedReason.SecurePayment))
            {
                Assert.False(Overlap(captured, secure, session.LastChangedAt), $"captured {captured} overlaps secure pause {secure}");
            }
        }

        // After a stop request nothing is captured again.
        if (model.Stopped)
        {
            Assert.False(capturing);
        }

        // A held recording never reaches deleted.
        Assert.Equal(model.Holds.Count, session.HoldCount);
        if (model.Holds.Count > 0)
        {
            Assert.NotEqual(RecordingState.Deleted, session.State);
        }

        if (session.State == RecordingState.Deleted)
        {
            Assert.True(model.Authorised);
        }
    }

    private static bool Overlap(RecordingSegment a, RecordingSegment b, Instant now) =>
        a.Start < (b.End ?? now) && b.Start < (a.End ?? now);

    private static RecordingEvent Build(Step step)
    {
        var party = Pool[step.Party];
        var hold = $"hold-{step.Hold}";
        return step.Kind switch
        {
            RecordingEventKind.NoticeGiven => Calls.Told(party),
            RecordingEventKind.PartyJoined => Calls.Join(party),
            RecordingEventKind.PartyLeft => Calls.Leave(party),
            RecordingEventKind.HandedToPerson => Calls.Handover(party),
            RecordingEventKind.CaptureStarted => Calls.Start(),
            RecordingEventKind.CapturePaused => Calls.Pause((UncapturedReason)(step.Reason + 3)),
            RecordingEventKind.CaptureResumed => Calls.Resume(),
            RecordingEventKind.StopRequested => Calls.Stop(party),
            RecordingEventKind.Transferred => Calls.Transfer(party, Pool[(step.Party + step.Hold + 1) % Pool.Length]),
            RecordingEventKind.InteractionEnded => Calls.End(),
            RecordingEventKind.MediaStored => Calls.Stored(),
            RecordingEventKind.TranscriptStored => new TranscriptStored(Calls.NewId(), Calls.Audio with { Kind = MediaKind.Transcript }),
            RecordingEventKind.MediaFailed => new MediaFailed(Calls.NewId(), "disk full"),
            RecordingEventKind.HoldPlaced => Calls.Hold(hold),
            RecordingEventKind.HoldReleased => Calls.Release(hold),
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
        public bool InBotPhase { get; private set; } = bot;

        public bool InSecurePause { get; private set; }

        public bool Stopped { get; private set; }

        public bool Authorised { get; private set; }

        public HashSet<LegalHoldId> Holds { get; } = [];

        public void Accept(RecordingEvent @event, RecordingState before)
        {
            switch (@event)
            {
                case HandedToPerson:
                    InBotPhase = false;
                    break;
                case CapturePaused { Reason: UncapturedReason.SecurePayment }:
                    InSecurePause = true;
                    break;
                case CaptureResumed or InteractionEnded:
                    InSecurePause = false;
                    break;
                case StopRequested:
                    Stopped = true;
                    InSecurePause = false;
                    break;
                case HoldPlaced placed:
                    Holds.Add(placed.Hold);
                    break;
                case HoldReleased released:
                    Holds.Remove(released.Hold);
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
