using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static ContactKit.Interactions.Tests.EndToEnd.NoticeHost;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 004, Telephone Office's call recording policy, from its policy
/// (<c>samples/policies/telephone-office-recording.policy.json</c>) on the in-memory stores: recording is an optional
/// feature of a plan; every party is told, and carrying on is taken as consent; only authorised staff with a business
/// need may listen; a participant may have a copy. Recordings are kept "for the period the law requires, then
/// deleted", a period the notice never gives (the lint's CK0873 warning), so the host keeps them and raises them for
/// review a year after the call rather than delete them on a date nobody stated.
/// </summary>
public sealed class TelephoneOfficeNoticeTests
{
    private const string Policy = "telephone-office-recording.policy.json";
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent-5"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("caller-5");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");

    // The calls are recorded, not transcribed.
    private static void AudioOnly(InteractionsOptions o) => o.StoredKinds.Remove(ArtefactKind.Transcript);

    [Fact]
    public async Task Plan_WithoutRecording_NothingIsCaptured()
    {
        using var office = new NoticeHost(Policy, AudioOnly, configure: b => b.AddRecording(o => o.Tenants["telephone-office"] = new RecordingPlanOptions { RecordingEnabled = false }));
        await office.StartAsync(Call, Voice, Channel.VoiceCall, false, Caller, Subject, Agent);
        await office.TellAsync(Call, Voice, Caller.Id, NoticeMethod.Announcement);
        await office.TellAsync(Call, Voice, Agent.Id, NoticeMethod.Announcement);

        var capture = await office.Recordings.ApplyAsync(office.Tenant, Voice, new CaptureStarted(EventId.New()), Telephony);

        Assert.Equal(RecordingErrorCodes.RecordingDisabled, capture.Error?.Code);
        Assert.Contains("We record phone calls where the service you use includes recording.", office.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithRecording_EveryPartyIsToldBeforeCaptureAndCarryingOnIsTheirConsent()
    {
        using var office = new NoticeHost(Policy, AudioOnly);
        await office.StartAsync(Call, Voice, Channel.VoiceCall, false, Caller, Subject, Agent);
        await office.TellAsync(Call, Voice, Caller.Id, NoticeMethod.Announcement);

        // Every party is told, the agent too: until then nothing is captured.
        var agentUntold = await office.Recordings.ApplyAsync(office.Tenant, Voice, new CaptureStarted(EventId.New()), Telephony);
        await office.TellAsync(Call, Voice, Agent.Id, NoticeMethod.Announcement);
        await office.Apply(Voice, new CaptureStarted(EventId.New()));
        office.Clock.Advance(Duration.FromMinutes(3));
        await office.EndAsync(Call);

        Assert.Equal(RecordingErrorCodes.NoticeNotGiven, agentUntold.Error?.Code);
        Assert.Equal(Duration.FromMinutes(3), (await office.Recordings.ReportAsync(office.Tenant, Voice)).Value.Captured);
        // No one was asked: carrying on after the announcement is recorded as consent, with its evidence.
        var told = Assert.Single(await office.Get<ConsentLedger>().ReadAsync(office.Tenant, Subject));
        Assert.Equal((ConsentStatus.Given, ConsentMethod.ImpliedByContinuing), (told.Status, told.Method));
        Assert.Equal(Voice, told.Evidence!.Recording);
        Assert.Contains("Everyone on the call or chat is told at the start, by spoken announcement.", office.NoticeText, StringComparison.Ordinal);
        Assert.Contains("If you carry on after being told, the call or chat is recorded.", office.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_OnlyAuthorisedStaffWithABusinessNeedListen_AParticipantGetsACopy_AndAYearOnItIsReviewedNotDeleted()
    {
        using var office = new NoticeHost(Policy, AudioOnly, configure: b => b.AddRecording(o =>
        {
            var plan = new RecordingPlanOptions();
            plan.AccessRules.Add(new RecordingAccessRule { Role = "quality_team", Kinds = RecordingAccessKind.Play, Purposes = { "quality_assurance" } });
            o.Tenants["telephone-office"] = plan;
        }));
        await office.StartAsync(Call, Voice, Channel.VoiceCall, false, Caller, Subject, Agent);
        await office.TellAsync(Call, Voice, Caller.Id, NoticeMethod.Announcement);
        await office.TellAsync(Call, Voice, Agent.Id, NoticeMethod.Announcement);
        await office.Apply(Voice, new CaptureStarted(EventId.New()));
        office.Clock.Advance(Duration.FromMinutes(3));
        await office.EndAsync(Call);
        var (recording, audio) = await office.StoreAudioAsync(Call, Voice);
        var access = office.Get<RecordingAccessService>();
        var purpose = Purpose.Parse("quality_assurance");
        RecordingAccessRequest Asks(string role, string? need) => new(office.Tenant, Voice, ActorId.Parse("staff-1"), role, RecordingAccessKind.Play, purpose, need);

        Assert.Equal(RecordingErrorCodes.AccessDenied, (await access.AuthoriseAsync(Asks("sales", "checking what was agreed"))).Refusal?.Code);
        Assert.Equal(RecordingErrorCodes.BusinessNeedRequired, (await access.AuthoriseAsync(Asks("quality_team", null))).Refusal?.Code);
        Assert.Null((await access.AuthoriseAsync(Asks("quality_team", "monthly quality review of call handling"))).Refusal);
        Assert.Equal(1, (await office.ExportAsync(Subject)).Recordings);

        office.Clock.Advance(Duration.FromDays(370));
        var run = await office.SweepAsync();

        Assert.Empty(run.Proofs);
        Assert.Equal(recording.RetainedItem, Assert.Single(run.Reviews).Item);
        Assert.True(await office.ReadableAsync(audio.Location));
        var kept = await office.ItemAsync(recording.RetainedItem);
        Assert.Equal((false, (Instant?)null), (kept.IsDisposed, kept.DisposeAt)); // kept, with no planned disposal until a person decides
        Assert.Contains("Only authorised staff with a business need can listen to or read recordings.", office.NoticeText, StringComparison.Ordinal);
        Assert.Contains("You can ask for a copy of a recording.", office.NoticeText, StringComparison.Ordinal);
        Assert.Contains("  * Call recordings: for the period the law requires, then deleted", office.NoticeText, StringComparison.Ordinal);
    }
}
