using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Policies;
using ContactKit.Recording;
using NodaTime;
using static ContactKit.Interactions.Tests.EndToEnd.NoticeHost;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 003, Call Handling Services Ltd, from its policy (<c>samples/policies/call-handling-services.policy.json</c>)
/// on the in-memory stores: a controller for its own business relationships and a processor for its clients' data;
/// a notice that keeps no recordings or transcripts of its own (its retention covers customer, applicant and employee
/// records only) and says nothing about recording, so a host configured from it records nothing and refuses to start
/// if it would store them; revised notices take effect no sooner than 30
/// days after they are published; each right, marketing only with opt-in and its four opt-out routes, partners only
/// with consent, and transfers outside the EEA, stated in the notice.
/// </summary>
public sealed class CallHandlingServicesNoticeTests
{
    private const string Policy = "call-handling-services.policy.json";
    private static readonly RecordingParty Visitor = new(PartyId.Parse("visitor"), PartyRole.Caller, Jurisdiction.England);
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("visitor-3");

    [Fact]
    public async Task Storage_NoRetentionForRecordingsOrTranscripts_StartUpRefusesAHostStoringThemAndNothingIsRecorded()
    {
        // A host that stores recordings and transcripts (the layer's default) does not start: nothing says how long they are kept.
        var refused = Assert.ThrowsAny<Exception>(() => new NoticeHost(Policy));
        Assert.Contains(InteractionsErrorCodes.NoRetentionRule, refused.ToString(), StringComparison.Ordinal);

        // A host that stores none of them starts. The policy makes no statement about recording, so a client's web chat
        // is not recorded at all; the visitor is still told, and the notice is written to the ledger under Call
        // Handling's name and its legitimate interests.
        using var handling = new NoticeHost(Policy, o => o.StoredKinds.Clear());
        var chat = InteractionId.Parse("chat-1");
        var text = RecordingId.Parse("chat-1.text");
        await handling.StartAsync(chat, text, Channel.Webchat, false, Visitor, Subject);
        await handling.TellAsync(chat, text, Visitor.Id, NoticeMethod.Banner);

        var capture = await handling.Recordings.ApplyAsync(handling.Tenant, text, new CaptureStarted(EventId.New()), Telephony);

        Assert.Equal(RecordingErrorCodes.RecordingDisabled, capture.Error?.Code);
        var told = Assert.Single(await handling.Get<ConsentLedger>().ReadAsync(handling.Tenant, Subject));
        Assert.Equal(("Call Handling Services Ltd", LawfulBasis.LegitimateInterests), (told.Controller, told.LawfulBasis));
        Assert.Contains("acts as a processor, acting on our clients' instructions", handling.NoticeText, StringComparison.Ordinal);
        Assert.Contains("acts as the controller for our own business relationships", handling.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rights_ErasureAndCopyOfAClientsChat_AreReferredToTheClient_TheBureausOwnCallIsErased()
    {
        // The policy's processor role covers the chat services the bureau runs for clients. The bureau keeps a summary of
        // each conversation for a year: a retention entry the notice itself does not have, added so that there is
        // something of the client's and something of its own to ask about.
        var policy = Sample(Policy);
        Assert.Equal([Channel.Webchat, Channel.Sms], policy.Roles.Single(r => r.Role == ProcessingRole.Processor).Channels.AsEnumerable());
        using var summaries = new NoticeHost(
            policy with
            {
                Retention = policy.Retention.Add(new RetentionEntry { RecordClass = "conversation_summary", Trigger = "interaction_ended", Period = Period.FromYears(1), Artefacts = [InteractionArtefact.Summary] }),
            },
            o => o.StoredKinds.Clear());
        var chat = InteractionId.Parse("chat-1");
        var call = InteractionId.Parse("call-1");
        await summaries.StartAsync(chat, RecordingId.Parse("chat-1.text"), Channel.Webchat, false, Visitor, Subject);
        await summaries.EndAsync(chat);
        await summaries.StartAsync(call, RecordingId.Parse("call-1.voice"), Channel.VoiceCall, false, Visitor, Subject);
        await summaries.EndAsync(call);
        var chatSummary = (await summaries.StoreOwnAsync(chat, "summary", ArtefactKind.Summary, "asked the client about a delivery")).Value;
        var callSummary = (await summaries.StoreOwnAsync(call, "summary", ArtefactKind.Summary, "asked us about our answering service")).Value;

        // Subject access: the bureau's own call is in the copy; the client's chat is left out and counted as referred.
        var copy = await summaries.ExportAsync(Subject);
        Assert.Equal((1, 1), (copy.RecordsBySource["interactions"], copy.ReferredToController));

        // Erasure: the bureau's own call summary goes; the client's chat summary is referred to the client and stays.
        var plan = (await summaries.Get<ErasureService>().PlanAsync(summaries.ErasureAuthorised(Subject))).Value;
        var answer = await summaries.Get<ErasureService>().ExecuteAsync(plan);

        var referred = Assert.Single(answer.Referred);
        Assert.Equal((chatSummary.RetainedItem, ErasureVerdict.Refer, "Art 28(3)(e)"), (referred.Item.RetainedItem!.Value, referred.Verdict, referred.Article));
        Assert.Equal([callSummary.RetainedItem], answer.Erased.Select(d => d.Item.RetainedItem!.Value));
        Assert.False((await summaries.Artefacts.GetAsync(summaries.Tenant, chatSummary.RetainedItem)).Value.IsDisposed);
        Assert.True(summaries.HoldsOwnContent(chat, "summary"));
        var audited = await summaries.Audit.ReadByResourceAsync(summaries.Tenant, ResourceRef.RightsRequest(plan.Request)).ToListAsync();
        var entry = Assert.Single(audited, e => e.Action == "erasure.item_referred");
        Assert.Equal(("Art 28(3)(e)", referred.Item.Ref.ToString()), (entry.Details["article"], entry.Details["item"]));
        Assert.Contains("Passed to our client, who decides (1):", answer.ToReadableText(), StringComparison.Ordinal);
        Assert.Contains("we pass your request to the client and help them answer it", summaries.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletion_RequestToDeleteTheRecordingOfAClientsChat_IsPassedToTheClientNotRecorded()
    {
        using var handling = new NoticeHost(Policy, o => o.StoredKinds.Clear());
        var chat = InteractionId.Parse("chat-1");
        var text = RecordingId.Parse("chat-1.text");
        await handling.StartAsync(chat, text, Channel.Webchat, false, Visitor, Subject);
        await handling.EndAsync(chat);

        var requested = await handling.Get<DeletionRequestService>().RequestAsync(handling.Tenant, chat, text, Officer, "the visitor asked for the chat to be deleted");

        Assert.Equal((InteractionsErrorCodes.HeldForClient, "interaction"), (requested.Error?.Code, requested.Error?.Field));
        Assert.Empty(await handling.Get<IDeletionRequestStore>().ReadOpenAsync(handling.Tenant).ToListAsync());
    }

    [Fact]
    public async Task Changes_RevisedNoticeWithLessThan30DaysNotice_IsRefused_With30DaysItIsPublished()
    {
        using var handling = new NoticeHost(Policy, o => o.StoredKinds.Clear());
        var publisher = handling.Get<PrivacyNoticePublisher>();
        var history = PrivacyNoticeHistory.Create(handling.Tenant, PrivacyNoticeId.Parse("privacy-notice"), "en-GB").Value;
        var first = await publisher.PublishAsync(history, PolicyPublishing.Draft(handling.Policy), Monday.Plus(Duration.FromDays(30)), Officer);
        Assert.True(first.IsSuccess, first.Error?.ToString());
        handling.Clock.Advance(Duration.FromDays(40));
        var revised = PolicyPublishing.Draft(handling.Policy with { Title = "Privacy notice (revised)" });
        var now = handling.Clock.GetCurrentInstant();

        var tooSoon = await publisher.PublishAsync(first.Value, revised, now.Plus(Duration.FromDays(10)), Officer);
        var onNotice = await publisher.PublishAsync(first.Value, revised, now.Plus(Duration.FromDays(31)), Officer);

        Assert.Equal(ConsentErrorCodes.NoticePeriodTooShort, tooSoon.Error?.Code);
        Assert.True(onNotice.IsSuccess, onNotice.Error?.ToString());
        Assert.Equal(2, onNotice.Value.Versions.Length);
        Assert.Contains("at least 30 days before they apply", handling.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_StatesRightsMarketingSharingAndTransfers()
    {
        using var handling = new NoticeHost(Policy, o => o.StoredKinds.Clear());
        var text = handling.NoticeText;

        foreach (var right in new[] { "(Art 15)", "(Art 16)", "(Art 17)", "(Art 18)", "(Art 21(1))", "(Art 21(2))" })
        {
            Assert.Contains(right, text, StringComparison.Ordinal);
        }

        Assert.Contains("  * Email: only if you have said yes", text, StringComparison.Ordinal);
        Assert.Contains("  * Unsubscribe reply: ", text, StringComparison.Ordinal);
        Assert.Contains("  * Unsubscribe link: ", text, StringComparison.Ordinal);
        Assert.Contains("  * Letter: Call Handling Services, 167-169 Great Portland Street", text, StringComparison.Ordinal);
        Assert.Contains("  * Phone call: 0333 321 0888", text, StringComparison.Ordinal);
        Assert.Contains("(only with your consent)", text, StringComparison.Ordinal);
        Assert.Contains("outside the European Economic Area", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Marketing_OnlyByEmailWithOptIn_AndAnObjectionStopsIt()
    {
        using var handling = new NoticeHost(Policy, o => o.StoredKinds.Clear());
        var permissions = handling.Get<MarketingPermissions>();
        var visitor = MarketingPreferences.For(handling.Tenant, Subject);
        var optedIn = visitor.OptIn(MarketingChannel.Email, Monday);

        Assert.False(permissions.Check(visitor, MarketingChannel.Email).Allowed);
        Assert.True(permissions.Check(optedIn, MarketingChannel.Email).Allowed);
        Assert.False(permissions.Check(optedIn.Object(OptOutRoute.PhoneCall, Monday.PlusTicks(1)), MarketingChannel.Email).Allowed);
        Assert.All([MarketingChannel.Sms, MarketingChannel.Phone, MarketingChannel.Post], c => Assert.False(permissions.Check(visitor.OptIn(c, Monday), c).Allowed));
    }
}
