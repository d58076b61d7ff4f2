using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Holds;

/// <summary>One hold authority: a hold in Retention's registry, by any target that reaches a recording, stops its deletion.</summary>
public sealed class RetentionHoldAuthorityTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly RecordingId Chat = RecordingId.Parse("rec-chat");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly CaseId Complaint = CaseId.Parse("case-7");
    private static readonly ActorId Officer = ActorId.Parse("officer-1");
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static TheoryData<string> Targets => new()
    {
        "interaction", // a hold on the whole interaction reaches each of its recordings
        "case", // the interaction's case
        "subject", // a data subject identified in the interaction
        "item", // the retained item of the recording's audio
        "item-subject", // a subject that only the audio's retained item names
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task FindHoldAsync_HoldReachingTheRecording_IsFoundAndReleasingItClearsIt(string target)
    {
        var (authority, retention) = await ArrangeAsync();
        var hold = new LegalHold
        {
            Id = LegalHoldId.Parse("hold-1"), Tenant = Council, Reason = "ombudsman complaint", PlacedBy = Officer, PlacedAt = At,
            Target = target switch
            {
                "interaction" => HoldTarget.ForInteraction(Call),
                "case" => HoldTarget.ForCase(Complaint),
                "subject" => HoldTarget.ForSubject(Caller),
                "item" => HoldTarget.ForItem(StoredArtefact.RetainedItemFor(Call, "rec-voice.audio")),
                _ => HoldTarget.ForSubject(DataSubjectId.Parse("named-on-item")),
            },
        };
        await retention.AddHoldAsync(hold);

        var held = await authority.FindHoldAsync(Council, Voice, Call);
        await retention.ReleaseHoldAsync(Council, hold.Id, Officer, At + Duration.FromDays(1));
        var released = await authority.FindHoldAsync(Council, Voice, Call);

        Assert.Equal((true, "hold-1", "ombudsman complaint"), (held.IsHeld, held.Hold?.Value, held.Reason));
        Assert.False(released.IsHeld);
    }

    [Fact]
    public async Task FindHoldAsync_HoldOnAnotherRecordingsItem_DoesNotReachThisOne()
    {
        var (authority, retention) = await ArrangeAsync();
        await retention.AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("hold-chat"), Tenant = Council, Target = HoldTarget.ForItem(StoredArtefact.RetainedItemFor(Call, "rec-chat.transcript")),
            Reason = "disputed chat", PlacedBy = Officer, PlacedAt = At,
        });

        Assert.False((await authority.FindHoldAsync(Council, Voice, Call)).IsHeld);
        Assert.True((await authority.FindHoldAsync(Council, Chat, Call)).IsHeld);
    }

    [Fact]
    public async Task FindHoldAsync_AnotherTenantsHold_DoesNotReach()
    {
        var (authority, retention) = await ArrangeAsync();
        await retention.AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("hold-other"), Tenant = TenantId.Parse("other"), Target = HoldTarget.ForInteraction(Call),
            Reason = "elsewhere", PlacedBy = Officer, PlacedAt = At,
        });

        Assert.False((await authority.FindHoldAsync(Council, Voice, Call)).IsHeld);
    }

    [Fact]
    public async Task AddInteractions_RecordingDeletion_ReadsTheRetentionRegistryWhateverWasRegisteredBefore()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(At, Duration.FromSeconds(5)));
        services.AddSingleton<ILegalHoldAuthority, NeverHeld>(); // registered first, and still replaced
        services.AddContactKit().AddInteractions().UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var recordings = provider.GetRequiredService<RecordingService>();
        var retention = provider.GetRequiredService<IRetentionStore>();
        var system = ActorId.Parse("telephony");
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        await recordings.StartAsync(new InteractionStarted(EventId.New(), Council, Voice, Channel.VoiceCall, RecordingPolicy.Default, [caller], false) { Interaction = Call }, system);
        await recordings.ApplyAsync(Council, Voice, new InteractionEnded(EventId.New()), system);
        await recordings.ApplyAsync(Council, Voice, new DeletionRequested(EventId.New(), Officer, "caller asked"), system);
        await retention.AddHoldAsync(new LegalHold { Id = LegalHoldId.Parse("hold-1"), Tenant = Council, Target = HoldTarget.ForInteraction(Call), Reason = "litigation", PlacedBy = Officer, PlacedAt = At });

        var refused = await recordings.ApplyAsync(Council, Voice, new DeletionAuthorised(EventId.New(), Officer), system);

        Assert.IsType<RetentionHoldAuthority>(provider.GetRequiredService<ILegalHoldAuthority>());
        Assert.Single(services, d => d.ServiceType == typeof(ILegalHoldAuthority));
        Assert.Equal(RecordingErrorCodes.RecordingHeld, refused.Error?.Code);
    }

    private static async Task<(RetentionHoldAuthority Authority, InMemoryRetentionStore Retention)> ArrangeAsync()
    {
        var retention = new InMemoryRetentionStore();
        var interactions = new InMemoryInteractionStore();
        var artefacts = new InMemoryArtefactStore();
        await interactions.SaveAsync(new InteractionRecord
        {
            Tenant = Council, Id = Call, Channel = Channel.VoiceCall, StartedAt = At, Case = Complaint,
            Recordings = [Voice, Chat], Subjects = [new SubjectLink(PartyId.Parse("caller"), Caller, At)],
        });
        foreach (var (recording, name, kind) in new[] { (Voice, "rec-voice.audio", ArtefactKind.Audio), (Chat, "rec-chat.transcript", ArtefactKind.Transcript) })
        {
            var item = StoredArtefact.RetainedItemFor(Call, name);
            await artefacts.SaveAsync(new StoredArtefact { Tenant = Council, Interaction = Call, Name = name, Kind = kind, RetainedItem = item, StoredAt = At, Recording = recording });
            await retention.SaveAsync(new StoredRetainedItem
            {
                Item = new RetainedItem
                {
                    Tenant = Council, Id = item, RecordClass = RecordClass.CallRecording, CreatedAt = At, Interaction = Call,
                    Subject = recording == Voice ? DataSubjectId.Parse("named-on-item") : null,
                },
            });
        }

        return (new RetentionHoldAuthority(retention, interactions, artefacts), retention);
    }

    private sealed class NeverHeld : ILegalHoldAuthority
    {
        public ValueTask<HoldStatus> FindHoldAsync(TenantId tenant, RecordingId recording, InteractionId? interaction, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(HoldStatus.NotHeld);
    }
}
