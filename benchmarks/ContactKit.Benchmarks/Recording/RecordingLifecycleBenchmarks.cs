using BenchmarkDotNet.Attributes;
using ContactKit.Recording;
using NodaTime;
using Stateless;

namespace ContactKit.Benchmarks.Recording;

/// <summary>
/// One council call's lifecycle (started, notice, bot handover, capture, pause for payment, resume, transfer to a third
/// party, notice to them, ended, media stored: ten transitions) through ContactKit and through the same machine built
/// with Stateless, in the same run. Results are per transition.
/// </summary>
[MemoryDiagnoser]
public class RecordingLifecycleBenchmarks
{
    private const int Transitions = 10;
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly StatelessRecordingMachine _configuredOnce = new(FiringMode.Immediate);
    private InteractionStarted _started = null!;
    private RecordingEvent[] _events = null!;
    private Instant[] _instants = null!;

    /// <summary>Builds the call's events once, as a telephony integration would receive them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
        var officer = new RecordingParty(PartyId.Parse("officer"), PartyRole.Agent, Jurisdiction.England);
        var partner = new RecordingParty(PartyId.Parse("housing-association"), PartyRole.ThirdParty, Jurisdiction.England);
        var notice = PrivacyNoticeId.Parse("recording-announcement");
        _started = new InteractionStarted(EventId.Parse("e0"), TenantId.Parse("council"), RecordingId.Parse("rec-1"), Channel.VoiceCall, RecordingPolicy.Default, [caller], true);
        _events =
        [
            new RecordingNoticeGiven(EventId.Parse("e1"), caller.Id, notice, "v3", NoticeMethod.Announcement),
            new HandedToPerson(EventId.Parse("e2"), officer),
            new CaptureStarted(EventId.Parse("e3")),
            new CapturePaused(EventId.Parse("e4"), UncapturedReason.SecurePayment),
            new CaptureResumed(EventId.Parse("e5")),
            new Transferred(EventId.Parse("e6"), partner, officer.Id, "housing"),
            new RecordingNoticeGiven(EventId.Parse("e7"), partner.Id, notice, "v3", NoticeMethod.AgentScript),
            new InteractionEnded(EventId.Parse("e8")),
            new MediaStored(EventId.Parse("e9"), new RecordingMedia(MediaKind.Audio, "store://rec-1/audio", 480_000, new string('0', 64), Duration.FromMinutes(8))),
        ];
        _instants = new Instant[_events.Length];
        for (var i = 0; i < _instants.Length; i++)
        {
            _instants[i] = T0 + Duration.FromSeconds(30 * (i + 1));
        }

        // Both machines must be at the same state after every event, or the comparison means nothing.
        var session = RecordingLifecycle.Begin(_started, T0).Value;
        var machine = new StatelessRecordingMachine(FiringMode.Immediate);
        machine.Start(_started, T0);
        for (var i = 0; i < _events.Length; i++)
        {
            session = RecordingLifecycle.Apply(session, _events[i], _instants[i]).Value;
            machine.Fire(_events[i], _instants[i]);
            if (machine.State != session.State || machine.Version != session.Version)
            {
                throw new InvalidOperationException($"After {_events[i].Kind}: ContactKit is {session.State} v{session.Version}, Stateless is {machine.State} v{machine.Version}.");
            }
        }
    }

    /// <summary>ContactKit: one immutable session per transition, history kept.</summary>
    /// <returns>The final session.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Transitions)]
    public RecordingSession ContactKit()
    {
        var session = RecordingLifecycle.Begin(_started, T0).Value;
        for (var i = 0; i < _events.Length; i++)
        {
            session = RecordingLifecycle.Apply(session, _events[i], _instants[i]).Value;
        }

        return session;
    }

    /// <summary>Stateless, with the machine configured once and reset for the call, firing immediately: the cheapest way to use it.</summary>
    /// <returns>The final version.</returns>
    [Benchmark(OperationsPerInvoke = Transitions)]
    public long StatelessConfiguredOnce() => Drive(_configuredOnce);

    /// <summary>Stateless, with a machine configured for the call, as when each call owns its machine.</summary>
    /// <returns>The final version.</returns>
    [Benchmark(OperationsPerInvoke = Transitions)]
    public long StatelessConfiguredPerCall() => Drive(new StatelessRecordingMachine(FiringMode.Immediate));

    private long Drive(StatelessRecordingMachine machine)
    {
        machine.Start(_started, T0);
        for (var i = 0; i < _events.Length; i++)
        {
            machine.Fire(_events[i], _instants[i]);
        }

        return machine.State == RecordingState.Available ? machine.Version : throw new InvalidOperationException($"Ended in {machine.State}.");
    }
}
