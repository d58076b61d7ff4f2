using ContactKit;
using ContactKit.Recording;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// Three calls through the recording lifecycle, each ending with its capture report: a council call that starts with
/// the telephone bot, reaches an officer, takes a card payment and is transferred to another service (notice 001);
/// a call whose caller asks for recording to stop (notice 002); and a call on a plan without recording (notice 004).
/// </summary>
public static class RecordingDemo
{
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly PrivacyNoticeId Announcement = PrivacyNoticeId.Parse("recording-announcement");

    /// <summary>Runs the three calls.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = FakeClocks.AtUtc(2026, 11, 23, 9, 0);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit()
            .AddRecording(o =>
            {
                o.MaxSecurePause = Duration.FromMinutes(5);
                o.AccessRules.Add(new RecordingAccessRule { Role = "quality_team", Kinds = RecordingAccessKind.Play, Purposes = { "quality_monitoring", "training" } });
                o.Tenants["reseller-basic"] = new RecordingPlanOptions { RecordingEnabled = false };
            })
            .UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        var context = new Context(
            provider.GetRequiredService<RecordingService>(),
            provider.GetRequiredService<IRecordingMediaStore>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecordingOptions>>().Value,
            clock,
            output);

        await output.WriteLineAsync("Call 1: council call, bot then officer, card payment, transfer to licensing");
        var council = await CouncilCallAsync(context);
        var access = provider.GetRequiredService<RecordingAccessService>();
        var play = await access.AuthoriseAsync(new RecordingAccessRequest(council.Tenant, council.Id, ActorId.Parse("qa-lead"), "quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, "monthly quality sample"));
        var download = await access.AuthoriseAsync(new RecordingAccessRequest(council.Tenant, council.Id, ActorId.Parse("agent-12"), "agent", RecordingAccessKind.Download, Purpose.QualityMonitoring, "keep a copy"));
        await output.WriteLineAsync($"Quality team plays it: {(play.IsGranted ? "granted" : play.Refusal!.ToString())}");
        await output.WriteLineAsync($"An agent downloads it: {(download.IsGranted ? "granted" : download.Refusal!.ToString())}");

        await output.WriteLineAsync();
        await output.WriteLineAsync("Call 2: the caller asks for recording to stop");
        await StopRequestCallAsync(context);

        await output.WriteLineAsync();
        await output.WriteLineAsync("Call 3: a plan without recording");
        await UnrecordedPlanCallAsync(context);

        var audited = 0;
        await foreach (var entry in provider.GetRequiredService<IAuditTrail>().ReadByTenantAsync(council.Tenant))
        {
            audited += entry.Resource.Kind == "recording" ? 1 : 0;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Audit trail of the council: {audited} recording entries, one per accepted event and access decision.");
    }

    private static async Task<RecordingSession> CouncilCallAsync(Context call)
    {
        var tenant = TenantId.Parse("council");
        var recording = RecordingId.Parse("council-call-1");
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
        var officer = new RecordingParty(PartyId.Parse("officer-ann"), PartyRole.Agent, Jurisdiction.England);
        var licensing = new RecordingParty(PartyId.Parse("licensing-officer"), PartyRole.Agent, Jurisdiction.England);

        await call.StartAsync(tenant, recording, caller, bot: true);
        await call.ApplyAsync(tenant, recording, new RecordingNoticeGiven(EventId.New(), caller.Id, Announcement, "2026-04", NoticeMethod.Announcement), seconds: 5);
        await call.ApplyAsync(tenant, recording, new CaptureStarted(EventId.New()), seconds: 40); // refused: the bot is not recorded
        await call.ApplyAsync(tenant, recording, new HandedToPerson(EventId.New(), officer), seconds: 20);
        await call.ApplyAsync(tenant, recording, new CaptureStarted(EventId.New()), seconds: 2);
        await call.ApplyAsync(tenant, recording, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment), seconds: 180);
        await call.ApplyAsync(tenant, recording, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment), seconds: 95);
        await call.ApplyAsync(tenant, recording, new Transferred(EventId.New(), licensing, officer.Id, "licensing"), seconds: 60);
        await call.ApplyAsync(tenant, recording, new InteractionEnded(EventId.New()), seconds: 240);
        return await call.StoreAsync(tenant, recording, bytes: 48_000);
    }

