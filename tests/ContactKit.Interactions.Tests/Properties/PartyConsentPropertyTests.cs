using ContactKit.Consent;
using ContactKit.Recording;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Interactions.Tests.Properties;

/// <summary>
/// Generated calls through the layer: parties of different jurisdictions joining and leaving, handed the call and
/// transferred to, told and asked, agreeing or refusing, linked to data subjects at random points, with secure payments,
/// holds and time passing. After every step: nothing is captured while a present party lacks what the strictest
/// jurisdiction present requires (worked out by the test from the rules, not read from the session); every notice and
/// consent answer of a linked party is in the consent ledger with the recording and the offset; a refused step changes
/// nothing; and the capture report's captured and uncaptured time add up to the length of the call, the captured part
/// being exactly the time the session was capturing.
/// </summary>
public sealed class PartyConsentPropertyTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("council-notice"), 3, "en-GB", new string('c', 64));

    // The caller is always first; the others come and go. Jurisdictions cover notice (GB), nothing (US-NY, one-party),
    // explicit consent (US-CA, DE) and unknown (the strictest), for callers, third parties and staff.
    private static readonly RecordingParty[] Pool =
    [
        new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom),
        new(PartyId.Parse("agent-gb"), PartyRole.Agent, Jurisdiction.England),
        new(PartyId.Parse("agent-ca"), PartyRole.Agent, Jurisdiction.Parse("US-CA")),
        new(PartyId.Parse("supervisor"), PartyRole.Supervisor, Jurisdiction.UnitedKingdom),
        new(PartyId.Parse("relative-ca"), PartyRole.ThirdParty, Jurisdiction.Parse("US-CA")),
        new(PartyId.Parse("interpreter-de"), PartyRole.ThirdParty, Jurisdiction.Parse("DE")),
        new(PartyId.Parse("partner-ny"), PartyRole.ThirdParty, Jurisdiction.Parse("US-NY")),
        new(PartyId.Parse("unknown"), PartyRole.ThirdParty, null),
    ];

    private enum Op
    {
        Join,
        Leave,
        Transfer,
        HandOver,
        Tell,
        Answer,
        Pause,
        Resume,
        StartCapture,
        Link,
        Advance,
    }

    private static readonly Gen<Step> GenStep = Gen.Select(
            Gen.Frequency(
                (4, Gen.Const(Op.Join)), (3, Gen.Const(Op.Leave)), (2, Gen.Const(Op.Transfer)), (2, Gen.Const(Op.HandOver)),
                (4, Gen.Const(Op.Tell)), (4, Gen.Const(Op.Answer)), (2, Gen.Const(Op.Pause)), (2, Gen.Const(Op.Resume)),
                (3, Gen.Const(Op.StartCapture)), (1, Gen.Const(Op.Link)), (5, Gen.Const(Op.Advance))),
            Gen.Int[0, Pool.Length - 1],
            Gen.Int[0, Pool.Length],
            Gen.Frequency((5, Gen.Const(true)), (1, Gen.Const(false))),
            Gen.Bool,
            Gen.Int[0, 40])
        .Select((op, party, other, yes, flag, seconds) => new Step(op, party, other, yes, flag, seconds));

    private static readonly Gen<(bool Bot, bool StaffTold, Step[] Steps)> GenCall = Gen.Select(Gen.Bool, Gen.Frequency((3, Gen.Const(true)), (1, Gen.Const(false))), GenStep.Array[1, 40]);

    [Fact]
    public void GeneratedCalls_NeverCaptureWithoutWhatTheRulesRequireAndLedgerEverything()
    {
        GenCall.Sample(call => Run(call.Bot, call.StaffTold, call.Steps).GetAwaiter().GetResult(), iter: 2_000);
    }

    private static async Task Run(bool bot, bool staffTold, Step[] steps)
    {
        var clock = new SteppingClock(T0);
        await using var provider = LayerFixtures.Host(clock, LayerFixtures.Schedule(), s => s.Configure<RecordingOptions>(o => o.StaffToldByEmployment = staffTold));
        var world = new World(provider, clock);
        await world.StartAsync(bot);
        foreach (var step in steps)
        {
            await world.ApplyAsync(step);
            await world.CheckAsync();
        }

        await world.EndAndCheckAsync();
    }

    private sealed record Step(Op Op, int Party, int Other, bool Yes, bool Flag, int Seconds);

    private sealed record Answer(Instant At, bool Given, ConsentAnswerMethod Method, string Evidence);

    // What the accepted steps say, kept by the test without asking the session.
    private sealed class World(ServiceProvider provider, SteppingClock clock)
    {
        private readonly InteractionService _service = provider.GetRequiredService<InteractionService>();
        private readonly RecordingService _recordings = provider.GetRequiredService<RecordingService>();
        private readonly IRecordingStore _sessions = provider.GetRequiredService<IRecordingStore>();
        private readonly ConsentLedger _ledger = provider.GetRequiredService<ConsentLedger>();
        private readonly RecordingRuleSet _rules = provider.GetRequiredService<RecordingRuleSet>();
        private readonly HashSet<PartyId> _present = [Pool[0].Id];
        private readonly HashSet<PartyId> _seen = [Pool[0].Id];
        private readonly HashSet<PartyId> _linked = [];
        private readonly Dictionary<PartyId, (Instant At, NoticeMethod Method)> _told = [];
        private readonly Dictionary<PartyId, List<Answer>> _answers = [];
        private readonly HashSet<UncapturedReason> _asked = [];
        private RecordingSession _session = null!;
        private Duration _captured = Duration.Zero;
        private int _evidence;

        public async Task StartAsync(bool bot)
        {
            var started = await _service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Pool[0]], bot, Telephony);
            Assert.True(started.IsSuccess, started.Error?.ToString());
            _session = (await _sessions.GetAsync(Council, Voice)).Value;
        }

        public async Task ApplyAsync(Step step)
        {
            var party = Pool[step.Party];
            var other = step.Other < Pool.Length && step.Other != step.Party ? Pool[step.Other] : (RecordingParty?)null;
            if (step.Op == Op.Advance)
            {
                _captured += _session.State == RecordingState.Capturing ? Duration.FromSeconds(step.Seconds) : Duration.Zero;
                clock.AdvanceSeconds(step.Seconds);
                return;
            }

            if (step.Op == Op.Link)
            {
                var linked = await _service.LinkSubjectAsync(Council, Call, party.Id, SubjectOf(party.Id));
                Assert.True(linked.IsSuccess, linked.Error?.ToString());
                _linked.Add(party.Id);
                return;
            }

            var now = clock.GetCurrentInstant();
            var evidence = $"answer {++_evidence}";
            var method = step.Flag ? ConsentAnswerMethod.KeyPress : ConsentAnswerMethod.Spoken;
            var reason = step.Flag ? UncapturedReason.SecurePayment : UncapturedReason.OnHold;
            var result = step.Op switch
            {
                Op.Join => await _service.JoinAsync(Council, Call, Voice, party, Telephony),
                Op.Leave => await _service.LeaveAsync(Council, Call, Voice, party.Id, Telephony),
                Op.Transfer => await _service.TransferAsync(Council, Call, Voice, party, other?.Id, step.Flag ? "licensing" : null, Telephony),
                Op.HandOver => await _service.HandOverAsync(Council, Call, Voice, party, Telephony),
                Op.Tell => await _service.GiveNoticeAsync(Council, Call, Voice, party.Id, Notice, step.Flag ? NoticeMethod.Announcement : NoticeMethod.AgentScript, Telephony),
                Op.Answer => await _service.AnswerConsentAsync(Council, Call, Voice, party.Id, step.Yes, method, evidence, Telephony),
                Op.Pause => await _recordings.ApplyAsync(Council, Voice, new CapturePaused(EventId.New(), reason), Telephony),
                Op.Resume => await _recordings.ApplyAsync(Council, Voice, new CaptureResumed(EventId.New(), reason), Telephony),
                _ => await _recordings.ApplyAsync(Council, Voice, new CaptureStarted(EventId.New()), Telephony),
            };
            var stored = (await _sessions.GetAsync(Council, Voice)).Value;
            if (result.IsFailure)
            {
                // A refused step is refused whole: the session is as it was, whatever part of the layer refused it.
                Assert.StartsWith("CK", result.Error.Code, StringComparison.Ordinal);
                Assert.Equal(_session.Version, stored.Version);
                return;
            }

            Assert.Equal(stored, result.Value);
            _session = stored;
            switch (step.Op)
            {
                case Op.Join or Op.HandOver:
                    _present.Add(party.Id);
                    _seen.Add(party.Id);
                    break;
                case Op.Leave:
                    _present.Remove(party.Id);
                    break;
                case Op.Transfer:
                    if (other is { } from)
                    {
                        _present.Remove(from.Id);
                    }

                    _present.Add(party.Id);
                    _seen.Add(party.Id);
                    break;
                case Op.Tell:
                    _told.TryAdd(party.Id, (now, step.Flag ? NoticeMethod.Announcement : NoticeMethod.AgentScript));
                    break;
                case Op.Answer:
                    (_answers.TryGetValue(party.Id, out var list) ? list : _answers[party.Id] = []).Add(new Answer(now, step.Yes, method, evidence));
                    break;
                case Op.Pause:
                    _asked.Add(reason);
                    break;
                case Op.Resume:
                    _asked.Remove(reason);
                    break;
            }
        }

        public async Task CheckAsync()
        {
            var session = _session;
            Assert.Equal(_present.Order(), session.Parties.Where(p => p.IsPresent).Select(p => p.Party.Id).Order());

            // Never capture while a present party lacks what the strictest jurisdiction present requires, or during a
            // pause asked for.
            if (session.State == RecordingState.Capturing)
            {
                Assert.Empty(_asked);
                var strictest = _present.Select(id => _rules.Rule(Party(id)).Requirement).DefaultIfEmpty(CaptureRequirement.None).Max();
                foreach (var id in _present.Where(id => session.Policy.NoticeNeededBy(Party(id).Role)))
                {
                    var agreed = _answers.TryGetValue(id, out var answers) && answers[^1].Given;
                    if (strictest == CaptureRequirement.ExplicitConsent)
                    {
                        Assert.True(agreed, $"{id} captured without consent while the strictest present requires it");
                    }
                    else if (session.Policy.NoticeRequired)
                    {
                        Assert.True(agreed || _told.ContainsKey(id), $"{id} captured without being told");
                    }
                }
            }

            // The report's closed segments cover the call from its start, without gaps, up to the segment still open.
            var report = (await _recordings.ReportAsync(Council, Voice)).Value;
            var openSince = report.Segments.Length > 0 && report.Segments[^1].End is null ? report.Segments[^1].Start : report.EndedAt ?? session.LastChangedAt;
            Assert.Equal(openSince - session.StartedAt, report.Captured + report.NotCaptured);
            for (var i = 1; i < report.Segments.Length; i++)
            {
                Assert.Equal(report.Segments[i - 1].End, report.Segments[i].Start);
            }

            foreach (var id in _linked)
            {
                await LedgerHoldsAsync(id);
            }
        }

        public async Task EndAndCheckAsync()
        {
            var ended = await _service.EndAsync(Council, Call, Telephony);
            Assert.True(ended.IsSuccess, ended.Error?.ToString());
            var report = (await _recordings.ReportAsync(Council, Voice)).Value;
            Assert.Equal(report.EndedAt!.Value - report.StartedAt, report.Captured + report.NotCaptured);
            Assert.Equal(_captured, report.Captured);

            // Linked at the end, every party who took part has their notice and every answer in the ledger.
            foreach (var id in _seen)
            {
                var linked = await _service.LinkSubjectAsync(Council, Call, id, SubjectOf(id));
                Assert.True(linked.IsSuccess, linked.Error?.ToString());
                await LedgerHoldsAsync(id);
            }
        }

        // The party's notice, once given, and each of their answers are in the ledger with the recording and the offset.
        private async Task LedgerHoldsAsync(PartyId id)
        {
            if (!_told.TryGetValue(id, out var told))
            {
                return; // a consent with no notice to rely on cannot be recorded as given (the ledger needs the notice)
            }

            var records = await _ledger.ReadAsync(Council, SubjectOf(id));
            var start = _session.StartedAt;
            Assert.Contains(records, r => r.Method == ConsentMethod.ImpliedByContinuing && r.Notice == Notice &&
                r.Evidence == new ConsentEvidence(Voice, told.At - start, Call, $"notice {told.Method}"));
            foreach (var answer in _answers.TryGetValue(id, out var answers) ? answers : [])
            {
                Assert.Contains(records, r => r.LawfulBasis == LawfulBasis.Consent && r.RecordedAt == answer.At &&
                    r.Status == (answer.Given ? ConsentStatus.Given : ConsentStatus.Refused) &&
                    r.Evidence == new ConsentEvidence(Voice, answer.At - start, Call, answer.Evidence));
            }

            Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        }

        private static RecordingParty Party(PartyId id) => Pool.Single(p => p.Id == id);

        private static DataSubjectId SubjectOf(PartyId id) => DataSubjectId.Parse($"subject-{id}");
    }
}
