using ContactKit.DataSubjects;
using ContactKit.Hosting;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Samples.Worker;

/// <summary>What the simulated run stored at the start, to check at the end.</summary>
/// <param name="Chat">A webchat whose transcript is kept six months, then disposed of by the sweep.</param>
/// <param name="Call">A call whose recording the caller asked to have deleted.</param>
/// <param name="Deletion">That deletion on request, authorised at the start.</param>
/// <param name="Request">A subject access request nobody completes, so it goes overdue.</param>
internal sealed record Seeded(InteractionId Chat, InteractionId Call, DeletionRequestId Deletion, RightsRequestId Request);

/// <summary>
/// A few interactions and requests for the simulated run, carrying the kind of personal data a contact centre handles
/// (a name, a telephone number, an email address, a card number, a subject id), none of which may reach a log.
/// </summary>
internal static class SampleData
{
    public const string Name = "Margaret Thornton";
    public const string Phone = "07700 900461";
    public const string Email = "margaret.thornton@example.org";
    public const string Card = "4111 1111 1111 1111";
    public const string Subject = "subject-58213";

    public static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly ActorId Officer = ActorId.Parse("records-officer");
    private static readonly PrivacyNoticeId Notice = PrivacyNoticeId.Parse("recording");
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);

    /// <summary>The personal data in the seeded inputs, as written.</summary>
    public static IReadOnlyList<string> PersonalData { get; } = [Name, "Thornton", Phone, "07700900461", "+447700900461", Email, Card, "4111111111111111", Subject];

    public static async Task<Seeded> SeedAsync(IServiceProvider services)
    {
        var clock = (FakeClock)services.GetRequiredService<IClock>();
        var interactions = services.GetRequiredService<InteractionService>();
        var recordings = services.GetRequiredService<RecordingService>();
        var run = Guid.NewGuid().ToString("N")[..8]; // a database may hold earlier runs
        var chat = InteractionId.Parse($"chat-{run}");
        var text = RecordingId.Parse($"chat-{run}.text");
        var call = InteractionId.Parse($"call-{run}");
        var voice = RecordingId.Parse($"call-{run}.voice");

        // A webchat: the resident types their details and, outside a secure pause, a card number.
        Check(await interactions.StartAsync(Council, chat, Channel.Webchat, text, [Resident], false, Telephony));
        Check(await recordings.ApplyAsync(Council, text, new RecordingNoticeGiven(EventId.New(), Resident.Id, Notice, "v1", NoticeMethod.Banner), Telephony));
        Check(await recordings.ApplyAsync(Council, text, new CaptureStarted(EventId.New()), Telephony));
        clock.Advance(Duration.FromMinutes(4));
        Check(await interactions.EndAsync(Council, chat, Telephony));
        Check(await interactions.LinkSubjectAsync(Council, chat, Resident.Id, DataSubjectId.Parse(Subject)));
        Check(await services.GetRequiredService<TranscriptService>().StoreAsync(new TranscriptToStore
        {
            Tenant = Council, Interaction = chat, Recording = text, Name = "transcript", Actor = Telephony,
            Messages =
            [
                new TranscriptMessage(Resident.Id, Channel.Webchat, $"Hello, I'm {Name}, my number is {Phone} and my email is {Email}"),
                new TranscriptMessage(Resident.Id, Channel.Webchat, $"I want to pay for my garden waste bin, card is {Card} exp 04/28"),
            ],
        }));

        // She asks for a copy of the chat; nobody completes the request, so it goes overdue.
        var intake = new RequestIntake { Channel = Channel.Email, Description = $"{Name} ({Email}, {Phone}) asks for a copy of her webchat." };
        var request = Check(await services.GetRequiredService<RightsRequestService>().ReceiveAsync(Council, DataSubjectId.Parse(Subject), DataSubjectRight.Access, intake, Officer));

        // A recorded call whose deletion she asks for; it is authorised at once and carried out by the sweep.
        Check(await interactions.StartAsync(Council, call, Channel.VoiceCall, voice, [Resident], false, Telephony));
        Check(await recordings.ApplyAsync(Council, voice, new RecordingNoticeGiven(EventId.New(), Resident.Id, Notice, "v1", NoticeMethod.Announcement), Telephony));
        Check(await recordings.ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), Telephony));
        clock.Advance(Duration.FromMinutes(3));
        Check(await interactions.EndAsync(Council, call, Telephony));
        var media = Check(await services.GetRequiredService<IRecordingMediaStore>().PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([1, 2, 3, 4])));
        Check(await recordings.ApplyAsync(Council, voice, new MediaStored(EventId.New(), media), Telephony));
        Check(await interactions.StoreArtefactAsync(new ArtefactToStore { Tenant = Council, Interaction = call, Name = "audio", Kind = ArtefactKind.Audio, Recording = voice, Location = media.Location, Sha256 = media.Sha256 }));
        var deletions = services.GetRequiredService<DeletionRequestService>();
        var deletion = Check(await deletions.RequestAsync(Council, call, voice, Officer, $"{Name} asked on the phone, from {Phone}, for the recording to be deleted"));
        Check(await deletions.AuthoriseAsync(Council, deletion.Id, Officer));
        return new Seeded(chat, call, deletion.Id, request.Id);
    }

    /// <summary>Checks that the run disposed of the transcript, carried out the deletion and raised each alert once.</summary>
    /// <returns>0 when it did, otherwise 1.</returns>
    public static async Task<int> CheckAsync(IServiceProvider services, Seeded seeded, TextWriter output)
    {
        var failures = new List<string>();
        var transcriptDisposed = false;
        await foreach (var artefact in services.GetRequiredService<IArtefactStore>().ReadByInteractionAsync(Council, seeded.Chat))
        {
            var item = await services.GetRequiredService<IRetentionStore>().GetAsync(Council, artefact.RetainedItem);
            transcriptDisposed |= item.IsSuccess && item.Value.IsDisposed;
        }

        if (!transcriptDisposed)
        {
            failures.Add("the chat transcript was not disposed of after six months");
        }

        var read = await services.GetRequiredService<IDeletionRequestStore>().GetAsync(Council, seeded.Deletion);
        DeletionRequestState? deletion = read.IsSuccess ? read.Value.State : null;
        if (deletion != DeletionRequestState.Completed)
        {
            failures.Add("the authorised deletion on request was not carried out");
        }

        var raised = services.GetRequiredService<PagerAlerts>().Raised;
        foreach (var (kind, reference) in new[]
        {
            (ComplianceAlertKind.CardDataSeenOutsidePause, $"{seeded.Chat}/{seeded.Chat}.text"),
            (ComplianceAlertKind.RightsRequestDueSoon, seeded.Request.Value),
            (ComplianceAlertKind.RightsRequestOverdue, seeded.Request.Value),
        })
        {
            var count = raised.Count(a => a.Kind == kind && a.Reference == reference);
            if (count != 1)
            {
                failures.Add($"{kind} for {reference} was raised {count} times, not once");
            }
        }

        await output.WriteLineAsync($"fake clock run: {raised.Count} alerts raised; transcript disposed: {transcriptDisposed}; deletion on request: {deletion}");
        foreach (var failure in failures)
        {
            await output.WriteLineAsync("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Seeding the sample data failed: {result.Error}");
}
