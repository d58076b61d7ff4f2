using CsCheck;
using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Requests;

/// <summary>
/// Thousands of random command sequences, with the invariants checked after every step: a final request never
/// changes again, a deadline never moves earlier, and history only grows by one event per accepted step.
/// </summary>
public class RightsRequestWorkflowPropertyTests
{
    private static readonly Gen<(RightsRequestAction Action, int Days)> Step =
        Gen.Select(Gen.Enum<RightsRequestAction>().Where(a => a != RightsRequestAction.Receive), Gen.Frequency((3, Gen.Int[0, 3]), (1, Gen.Int[4, 40])));

    private static readonly Gen<(DataSubjectRight Right, LocalDate Received, (RightsRequestAction Action, int Days)[] Steps)> Sequence =
        Gen.Select(Gen.Enum<DataSubjectRight>(), Gen.Int[0, 3 * 365].Select(d => new LocalDate(2025, 1, 1).PlusDays(d)), Step.Array[1, 14]);

    public static RightsRequestCommand Command(RightsRequestAction action, LocalDate on) => action switch
    {
        RightsRequestAction.BeginIdentityCheck => RightsRequestCommand.BeginIdentityCheck(Officer, At(on), on),
        RightsRequestAction.ConfirmIdentity => RightsRequestCommand.ConfirmIdentity(Officer, At(on), on),
        RightsRequestAction.AskClarification => RightsRequestCommand.AskClarification(Officer, At(on), on),
        RightsRequestAction.ReceiveClarification => RightsRequestCommand.ReceiveClarification(Officer, At(on), on),
        RightsRequestAction.Start => RightsRequestCommand.Start(Officer, At(on), on),
        RightsRequestAction.ReceiveIdentityInformation => RightsRequestCommand.ReceiveIdentityInformation(Officer, At(on), on),
        RightsRequestAction.ReceiveFee => RightsRequestCommand.ReceiveFee(Officer, At(on), on),
        RightsRequestAction.Extend => RightsRequestCommand.Extend(Officer, At(on), on, "complex"),
        RightsRequestAction.AuthoriseErasure => RightsRequestCommand.AuthoriseErasure(Officer, At(on), on),
        RightsRequestAction.Complete => RightsRequestCommand.Complete(Officer, At(on), on),
        RightsRequestAction.Refuse => RightsRequestCommand.Refuse(Officer, At(on), on, "Art 12(5)(b)", "manifestly unfounded"),
        _ => RightsRequestCommand.Withdraw(Officer, At(on), on),
    };

    [Fact]
    public void Apply_RandomSequences_InvariantsHoldAfterEveryStep()
    {
        Sequence.Sample(t =>
        {
            var request = Receive(t.Right, t.Received);
            var on = t.Received;
            foreach (var (action, days) in t.Steps)
            {
                on = on.PlusDays(days);
                var before = request;
                var result = Workflow.Apply(before, Command(action, on));

                if (RightsRequestWorkflow.IsFinal(before.State))
                {
                    // A completed, refused or withdrawn request never reopens and never changes.
                    Assert.Equal(DataSubjectsErrorCodes.IllegalTransition, result.Error?.Code);
                    continue;
                }

                if (result.IsFailure)
                {
                    continue;
                }

                request = result.Value;

                // A deadline never moves earlier.
                Assert.True(request.DueOn >= before.DueOn, $"due moved from {before.DueOn} to {request.DueOn} on {action}");
                Assert.True(request.ExtensionNoticeDueOn >= before.ExtensionNoticeDueOn);

                // History only grows, by one event describing the step.
                Assert.Equal(before.History.Length + 1, request.History.Length);
                Assert.True(before.History.AsSpan().SequenceEqual(request.History.AsSpan(0, before.History.Length)));
                Assert.Equal((action, request.State, request.History.Length), (request.History[^1].Action, request.History[^1].State, request.History[^1].Sequence));

                // The move was in the table, and the request's facts stay consistent with its state.
                Assert.Contains(new RightsRequestTransition(before.State, action, request.State), RightsRequestWorkflow.Transitions);
                Assert.Equal(RightsRequestWorkflow.IsFinal(request.State), request.ClosedOn is not null);
                Assert.True(request.Extension is null || request.State is RightsRequestState.Extended || !request.IsOpen);
                Assert.True(request.Right == DataSubjectRight.Access || request.ClarificationRequestedOn is null);
            }
        }, iter: 10_000);
    }

    // A step: its action, days from the previous step (sometimes before it) and minutes from ten o'clock (sometimes earlier).
    private static readonly Gen<(RightsRequestAction Action, int Days, int Minutes)> DatedStep =
        Gen.Select(
            Gen.Enum<RightsRequestAction>().Where(a => a != RightsRequestAction.Receive),
            Gen.Frequency((4, Gen.Int[0, 5]), (1, Gen.Int[-10, -1]), (1, Gen.Int[6, 40])),
            Gen.Int[-120, 120]);

