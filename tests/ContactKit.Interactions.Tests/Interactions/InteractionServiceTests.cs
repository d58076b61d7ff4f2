using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Interactions;

public sealed class InteractionServiceTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty UkCaller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent"), PartyRole.Agent, Jurisdiction.UnitedKingdom);

    // Six months for recordings after the interaction ends (notice 001); no rule for sentiment.
    private static readonly RetentionSchedule Schedule = new()
    {
        Name = "council",
        Rules =
        [
            new RetentionRule { Name = "recordings", RecordClass = RecordClass.CallRecording, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "transcripts", RecordClass = RecordClass.Transcript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
            new RetentionRule { Name = "chat-transcripts", RecordClass = RecordClass.ChatTranscript, Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromMonths(6), Action = DisposalAction.Delete, Reason = RetentionReason.PublicTask },
        ],
    };

    [Fact]
    public async Task StartAsync_UnknownJurisdiction_EveryPartyNeedsExplicitConsentAndTheRecordingCarriesTheInteraction()
    {
        using var host = Host();
        var unknown = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, null);

        var started = await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [unknown], false, Telephony);
        var session = (await host.Sessions.GetAsync(Council, Voice)).Value;

        Assert.Equal([Voice], started.Value.Recordings.AsEnumerable());
        Assert.Equal(Call, session.Interaction);
        Assert.Equal(CaptureRequirement.ExplicitConsent, Assert.Single(session.Parties).Party.Requirement);
    }

    [Fact]
    public async Task JoinAsync_PartyFromAnAllPartyConsentState_JoinsNeedingExplicitConsent()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], false, Telephony);
        var californian = new RecordingParty(PartyId.Parse("relative"), PartyRole.ThirdParty, Jurisdiction.Parse("US-CA"));

        var agent = await host.Service.JoinAsync(Council, Call, Voice, Agent, Telephony);
        var joined = await host.Service.JoinAsync(Council, Call, Voice, californian, Telephony);

        Assert.Equal(CaptureRequirement.Notice, agent.Value.Parties.Single(p => p.Party.Id == Agent.Id).Party.Requirement);
        Assert.Equal(CaptureRequirement.ExplicitConsent, joined.Value.Parties.Single(p => p.Party.Id == californian.Id).Party.Requirement);
    }

    [Fact]
    public async Task JoinAsync_RecordingOfAnotherInteraction_IsRefused()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], false, Telephony);

        var result = await host.Service.JoinAsync(Council, Call, RecordingId.Parse("someone-elses"), Agent, Telephony);

        Assert.Equal(InteractionsErrorCodes.UnknownRecording, result.Error?.Code);
    }

    [Fact]
    public async Task LinkSubjectAsync_PartyIdentified_IsLinkedOnceAndAnotherSubjectIsRefused()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], false, Telephony);
        var subject = DataSubjectId.Parse("resident-42");

        var linked = await host.Service.LinkSubjectAsync(Council, Call, UkCaller.Id, subject);
        var again = await host.Service.LinkSubjectAsync(Council, Call, UkCaller.Id, subject);
        var other = await host.Service.LinkSubjectAsync(Council, Call, UkCaller.Id, DataSubjectId.Parse("resident-43"));

        Assert.Equal(subject, linked.Value.SubjectOf(UkCaller.Id));
        Assert.Equal(linked.Value.Version, again.Value.Version);
        Assert.Equal(InteractionsErrorCodes.Invalid, other.Error?.Code);
    }

    [Fact]
    public async Task StoreArtefactAsync_Audio_CreatesItsRetainedItemWithADeterministicIdAndTheEndAsTrigger()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], false, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, UkCaller.Id, DataSubjectId.Parse("resident-42"));

        var stored = await host.Service.StoreArtefactAsync(Audio());
        var beforeEnd = (await host.Retention.GetAsync(Council, stored.Value.RetainedItem)).Value;
        var ended = await host.Service.EndAsync(Council, Call, Telephony);
        var afterEnd = (await host.Retention.GetAsync(Council, stored.Value.RetainedItem)).Value;
        var twice = await host.Service.StoreArtefactAsync(Audio());

        Assert.Equal(StoredArtefact.RetainedItemFor(Call, "rec-voice.audio"), stored.Value.RetainedItem);
        Assert.Equal(RecordClass.CallRecording, beforeEnd.Item.RecordClass);
        Assert.Equal((Call, "resident-42"), (beforeEnd.Item.Interaction!.Value, beforeEnd.Item.Subject!.Value.Value));
        Assert.Null(beforeEnd.DisposeAt); // waits for the interaction to end
        Assert.Equal(ended.Value.EndedAt, afterEnd.Item.TriggeredAt(RetentionTrigger.InteractionEnded));
        Assert.NotNull(afterEnd.DisposeAt);
        Assert.True(afterEnd.DisposeAt > ended.Value.EndedAt!.Value.Plus(Duration.FromDays(180)));
        Assert.Equal(InteractionsErrorCodes.ArtefactAlreadyStored, twice.Error?.Code);
        Assert.Equal(RecordingState.Absent, (await host.Sessions.GetAsync(Council, Voice)).Value.State);
    }

    [Fact]
    public async Task StoreArtefactAsync_KindWithNoRuleInTheSchedule_IsRefusedAndNothingIsStored()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], false, Telephony);

        var result = await host.Service.StoreArtefactAsync(new ArtefactToStore { Tenant = Council, Interaction = Call, Name = "sentiment", Kind = ArtefactKind.Sentiment, Location = "crm/sentiment/1" });

        Assert.Equal(InteractionsErrorCodes.NoRetentionRule, result.Error?.Code);
        Assert.Empty(await host.Artefacts.ReadByInteractionAsync(Council, Call).ToListAsync());
        Assert.True((await host.Retention.GetAsync(Council, StoredArtefact.RetainedItemFor(Call, "sentiment"))).IsFailure);
    }

    [Fact]
    public void Startup_StoredKindWithNoRule_FailsWithCK0900NamingTheKind()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRetention(o => o.Schedule = Schedule).AddInteractions(o => o.StoredKinds.Add(ArtefactKind.Summary)).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures, f => f.StartsWith(InteractionsErrorCodes.NoRetentionRule, StringComparison.Ordinal));
        Assert.Contains("Summary", failure, StringComparison.Ordinal);
        Assert.Contains("interaction_summary", failure, StringComparison.Ordinal);
    }

    private static ArtefactToStore Audio() => new()
    {
        Tenant = Council, Interaction = Call, Name = "rec-voice.audio", Kind = ArtefactKind.Audio, Recording = Voice,
        Location = "memory://rec-voice/audio", Sha256 = new string('a', 64),
    };

    private static TestHost Host()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(T0, Duration.FromSeconds(5)));
        services.AddContactKit().AddRetention(o => o.Schedule = Schedule).AddInteractions().UseInMemoryStores();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new TestHost(provider);
    }

    private sealed class TestHost(ServiceProvider provider) : IDisposable
    {
        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public IRecordingStore Sessions { get; } = provider.GetRequiredService<IRecordingStore>();

        public IRetentionStore Retention { get; } = provider.GetRequiredService<IRetentionStore>();

        public IArtefactStore Artefacts { get; } = provider.GetRequiredService<IArtefactStore>();

        public void Dispose() => provider.Dispose();
    }
}
