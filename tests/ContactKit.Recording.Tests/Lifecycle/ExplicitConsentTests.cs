using ContactKit.Recording;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>A party whose jurisdiction needs explicit consent is captured only once their consent is recorded with its evidence.</summary>
public class ExplicitConsentTests
{
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

    [Fact]
    public void Join_PartyNeedingConsentWhileCapturing_PausesForMissingConsentUntilTheyConsent()
    {
        var joined = Capturing().Then(Join(CaliforniaCaller with { Id = PartyId.Parse("third-party-ca"), Role = PartyRole.ThirdParty }));
        var third = joined.Parties[^1].Party;

        var consented = joined.Then(Consented(third));

        Assert.Equal(UncapturedReason.MissingConsent, joined.PauseReason);
        Assert.Equal(RecordingState.Capturing, consented.State);
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
