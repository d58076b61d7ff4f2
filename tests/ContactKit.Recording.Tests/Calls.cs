using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Recording.Tests;

/// <summary>Builds calls for the tests: parties, events with fresh ids, and sessions moved on a minute per event.</summary>
internal static class Calls
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    public static readonly TenantId Tenant = TenantId.Parse("council");
    public static readonly RecordingId CallRecording = RecordingId.Parse("rec-1");
    public static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
    public static readonly RecordingParty Agent = new(PartyId.Parse("officer-1"), PartyRole.Agent, Jurisdiction.England);
    public static readonly RecordingParty Agent2 = new(PartyId.Parse("officer-2"), PartyRole.Agent, Jurisdiction.England);
    public static readonly RecordingParty Interpreter = new(PartyId.Parse("interpreter"), PartyRole.ThirdParty, Jurisdiction.Scotland);
    public static readonly RecordingParty CaliforniaCaller = new(PartyId.Parse("caller-ca"), PartyRole.Caller, Jurisdiction.Parse("US-CA"), CaptureRequirement.ExplicitConsent);
    public static readonly PrivacyNoticeId Notice = PrivacyNoticeId.Parse("recording-announcement");

    private static readonly ConditionalWeakTable<RecordingSession, ImmutableList<RecordedEvent>> Logs = [];

    private static int _next;

    public static EventId NewId() => EventId.Parse($"e-{Interlocked.Increment(ref _next)}");

    public static InteractionStarted Started(RecordingPolicy? policy = null, bool bot = false, Channel channel = Channel.VoiceCall, params RecordingParty[] parties) =>
        new(NewId(), Tenant, CallRecording, channel, policy ?? RecordingPolicy.Default, parties.Length == 0 ? [Caller] : [.. parties], bot);

    public static RecordingSession Begin(RecordingPolicy? policy = null, bool bot = false, Channel channel = Channel.VoiceCall) =>
        Begin(Started(policy, bot, channel));

    public static RecordingSession Begin(InteractionStarted started)
    {
        var session = RecordingLifecycle.Begin(started, T0).Value;
        Logs.AddOrUpdate(session, [new RecordedEvent(1, T0, started)]);
        return session;
    }

    /// <summary>The log of a session built by these helpers.</summary>
    public static ImmutableList<RecordedEvent> LogOf(RecordingSession session) =>
        Logs.TryGetValue(session, out var log) ? log : throw new InvalidOperationException($"{session} was not built by Calls.");

    /// <summary>Saves a session built by these helpers into a store, event by event, as RecordingService would.</summary>
    public static async Task StoreAsync(IRecordingStore store, RecordingSession session)
    {
        RecordingSession? step = null;
        foreach (var recorded in LogOf(session))
        {
            step = step is null
                ? RecordingLifecycle.Begin((InteractionStarted)recorded.Event, recorded.At).Value
                : RecordingLifecycle.Apply(step, recorded.Event, recorded.At).Value;
            var audit = new AuditEntry { Tenant = step.Tenant, OccurredAt = recorded.At, Actor = ActorId.Parse("calls"), Action = "recording.changed", Resource = ResourceRef.Recording(step.Id) };
            Assert.True((await store.SaveAsync(step, recorded, step.Version - 1, audit)).IsSuccess);
        }
    }

    /// <summary>The capture report of a session built by these helpers, from its snapshot and its log.</summary>
    public static CaptureReport Report(RecordingSession session) => CaptureReport.From(session, LogOf(session));

    /// <summary>A call with the caller told and an agent present, capturing.</summary>
    public static RecordingSession Capturing(RecordingPolicy? policy = null) =>
        Begin(policy).Then(Told(Caller)).Then(Join(Agent)).Then(Start());

    public static RecordingSession Then(this RecordingSession session, RecordingEvent @event) =>
        session.At(session.LastChangedAt + Duration.FromMinutes(1), @event);

    public static Result<RecordingSession> Try(this RecordingSession session, RecordingEvent @event) =>
        RecordingLifecycle.Apply(session, @event, session.LastChangedAt + Duration.FromMinutes(1));

    /// <summary>Applies an event at an instant, which must be accepted, and keeps the log.</summary>
    public static RecordingSession At(this RecordingSession session, Instant at, RecordingEvent @event)
    {
        var result = RecordingLifecycle.Apply(session, @event, at);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        var next = result.Value;
        if (!ReferenceEquals(next, session) && Logs.TryGetValue(session, out var log))
        {
            Logs.AddOrUpdate(next, log.Add(new RecordedEvent(next.Version, at, @event)));
        }

        return next;
    }

    public static RecordingNoticeGiven Told(RecordingParty party, NoticeMethod method = NoticeMethod.Announcement) => new(NewId(), party.Id, Notice, "v3", method);

    public static RecordingConsentGiven Consented(RecordingParty party, ConsentAnswerMethod method = ConsentAnswerMethod.KeyPress) => new(NewId(), party.Id, method, "prompt recording-consent, key 1");

    public static RecordingConsentRefused Refused(RecordingParty party, ConsentAnswerMethod method = ConsentAnswerMethod.Spoken) => new(NewId(), party.Id, method, "spoken no at 00:00:14 in the call audio");

    public static PartyJoined Join(RecordingParty party) => new(NewId(), party);

    public static PartyLeft Leave(RecordingParty party) => new(NewId(), party.Id);

    public static HandedToPerson Handover(RecordingParty person) => new(NewId(), person);

    public static CaptureStarted Start() => new(NewId());

    public static CapturePaused Pause(UncapturedReason reason = UncapturedReason.SecurePayment) => new(NewId(), reason);

    public static CaptureResumed Resume(UncapturedReason reason = UncapturedReason.SecurePayment) => new(NewId(), reason);

    public static StopRequested Stop(RecordingParty party) => new(NewId(), party.Id);

    public static Transferred Transfer(RecordingParty to, RecordingParty? from = null, string? service = null) => new(NewId(), to, from?.Id, service);

    public static InteractionEnded End() => new(NewId());

    public static RecordingMedia Audio { get; } = new(MediaKind.Audio, "memory://rec-1/audio", 1024, new string('a', 64), Duration.FromMinutes(5));

    public static MediaStored Stored() => new(NewId(), Audio);

    public static DeletionRequested RequestDeletion() => new(NewId(), ActorId.Parse("dpo"), "caller asked for erasure");

    public static DeletionAuthorised Authorise() => new(NewId(), ActorId.Parse("records-manager"));

    public static DeletionRefused Refuse() => new(NewId(), ActorId.Parse("records-manager"), "needed for an open complaint");

    public static Disposed Dispose() => new(NewId(), ActorId.Parse("retention-service"));
}
