using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Requests;

public class RightsRequestWorkflowTests
{
    [Fact]
    public void Receive_EmailRequest_DueOneCalendarMonthLaterWithOneEvent()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);

        Assert.Equal(RightsRequestState.Received, request.State);
        Assert.Equal(new LocalDate(2026, 4, 2), request.DueOn);
        Assert.Equal(new LocalDate(2026, 4, 2), request.ExtensionNoticeDueOn);
        var received = Assert.Single(request.History);
        Assert.Equal((1, RightsRequestAction.Receive, Officer), (received.Sequence, received.Action, received.By));
    }

    [Fact]
    public void Receive_MonthEndsOnGoodFriday_DueOnTheNextWorkingDayAfterEaster()
    {
        // 3 April 2026 is Good Friday and 6 April Easter Monday in England and Wales.
        var request = Receive(DataSubjectRight.Access, new LocalDate(2026, 3, 3));

        Assert.Equal(new LocalDate(2026, 4, 7), request.DueOn);
    }

    [Fact]
    public void Receive_PhoneRequestWithoutIdentityCheck_RefusedNamingTheField()
    {
        var intake = ByPhone with { IdentityCheck = null };

        var result = Workflow.Receive(Council, RightsRequestId.New(), Caller, DataSubjectRight.Erasure, intake, Officer, At(Monday2March), Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.IdentityCheckRequired, result.Error?.Code);
        Assert.Equal("intake.identityCheck", result.Error!.Field);
    }

    [Fact]
    public void Receive_PhoneRequestByRepresentative_RecordsCheckAndRepresentative()
    {
        var intake = ByPhone with
        {
            Representative = new Representative(DataSubjects.PersonName.Parse("Sam Bloggs"), "son with lasting power of attorney", "copy of the registered power of attorney", AuthorityVerified: true),
        };

        var request = Workflow.Receive(Council, RightsRequestId.New(), Caller, DataSubjectRight.Erasure, intake, Officer, At(Monday2March), Monday2March).Value;

        Assert.Equal([IdentityCheckMethod.KnowledgeBasedQuestions, IdentityCheckMethod.CallbackToNumberOnFile], request.Intake.IdentityCheck!.Methods.ToArray());
        Assert.True(request.Intake.Representative!.AuthorityVerified);
        Assert.Contains("son with lasting power of attorney", request.History[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_RepresentativeWithoutAuthority_Refused()
    {
        var intake = ByEmail with { Representative = new Representative(DataSubjects.PersonName.Parse("Sam Bloggs"), "friend", " ", false) };

        var result = Workflow.Receive(Council, RightsRequestId.New(), Caller, DataSubjectRight.Access, intake, Officer, At(Monday2March), Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.InvalidRequest, result.Error?.Code);
    }

    [Fact]
    public void ConfirmIdentity_InformationArrivedBeforeConfirmation_DeadlineRunsFromArrivalNotConfirmation()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var checking = Apply(request, (by, at, on) => RightsRequestCommand.BeginIdentityCheck(by, at, on, "asked for proof of address"), Monday2March).Value;
        var arrived = Apply(checking, (by, at, on) => RightsRequestCommand.ReceiveIdentityInformation(by, at, on, "utility bill by post"), new LocalDate(2026, 3, 5)).Value;

        var confirmed = Apply(arrived, (by, at, on) => RightsRequestCommand.ConfirmIdentity(by, at, on), new LocalDate(2026, 3, 9)).Value;

        Assert.Equal(RightsRequestState.InProgress, confirmed.State);
        Assert.Equal((new LocalDate(2026, 3, 5), new LocalDate(2026, 3, 9)), (confirmed.IdentityInformationReceivedOn, confirmed.IdentityConfirmedOn));
        Assert.Equal(new LocalDate(2026, 3, 5), confirmed.RelevantTime);
        // One month from 5 March, the day the information arrived, is Sunday 5 April; Monday 6 April is Easter Monday, so
        // Tuesday 7 April. The old code counted from the confirmation on 9 March.
        Assert.Equal(new LocalDate(2026, 4, 7), confirmed.DueOn);
    }

    [Fact]
    public void ReceiveFee_AfterIdentityInformation_RelevantTimeIsTheLatestOfTheThree()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var checking = Apply(request, (by, at, on) => RightsRequestCommand.BeginIdentityCheck(by, at, on), Monday2March).Value;
        var arrived = Apply(checking, (by, at, on) => RightsRequestCommand.ReceiveIdentityInformation(by, at, on), new LocalDate(2026, 3, 5)).Value;

        var paid = Apply(arrived, (by, at, on) => RightsRequestCommand.ReceiveFee(by, at, on, "GBP 10 by card"), new LocalDate(2026, 3, 12)).Value;

        Assert.Equal((RightsRequestState.VerifyingIdentity, new LocalDate(2026, 3, 12)), (paid.State, paid.FeeReceivedOn));
        Assert.Equal(new LocalDate(2026, 3, 12), paid.RelevantTime);
        // One month from Thursday 12 March is Sunday 12 April, so Monday 13 April.
        Assert.Equal(new LocalDate(2026, 4, 13), paid.DueOn);
        Assert.Equal(RightsRequestAction.ReceiveFee, paid.History[^1].Action);
    }

    [Fact]
    public void ReceiveFee_Twice_Refused()
    {
        var paid = Apply(Receive(DataSubjectRight.Access, Monday2March), (by, at, on) => RightsRequestCommand.ReceiveFee(by, at, on), new LocalDate(2026, 3, 4)).Value;

        var again = Apply(paid, (by, at, on) => RightsRequestCommand.ReceiveFee(by, at, on), new LocalDate(2026, 3, 6));

        Assert.Equal((DataSubjectsErrorCodes.InvalidRequest, "action"), (again.Error?.Code, again.Error?.Field));
    }

    [Fact]
    public void ReceiveClarification_BeforeItWasAsked_RefusedAsOutOfOrder()
    {
        var asked = Apply(Receive(DataSubjectRight.Access, Monday2March), (by, at, on) => RightsRequestCommand.AskClarification(by, at, on), new LocalDate(2026, 3, 10)).Value;

        var result = Apply(asked, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 6));

        Assert.Equal((DataSubjectsErrorCodes.StepOutOfOrder, "on"), (result.Error?.Code, result.Error?.Field));
        Assert.Contains("before it was asked for", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_StepDatedBeforeThePreviousStep_RefusedAsOutOfOrder()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, new LocalDate(2026, 3, 10)).Value;

        var result = Apply(started, (by, at, on) => RightsRequestCommand.Complete(by, at, on), new LocalDate(2026, 3, 4));

        Assert.Equal((DataSubjectsErrorCodes.StepOutOfOrder, "on"), (result.Error?.Code, result.Error?.Field));
    }

    [Fact]
    public void Apply_StepTimedBeforeThePreviousStepOnTheSameDay_RefusedAsOutOfOrder()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, new LocalDate(2026, 3, 10)).Value;

        var result = Workflow.Apply(started, RightsRequestCommand.Complete(Officer, At(new LocalDate(2026, 3, 10)) - Duration.FromHours(1), new LocalDate(2026, 3, 10)));

        Assert.Equal((DataSubjectsErrorCodes.StepOutOfOrder, "at"), (result.Error?.Code, result.Error?.Field));
    }

    [Fact]
    public void AskClarification_AccessRequest_StopsTheClockUntilAnswered()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var asked = Apply(request, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on, "which calls?"), new LocalDate(2026, 3, 10)).Value;

        var answered = Apply(asked, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 20)).Value;

        Assert.Equal(RightsRequestState.AwaitingClarification, asked.State);
        Assert.False(asked.IsClockRunning);
        Assert.False(asked.IsOverdue(new LocalDate(2027, 1, 1)));
        Assert.Equal(RightsRequestState.InProgress, answered.State);
        // Eleven days paused (10 to 20 March, both included): 2 April plus 11 days is Monday 13 April.
        Assert.Equal(new LocalDate(2026, 4, 13), answered.DueOn);
    }

    [Fact]
    public void AskClarification_TwiceOnOneAccessRequest_NeitherWaitCounts()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var first = Apply(request, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on, "which calls?"), new LocalDate(2026, 3, 10)).Value;
        var firstAnswer = Apply(first, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 20)).Value;
        var second = Apply(firstAnswer, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on, "which year?"), new LocalDate(2026, 3, 23)).Value;

        var secondAnswer = Apply(second, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 30)).Value;

        Assert.Equal(11, secondAnswer.EarlierClarificationDays);
        // Eleven days then eight days paused (each wait's first and last days included): 2 April plus 19 days is Tuesday 21 April.
        Assert.Equal(new LocalDate(2026, 4, 21), secondAnswer.DueOn);
    }

    [Fact]
    public void ReceiveClarification_DatedBeforeItWasAsked_RefusedAndTheRequestUnchanged()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var asked = Apply(request, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on, "which calls?"), new LocalDate(2026, 3, 9)).Value;

        var answered = Apply(asked, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 4));

        Assert.True(answered.IsFailure);
        Assert.Equal(RightsRequestState.AwaitingClarification, asked.State);
    }

    [Fact]
    public void ReceiveClarification_AskedOn4MarchAnsweredOn9March_DueOn8AprilNot7April()
    {
        // Art 12A(5)(b): the period beginning with the day asked and ending with the day answered does not count.
        var request = Receive(DataSubjectRight.Access, Monday2March);
        var asked = Apply(request, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on, "which calls?"), new LocalDate(2026, 3, 4)).Value;

        var answered = Apply(asked, (by, at, on) => RightsRequestCommand.ReceiveClarification(by, at, on), new LocalDate(2026, 3, 9)).Value;

        Assert.Equal(new LocalDate(2026, 4, 8), answered.DueOn);
        Assert.Equal(new LocalDate(2026, 4, 8), answered.ExtensionNoticeDueOn);
    }

    [Theory]
    [InlineData(DataSubjectRight.Erasure)] // clarification stops the clock for subject access only
    [InlineData(DataSubjectRight.Rectification)] // likewise
    [InlineData(DataSubjectRight.Portability)] // portability is a copy, but not a subject access request
    public void AskClarification_NotAnAccessRequest_Refused(DataSubjectRight right)
    {
        var request = Receive(right, Monday2March);

        var result = Apply(request, (by, at, on) => RightsRequestCommand.AskClarification(by, at, on), Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.ClarificationOnlyForAccess, result.Error?.Code);
    }

    [Fact]
    public void Extend_WithReasonsInsideTheFirstMonth_DueThreeMonthsAfterReceipt()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, Monday2March).Value;

        var extended = Apply(started, (by, at, on) => RightsRequestCommand.Extend(by, at, on, "the request covers six years of calls", "it is one of several from the caller"), new LocalDate(2026, 3, 30)).Value;

        Assert.Equal(RightsRequestState.Extended, extended.State);
        Assert.Equal(new LocalDate(2026, 6, 2), extended.DueOn);
        Assert.Equal(new LocalDate(2026, 3, 30), extended.Extension!.NoticeSentOn);
        Assert.Equal("the request covers six years of calls; it is one of several from the caller", extended.History[^1].Detail);
    }

    [Fact]
    public void Extend_WithoutReasons_Refused()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, Monday2March).Value;

        var result = Apply(started, (by, at, on) => RightsRequestCommand.Extend(by, at, on), Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.InvalidExtension, result.Error?.Code);
        Assert.Equal("reasons", result.Error!.Field);
    }

    [Fact]
    public void Extend_AfterTheFirstMonth_RefusedAsTooLate()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, Monday2March).Value;

        var result = Apply(started, (by, at, on) => RightsRequestCommand.Extend(by, at, on, "complex"), new LocalDate(2026, 4, 3));

        Assert.Equal(DataSubjectsErrorCodes.InvalidExtension, result.Error?.Code);
        Assert.Contains("by 2026-04-02", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_WithoutTheLegalReason_Refused()
    {
        var request = Receive(DataSubjectRight.Erasure, Monday2March);

        var result = Apply(request, (by, at, on) => RightsRequestCommand.Refuse(by, at, on, "", "no"), Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.RefusalNeedsReason, result.Error?.Code);
    }

    [Fact]
    public void Refuse_WithTheLegalReason_FinalAndRecorded()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);

        var refused = Apply(request, (by, at, on) => RightsRequestCommand.Refuse(by, at, on, "Art 12(5)(b)", "manifestly excessive: the fifth identical request this month"), Monday2March).Value;

        Assert.Equal(RightsRequestState.Refused, refused.State);
        Assert.False(refused.IsOpen);
        Assert.Equal(Monday2March, refused.ClosedOn);
        Assert.Equal("Art 12(5)(b): manifestly excessive: the fifth identical request this month", refused.History[^1].Detail);
    }

    [Fact]
    public void Complete_ThenEveryAction_RefusedBecauseACompletedRequestNeverReopens()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, Monday2March).Value;
        var completed = Apply(started, (by, at, on) => RightsRequestCommand.Complete(by, at, on, "copy sent"), new LocalDate(2026, 3, 20)).Value;

        foreach (var action in Enum.GetValues<RightsRequestAction>().Where(a => a != RightsRequestAction.Receive))
        {
            var result = Workflow.Apply(completed, RightsRequestWorkflowPropertyTests.Command(action, new LocalDate(2026, 3, 21)));
            Assert.Equal(DataSubjectsErrorCodes.IllegalTransition, result.Error?.Code);
            Assert.Contains("never reopens", result.Error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AuthoriseErasure_NotAnErasureRequest_Refused()
    {
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March), RightsRequestCommand.Start, Monday2March).Value;

        var result = Apply(started, RightsRequestCommand.AuthoriseErasure, Monday2March);

        Assert.Equal(DataSubjectsErrorCodes.InvalidRequest, result.Error?.Code);
    }

    [Fact]
    public void Apply_StepDatedBeforeReceipt_Refused()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);

        var result = Apply(request, RightsRequestCommand.Start, Monday2March.PlusDays(-1));

        Assert.Equal((DataSubjectsErrorCodes.StepOutOfOrder, "on"), (result.Error?.Code, result.Error?.Field));
    }

    [Fact]
    public void ToMermaid_TransitionTable_DrawnExactly()
    {
        const string Expected = """
            stateDiagram-v2
                [*] --> Received
                Received --> VerifyingIdentity : BeginIdentityCheck
                Received --> InProgress : ConfirmIdentity
                Received --> AwaitingClarification : AskClarification
                Received --> InProgress : Start
                VerifyingIdentity --> VerifyingIdentity : ReceiveIdentityInformation
                VerifyingIdentity --> InProgress : ConfirmIdentity
                VerifyingIdentity --> AwaitingClarification : AskClarification
                AwaitingClarification --> InProgress : ReceiveClarification
                InProgress --> AwaitingClarification : AskClarification
                InProgress --> Extended : Extend
                InProgress --> InProgress : AuthoriseErasure
                InProgress --> Completed : Complete
                Extended --> Extended : AuthoriseErasure
                Extended --> Completed : Complete
                Received --> Received : ReceiveFee
                VerifyingIdentity --> VerifyingIdentity : ReceiveFee
                AwaitingClarification --> AwaitingClarification : ReceiveFee
                InProgress --> InProgress : ReceiveFee
                Received --> Refused : Refuse
                VerifyingIdentity --> Refused : Refuse
                AwaitingClarification --> Refused : Refuse
                InProgress --> Refused : Refuse
                Extended --> Refused : Refuse
                Received --> Withdrawn : Withdraw
                VerifyingIdentity --> Withdrawn : Withdraw
                AwaitingClarification --> Withdrawn : Withdraw
                InProgress --> Withdrawn : Withdraw
                Extended --> Withdrawn : Withdraw
                Completed --> [*]
                Refused --> [*]
                Withdrawn --> [*]

            """;

        Assert.Equal(Expected, RightsRequestWorkflow.ToMermaid());
    }

    [Fact]
    public void IsOverdueAndIsDueSoon_AroundTheDueDate_Flip()
    {
        var request = Receive(DataSubjectRight.Access, Monday2March);

        Assert.False(request.IsDueSoon(new LocalDate(2026, 3, 25), 7));
        Assert.True(request.IsDueSoon(new LocalDate(2026, 3, 26), 7));
        Assert.True(request.IsDueSoon(request.DueOn, 7));
        Assert.False(request.IsOverdue(request.DueOn));
        Assert.True(request.IsOverdue(request.DueOn.PlusDays(1)));
        Assert.False(request.IsDueSoon(request.DueOn.PlusDays(1), 7));
    }
}
