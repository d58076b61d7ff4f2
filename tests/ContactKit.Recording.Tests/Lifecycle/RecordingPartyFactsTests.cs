using CsCheck;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>
/// Who is present and who has been told, checked against a model over crowded interactions: more distinct parties than
/// the session keeps as bits (8), so both the bits and the walk back through the chain are exercised, and sessions
/// branched from the same earlier session stay independent.
/// </summary>
public class RecordingPartyFactsTests
{
    private const int PoolSize = 40;

    private static readonly PartyId[] Ids = [.. Enumerable.Range(0, PoolSize).Select(i => PartyId.Parse($"party-{i}"))];

    // Kind: 0 join, 1 leave, 2 notice, 3 transfer (to Party, from Other); Role: the role the party joins in this time.
    private static readonly Gen<Step> GenStep =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, PoolSize - 1], Gen.Int[0, PoolSize - 1], Gen.Int[1, 4])
            .Select((kind, party, other, role) => new Step(kind, party, other, (PartyRole)role));

    [Fact]
    public void Apply_PartyEventsInCrowdedInteractions_MatchTheModelAfterEveryStep()
    {
        Gen.Select(Gen.Int[1, 12], GenStep.Array[1, 150]).Sample((startWith, steps) => Run(startWith, steps), iter: 1500);
    }

    [Fact]
    public void Apply_TwoBranchesFromOneSession_KeepTheirOwnParties()
    {
        var parties = Enumerable.Range(0, 34).Select(i => Party(i, PartyRole.ThirdParty)).ToArray();
        var small = RecordingLifecycle.Begin(Calls.Started(RecordingPolicy.Default, false, Channel.VoiceCall, parties[..3]), Calls.T0).Value;
        var smallLeft = small.Then(Calls.Join(Party(35, PartyRole.Caller)));
        var smallRight = small.Then(Calls.Join(Party(36, PartyRole.Agent)));
        Assert.Equal(4, smallLeft.UntoldParties);
        Assert.Equal(3, smallRight.UntoldParties);
        Assert.Equal(RecordingErrorCodes.PartyNotPresent, smallRight.Try(Calls.Told(Party(35, PartyRole.Caller))).Error?.Code);
        Assert.True(smallLeft.Try(Calls.Told(Party(35, PartyRole.Caller))).IsSuccess);

        var trunk = RecordingLifecycle.Begin(Calls.Started(RecordingPolicy.Default, false, Channel.VoiceCall, parties), Calls.T0).Value;

        var left = trunk.Then(Calls.Join(Party(35, PartyRole.Caller))).Then(Calls.Told(Party(35, PartyRole.Caller)));
        var right = trunk.Then(Calls.Join(Party(36, PartyRole.Caller)));

        // Each branch gave its newcomer the same slot; neither sees the other's newcomer.
        Assert.Equal(34, left.UntoldParties);
        Assert.Equal(35, right.UntoldParties);
        Assert.Equal(RecordingErrorCodes.PartyNotPresent, left.Try(Calls.Told(Party(36, PartyRole.Caller))).Error?.Code);
        Assert.Equal(RecordingErrorCodes.PartyNotPresent, right.Try(Calls.Leave(Party(35, PartyRole.Caller))).Error?.Code);
        Assert.True(right.Try(Calls.Told(Party(36, PartyRole.Caller))).IsSuccess);
        Assert.True(left.Try(Calls.Told(Party(33, PartyRole.ThirdParty))).IsSuccess);
    }

    private static RecordingParty Party(int index, PartyRole role) => new(Ids[index], role, Jurisdiction.England);

    private static void Run(int startWith, Step[] steps)
    {
        // Notice not required, so that no event moves the state: every refusal below is about the parties.
        var policy = new RecordingPolicy(true, false, false, Duration.FromMinutes(10));
        var model = new Dictionary<int, (bool Present, bool Told, PartyRole Role)>();
        var start = Enumerable.Range(0, startWith).Select(i => Party(i, (PartyRole)((i % 4) + 1))).ToArray();
        foreach (var party in start)
        {
            model[int.Parse(party.Id.Value.AsSpan(6), provider: null)] = (true, false, party.Role);
        }

        var session = RecordingLifecycle.Begin(Calls.Started(policy, false, Channel.VoiceCall, start), Calls.T0).Value;
        foreach (var step in steps)
        {
            var party = step.Party;
            var known = model.TryGetValue(party, out var facts);
            var present = known && facts.Present;
            var (@event, expectedError) = step.Kind switch
            {
                0 => ((RecordingEvent)Calls.Join(Party(party, step.Role)), present ? RecordingErrorCodes.PartyAlreadyPresent : null),
                1 => (Calls.Leave(Party(party, step.Role)), present ? null : RecordingErrorCodes.PartyNotPresent),
                2 => (Calls.Told(Party(party, step.Role)), present ? null : RecordingErrorCodes.PartyNotPresent),
                _ => (Calls.Transfer(Party(party, step.Role), Party(step.Other, PartyRole.Agent)),
                    present ? RecordingErrorCodes.PartyAlreadyPresent
                    : model.TryGetValue(step.Other, out var other) && other.Present ? null
                    : RecordingErrorCodes.PartyNotPresent),
            };

            var result = session.Try(@event);
            Assert.Equal(expectedError, result.Error?.Code);
            if (result.IsFailure)
            {
                continue;
            }

            session = result.Value;
            switch (step.Kind)
            {
                case 0:
                    model[party] = (true, known && facts.Told, step.Role);
                    break;
                case 1:
                    model[party] = facts with { Present = false };
                    break;
                case 2:
                    model[party] = facts with { Told = true };
                    break;
                default:
                    model[step.Other] = model[step.Other] with { Present = false };
                    model[party] = (true, known && facts.Told, step.Role);
                    break;
            }

            var untold = model.Values.Count(p => p.Present && p.Role.NeedsNotice() && !p.Told);
            Assert.Equal(untold, session.UntoldParties);
        }
    }

    private sealed record Step(int Kind, int Party, int Other, PartyRole Role);
}
