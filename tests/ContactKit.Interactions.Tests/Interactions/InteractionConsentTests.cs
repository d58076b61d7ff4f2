using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Interactions;

public sealed class InteractionConsentTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly DataSubjectId Resident = DataSubjectId.Parse("resident-42");
    private static readonly RecordingParty UkCaller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
    private static readonly RecordingParty Californian = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse("US-CA"));
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("council-notice"), 3, "en-GB", new string('b', 64));

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
    public async Task GiveNoticeAsync_LinkedCaller_WritesTheNoticeToTheLedgerWithTheRecordingAndOffset()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], true, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, UkCaller.Id, Resident);

        var told = await host.Service.GiveNoticeAsync(Council, Call, Voice, UkCaller.Id, Notice, NoticeMethod.Announcement, Telephony);

        var record = Assert.Single(await host.Ledger.ReadAsync(Council, Resident));
        var evidence = told.Value.Parties.Single().Notice!;
        Assert.Equal((ConsentStatus.Given, ConsentMethod.ImpliedByContinuing, LawfulBasis.LegitimateInterests), (record.Status, record.Method, record.LawfulBasis));
        Assert.Equal(Notice, record.Notice);
        Assert.Equal(new ConsentEvidence(Voice, evidence.At - told.Value.StartedAt, Call, "notice Announcement"), record.Evidence);
        Assert.True(record.Evidence!.Offset > Duration.Zero);
        Assert.Equal("council", record.Controller);
        Assert.Equal([Purpose.Parse("call_recording")], record.Purposes.AsEnumerable());
    }

    [Fact]
    public async Task AnswerConsentAsync_CallerIdentifiedAfterwards_BothAreWrittenWhenLinkedAndOnlyOnce()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Californian], true, Telephony);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Californian.Id, Notice, NoticeMethod.Announcement, Telephony);
        var answered = await host.Service.AnswerConsentAsync(Council, Call, Voice, Californian.Id, true, ConsentAnswerMethod.KeyPress, "pressed 1 at the recording prompt", Telephony);
        var before = await host.Ledger.ReadAsync(Council, Resident);

        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        await host.Service.EndAsync(Council, Call, Telephony);
        var records = await host.Ledger.ReadAsync(Council, Resident);

        Assert.Empty(before);
        Assert.Equal(2, records.Count);
        var consent = records.Single(r => r.LawfulBasis == LawfulBasis.Consent);
        var answer = answered.Value.Parties.Single().Consent!;
        Assert.Equal((ConsentStatus.Given, ConsentMethod.KeyPress), (consent.Status, consent.Method));
        Assert.Equal(new ConsentEvidence(Voice, answer.At - answered.Value.StartedAt, Call, "pressed 1 at the recording prompt"), consent.Evidence);
        Assert.Equal(Notice, consent.Notice);
        Assert.Equal(Jurisdiction.Parse("US-CA"), consent.Jurisdiction);
    }

    [Fact]
    public async Task AnswerConsentAsync_Refused_IsWrittenAsRefusedAndCaptureStops()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Californian], true, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Californian.Id, Notice, NoticeMethod.Announcement, Telephony);

        var refused = await host.Service.AnswerConsentAsync(Council, Call, Voice, Californian.Id, false, ConsentAnswerMethod.Spoken, "said no when asked", Telephony);
        var state = await host.Ledger.GetStateAsync(Council, Resident, Purpose.Parse("call_recording"));

        Assert.Equal(RecordingState.Stopped, refused.Value.State);
        Assert.Equal(ConsentStatus.Refused, state.Status);
        Assert.Equal(ConsentMethod.SpokenAnswer, state.LastRecord!.Method);
    }

    // Regression: the second party to answer the consent question in an interaction was refused, because their answer
    // was given the ledger id of the first.
    [Fact]
    public async Task AnswerConsentAsync_SecondPartyAnswersInTheSameInteraction_EachAnswerIsInTheLedger()
    {
        using var host = Host();
        var relative = new RecordingParty(PartyId.Parse("relative"), PartyRole.ThirdParty, Jurisdiction.Parse("US-CA"));
        var family = DataSubjectId.Parse("resident-43");
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Californian], true, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Californian.Id, Notice, NoticeMethod.Announcement, Telephony);
        var first = await host.Service.AnswerConsentAsync(Council, Call, Voice, Californian.Id, true, ConsentAnswerMethod.KeyPress, "pressed 1 at the recording prompt", Telephony);
        await host.Service.JoinAsync(Council, Call, Voice, relative, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, relative.Id, family);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, relative.Id, Notice, NoticeMethod.AgentScript, Telephony);

        var second = await host.Service.AnswerConsentAsync(Council, Call, Voice, relative.Id, true, ConsentAnswerMethod.Spoken, "said yes when the agent asked", Telephony);

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.True(second.IsSuccess, second.Error?.Message);
        var callers = await host.Ledger.ReadAsync(Council, Resident);
        var relatives = await host.Ledger.ReadAsync(Council, family);
        Assert.Equal(2, callers.Count);
        Assert.Equal(2, relatives.Count);
        Assert.Equal("said yes when the agent asked", relatives.Single(r => r.LawfulBasis == LawfulBasis.Consent).Evidence!.Reference);
        Assert.Empty(callers.Select(r => r.Id).Intersect(relatives.Select(r => r.Id)));
    }

    // Regression: a second answer in the same recording (here the caller who agreed changes their mind) was refused,
    // because every answer of a party in a recording was given the same ledger id.
    [Fact]
    public async Task AnswerConsentAsync_PartyAnswersAgain_EachAnswerHasItsOwnLedgerRecord()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Californian], true, Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        await host.Service.GiveNoticeAsync(Council, Call, Voice, Californian.Id, Notice, NoticeMethod.Announcement, Telephony);
        await host.Service.AnswerConsentAsync(Council, Call, Voice, Californian.Id, true, ConsentAnswerMethod.KeyPress, "pressed 1 at the recording prompt", Telephony);

        var changed = await host.Service.AnswerConsentAsync(Council, Call, Voice, Californian.Id, false, ConsentAnswerMethod.Spoken, "asked the agent to stop recording", Telephony);
        await host.Service.LinkSubjectAsync(Council, Call, Californian.Id, Resident);
        var records = await host.Ledger.ReadAsync(Council, Resident);
        var state = await host.Ledger.GetStateAsync(Council, Resident, Purpose.Parse("call_recording"));

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.Equal(RecordingState.Stopped, changed.Value.State);
        var answers = records.Where(r => r.LawfulBasis == LawfulBasis.Consent).ToList();
        Assert.Equal([ConsentStatus.Given, ConsentStatus.Refused], answers.Select(r => r.Status));
        Assert.Equal(3, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ConsentStatus.Refused, state.Status);
    }

    [Fact]
    public async Task GiveNoticeAsync_NoticeWithoutItsHash_IsRefusedNamingTheField()
    {
        using var host = Host();
        await host.Service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [UkCaller], true, Telephony);

        var result = await host.Service.GiveNoticeAsync(Council, Call, Voice, UkCaller.Id, Notice with { ContentHash = "" }, NoticeMethod.Announcement, Telephony);

        Assert.Equal((InteractionsErrorCodes.Invalid, "notice"), (result.Error?.Code, result.Error?.Field));
    }

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

        public ConsentLedger Ledger { get; } = provider.GetRequiredService<ConsentLedger>();

        public void Dispose() => provider.Dispose();
    }
}
