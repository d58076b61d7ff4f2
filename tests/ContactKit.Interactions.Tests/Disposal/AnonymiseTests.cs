using System.Security.Cryptography;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions.Tests.Disposal;

/// <summary>A retention rule whose action is to anonymise: carried out where it can be, refused at start-up where it cannot.</summary>
public sealed class AnonymiseTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly InteractionId Call = InteractionId.Parse("call-1");
    private static readonly RecordingId Voice = RecordingId.Parse("rec-voice");
    private static readonly ActorId Telephony = ActorId.Parse("telephony");
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly RecordingParty Caller = new(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);

    // Survey answers are kept a year, then anonymised for the council's satisfaction statistics.
    private static readonly RetentionRule Surveys = new() { Name = "surveys", RecordClass = RecordClass.Parse("survey_answer"), Trigger = RetentionTrigger.InteractionEnded, Period = Period.FromYears(1), Action = DisposalAction.Anonymise, Reason = RetentionReason.PublicTask };

    [Fact]
    public async Task Sweep_AnonymiseRule_KeepsTheAnswerStrippedAndRecordsTheAnonymisationAsProof()
    {
        var clock = new SteppingClock(T0);
        using var provider = LayerFixtures.Host(clock, LayerFixtures.Schedule(null, Surveys), services: s => s.Configure<InteractionsOptions>(o => o.StoredKinds.Add(ArtefactKind.SurveyAnswer)));
        var content = provider.GetRequiredService<InMemoryArtefactContentProvider>();
        var service = provider.GetRequiredService<InteractionService>();
        await service.StartAsync(Council, Call, Channel.VoiceCall, Voice, [Caller], false, Telephony);
        await service.EndAsync(Council, Call, Telephony);
        byte[] answer = [5, 4, 3];
        var stored = (await service.StoreArtefactAsync(new ArtefactToStore
        {
            Tenant = Council, Interaction = Call, Name = "survey", Kind = ArtefactKind.SurveyAnswer, Location = "crm://call-1/survey", Sha256 = content.Put(Council, "crm://call-1/survey", answer),
        })).Value;

        clock.Advance(Duration.FromDays(366));
        var run = await provider.GetRequiredService<DisposalPlanner>().RunOnceAsync(Council, ActorId.Parse("sweeper"), provider.GetRequiredService<IRetainedItemDisposer>());

        var proof = Assert.Single(run.Proofs);
        Assert.Equal(DisposalAction.Anonymise, proof.Action);
        Assert.Equal($"sha256:{Convert.ToHexStringLower(SHA256.HashData(answer))}", proof.ContentHash);
        Assert.True(content.Contains(Council, "crm://call-1/survey")); // kept, for the statistics
        Assert.True(content.IsAnonymised(Council, "crm://call-1/survey"));
        Assert.True((await provider.GetRequiredService<IArtefactStore>().GetAsync(Council, stored.RetainedItem)).Value.IsDisposed);
        Assert.True((await provider.GetRequiredService<IRetentionStore>().GetAsync(Council, stored.RetainedItem)).Value.IsDisposed);
    }

    [Fact]
    public void StartUp_AnonymiseRuleForCallRecordings_IsRefusedBecauseAVoiceCannotBeAnonymised()
    {
        var council = LayerFixtures.Schedule();
        var schedule = council with { Rules = [.. council.Rules.Select(r => r.RecordClass == RecordClass.CallRecording ? r with { Name = "anonymised-recordings", Action = DisposalAction.Anonymise } : r)] };

        var failed = Assert.Throws<OptionsValidationException>(() => LayerFixtures.Host(new SteppingClock(T0), schedule));

        Assert.Contains(failed.Failures, f => f.Contains(InteractionsErrorCodes.CannotAnonymise, StringComparison.Ordinal) && f.Contains("anonymised-recordings", StringComparison.Ordinal) && f.Contains("Audio", StringComparison.Ordinal));
    }

    [Fact]
    public void StartUp_AnonymiseRuleWithNoAnonymiserRegistered_IsRefused()
    {
        var failed = Assert.Throws<OptionsValidationException>(() => LayerFixtures.Host(new SteppingClock(T0), LayerFixtures.Schedule(null, Surveys), services: s =>
        {
            s.Configure<InteractionsOptions>(o => o.StoredKinds.Add(ArtefactKind.SurveyAnswer));
            s.RemoveAll<IArtefactAnonymiser>();
        }));

        Assert.Contains(failed.Failures, f => f.Contains(InteractionsErrorCodes.CannotAnonymise, StringComparison.Ordinal) && f.Contains("IArtefactAnonymiser", StringComparison.Ordinal));
    }
}
