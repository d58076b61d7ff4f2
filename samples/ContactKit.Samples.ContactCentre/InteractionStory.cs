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
/// One call followed from the first ring to its disposal, with one set of ids, on a real database: ContactKit's tables
/// in an embedded SQLite file (made by the shipped migrations) and the recording on disk. A resident rings the council;
/// the IVR is not recorded; an officer takes a card payment during a secure pause; the audio and the redacted
/// transcript are kept six months; the resident asks for a copy; after six months the sweep deletes both, with proof.
/// </summary>
public static class InteractionStory
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Officer = new(PartyId.Parse("officer-7"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId ResidentSubject = DataSubjectId.Parse("resident-42");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
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
        var clock = (NodaTime.Testing.FakeClock)host.GetRequiredService<IClock>();
        var interactions = host.GetRequiredService<InteractionService>();
        var recordings = host.GetRequiredService<RecordingService>();
        var media = host.GetRequiredService<IRecordingMediaStore>();

        // The first ring: the IVR answers, and the resident is told the call is recorded.
        _ = (await interactions.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Resident], beginsWithBot: true, Telephony)).Value;
        _ = (await interactions.GiveNoticeAsync(Council, Call, Voice, Resident.Id, Notice, NoticeMethod.Announcement, Telephony)).Value;
        clock.Advance(Duration.FromMinutes(1));
        await output.WriteLineAsync($"09:00 {Call} rings; the IVR answers and is not recorded; the resident hears notice {Notice.VersionId}.");

        // An officer takes the call, and a card payment in a secure pause.
        _ = (await recordings.ApplyAsync(Council, Voice, new HandedToPerson(EventId.New(), Officer), Telephony)).Value;
        _ = (await recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony)).Value;
        clock.Advance(Duration.FromMinutes(3));
        _ = (await recordings.ApplyAsync(Council, Voice, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment), Telephony)).Value;
        clock.Advance(Duration.FromMinutes(1));
        _ = (await recordings.ApplyAsync(Council, Voice, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment), Telephony)).Value;
        clock.Advance(Duration.FromMinutes(1));
        _ = (await interactions.EndAsync(Council, Call, Telephony)).Value;
        var report = (await recordings.ReportAsync(Council, Voice)).Value;
        await output.WriteLineAsync($"{Officer.Id} takes the call; recording pauses while card details are taken. Captured {report.Captured.TotalMinutes:0} minutes of {(report.EndedAt - report.StartedAt)?.TotalMinutes:0}.");

        // The audio goes to disk; the transcript is redacted before it is stored.
        var audio = (await media.PutAsync(Council, Voice, MediaKind.Audio, new MemoryStream("RIFF....WAVE"u8.ToArray()))).Value;
        _ = (await recordings.ApplyAsync(Council, Voice, new MediaStored(EventId.New(), audio), Telephony)).Value;
        var stored = (await interactions.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Call, Name = "audio", Kind = ArtefactKind.Audio, Recording = Voice, Location = audio.Location, Sha256 = audio.Sha256,
        })).Value;
        var transcript = (await host.GetRequiredService<TranscriptService>().StoreAsync(new TranscriptToStore
        {
            Tenant = Council, Interaction = Call, Recording = Voice, Name = "transcript", Actor = Telephony,
            Messages =
            [
                new TranscriptMessage(Resident.Id, Channel.VoiceCall, "my bin was not collected on Tuesday"),
                new TranscriptMessage(Officer.Id, Channel.VoiceCall, "I can book a collection, it is twelve pounds"),
            ],
        })).Value;
        var plan = (await host.GetRequiredService<RetentionService>().ExplainAsync(Council, stored.RetainedItem)).Value;
        await output.WriteLineAsync($"The audio and the transcript are stored; the audio is kept until {plan.DisposeAt?.InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} under rule {plan.Rule?.Name}.");

        // The resident is identified, and asks for a copy of what the council holds.
        _ = (await interactions.LinkSubjectAsync(Council, Call, Resident.Id, ResidentSubject)).Value;
        var copy = await host.GetRequiredService<SubjectAccessExporter>().ExportAsync(Council, ResidentSubject, Stream.Null);
        await output.WriteLineAsync($"The resident is identified as {ResidentSubject}; their copy holds {copy.TotalRecords} records ({string.Join(", ", copy.RecordsBySource.Select(s => $"{s.Key}: {s.Value}"))}), {copy.Recordings} recording with {copy.RecordingsForRedactionReview} to review for the officer's voice before release.");

        // Six months on, the sweep deletes both with proof; the recording is a tombstone.
        clock.Advance(Duration.FromDays(190));
        var sweep = await host.GetRequiredService<DisposalPlanner>().RunOnceAsync(Council, ActorId.Parse("sweeper"), host.GetRequiredService<IRetainedItemDisposer>());
        foreach (var proof in sweep.Proofs.OrderBy(p => p.Item.Value, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"{clock.GetCurrentInstant().InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} disposed of {proof.Item} under rule {proof.Rule}, proof {proof.ContentHash?[..15]}...");
        }

        var session = (await host.GetRequiredService<IRecordingStore>().GetAsync(Council, Voice)).Value;
        var read = await media.OpenReadAsync(Council, transcript.Media.Location);
        await output.WriteLineAsync($"Recording {Voice} is {session.State}; reading its transcript now gives {read.Error?.Code}.");
    }
}
