using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Interactions;

/// <summary>
/// Parties joining, leaving, being handed the call and transferred to, through the layer: the consent rules rule on each
/// newcomer, and the lifecycle holds capture back until every party present has what the strictest of them requires.
/// </summary>
public sealed class PartyChangesTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent"), PartyRole.Agent, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Relative = new(PartyId.Parse("relative"), PartyRole.ThirdParty, Jurisdiction.Parse("US-CA"));
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("council-notice"), 3, "en-GB", new string('b', 64));

    [Fact]
    public async Task JoinAsync_PartyFromAnAllPartyConsentStateJoinsACapturedCall_CaptureWaitsUntilEveryPresentPartyAgrees()
    {
        using var host = await CapturedCallAsync();

        var joined = await host.Service.JoinAsync(Council, Call, Voice, Relative, Telephony);
        var agreedUntold = await host.Service.AnswerConsentAsync(Council, Call, Voice, Relative.Id, true, ConsentAnswerMethod.Spoken, "said yes before being told", Telephony);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Relative.Id, Notice, NoticeMethod.Announcement, Telephony);
        var relativeAgreed = await host.Service.AnswerConsentAsync(Council, Call, Voice, Relative.Id, true, ConsentAnswerMethod.Spoken, "said yes when asked", Telephony);
        var callerAgreed = await host.Service.AnswerConsentAsync(Council, Call, Voice, Caller.Id, true, ConsentAnswerMethod.KeyPress, "pressed 1 when asked again", Telephony);

        Assert.Equal((RecordingState.Paused, UncapturedReason.MissingConsent, 2), (joined.Value.State, joined.Value.PauseReason, joined.Value.UnconsentedParties));
        Assert.Equal(CaptureRequirement.ExplicitConsent, joined.Value.EveryoneNeeds);
        Assert.Equal(InteractionsErrorCodes.ConsentBeforeNotice, agreedUntold.Error?.Code); // consent relies on the notice
        Assert.Equal(CaptureRequirement.Notice, joined.Value.Parties.Single(p => p.Party.Id == Caller.Id).Party.Requirement); // the caller's own rule is unchanged
        Assert.Equal(RecordingState.Paused, relativeAgreed.Value.State);
        Assert.Equal(RecordingState.Capturing, callerAgreed.Value.State);
    }

    [Fact]
    public async Task LeaveAsync_ThePartyWhoNeededConsentLeaves_CaptureRunsAgainOnTheNotice()
    {
        using var host = await CapturedCallAsync();
        await host.Service.JoinAsync(Council, Call, Voice, Relative, Telephony);

        var left = await host.Service.LeaveAsync(Council, Call, Voice, Relative.Id, Telephony);
        var again = await host.Service.LeaveAsync(Council, Call, Voice, Relative.Id, Telephony);

        Assert.Equal((RecordingState.Capturing, CaptureRequirement.Notice), (left.Value.State, left.Value.EveryoneNeeds));
        Assert.Equal(RecordingErrorCodes.PartyNotPresent, again.Error?.Code);
    }

    [Fact]
    public async Task TransferAsync_ToAPartyWhoNeedsConsent_TheAgentLeavesAndCapturePausesUntilEveryoneAgrees()
    {
        using var host = await CapturedCallAsync();

        var transferred = await host.Service.TransferAsync(Council, Call, Voice, Relative, Agent.Id, "licensing", Telephony);

        var session = transferred.Value;
        Assert.False(session.Parties.Single(p => p.Party.Id == Agent.Id).IsPresent);
        Assert.Equal(CaptureRequirement.ExplicitConsent, session.Parties.Single(p => p.Party.Id == Relative.Id).Party.Requirement);
        Assert.Equal((RecordingState.Paused, UncapturedReason.MissingConsent), (session.State, session.PauseReason));
    }

    [Fact]
    public async Task HandOverAsync_FromTheIvrToAnOfficerOfUnknownJurisdiction_TheCallerMustAgree()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Caller], true, Telephony);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Caller.Id, Notice, NoticeMethod.Announcement, Telephony);
        var officer = Agent with { Jurisdiction = null };

        var handed = await host.Service.HandOverAsync(Council, Call, Voice, officer, Telephony);
        var capture = await host.Recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony);

        Assert.False(handed.Value.InBotPhase);
        Assert.Equal(CaptureRequirement.ExplicitConsent, handed.Value.EveryoneNeeds);
        Assert.Equal(RecordingErrorCodes.ConsentNotGiven, capture.Error?.Code);
    }

    [Fact]
    public async Task HandOverAsync_NoBotPhaseRunning_IsRefusedWithNotInBotPhase()
    {
        using var host = await CapturedCallAsync();

        var handed = await host.Service.HandOverAsync(Council, Call, Voice, Agent with { Id = PartyId.Parse("agent-2") }, Telephony);

        Assert.Equal(RecordingErrorCodes.NotInBotPhase, handed.Error?.Code);
    }

    [Fact]
    public async Task TransferAsync_RecordingOfAnotherInteraction_IsRefused()
    {
        using var host = await CapturedCallAsync();

        var result = await host.Service.TransferAsync(Council, Call, RecordingId.Parse("someone-elses"), Relative, null, null, Telephony);

        Assert.Equal(InteractionsErrorCodes.UnknownRecording, result.Error?.Code);
    }

    // A UK caller, told, handed from the IVR to a UK agent, capturing.
    private static async Task<TestHost> CapturedCallAsync()
    {
        var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Caller], true, Telephony);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Caller.Id, Notice, NoticeMethod.Announcement, Telephony);
        await host.Service.HandOverAsync(Council, Call, Voice, Agent, Telephony);
        var capturing = await host.Recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony);
        Assert.Equal(RecordingState.Capturing, capturing.Value.State);
        return host;
    }

    private static TestHost Host()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(T0, Duration.FromSeconds(5)));
        services.AddContactKit().AddRetention(o => o.Schedule = LayerFixtures.Schedule()).AddInteractions().UseInMemoryStores();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new TestHost(provider);
    }

    private sealed class TestHost(ServiceProvider provider) : IDisposable
    {
        public InteractionService Service { get; } = provider.GetRequiredService<InteractionService>();

        public RecordingService Recordings { get; } = provider.GetRequiredService<RecordingService>();

        public void Dispose() => provider.Dispose();
    }
}
