using System.Xml.Linq;
using ContactKit.Consent;
using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Consent.Tests.Recording;

public class RecordingAnnouncementsTests
{
    private static readonly TenantId Fen = TenantId.Parse("fen-council");
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("contact-centre"), 3, "en-GB", new string('b', 64));

    private static RecordingDecision Decision(string jurisdiction) =>
        RecordingRuleSet.Default.Decide(Channel.VoiceCall, [new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse(jurisdiction))]).Value;

    private static IRecordingAnnouncements Announcements(Action<ConsentOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddConsent(configure).UseInMemoryStores();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IRecordingAnnouncements>();
    }

    [Fact]
    public void Render_TenantWithItsOwnWording_FillsItsValuesAndNamesTheNotice()
    {
        var announcements = Announcements(o => o.TenantAnnouncements[Fen.Value] = new AnnouncementOptions
        {
            SpokenNotice = "Calls to {organisation} are recorded for {purposes}. Details: {notice_url}.",
            BannerNotice = "This chat is saved for {purposes}. Notice {notice_version}.",
            Organisation = "Fen & Marsh Council",
            Purposes = "training",
            NoticeUrl = "https://example.org/privacy",
        });

        var announcement = announcements.Render(Fen, Decision("GB"), Notice);

        Assert.Equal("Calls to Fen & Marsh Council are recorded for training. Details: https://example.org/privacy.", announcement.PlainText);
        Assert.Equal(announcement.PlainText, XDocument.Parse(announcement.Ssml).Root!.Value);
        Assert.Equal("This chat is saved for training. Notice contact-centre/v3/en-GB.", announcement.ChatBanner);
        Assert.Equal(Notice, announcement.Notice);
    }

    [Fact]
    public void Render_TenantWithNoWording_IsContactKitsDefaultAndNamesNoOrganisation()
    {
        var announcements = Announcements(o => o.TenantAnnouncements["other"] = new AnnouncementOptions { SpokenNotice = "Other wording." });

        var notice = announcements.Render(Fen, Decision("GB"), Notice);
        var prompt = announcements.Render(Fen, Decision("US-CA"), Notice);

        Assert.StartsWith("This call is recorded.", notice.PlainText, StringComparison.Ordinal);
        Assert.Equal("This chat is recorded. See our privacy notice for how we use it.", notice.ChatBanner);
        Assert.True(prompt.AwaitsExplicitConsent);
        Assert.Contains("To agree, press 1.", prompt.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PromptLeftUnset_IsTheDefaultWithTheTenantsKey()
    {
        var announcements = Announcements(o => o.TenantAnnouncements[Fen.Value] = new AnnouncementOptions { SpokenNotice = "Calls are recorded.", AcceptKey = "5" });

        var prompt = announcements.Render(Fen, Decision("US-CA"), Notice);

        Assert.Contains("To agree, press 5.", prompt.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecisionThatNeedsNothing_SaysNothing()
    {
        var announcement = Announcements().Render(Fen, Decision("US-TX"), Notice);

        Assert.Equal((string.Empty, string.Empty, string.Empty), (announcement.PlainText, announcement.Ssml, announcement.ChatBanner));
    }

    [Fact]
    public void StartupValidation_BadTemplatesAndAMissingValue_ReportsEachWithTheParsersCodeTheTenantAndTheTemplate()
    {
        var failures = AppSettings.StartupFailures("""
            { "ContactKit": { "Consent": { "TenantAnnouncements": { "fen-council": {
                "SpokenNotice": "Recorded by {organsation}.",
                "SpokenPrompt": "Do you agree?",
                "BannerNotice": "Saved for {purposes}." } } } } }
            """, ck => ck.AddConsent().UseInMemoryStores());

        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TenantAnnouncements:fen-council:SpokenNotice: CK0304: '{organsation}' is not a placeholder", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TenantAnnouncements:fen-council:SpokenPrompt: CK0304: This template must use '{accept_key}'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TenantAnnouncements:fen-council:BannerNotice: CK0304: This template uses '{purposes}' but TenantAnnouncements:fen-council:Purposes is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void BindConfiguration_TenantAnnouncements_BindsTheWordingAndItsValues()
    {
        using var provider = AppSettings.Build("""
            { "ContactKit": { "Consent": { "TenantAnnouncements": { "fen-council": {
                "SpokenPrompt": "{organisation} would like to record this call. Press {accept_key} to agree.",
                "Organisation": "Fen Council", "AcceptKey": "9", "SsmlLanguage": "cy-GB" } } } } }
            """, ck => ck.AddConsent().UseInMemoryStores());
        provider.GetRequiredService<IStartupValidator>().Validate();

        var prompt = provider.GetRequiredService<IRecordingAnnouncements>().Render(Fen, Decision("US-CA"), Notice);

        Assert.Equal("Fen Council would like to record this call. Press 9 to agree.", prompt.PlainText);
        Assert.Equal("cy-GB", XDocument.Parse(prompt.Ssml).Root!.Attribute(XNamespace.Xml + "lang")!.Value);
    }
}
