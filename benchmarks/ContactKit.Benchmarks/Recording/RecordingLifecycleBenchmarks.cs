using BenchmarkDotNet.Attributes;
using ContactKit.Recording;
using NodaTime;
using Stateless;

namespace ContactKit.Benchmarks.Recording;

/// <summary>
/// The cost of a recording lifecycle transition, and whether it stays flat as a session's history grows.
/// <list type="bullet">
/// <item><see cref="Transition"/>: one <c>Apply</c> (a secure-payment pause) on a captured call with <see cref="History"/>
/// events behind it (holds put on and taken off, over and over).</item>
/// <item><see cref="ContactKitCall"/> and <see cref="StatelessPerCall"/>: one council call's ten transitions (started,
/// notice, bot handover, capture, pause for payment, resume, transfer, notice, ended, media stored) through ContactKit and
/// through the same machine built with Stateless for the call, in the same run. Results are per transition.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class RecordingLifecycleBenchmarks
{
    private const int CallTransitions = 10;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private InteractionStarted _started = null!;
    private RecordingEvent[] _call = null!;
    private Instant[] _instants = null!;
    private RecordingSession _longSession = null!;
    private CapturePaused _securePause = null!;
    private Instant _next;

    /// <summary>How many events the session has seen before the measured transition.</summary>
    [Params(10, 1_000, 100_000)]
    public int History { get; set; }

    /// <summary>Builds the call's events, and the session with its history, once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
        var officer = new RecordingParty(PartyId.Parse("officer"), PartyRole.Agent, Jurisdiction.England);
        var partner = new RecordingParty(PartyId.Parse("housing-association"), PartyRole.ThirdParty, Jurisdiction.England);
        var notice = PrivacyNoticeId.Parse("recording-announcement");
        _started = new InteractionStarted(EventId.Parse("e0"), TenantId.Parse("council"), RecordingId.Parse("rec-1"), Channel.VoiceCall, RecordingPolicy.Default, [caller], true);
        _call =
        [
            new RecordingNoticeGiven(EventId.Parse("e1"), caller.Id, notice, "v3", NoticeMethod.Announcement),
            new HandedToPerson(EventId.Parse("e2"), officer),
            new CaptureStarted(EventId.Parse("e3")),
            new CapturePaused(EventId.Parse("e4"), UncapturedReason.SecurePayment),
            new CaptureResumed(EventId.Parse("e5"), UncapturedReason.SecurePayment),
            new Transferred(EventId.Parse("e6"), partner, officer.Id, "housing"),
            new RecordingNoticeGiven(EventId.Parse("e7"), partner.Id, notice, "v3", NoticeMethod.AgentScript),
            new InteractionEnded(EventId.Parse("e8")),
            new MediaStored(EventId.Parse("e9"), new RecordingMedia(MediaKind.Audio, "store://rec-1/audio", 480_000, new string('0', 64), Duration.FromMinutes(8))),
        ];
        _instants = [.. _call.Select((_, i) => T0 + Duration.FromSeconds(30 * (i + 1)))];

        // Both machines must be at the same state after every event, or the comparison means nothing.
        var session = RecordingLifecycle.Begin(_started, T0).Value;
        var machine = new StatelessRecordingMachine(FiringMode.Immediate);
        machine.Start(_started, T0);
        for (var i = 0; i < _call.Length; i++)
        {
            session = RecordingLifecycle.Apply(session, _call[i], _instants[i]).Value;
            machine.Fire(_call[i], _instants[i]);
            if (machine.State != session.State || machine.Version != session.Version)
            {
                throw new InvalidOperationException($"After {_call[i].Kind}: ContactKit is {session.State} v{session.Version}, Stateless is {machine.State} v{machine.Version}.");
            }
        }

        // A captured call with History events: the first four of the call, then holds on and off.
        var at = T0;
        var history = RecordingLifecycle.Begin(_started, at).Value;
        for (var i = 0; i < 3; i++)
        {
            history = RecordingLifecycle.Apply(history, _call[i], at).Value;
        }

        for (var i = 0; history.Version < History; i++)
        {
            at += Duration.FromSeconds(1);
            RecordingEvent @event = i % 2 == 0
                ? new CapturePaused(EventId.Parse($"h{i}"), UncapturedReason.OnHold)
                : new CaptureResumed(EventId.Parse($"h{i}"), UncapturedReason.OnHold);
            history = RecordingLifecycle.Apply(history, @event, at).Value;
        }

        if (history.State != RecordingState.Capturing && history.State != RecordingState.Paused)
        {
            throw new InvalidOperationException($"The long session is {history.State}.");
        }

        _longSession = history.State == RecordingState.Capturing
            ? history
            : RecordingLifecycle.Apply(history, new CaptureResumed(EventId.Parse("last"), UncapturedReason.OnHold), at).Value;
        _securePause = new CapturePaused(EventId.Parse("secure"), UncapturedReason.SecurePayment);
        _next = at + Duration.FromSeconds(1);
    }

    /// <summary>ContactKit: one transition on a session with <see cref="History"/> events behind it.</summary>
    /// <returns>The next session.</returns>
    [Benchmark(Baseline = true)]
    public RecordingSession Transition() => RecordingLifecycle.Apply(_longSession, _securePause, _next).Value;

    /// <summary>ContactKit: the council call, a new immutable snapshot per transition.</summary>
    /// <returns>The final session.</returns>
    [Benchmark(OperationsPerInvoke = CallTransitions)]
    public RecordingSession ContactKitCall()
    {
        var session = RecordingLifecycle.Begin(_started, T0).Value;
        for (var i = 0; i < _call.Length; i++)
        {
            session = RecordingLifecycle.Apply(session, _call[i], _instants[i]).Value;
        }

        return session;
    }

    /// <summary>Stateless, with a machine built for the call, as when each call owns its machine.</summary>
    /// <returns>The final version.</returns>
    [Benchmark(OperationsPerInvoke = CallTransitions)]
    public long StatelessPerCall()
    {
        var machine = new StatelessRecordingMachine(FiringMode.Immediate);
        machine.Start(_started, T0);
        for (var i = 0; i < _call.Length; i++)
        {
            machine.Fire(_call[i], _instants[i]);
        }

        return machine.State == RecordingState.Available ? machine.Version : throw new InvalidOperationException($"Ended in {machine.State}.");
    }
}
