using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;
using static ContactKit.Interactions.Tests.EndToEnd.NoticeHost;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 002, Better Comms (VOIP) Ltd, from its policy (<c>samples/policies/better-comms.policy.json</c>) on the
/// in-memory stores: the recording notice is held in the auto attendant; calling line identity is captured for
/// reporting and kept with the call; calls are kept for the customer relationship (criteria, no period: reviewed,
/// never deleted by the sweep); a recording is deleted on request within 28 days once the request is authorised;
/// telemarketing lists are re-screened when their screening is over 28 days old.
/// </summary>
public sealed class BetterCommsNoticeTests
{
    private const string Policy = "better-comms.policy.json";
    private static readonly RecordingParty Customer = new(PartyId.Parse("customer"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Agent = new(PartyId.Parse("agent-4"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("customer-9");

    // The calls are recorded, not transcribed.
    private static void AudioOnly(InteractionsOptions o) => o.StoredKinds.Remove(ArtefactKind.Transcript);

    [Fact]
    public async Task InboundCall_ToldInTheAutoAttendant_RecordedWithItsCallingLineIdentityAndKeptForTheRelationshipThenReviewed()
    {
        using var comms = new NoticeHost(Policy, o => { AudioOnly(o); o.StoredKinds.Add(ArtefactKind.CallingLineIdentity); });
        var (call, voice) = await CallAsync(comms, "call-1");
        var number = await comms.StoreOwnAsync(call, "calling_line_identity", ArtefactKind.CallingLineIdentity, "+441202000000");
        Assert.True(number.IsSuccess, number.Error?.ToString());
        var audio = StoredArtefact.RetainedItemFor(call, "audio");

        // Both are kept with the call, for as long as the customer relationship lasts.
        foreach (var id in new[] { audio, number.Value.RetainedItem })
        {
            var item = await comms.ItemAsync(id);
            Assert.Equal((RecordClass.CallRecording, (Instant?)null), (item.Item.RecordClass, item.DisposeAt)); // no date while the relationship lasts
        }

        comms.Clock.Advance(Duration.FromDays(800));
        var during = await comms.SweepAsync();
        Assert.Empty(during.Proofs);
        Assert.Empty(during.Reviews);

        // The relationship ends; a year on the call comes up for review, and nothing is destroyed.
        var retention = comms.Get<RetentionService>();
        foreach (var id in new[] { audio, number.Value.RetainedItem })
        {
            Assert.True((await retention.RecordTriggerAsync(comms.Tenant, id, RetentionTrigger.RelationshipEnded, comms.Clock.GetCurrentInstant())).IsSuccess);
            Assert.Equal(DisposalAction.Review, (await comms.ItemAsync(id)).Action);
        }

        comms.Clock.Advance(Duration.FromDays(370));
        var due = await comms.SweepAsync();
        Assert.Empty(due.Proofs);
        Assert.Equal(new[] { audio, number.Value.RetainedItem }.Order(), due.Reviews.Select(r => r.Item).Order());
        Assert.True(comms.HoldsOwnContent(call, "calling_line_identity"));
        Assert.Equal(RecordingState.Available, (await comms.Sessions.GetAsync(comms.Tenant, voice)).Value.State);

        Assert.Contains("by auto attendant", comms.NoticeText, StringComparison.Ordinal);
        Assert.Contains("We keep the number you called from.", comms.NoticeText, StringComparison.Ordinal);
        Assert.Contains("Calling line identity\n\n  * Why: reporting.", comms.NoticeText, StringComparison.Ordinal);
        Assert.Contains("for as long as you are a customer, kept with the contracts they relate to", comms.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletionOnRequest_AuthorisedOnAMonday_IsDueWithin28DaysAndTheSweepDeletesTheRecordingWithProof()
    {
        using var comms = new NoticeHost(Policy, AudioOnly);
        var (call, voice) = await CallAsync(comms, "call-2");
        var audio = (await comms.Artefacts.GetAsync(comms.Tenant, StoredArtefact.RetainedItemFor(call, "audio"))).Value;
        var deletions = comms.Get<DeletionRequestService>();

        var requested = (await deletions.RequestAsync(comms.Tenant, call, voice, Officer, "the customer asked us to delete the call")).Value;
        var authorised = await deletions.AuthoriseAsync(comms.Tenant, requested.Id, Officer);
        var (completed, failed) = await deletions.CarryOutDueAsync(comms.Tenant, Sweeper);

        Assert.True(authorised.IsSuccess, authorised.Error?.ToString());
        Assert.Equal(new LocalDate(2026, 3, 30), authorised.Value.DueBy); // authorised Monday 2 March: 28 days
        Assert.Empty(failed);
        Assert.Equal(requested.Id, Assert.Single(completed).Id);
        Assert.False(await comms.ReadableAsync(audio.Location!));
        Assert.Equal(RecordingState.Deleted, (await comms.Sessions.GetAsync(comms.Tenant, voice)).Value.State);
        Assert.True((await comms.ItemAsync(audio.RetainedItem)).IsDisposed);
        var trail = await comms.Audit.ReadByResourceAsync(comms.Tenant, ResourceRef.Recording(voice)).ToListAsync();
        Assert.Contains(trail, e => e.Action == DeletionRequestService.DeletedAction);

        Assert.Contains("You can ask us to delete a recording; once agreed, it is deleted within 28 days.", comms.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemarketing_NumberScreenedAgainstTpsAndCtps_MayBeCalledFor28DaysThenNotUntilScreenedAgain()
    {
        using var comms = new NoticeHost(Policy, AudioOnly);
        var number = TelephoneNumber.Parse("01202 900123");
        var screenedOn = new LocalDate(2026, 3, 2);

        // The host's screener builds its calling list under the re-screening age the policy states.
        var index = comms.Get<MarketingCallScreener>().Build(new MarketingCallIndex.Builder().AddScreening(number, TelephonePreferenceRegisters.None, screenedOn));

        Assert.True(index.Decide(number, screenedOn.PlusDays(28)).MayCall);
        Assert.False(index.Decide(number, screenedOn.PlusDays(29)).MayCall);
        Assert.True(index.Decide(number, screenedOn.PlusDays(29)).Factors.HasFlag(CallFactors.ScreeningStale));
        Assert.Contains("we check the TPS and CTPS registers", comms.NoticeText, StringComparison.Ordinal);
        Assert.Contains("check again after 28 days", comms.NoticeText, StringComparison.Ordinal);
    }

    // An inbound call: the customer hears the notice in the auto attendant, an agent takes it, it is recorded, and its
    // audio is stored.
    private static async Task<(InteractionId Call, RecordingId Voice)> CallAsync(NoticeHost comms, string id)
    {
        var call = InteractionId.Parse(id);
        var voice = RecordingId.Parse($"{id}.voice");
        await comms.StartAsync(call, voice, Channel.VoiceCall, true, Customer, Subject);
        await comms.TellAsync(call, voice, Customer.Id, NoticeMethod.Announcement);
        await comms.HandOverAsync(call, voice, Agent);
        await comms.TellAsync(call, voice, Agent.Id, NoticeMethod.AgentScript);
        await comms.Apply(voice, new CaptureStarted(EventId.New()));
        comms.Clock.Advance(Duration.FromMinutes(7));
        await comms.EndAsync(call);
        await comms.StoreAudioAsync(call, voice);
        return (call, voice);
    }
}
