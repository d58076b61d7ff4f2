using ContactKit.DataSubjects;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;
using static ContactKit.Interactions.Tests.EndToEnd.NoticeHost;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 001, Breckland District Council's customer service centre, from its policy
/// (<c>samples/policies/breckland-customer-service.policy.json</c>) on the in-memory stores: the telephone chatbot is
/// not recorded and recording starts when the caller reaches an officer; recording pauses while card details are
/// taken, on the phone and in webchat; recordings and transcripts are kept six months and then securely deleted, case
/// records six years; all of it for a public task (Art 6(1)(e)).
/// </summary>
public sealed class BrecklandCustomerServiceNoticeTests
{
    private const string Policy = "breckland-customer-service.policy.json";
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Officer = new(PartyId.Parse("officer-1"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("resident-1");

    [Fact]
    public async Task Call_ChatbotThenOfficerWithACardPayment_OnlyTheOfficerPartOutsideThePauseIsCaptured()
    {
        using var breckland = new NoticeHost(Policy);
        var call = InteractionId.Parse("call-1");
        var voice = RecordingId.Parse("call-1.voice");
        await breckland.StartAsync(call, voice, Channel.VoiceCall, beginsWithBot: true, Resident, null);
        await breckland.TellAsync(call, voice, Resident.Id, NoticeMethod.Announcement);

        // The chatbot is not recorded.
        var duringBot = await breckland.Recordings.ApplyAsync(breckland.Tenant, voice, new CaptureStarted(EventId.New()), Telephony);
        Assert.Equal(RecordingErrorCodes.BotPhaseNotCaptured, duringBot.Error?.Code);
        breckland.Clock.Advance(Duration.FromMinutes(2));

        // Recording starts when the resident reaches an officer; it pauses while card details are taken.
        await breckland.HandOverAsync(call, voice, Officer);
        await breckland.TellAsync(call, voice, Officer.Id, NoticeMethod.AgentScript);
        await breckland.Apply(voice, new CaptureStarted(EventId.New()));
        breckland.Clock.Advance(Duration.FromMinutes(3));
        await breckland.Apply(voice, new CapturePaused(EventId.New(), UncapturedReason.SecurePayment));
        breckland.Clock.Advance(Duration.FromMinutes(1));
        await breckland.Apply(voice, new CaptureResumed(EventId.New(), UncapturedReason.SecurePayment));
        breckland.Clock.Advance(Duration.FromMinutes(1));
        await breckland.EndAsync(call);

        var report = (await breckland.Recordings.ReportAsync(breckland.Tenant, voice)).Value;
        Assert.Equal(
            [(false, UncapturedReason.BotPhase), (true, (UncapturedReason?)null), (false, UncapturedReason.SecurePayment), (true, null)],
            report.Segments.Select(s => (s.Captured, s.Reason)));
        Assert.Equal(Duration.FromMinutes(4), report.Captured);

        Assert.Contains("The automated menu or assistant is not recorded.", breckland.NoticeText, StringComparison.Ordinal);
        Assert.Contains("Recording stops while you give card details, so card numbers are never recorded.", breckland.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webchat_CardTypedIntoTheChat_IsNeverStoredAndIsFlaggedAsAMissedPause()
    {
        using var breckland = new NoticeHost(Policy);
        var chat = InteractionId.Parse("chat-1");
        var text = RecordingId.Parse("chat-1.text");
        await breckland.StartAsync(chat, text, Channel.Webchat, false, Resident, null, Officer);
        await breckland.TellAsync(chat, text, Resident.Id, NoticeMethod.Banner);
        await breckland.TellAsync(chat, text, Officer.Id, NoticeMethod.AgentScript);
        await breckland.Apply(text, new CaptureStarted(EventId.New()));
        breckland.Clock.Advance(Duration.FromMinutes(4));
        await breckland.EndAsync(chat);

        var stored = await breckland.StoreTranscriptAsync(chat, text, Resident.Id, Channel.Webchat, "I want to pay for my garden waste bin", "card is 4111 1111 1111 1111 exp 04/28");

        await using var content = (await breckland.Media.OpenReadAsync(breckland.Tenant, stored.Media.Location)).Value;
        var written = await new StreamReader(content).ReadToEndAsync();
        Assert.DoesNotContain("4111", written, StringComparison.Ordinal);
        Assert.Contains("garden waste", written, StringComparison.Ordinal);
        Assert.Equal(1, (await breckland.Recordings.ReportAsync(breckland.Tenant, text)).Value.CardDataSeenOutsidePause);
        Assert.Equal(RecordClass.ChatTranscript, (await breckland.ItemAsync(stored.Artefact.RetainedItem)).Item.RecordClass);
        Assert.Contains("We record phone calls and webchats.", breckland.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_RecordingsAndTranscriptsGoAfterSixMonthsWithProof_CaseRecordsStaySixYears_ErasureKeepsThePublicTask()
    {
        using var breckland = new NoticeHost(Policy);
        var call = InteractionId.Parse("call-2");
        var voice = RecordingId.Parse("call-2.voice");
        await breckland.StartAsync(call, voice, Channel.VoiceCall, false, Resident, Subject, Officer);
        await breckland.TellAsync(call, voice, Resident.Id, NoticeMethod.Announcement);
        await breckland.TellAsync(call, voice, Officer.Id, NoticeMethod.AgentScript);
        await breckland.Apply(voice, new CaptureStarted(EventId.New()));
        breckland.Clock.Advance(Duration.FromMinutes(5));
        await breckland.EndAsync(call);
        var (recording, audio) = await breckland.StoreAudioAsync(call, voice);
        var transcript = await breckland.StoreTranscriptAsync(call, voice, Resident.Id, Channel.VoiceCall, "my bin was not collected");
        var caseRecord = RetainedItemId.Parse("case-77");
        var retention = breckland.Get<RetentionService>();
        await retention.TrackAsync(new RetainedItem { Tenant = breckland.Tenant, Id = caseRecord, RecordClass = RecordClass.CaseRecord, CreatedAt = Monday, Interaction = call });
        await retention.RecordTriggerAsync(breckland.Tenant, caseRecord, RetentionTrigger.CaseClosed, breckland.Clock.GetCurrentInstant());

        // The resident asks for erasure while the recordings are kept: a public task keeps them (Art 17(3)(b)).
        var erasure = breckland.Get<ErasureService>();
        var answer = await erasure.ExecuteAsync((await erasure.PlanAsync(breckland.ErasureAuthorised(Subject))).Value);
        Assert.Empty(answer.Erased);
        Assert.All(answer.Kept.Where(d => d.Item.Source == "interactions"), d => Assert.Equal("Art 17(3)(b)", d.Article));

        breckland.Clock.Advance(Duration.FromDays(175)); // under six months: nothing goes
        Assert.Empty((await breckland.SweepAsync()).Proofs);

        breckland.Clock.Advance(Duration.FromDays(10)); // past six months: the recording and its transcript go, with proof
        var run = await breckland.SweepAsync();

        Assert.Equal(new[] { recording.RetainedItem, transcript.Artefact.RetainedItem }.Order(), run.Proofs.Select(p => p.Item).Order());
        Assert.All(run.Proofs, p => Assert.StartsWith("sha256:", p.ContentHash, StringComparison.Ordinal));
        Assert.False(await breckland.ReadableAsync(audio.Location));
        Assert.False(await breckland.ReadableAsync(transcript.Media.Location));
        Assert.Equal(RecordingState.Deleted, (await breckland.Sessions.GetAsync(breckland.Tenant, voice)).Value.State);
        var kept = await breckland.ItemAsync(caseRecord);
        Assert.False(kept.IsDisposed);
        Assert.Equal(Monday.InUtc().Year + 6, kept.DisposeAt!.Value.InUtc().Year);

        Assert.Contains("  * Call recordings and their transcripts: 6 months after the call or chat ends", breckland.NoticeText, StringComparison.Ordinal);
        Assert.Contains("  * Webchat transcripts: 6 months after the call or chat ends", breckland.NoticeText, StringComparison.Ordinal);
        Assert.Contains("  * Your details on our case management system: 6 years after the case is closed", breckland.NoticeText, StringComparison.Ordinal);
        Assert.Contains("Lawful basis: a task in the public interest (Art 6(1)(e)).", breckland.NoticeText, StringComparison.Ordinal);
    }
}
