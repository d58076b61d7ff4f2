using System.Globalization;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// A council's contact centre followed from the first ring to disposal, with one set of ids, on a real database:
/// ContactKit's tables in an embedded SQLite file (made by the shipped migrations) and the recordings on disk. A
/// resident rings; the IVR is not recorded; an officer takes a card payment during a secure pause; the audio and the
/// redacted transcript are kept six months. A caller from California is recorded only once they agree, and a complaint
/// about their call puts it under a legal hold. The resident asks for a copy; the caller from California asks for
/// erasure. After six months the sweep deletes what is due, with proof, and keeps what the hold protects until the
/// complaint is closed.
/// </summary>
public static class InteractionStory
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Officer = new(PartyId.Parse("officer-7"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId ResidentSubject = DataSubjectId.Parse("resident-42");
    private static readonly InteractionId SecondCall = InteractionId.Parse("call-2");
    private static readonly RecordingId SecondVoice = RecordingId.Parse("call-2.voice");
    private static readonly RecordingParty Visitor = new(PartyId.Parse("visitor"), PartyRole.Caller, Jurisdiction.Parse("US-CA"));
    private static readonly DataSubjectId VisitorSubject = DataSubjectId.Parse("visitor-7");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId Dpo = ActorId.Parse("dpo");
    private static readonly ActorId ComplaintsOfficer = ActorId.Parse("complaints-officer");
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("council-recording"), 3, "en-GB", new string('a', 64));

    /// <summary>Runs the story.</summary>
    /// <param name="output">Where the account is written.</param>
    /// <param name="database">The SQLite file to keep ContactKit's tables in; a file in a temporary folder, deleted at the end, when <see langword="null"/>.</param>
    /// <returns>A task that completes when the story has run.</returns>
    public static async Task RunAsync(TextWriter output, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("contactkit-sample-");
        try
        {
            var path = Path.GetFullPath(database ?? Path.Combine(folder.FullName, "contactkit.db"));
            await output.WriteLineAsync($"Database: SQLite file {(database is null ? "in a temporary folder (pass --database PATH to keep it)" : path)}; media in a folder beside it.");
            await using var host = Host(path, folder.CreateSubdirectory("media").FullName);
            await host.MigrateContactKitAsync();
            await TellAsync(host, output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static ServiceProvider Host(string database, string media)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.AtUtc(2026, 3, 2, 9, 0));
        services.AddSingleton<ITelephonePreferenceService, FakeTelephonePreferenceService>(); // this council makes no marketing calls
        services.AddContactKit(o => o.DefaultTimeZoneId = "Europe/London")
            .AddRecording(o => o.CaptureBotPhase = false) // the IVR is not recorded
            .AddRetention(o => o.Schedule = new RetentionSchedule
            {
                Name = "council",
                Rules =
                [
                    new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                    new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                    new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
                ],
            })
            .AddInteractions(o => o.LawfulBasis = LawfulBasis.PublicTask)
            .AddEntityFrameworkCoreStores(o => o.UseSqlite($"Data Source={database}"))
            .UseFileSystemMedia(o => o.RootPath = media);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static async Task TellAsync(IServiceProvider host, TextWriter output)
    {
        var story = new Story(host, output);
        await story.FirstCallAsync();
        await story.CallFromCaliforniaAsync();
        await story.RequestsAsync();
        await story.SweepsAsync();
    }

    // The story's steps, each printing what happened; they share the host, its fake clock and the ids above.
    private sealed class Story(IServiceProvider host, TextWriter output)
    {
        private readonly NodaTime.Testing.FakeClock _clock = (NodaTime.Testing.FakeClock)host.GetRequiredService<IClock>();
        private readonly InteractionService _interactions = host.GetRequiredService<InteractionService>();
        private readonly RecordingService _recordings = host.GetRequiredService<RecordingService>();
        private readonly IRecordingMediaStore _media = host.GetRequiredService<IRecordingMediaStore>();
        private readonly RetentionService _retention = host.GetRequiredService<RetentionService>();
        private readonly RightsRequestService _requests = host.GetRequiredService<RightsRequestService>();
        private RecordingMedia? _transcript;
        private LegalHold? _complaint;

        // The first ring: the IVR answers and is not recorded, an officer takes a card payment in a secure pause, and
        // the audio and the redacted transcript are stored.
        public async Task FirstCallAsync()
        {
            _ = (await _interactions.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Resident], beginsWithBot: true, Telephony)).Value;
            _ = (await _interactions.GiveNoticeAsync(Council, Call, Voice, Resident.Id, Notice, NoticeMethod.Announcement, Telephony)).Value;
            _clock.Advance(Duration.FromMinutes(1));
            await output.WriteLineAsync($"09:00 {Call} rings; the IVR answers and is not recorded; the resident hears notice {Notice.VersionId}.");

            _ = (await _interactions.HandOverAsync(Council, Call, Voice, Officer, Telephony)).Value;
            await ApplyAsync(Voice, new CaptureStarted(EventId.New()));
            _clock.Advance(Duration.FromMinutes(3));
            await ApplyAsync(Voice, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment));
            _clock.Advance(Duration.FromMinutes(1));
            await ApplyAsync(Voice, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment));
            _clock.Advance(Duration.FromMinutes(1));
            _ = (await _interactions.EndAsync(Council, Call, Telephony)).Value;
            var report = (await _recordings.ReportAsync(Council, Voice)).Value;
            await output.WriteLineAsync($"{Officer.Id} takes the call; recording pauses while card details are taken. Captured {report.Captured.TotalMinutes:0} minutes of {(report.EndedAt - report.StartedAt)?.TotalMinutes:0}.");

            var audio = await StoreAudioAsync(Call, Voice);
            _transcript = (await host.GetRequiredService<TranscriptService>().StoreAsync(new TranscriptToStore
            {
                Tenant = Council, Interaction = Call, Recording = Voice, Name = "transcript", Actor = Telephony,
                Messages =
                [
                    new TranscriptMessage(Resident.Id, Channel.VoiceCall, "my bin was not collected on Tuesday"),
                    new TranscriptMessage(Officer.Id, Channel.VoiceCall, "I can book a collection, it is twelve pounds"),
                ],
            })).Value.Media;
            var plan = (await _retention.ExplainAsync(Council, audio.RetainedItem)).Value;
            await output.WriteLineAsync($"The audio and the transcript are stored; the audio is kept until {Day(plan.DisposeAt!.Value)} under rule {plan.Rule?.Name}.");
            _ = (await _interactions.LinkSubjectAsync(Council, Call, Resident.Id, ResidentSubject)).Value;
            await output.WriteLineAsync($"The officer identifies the resident as {ResidentSubject}.");
        }

        // A caller from California, where every party must agree to recording: nothing is captured until they do, and
        // their answer goes to the consent ledger with its evidence. A complaint about the call then holds it.
        public async Task CallFromCaliforniaAsync()
        {
            _clock.Advance(Duration.FromMinutes(54));
            _ = (await _interactions.StartAsync(Council, SecondCall, Channel.VoiceCall, SecondVoice, [Visitor], beginsWithBot: true, Telephony)).Value;
            _ = (await _interactions.GiveNoticeAsync(Council, SecondCall, SecondVoice, Visitor.Id, Notice, NoticeMethod.Announcement, Telephony)).Value;
            _ = (await _interactions.HandOverAsync(Council, SecondCall, SecondVoice, Officer, Telephony)).Value;
            var tooSoon = await _recordings.ApplyAsync(Council, SecondVoice, new CaptureStarted(EventId.New()), Telephony);
            await output.WriteLineAsync($"10:00 {SecondCall} rings from California; recording before the caller agrees is refused: {tooSoon.Error?.Code}.");

            _clock.Advance(Duration.FromSeconds(20));
            _ = (await _interactions.AnswerConsentAsync(Council, SecondCall, SecondVoice, Visitor.Id, given: true, ConsentAnswerMethod.KeyPress, "pressed 1 when asked to agree to recording", Telephony)).Value;
            await ApplyAsync(SecondVoice, new CaptureStarted(EventId.New()));
            _clock.Advance(Duration.FromMinutes(5));
            _ = (await _interactions.EndAsync(Council, SecondCall, Telephony)).Value;
            await StoreAudioAsync(SecondCall, SecondVoice);
            _ = (await _interactions.LinkSubjectAsync(Council, SecondCall, Visitor.Id, VisitorSubject)).Value;
            var consent = await host.GetRequiredService<ConsentLedger>().GetStateAsync(Council, VisitorSubject, Purpose.Parse(host.GetRequiredService<IOptions<InteractionsOptions>>().Value.RecordingPurpose));
            await output.WriteLineAsync($"The caller presses 1 and the call is recorded; identified as {VisitorSubject}, their consent to recording is {consent.Status} in the ledger.");

            _complaint = (await _retention.PlaceHoldAsync(Council, HoldTarget.ForInteraction(SecondCall), "complaint about the call under investigation", ComplaintsOfficer)).Value;
            await output.WriteLineAsync($"A complaint about {SecondCall} arrives: legal hold {_complaint.Target} placed.");
        }

        // The resident asks for a copy of what the council holds; the caller from California asks for erasure, which the
        // complaint's hold and the consent ledger's legal obligation answer item by item.
        public async Task RequestsAsync()
        {
            var intake = new RequestIntake
            {
                Channel = Channel.VoiceCall,
                Description = "Asked on the phone.",
                IdentityCheck = new IdentityCheck([IdentityCheckMethod.KnowledgeBasedQuestions], ActorId.Parse(Officer.Id.Value), IdentityCheckOutcome.Verified),
            };
            var access = (await _requests.ReceiveAsync(Council, ResidentSubject, DataSubjectRight.Access, intake, Telephony)).Value;
            await output.WriteLineAsync($"The resident asks for a copy ({access.Right.Article()}) on {Day(access.ReceivedOn)}: due by {Day(access.DueOn)}.");
            access = (await _requests.ApplyAsync(Council, access.Id, (at, on) => RightsRequestCommand.Start(Dpo, at, on))).Value;
            var copy = await host.GetRequiredService<SubjectAccessExporter>().ExportAsync(Council, ResidentSubject, Stream.Null, access.Id);
            access = (await _requests.ApplyAsync(Council, access.Id, (at, on) => RightsRequestCommand.Complete(Dpo, at, on, "copy sent"))).Value;
            await output.WriteLineAsync($"  Their copy holds {copy.TotalRecords} records ({string.Join(", ", copy.RecordsBySource.Select(s => $"{s.Key}: {s.Value}"))}), {copy.Recordings} recording with {copy.RecordingsForRedactionReview} to review for the officer's voice before release; request {access.State}.");

            var erasure = (await _requests.ReceiveAsync(Council, VisitorSubject, DataSubjectRight.Erasure, intake, Telephony)).Value;
            erasure = (await _requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.Start(Dpo, at, on))).Value;
            erasure = (await _requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.AuthoriseErasure(Dpo, at, on))).Value;
            var erasures = host.GetRequiredService<ErasureService>();
            var answer = await erasures.ExecuteAsync((await erasures.PlanAsync(erasure)).Value);
            erasure = (await _requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.Complete(Dpo, at, on, $"{answer.Erased.Length} erased, {answer.Kept.Length} kept"))).Value;
            await output.WriteLineAsync($"The caller from California asks for erasure ({erasure.Right.Article()}); the answer, request {erasure.State}:");
            foreach (var line in answer.ToReadableText().TrimEnd().Split('\n'))
            {
                await output.WriteLineAsync($"  {line}");
            }
        }

        // Six months on, the sweep deletes what is due with proof and keeps what the complaint holds; once the complaint
        // is closed, the next sweep deletes that too.
        public async Task SweepsAsync()
        {
            _clock.Advance(Duration.FromDays(190));
            await SweepAsync();
            _ = (await _retention.ReleaseHoldAsync(Council, _complaint!.Id, ComplaintsOfficer, "complaint closed")).Value;
            await output.WriteLineAsync($"The complaint is closed and its hold released.");
            await SweepAsync();

            var session = (await host.GetRequiredService<IRecordingStore>().GetAsync(Council, Voice)).Value;
            var read = await _media.OpenReadAsync(Council, _transcript!.Location);
            await output.WriteLineAsync($"Recording {Voice} is {session.State}; reading its transcript now gives {read.Error?.Code}.");
        }

        private async Task SweepAsync()
        {
            var sweep = await host.GetRequiredService<DisposalPlanner>().RunOnceAsync(Council, ActorId.Parse("sweeper"), host.GetRequiredService<IRetainedItemDisposer>());
            foreach (var proof in sweep.Proofs.OrderBy(p => p.Item.Value, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"{Day(_clock.GetCurrentInstant())} disposed of {proof.Item} under rule {proof.Rule}, proof {proof.ContentHash?[..15]}...");
            }
        }

        private async Task<StoredArtefact> StoreAudioAsync(InteractionId interaction, RecordingId recording)
        {
            var audio = (await _media.PutAsync(Council, recording, MediaKind.Audio, new MemoryStream("RIFF....WAVE"u8.ToArray()))).Value;
            await ApplyAsync(recording, new MediaStored(EventId.New(), audio));
            return (await _interactions.StoreArtefactAsync(new ArtefactToStore
            {
                Tenant = Council, Interaction = interaction, Name = "audio", Kind = ArtefactKind.Audio, Recording = recording, Location = audio.Location, Sha256 = audio.Sha256,
            })).Value;
        }

        private async Task ApplyAsync(RecordingId recording, RecordingEvent change) =>
            _ = (await _recordings.ApplyAsync(Council, recording, change, Telephony)).Value;

        private string Day(Instant at) => at.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Day(LocalDate on) => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
