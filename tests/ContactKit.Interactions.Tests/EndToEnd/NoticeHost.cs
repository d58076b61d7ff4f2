using ContactKit.Calendars;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Policies;
using ContactKit.Recording;
using ContactKit.Redaction;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// A host configured from one of the five sample policies (<c>samples/policies</c>) with <c>AddPolicy</c>, with the
/// interaction layer on the in-memory stores, validated as at start-up, and a clock the test moves. Nothing the policy
/// states is set again in code: a test adds only what the policy leaves to the host (what it stores, who may listen).
/// </summary>
internal sealed class NoticeHost : IDisposable
{
    public static readonly ActorId Telephony = ActorId.Parse("telephony");
    public static readonly ActorId Sweeper = ActorId.Parse("sweeper");
    public static readonly ActorId Officer = ActorId.Parse("officer-7");
    public static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 10, 0);

    private static readonly RightsRequestWorkflow Workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));
    private readonly ServiceProvider _provider;

    public NoticeHost(string file, Action<InteractionsOptions>? interactions = null, Action<ContactKitBuilder>? configure = null)
        : this(Sample(file), interactions, configure)
    {
    }

    /// <summary>A host configured from a policy a test has changed from one of the samples.</summary>
    public NoticeHost(PolicyDocument policy, Action<InteractionsOptions>? interactions = null, Action<ContactKitBuilder>? configure = null)
    {
        Policy = policy;
        Tenant = TenantId.Parse(Policy.Tenant!);
        Clock = new SteppingClock(Monday);
        Notice = new NoticeReference(PrivacyNoticeId.Parse($"{Tenant.Value}-notice"), 1, "en-GB", new string('a', 64));
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);
        var builder = services.AddContactKit().AddPolicy(Policy).AddInteractions(interactions).UseInMemoryStores();
        configure?.Invoke(builder);
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    public PolicyDocument Policy { get; }

    /// <summary>One of the sample policies, loaded.</summary>
    public static PolicyDocument Sample(string file)
    {
        var loaded = PolicyLoader.Load(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file)));
        Assert.True(loaded.IsLoaded, string.Join("; ", loaded.Errors));
        return loaded.Document!;
    }

    public TenantId Tenant { get; }

    public SteppingClock Clock { get; }

    /// <summary>The notice version callers are told about.</summary>
    public NoticeReference Notice { get; }

    /// <summary>The privacy notice rendered from the policy, as plain text.</summary>
    public string NoticeText => NoticeRenderer.Render(Policy, NoticeFormat.PlainText);

    public InteractionService Service => Get<InteractionService>();

    public RecordingService Recordings => Get<RecordingService>();

    public IRecordingStore Sessions => Get<IRecordingStore>();

    public IRecordingMediaStore Media => Get<IRecordingMediaStore>();

    public IRetentionStore Retained => Get<IRetentionStore>();

    public IArtefactStore Artefacts => Get<IArtefactStore>();

    public IAuditTrail Audit => Get<IAuditTrail>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Starts a call or chat with its first recording, the parties present, and the subject the caller is.</summary>
    public async Task StartAsync(InteractionId interaction, RecordingId recording, Channel channel, bool beginsWithBot, RecordingParty caller, DataSubjectId? subject, params RecordingParty[] others)
    {
        var started = await Service.StartAsync(Tenant, interaction, channel, recording, [caller, .. others], beginsWithBot, Telephony);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        if (subject is { } linked)
        {
            var link = await Service.LinkSubjectAsync(Tenant, interaction, caller.Id, linked);
            Assert.True(link.IsSuccess, link.Error?.ToString());
        }
    }

    /// <summary>Tells a party that the interaction is recorded.</summary>
    public async Task TellAsync(InteractionId interaction, RecordingId recording, PartyId party, NoticeMethod method)
    {
        var told = await Service.GiveNoticeAsync(Tenant, interaction, recording, party, Notice, method, Telephony);
        Assert.True(told.IsSuccess, told.Error?.ToString());
    }

    /// <summary>The bot or IVR hands the call to a member of staff, through the layer, which rules on them as on any party joining.</summary>
    public async Task HandOverAsync(InteractionId interaction, RecordingId recording, RecordingParty person)
    {
        var handed = await Service.HandOverAsync(Tenant, interaction, recording, person, Telephony);
        Assert.True(handed.IsSuccess, handed.Error?.ToString());
    }

    public async Task Apply(RecordingId recording, RecordingEvent @event)
    {
        var applied = await Recordings.ApplyAsync(Tenant, recording, @event, Telephony);
        Assert.True(applied.IsSuccess, applied.Error?.ToString());
    }

    public async Task EndAsync(InteractionId interaction)
    {
        var ended = await Service.EndAsync(Tenant, interaction, Telephony);
        Assert.True(ended.IsSuccess, ended.Error?.ToString());
    }

    /// <summary>Stores a call's audio in the media store and hands it to the layer.</summary>
    public async Task<(StoredArtefact Artefact, RecordingMedia Media)> StoreAudioAsync(InteractionId interaction, RecordingId recording)
    {
        var audio = (await Media.PutAsync(Tenant, recording, MediaKind.Audio, new MemoryStream([1, 2, 3, 4]))).Value;
        await Apply(recording, new MediaStored(EventId.New(), audio));
        var stored = await Service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Tenant, Interaction = interaction, Name = "audio", Kind = ArtefactKind.Audio, Recording = recording, Location = audio.Location, Sha256 = audio.Sha256,
        });
        Assert.True(stored.IsSuccess, stored.Error?.ToString());
        return (stored.Value, audio);
    }

    /// <summary>Stores a transcript through the layer, which redacts it first.</summary>
    public async Task<StoredTranscript> StoreTranscriptAsync(InteractionId interaction, RecordingId recording, PartyId party, Channel channel, params string[] lines)
    {
        var stored = await Get<TranscriptService>().StoreAsync(new TranscriptToStore
        {
            Tenant = Tenant, Interaction = interaction, Recording = recording, Name = "transcript", Actor = Telephony,
            Messages = [.. lines.Select(line => new TranscriptMessage(party, channel, line))],
        });
        Assert.True(stored.IsSuccess, stored.Error?.ToString());
        return stored.Value;
    }

    /// <summary>Stores an artefact whose content the host keeps itself (sentiment, a summary, calling line identity).</summary>
    public async Task<Result<StoredArtefact>> StoreOwnAsync(InteractionId interaction, string name, ArtefactKind kind, string content)
    {
        var location = $"{interaction}/{name}";
        var hash = Get<InMemoryArtefactContentProvider>().Put(Tenant, location, System.Text.Encoding.UTF8.GetBytes(content));
        return await Service.StoreArtefactAsync(new ArtefactToStore { Tenant = Tenant, Interaction = interaction, Name = name, Kind = kind, Location = location, Sha256 = hash });
    }

    public bool HoldsOwnContent(InteractionId interaction, string name) => Get<InMemoryArtefactContentProvider>().Contains(Tenant, $"{interaction}/{name}");

    /// <summary>One run of the disposal sweep for the tenant, as the hosted sweep runs it.</summary>
    public ValueTask<DisposalRunResult> SweepAsync() => Get<DisposalPlanner>().RunOnceAsync(Tenant, Sweeper, Get<IRetainedItemDisposer>());

    public async Task<StoredRetainedItem> ItemAsync(RetainedItemId id)
    {
        var item = await Retained.GetAsync(Tenant, id);
        Assert.True(item.IsSuccess, item.Error?.ToString());
        return item.Value;
    }

    public async Task<bool> ReadableAsync(string location) => (await Media.OpenReadAsync(Tenant, location)) is { IsSuccess: true } open && await Dispose(open.Value);

    /// <summary>The subject's erasure request, received by phone, identity checked and authorised now.</summary>
    public RightsRequest ErasureAuthorised(DataSubjectId subject)
    {
        var now = Clock.GetCurrentInstant();
        var today = now.InUtc().Date;
        var intake = new RequestIntake
        {
            Channel = Channel.VoiceCall,
            Description = "Caller asked for their recordings to be erased.",
            IdentityCheck = new IdentityCheck([IdentityCheckMethod.KnowledgeBasedQuestions, IdentityCheckMethod.CallbackToNumberOnFile], Officer, IdentityCheckOutcome.Verified),
        };
        var received = Workflow.Receive(Tenant, RightsRequestId.New(), subject, DataSubjectRight.Erasure, intake, Officer, now, today).Value;
        var started = Workflow.Apply(received, RightsRequestCommand.Start(Officer, now, today)).Value;
        return Workflow.Apply(started, RightsRequestCommand.AuthoriseErasure(Officer, now, today)).Value;
    }

    public async Task<SubjectAccessExportSummary> ExportAsync(DataSubjectId subject) => await Get<SubjectAccessExporter>().ExportAsync(Tenant, subject, Stream.Null);

    public void Dispose() => _provider.Dispose();

    private static async Task<bool> Dispose(Stream stream)
    {
        await stream.DisposeAsync();
        return true;
    }
}
