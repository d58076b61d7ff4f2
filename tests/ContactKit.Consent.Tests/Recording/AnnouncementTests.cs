using ContactKit.Consent;

namespace ContactKit.Consent.Tests.Recording;

public class AnnouncementTests
{
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("contact-centre"), 3, "en-GB", new string('b', 64));
    private static readonly AnnouncementValues Values = new("Fen & Marsh Council", "training and quality", "https://example.org/privacy", "1");

    private static AnnouncementWording Wording() => AnnouncementWording.Create(
        "Calls to {organisation} are recorded for {purposes}. Details: {notice_url}.",
        "Calls to {organisation} are recorded for {purposes}. Press {accept_key} to agree.",
        "This chat is saved for {purposes}. Notice {notice_version}.",
        "This chat is saved for {purposes}. Choose Agree to continue.").Value;

    private static RecordingDecision Decision(string jurisdiction) =>
        RecordingRuleSet.Default.Decide(Channel.VoiceCall, [new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.Parse(jurisdiction))]).Value;

    [Fact]
    public void Render_Notice_FillsPlaceholdersAndEscapesSsml()
    {
        var announcement = Wording().Render(Decision("GB"), Notice, Values);

        Assert.Equal("Calls to Fen & Marsh Council are recorded for training and quality. Details: https://example.org/privacy.", announcement.PlainText);
        Assert.Equal("<speak xml:lang=\"en-GB\"><p>Calls to Fen &amp; Marsh Council are recorded for training and quality. Details: https://example.org/privacy.</p></speak>", announcement.Ssml);
        Assert.Equal("This chat is saved for training and quality. Notice contact-centre/v3/en-GB.", announcement.ChatBanner);
        Assert.Equal(Notice, announcement.Notice);
        Assert.False(announcement.AwaitsExplicitConsent);
    }

    [Fact]
    public void Render_ExplicitConsent_UsesThePromptWithTheKey()
    {
        var announcement = Wording().Render(Decision("US-CA"), Notice, Values);

        Assert.True(announcement.AwaitsExplicitConsent);
        Assert.EndsWith("Press 1 to agree.", announcement.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingRequired_IsEmpty()
    {
        var announcement = Wording().Render(Decision("US-TX"), Notice, Values);

        Assert.Equal(string.Empty, announcement.PlainText);
        Assert.Equal(string.Empty, announcement.Ssml);
    }

    [Theory]
    [InlineData("Recorded by {organsation}.", "is not a placeholder")] // a misspelt placeholder must not reach callers
    [InlineData("Recorded by {organisation.", "never closed")] // an unclosed brace
    [InlineData("Recorded by organisation}.", "no opening brace")] // a stray closing brace
    [InlineData("  ", "must not be empty")] // blank wording
    public void Parse_BadTemplate_IsRefusedWithTheReason(string text, string reason)
    {
        var result = AnnouncementTemplate.ParseText(text, "spokenNotice");

        Assert.Equal(ConsentErrorCodes.InvalidAnnouncementTemplate, result.Error?.Code);
        Assert.Contains(reason, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("spokenNotice", result.Error.Field);
    }

    [Fact]
    public void Parse_DoubledBraces_AreLiteral()
    {
        var template = AnnouncementTemplate.ParseText("{{not a placeholder}} {organisation}", "t").Value;

        Assert.Equal("{not a placeholder} Fen & Marsh Council", template.Render(Values));
    }

    [Fact]
    public void Create_PromptWithoutAcceptKeyAndBadBanner_ReportsBothAtOnce()
    {
        var result = AnnouncementWording.Create("ok", "Do you agree?", "ok", "{oops}");

        Assert.Equal(ConsentErrorCodes.InvalidAnnouncementTemplate, result.Error?.Code);
        Assert.Contains("spokenPrompt: This template must use '{accept_key}'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("bannerPrompt:", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapeXml_EveryMarkupCharacter_IsEscaped()
    {
        Assert.Equal("&lt;break/&gt; &amp; &quot;x&quot; &apos;y&apos;", AnnouncementWording.EscapeXml("<break/> & \"x\" 'y'"));
    }
}
