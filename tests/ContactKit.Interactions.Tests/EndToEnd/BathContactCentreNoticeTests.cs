using ContactKit.DataSubjects;
using ContactKit.Recording;
using ContactKit.Retention;
using NodaTime;
using static ContactKit.Interactions.Tests.EndToEnd.NoticeHost;

namespace ContactKit.Interactions.Tests.EndToEnd;

/// <summary>
/// Notice 000, Bath and North East Somerset Council's contact centre, from its policy
/// (<c>samples/policies/bath-contact-centre.policy.json</c>) on the in-memory stores: calls recorded and transcribed,
/// an AI sentiment rating and a summary of each interaction kept against the caller's identity, all on a legal
/// obligation (Art 6(1)(c)), and everything kept "for as long as it is needed", which the host keeps and reviews but
/// never deletes by itself (the lint's CK0873 warning).
/// </summary>
public sealed class BathContactCentreNoticeTests
{
    private const string Policy = "bath-contact-centre.policy.json";
    private static readonly RecordingParty Resident = new(PartyId.Parse("resident"), PartyRole.Caller, Jurisdiction.England);
    private static readonly RecordingParty Adviser = new(PartyId.Parse("adviser-2"), PartyRole.Agent, Jurisdiction.England);
    private static readonly DataSubjectId Subject = DataSubjectId.Parse("resident-1");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("call-1.voice");

    [Fact]
    public async Task Call_RecordedTranscribedRatedAndSummarised_AllKeptAgainstTheCallerUnderTheContactRecordAndReviewedNotDeleted()
    {
        using var bath = await CallAsync();
        var audio = (await bath.ItemAsync(StoredArtefact.RetainedItemFor(Call, "audio"))).Item;

        // Every artefact is a contact record, kept against the resident, with a review a year after the call.
        var items = await Task.WhenAll(new[] { "audio", "transcript", "sentiment", "summary" }.Select(name => bath.ItemAsync(StoredArtefact.RetainedItemFor(Call, name))));
        Assert.All(items, i => Assert.Equal((RecordClass.Parse("interaction_record"), (DataSubjectId?)Subject, (DisposalAction?)DisposalAction.Review), (i.Item.RecordClass, i.Item.Subject, i.Action)));
        Assert.Equal(RecordClass.Parse("interaction_record"), audio.RecordClass);

        bath.Clock.Advance(Duration.FromDays(360));
        Assert.Empty((await bath.SweepAsync()).Reviews);
        bath.Clock.Advance(Duration.FromDays(10));
        var due = await bath.SweepAsync();

        // A year on, nothing is destroyed: each record is raised for review and kept.
        Assert.Empty(due.Proofs);
        Assert.Equal(4, due.Reviews.Length);
        Assert.True(await bath.ReadableAsync((await bath.Artefacts.GetAsync(bath.Tenant, StoredArtefact.RetainedItemFor(Call, "audio"))).Value.Location!));
        Assert.True(bath.HoldsOwnContent(Call, "sentiment"));
        Assert.Equal(RecordingState.Available, (await bath.Sessions.GetAsync(bath.Tenant, Voice)).Value.State);
        Assert.Empty((await bath.SweepAsync()).Reviews); // raised once, not at every sweep

        Assert.Contains("Calls and messages are recorded and transcribed as they happen", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("how each call went: positive, neutral or negative", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("A summary of each call, chat or message", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("It is kept with your details.", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("for as long as they are needed for the purposes in this notice", bath.NoticeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_TheResidentAsksForACopyAndForErasure_GetsEveryRecordAndNothingIsErasedUnderTheLegalObligation()
    {
        using var bath = await CallAsync();

        var copy = await bath.ExportAsync(Subject);
        var plan = (await bath.Get<ErasureService>().PlanAsync(bath.ErasureAuthorised(Subject))).Value;
        var answer = await bath.Get<ErasureService>().ExecuteAsync(plan);

        // The copy holds the recording, its transcript, the sentiment and the summary, and the notice they were given.
        Assert.Equal(1, copy.Recordings);
        Assert.Equal(4, copy.RecordsBySource["interactions"]);
        Assert.Equal(1, copy.RecordsBySource["consent-ledger"]);
        // Kept on a legal obligation (Art 6(1)(c)), so erasure keeps all of it (Art 17(3)(b)).
        Assert.Empty(answer.Erased);
        Assert.All(answer.Kept.Where(d => d.Item.Source == "interactions"), d => Assert.Equal("Art 17(3)(b)", d.Article));
        Assert.Equal(4, answer.Kept.Count(d => d.Item.Source == "interactions"));
        Assert.Equal(LawfulBasis.LegalObligation, Assert.Single(await bath.Get<ContactKit.Consent.ConsentLedger>().ReadAsync(bath.Tenant, Subject)).LawfulBasis);

        Assert.Contains("Lawful basis: a legal obligation (Art 6(1)(c)).", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("Art 9(2)(b)", bath.NoticeText, StringComparison.Ordinal);
        Assert.Contains("We make no decision about you by automated means alone, and we do not profile you.", bath.NoticeText, StringComparison.Ordinal);
    }

    // One call: the resident, identified, and an adviser are told it is recorded; it is recorded, transcribed as it
    // happens, rated and summarised.
    private static async Task<NoticeHost> CallAsync()
    {
        var bath = new NoticeHost(Policy, o => { o.StoredKinds.Add(ArtefactKind.Sentiment); o.StoredKinds.Add(ArtefactKind.Summary); });
        await bath.StartAsync(Call, Voice, Channel.VoiceCall, false, Resident, Subject, Adviser);
        await bath.TellAsync(Call, Voice, Resident.Id, NoticeMethod.Announcement);
        await bath.TellAsync(Call, Voice, Adviser.Id, NoticeMethod.AgentScript);
        await bath.Apply(Voice, new CaptureStarted(EventId.New()));
        bath.Clock.Advance(Duration.FromMinutes(6));
        await bath.EndAsync(Call);
        await bath.StoreAudioAsync(Call, Voice);
        await bath.StoreTranscriptAsync(Call, Voice, Resident.Id, Channel.VoiceCall, "my council tax bill is wrong");
        Assert.True((await bath.StoreOwnAsync(Call, "sentiment", ArtefactKind.Sentiment, "negative")).IsSuccess);
        Assert.True((await bath.StoreOwnAsync(Call, "summary", ArtefactKind.Summary, "Resident disputes council tax bill; passed to revenues.")).IsSuccess);
        return bath;
    }
}