    [Fact]
    public void Apply_StepsWithRandomDates_EveryAcceptedHistoryInDateOrderAndEveryRefusalNamesItsField()
    {
        Gen.Select(Gen.Enum<DataSubjectRight>(), Gen.Int[0, 3 * 365].Select(d => new LocalDate(2025, 1, 1).PlusDays(d)), DatedStep.Array[1, 16]).Sample(t =>
        {
            var (right, received, steps) = t;
            var request = Receive(right, received);
            var on = received;
            foreach (var (action, days, minutes) in steps)
            {
                on = on.PlusDays(days);
                var command = Command(action, on);
                command = Rebuild(command, At(on) + Duration.FromMinutes(minutes));
                var before = request;
                var result = Workflow.Apply(before, command);
                if (result.IsFailure)
                {
                    // Every refusal is coded in the DataSubjects range and names the field it is about.
                    Assert.False(string.IsNullOrEmpty(result.Error.Field), result.Error.Message);
                    Assert.StartsWith("CK04", result.Error.Code, StringComparison.Ordinal);
                    if (command.On < before.History[^1].On && RightsRequestWorkflow.Transitions.Any(x => x.From == before.State && x.Action == action))
                    {
                        Assert.Equal((DataSubjectsErrorCodes.StepOutOfOrder, "on"), (result.Error.Code, result.Error.Field));
                    }

                    continue;
                }

                request = result.Value;

                // Every accepted history is in date and time order, and starts with the receipt.
                for (var i = 1; i < request.History.Length; i++)
                {
                    Assert.True(request.History[i - 1].On <= request.History[i].On, $"{request.History[i].Action} dated before {request.History[i - 1].Action}");
                    Assert.True(request.History[i - 1].At <= request.History[i].At);
                }

                // A clarification is never received before it was asked, and the relevant time is the latest of the three.
                Assert.True(request.ClarificationReceivedOn is not { } got || got >= request.ClarificationRequestedOn);
                Assert.Equal(
                    new[] { request.ReceivedOn, request.IdentityInformationReceivedOn ?? request.ReceivedOn, request.FeeReceivedOn ?? request.ReceivedOn }.Max(),
                    request.RelevantTime);
                Assert.True(request.DueOn >= before.DueOn);
                Assert.True(!request.IsClockRunning || request.DueOn > request.RelevantTime);
            }
        }, iter: 10_000);
    }

    // The same command at another instant of its day.
    private static RightsRequestCommand Rebuild(RightsRequestCommand c, Instant at) => c.Action switch
    {
        RightsRequestAction.BeginIdentityCheck => RightsRequestCommand.BeginIdentityCheck(c.By, at, c.On),
        RightsRequestAction.ConfirmIdentity => RightsRequestCommand.ConfirmIdentity(c.By, at, c.On),
        RightsRequestAction.AskClarification => RightsRequestCommand.AskClarification(c.By, at, c.On),
        RightsRequestAction.ReceiveClarification => RightsRequestCommand.ReceiveClarification(c.By, at, c.On),
        RightsRequestAction.ReceiveIdentityInformation => RightsRequestCommand.ReceiveIdentityInformation(c.By, at, c.On),
        RightsRequestAction.ReceiveFee => RightsRequestCommand.ReceiveFee(c.By, at, c.On),
        RightsRequestAction.Start => RightsRequestCommand.Start(c.By, at, c.On),
        RightsRequestAction.Extend => RightsRequestCommand.Extend(c.By, at, c.On, "complex"),
        RightsRequestAction.AuthoriseErasure => RightsRequestCommand.AuthoriseErasure(c.By, at, c.On),
        RightsRequestAction.Complete => RightsRequestCommand.Complete(c.By, at, c.On),
        RightsRequestAction.Refuse => RightsRequestCommand.Refuse(c.By, at, c.On, "Art 12(5)(b)", "manifestly unfounded"),
        _ => RightsRequestCommand.Withdraw(c.By, at, c.On),
    };

    [Fact]
    public void Transitions_FinalStates_HaveNoWayOut()
    {
        Assert.DoesNotContain(RightsRequestWorkflow.Transitions, t => RightsRequestWorkflow.IsFinal(t.From));
        Assert.All(Enum.GetValues<RightsRequestState>().Where(s => !RightsRequestWorkflow.IsFinal(s)), state =>
        {
            Assert.Contains(RightsRequestWorkflow.Transitions, t => t.From == state && t.Action == RightsRequestAction.Refuse);
            Assert.Contains(RightsRequestWorkflow.Transitions, t => t.From == state && t.Action == RightsRequestAction.Withdraw);
        });
    }
}