    private static async Task StopRequestCallAsync(Context call)
    {
        var tenant = TenantId.Parse("bureau");
        var recording = RecordingId.Parse("bureau-call-7");
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Scotland);
        var agent = new RecordingParty(PartyId.Parse("agent-12"), PartyRole.Agent, Jurisdiction.England);

        await call.StartAsync(tenant, recording, caller, bot: false);
        await call.ApplyAsync(tenant, recording, new PartyJoined(EventId.New(), agent), seconds: 30);
        await call.ApplyAsync(tenant, recording, new RecordingNoticeGiven(EventId.New(), caller.Id, Announcement, "2026-04", NoticeMethod.AgentScript), seconds: 10);
        await call.ApplyAsync(tenant, recording, new CaptureStarted(EventId.New()), seconds: 1);
        await call.ApplyAsync(tenant, recording, new StopRequested(EventId.New(), caller.Id), seconds: 75);
        await call.ApplyAsync(tenant, recording, new CaptureStarted(EventId.New()), seconds: 30); // refused: capture cannot restart
        await call.ApplyAsync(tenant, recording, new InteractionEnded(EventId.New()), seconds: 300);
        await call.StoreAsync(tenant, recording, bytes: 12_000);
    }

    private static async Task UnrecordedPlanCallAsync(Context call)
    {
        var tenant = TenantId.Parse("reseller-basic");
        var recording = RecordingId.Parse("basic-call-3");
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Wales);
        var agent = new RecordingParty(PartyId.Parse("agent-3"), PartyRole.Agent, Jurisdiction.Wales);

        await call.StartAsync(tenant, recording, caller, bot: false);
        await call.ApplyAsync(tenant, recording, new PartyJoined(EventId.New(), agent), seconds: 15);
        await call.ApplyAsync(tenant, recording, new CaptureStarted(EventId.New()), seconds: 1); // refused: not on the plan
        var ended = await call.ApplyAsync(tenant, recording, new InteractionEnded(EventId.New()), seconds: 200);
        await call.PrintAsync(ended!);
    }

    private sealed record Context(RecordingService Service, IRecordingMediaStore Media, RecordingOptions Options, FakeClock Clock, TextWriter Output)
    {
        public async Task StartAsync(TenantId tenant, RecordingId recording, RecordingParty caller, bool bot)
        {
            var started = new InteractionStarted(EventId.New(), tenant, recording, Channel.VoiceCall, Options.PolicyFor(tenant), [caller], bot);
            var session = (await Service.StartAsync(started, Telephony)).Value;
            await Output.WriteLineAsync($"  {Clock.GetCurrentInstant():HH:mm:ss} InteractionStarted -> {session.State} ({session.PauseReason})");
        }

        // Prints the event and what came of it; returns the session, or null when the event was refused.
        public async Task<RecordingSession?> ApplyAsync(TenantId tenant, RecordingId recording, RecordingEvent @event, int seconds)
        {
            Clock.AdvanceSeconds(seconds);
            var result = await Service.ApplyAsync(tenant, recording, @event, Telephony);
            var time = Clock.GetCurrentInstant().ToString("HH:mm:ss", null);
            if (result.IsFailure)
            {
                await Output.WriteLineAsync($"  {time} {@event.Kind} refused: {result.Error}");
                return null;
            }

            var session = result.Value;
            var reason = session.PauseReason is { } why ? $" ({why})" : string.Empty;
            await Output.WriteLineAsync($"  {time} {@event.Kind} -> {session.State}{reason}");
            return session;
        }

        public async Task<RecordingSession> StoreAsync(TenantId tenant, RecordingId recording, int bytes)
        {
            var audio = new byte[bytes];
            var media = (await Media.PutAsync(tenant, recording, MediaKind.Audio, new MemoryStream(audio))).Value;
            var session = await ApplyAsync(tenant, recording, new MediaStored(EventId.New(), media), seconds: 20)
                ?? throw new InvalidOperationException($"Storing the media of {recording} was refused.");
            await PrintAsync(session);
            return session;
        }

        public async Task PrintAsync(RecordingSession session)
        {
            await Output.WriteLineAsync();
            await Output.WriteAsync((await Service.ReportAsync(session.Tenant, session.Id)).Value.ToText());
        }
    }
}
