using ContactKit.Recording;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>A party whose jurisdiction needs explicit consent is captured only once their consent is recorded with its evidence.</summary>
public class ExplicitConsentTests
{
    private static readonly RecordingParty CaliforniaThirdParty = CaliforniaCaller with { Id = PartyId.Parse("third-party-ca"), Role = PartyRole.ThirdParty };

    // Regression: a US-CA party was recorded after only hearing the notice; NoticeMethod had no explicit-consent form.
    [Fact]
    public void Start_PartyNeedingExplicitConsentOnlyTold_IsRefusedWithConsentNotGiven()
    {
        var told = Begin(Started(parties: [CaliforniaCaller])).Then(Told(CaliforniaCaller)).Then(Join(Agent));

        var result = told.Try(Start());

        Assert.Equal(RecordingErrorCodes.ConsentNotGiven, result.Error?.Code);
        Assert.Equal(1, told.UnconsentedParties);
    }

    [Theory]
    [InlineData(ConsentAnswerMethod.KeyPress)] // pressed 1 at the prompt
    [InlineData(ConsentAnswerMethod.Spoken)] // said yes to the agent
    public void Start_ConsentRecordedWithEvidence_Captures(ConsentAnswerMethod method)
    {
        var consented = Begin(Started(parties: [CaliforniaCaller])).Then(Told(CaliforniaCaller)).Then(Consented(CaliforniaCaller, method));

        var capturing = consented.Then(Start());

        Assert.Equal(RecordingState.Capturing, capturing.State);
        var answer = capturing.Parties.Single().Consent!;
        Assert.True(answer.Given);
        Assert.Equal(method, answer.Method);
        Assert.Contains("consent given", Report(capturing).ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConsentRefused_ByTheParty_KeepsCaptureOffForTheInteraction()
    {
        var refused = Begin(Started(parties: [CaliforniaCaller])).Then(Told(CaliforniaCaller)).Then(Refused(CaliforniaCaller));

        Assert.Equal(RecordingState.Stopped, refused.State);
        Assert.Equal(UncapturedReason.ConsentRefused, refused.PauseReason);
        Assert.Equal(RecordingErrorCodes.IllegalTransition, refused.Try(Start()).Error?.Code);

        // A later yes does not undo the refusal for this interaction.
        var laterYes = refused.Then(Consented(CaliforniaCaller));
        Assert.Equal(RecordingState.Stopped, laterYes.State);
        Assert.Equal(RecordingErrorCodes.IllegalTransition, laterYes.Try(Start()).Error?.Code);
        Assert.Equal(RecordingState.Absent, refused.Then(End()).State);
    }

    // Strictest wins: a party from an all-party consent state joining a told caller means the caller must agree too.
    [Fact]
    public void Join_PartyNeedingConsentWhileCapturing_PausesUntilEveryPresentPartyConsents()
    {
        var joined = Capturing().Then(Join(CaliforniaThirdParty));

        var thirdConsented = joined.Then(Consented(CaliforniaThirdParty));
        var bothConsented = thirdConsented.Then(Consented(Caller));

        Assert.Equal((RecordingState.Paused, UncapturedReason.MissingConsent), (joined.State, joined.PauseReason));
        Assert.Equal(CaptureRequirement.ExplicitConsent, joined.EveryoneNeeds);
        Assert.Equal(2, joined.UnconsentedParties); // the caller and the third party; the agent is told through employment
        Assert.Equal((RecordingState.Paused, 1), (thirdConsented.State, thirdConsented.UnconsentedParties));
        Assert.Equal(RecordingState.Capturing, bothConsented.State);
    }

    [Fact]
    public void Leave_TheOnlyPartyNeedingConsentLeaves_CaptureRunsAgainForTheToldParties()
    {
        var joined = Capturing().Then(Join(CaliforniaThirdParty));

        var left = joined.Then(Leave(CaliforniaThirdParty));

        Assert.Equal(RecordingState.Paused, joined.State);
        Assert.Equal(CaptureRequirement.Notice, left.EveryoneNeeds);
        Assert.Equal((RecordingState.Capturing, 0), (left.State, left.UnconsentedParties));
    }

    [Fact]
    public void Transfer_ToAPartyNeedingConsent_PausesAndRaisesWhatEveryoneNeeds()
    {
        var transferred = Capturing().Then(Transfer(CaliforniaThirdParty, Agent, "licensing"));

        Assert.Equal((RecordingState.Paused, UncapturedReason.MissingConsent), (transferred.State, transferred.PauseReason));
        Assert.Equal(2, transferred.UnconsentedParties);
        Assert.Equal(RecordingState.Paused, transferred.Then(Consented(CaliforniaThirdParty)).State);
        Assert.Equal(RecordingState.Capturing, transferred.Then(Consented(CaliforniaThirdParty)).Then(Consented(Caller)).State);
    }

    // Staff are told through their employment, but where they are still counts: an officer in an all-party consent
    // state taking over from the IVR means the caller must agree.
    [Fact]
    public void Handover_ToStaffInAnAllPartyConsentState_TheCallerMustConsent()
    {
        var officer = Agent with { Jurisdiction = Jurisdiction.Parse("US-CA"), Requirement = CaptureRequirement.ExplicitConsent };
        var handed = Begin(bot: true).Then(Told(Caller)).Then(Handover(officer));

        var result = handed.Try(Start());

        Assert.Equal(RecordingErrorCodes.ConsentNotGiven, result.Error?.Code);
        Assert.Equal(1, handed.UnconsentedParties);
        Assert.Equal(RecordingState.Capturing, handed.Then(Consented(Caller)).Then(Start()).State);
    }

    // A party who agreed explicitly has been told what they agreed to.
    [Fact]
    public void Start_PartyWhoConsentedWithoutANotice_CountsAsTold()
    {
        var consented = Begin(Started(parties: [Caller, CaliforniaCaller])).Then(Consented(Caller)).Then(Consented(CaliforniaCaller));

        var capturing = consented.Then(Start());
        var californiaLeft = capturing.Then(Leave(CaliforniaCaller));

        Assert.Equal(RecordingState.Capturing, capturing.State);
        Assert.Equal((RecordingState.Capturing, 0), (californiaLeft.State, californiaLeft.UntoldParties));
    }

    [Fact]
    public void Resume_WhileAJoinedPartyHasNotConsented_StaysPausedForTheMissingConsent()
    {
        var paying = Capturing().Then(Pause(UncapturedReason.SecurePayment)).Then(Join(CaliforniaThirdParty));

        var resumed = paying.Then(Resume(UncapturedReason.SecurePayment));

        Assert.Equal((RecordingState.Paused, UncapturedReason.MissingConsent), (resumed.State, resumed.PauseReason));
        Assert.False(resumed.IsOpen(UncapturedReason.SecurePayment));
    }

    [Fact]
    public void Consent_WithoutEvidence_IsRefusedAsInvalidEvent()
    {
        var result = Begin(Started(parties: [CaliforniaCaller])).Try(Consented(CaliforniaCaller) with { Evidence = " " });

        Assert.Equal(RecordingErrorCodes.InvalidEvent, result.Error?.Code);
        Assert.Equal("evidence", result.Error?.Field);
    }

    [Fact]
    public void Start_ConsentNeededEvenWhenThePlanNeedsNoNotice()
    {
        var policy = RecordingPolicy.Default with { NoticeRequired = false };

        var result = Begin(Started(policy, parties: [CaliforniaCaller])).Try(Start());

        Assert.Equal(RecordingErrorCodes.ConsentNotGiven, result.Error?.Code);
    }
}
