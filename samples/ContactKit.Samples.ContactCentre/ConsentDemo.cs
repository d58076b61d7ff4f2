using ContactKit.Consent;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// Consent at work: a council publishes its notice, a UK caller hears it and carries on, a caller from California is
/// asked to press 1, and a bureau screens a telemarketing list, printing each refused number with its reasons.
/// </summary>
public static class ConsentDemo
{
    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = FakeClocks.AtUtc(2026, 3, 2, 9, 0);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddConsent().UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var tenant = TenantId.Parse("fen-council");
        var dpo = ActorId.Parse("dpo");

        // The notice: version 1 now; a revision with only a week's notice is refused.
        var publisher = provider.GetRequiredService<PrivacyNoticePublisher>();
        var draft = new NoticeDraft("Your calls and chats with Fen Council",
        [
            new NoticeSection("Recording", "We record calls once you reach an adviser, to train staff and check quality. Card details are never recorded."),
            new NoticeSection("Keeping recordings", "Recordings are deleted after six months."),
        ]);
        var history = (await publisher.PublishAsync(PrivacyNoticeHistory.Create(tenant, PrivacyNoticeId.Parse("contact-centre"), "en-GB").Value, draft, clock.GetCurrentInstant(), dpo)).Value;
        var notice = history.InForceAt(clock.GetCurrentInstant()).Value.Reference;
        await output.WriteLineAsync($"Notice in force: {notice}");
        var tooSoon = await publisher.PublishAsync(history, draft with { Title = "Revised" }, clock.GetCurrentInstant().Plus(Duration.FromDays(7)), dpo);
        await output.WriteLineAsync($"Revision effective in 7 days: {tooSoon.Error}");

        // Two callers: the rules decide what each needs; the tenant's own wording is rendered.
        var rules = provider.GetRequiredService<RecordingRuleSet>();
        var wording = AnnouncementWording.Create(
            "Thank you for calling {organisation}. We record calls for {purposes}. Our privacy notice is at {notice_url}.",
            "Thank you for calling {organisation}. We would like to record this call for {purposes}. Press {accept_key} if you agree.",
            "{organisation} keeps this chat for {purposes}. See {notice_url}.",
            "{organisation} would like to keep this chat for {purposes}. Choose Agree to continue.").Value;
        var values = new AnnouncementValues("Fen Council", "training & quality", "fen.example/privacy", "1");
        var ledger = provider.GetRequiredService<ConsentLedger>();
        var adviser = new RecordingParty(PartyId.Parse("adviser"), PartyRole.Agent, Jurisdiction.England);

        foreach (var (caller, where, method) in new[] { ("caller-uk", "GB-ENG", ConsentMethod.ImpliedByContinuing), ("caller-ca", "US-CA", ConsentMethod.KeyPress) })
        {
            var decision = rules.Decide(Channel.VoiceCall, [new RecordingParty(PartyId.Parse(caller), PartyRole.Caller, Jurisdiction.Parse(where)), adviser]).Value;
            var announcement = wording.Render(decision, notice, values);
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Caller from {where}: {decision.Requirement}, decided by {decision.Deciding.Explain()}");
            await output.WriteLineAsync($"  Plays: {announcement.PlainText}");
            await output.WriteLineAsync($"  SSML:  {announcement.Ssml}");
            await output.WriteLineAsync(announcement.AwaitsExplicitConsent ? "  The caller presses 1." : "  The caller carries on talking.");

            var recorded = await ledger.RecordAsync(new ConsentRecord
            {
                Id = ConsentRecordId.New(),
                Tenant = tenant,
                Subject = DataSubjectId.Parse(caller),
                Controller = "Fen Council",
                Purposes = [Purpose.Training, Purpose.QualityMonitoring],
                DataCategories = [DataCategories.CallRecording.Key],
                Channel = Channel.VoiceCall,
                Status = ConsentStatus.Given,
                Method = method,
                Notice = notice,
                Evidence = new ConsentEvidence(RecordingId.Parse($"rec-{caller}"), Duration.FromSeconds(11)),
                RecordedAt = clock.GetCurrentInstant(),
                Jurisdiction = Jurisdiction.Parse(where),
            }, ActorId.Parse("ivr"));
            var state = await ledger.GetStateAsync(tenant, DataSubjectId.Parse(caller), Purpose.Training);
            await output.WriteLineAsync($"  Ledger #{recorded.Value.Sequence}: {method} on {notice.VersionId}, evidence rec-{caller} at 11s; training consent is {state.Status}");
        }

        // A telemarketing list: screened against TPS/CTPS today, then checked against preferences.
        await output.WriteLineAsync();
        await output.WriteLineAsync("Telemarketing list screened on 2026-03-02:");
        var tps = provider.GetRequiredService<FakeTelephonePreferenceService>();
        var screener = provider.GetRequiredService<MarketingCallScreener>();
        var list = new[] { "07700 900101", "07700 900102", "07700 900103", "07700 900104", "07700 900105", "07700 900106" }
            .Select(n => TelephoneNumber.Parse(n)).ToArray();
        tps.Register(list[1], TelephonePreferenceRegisters.Tps).Register(list[2], TelephonePreferenceRegisters.Tps).Register(list[4], TelephonePreferenceRegisters.Ctps);
        var builder = new MarketingCallIndex.Builder();
        await screener.ScreenAsync(tenant, list[..5], builder);
        builder.AddScreening(list[5], TelephonePreferenceRegisters.None, new LocalDate(2026, 1, 20)); // bought-in data screened 41 days ago
        var subject = MarketingPreferences.For(tenant, DataSubjectId.Parse("customer-3"));
        builder.Apply(list[2], subject.OptIn(MarketingChannel.Phone, clock.GetCurrentInstant()));
        builder.Apply(list[3], subject.OptIn(MarketingChannel.Phone, clock.GetCurrentInstant()).Object(OptOutRoute.Letter, clock.GetCurrentInstant()));
        var index = screener.Build(builder);

        foreach (var number in list.Append(TelephoneNumber.Parse("07700 900199")))
        {
            var decision = screener.Decide(tenant, index, number);
            await output.WriteLineAsync($"  {(decision.MayCall ? "CALL  " : "REFUSE")} {number} {decision.Explain()}");
        }
    }
}
