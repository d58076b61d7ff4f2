using System.Xml.Linq;

namespace ContactKit.Policies.Tests.Rendering;

public sealed class NoticeRendererTests
{
    [Fact]
    public void Render_CouncilPolicy_MarkdownStatesEachCommitment()
    {
        var markdown = NoticeRenderer.Render(SamplePolicies.Council(), NoticeFormat.Markdown);

        Assert.StartsWith("# Contact centre privacy notice\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Recording calls and chats", markdown, StringComparison.Ordinal);
        Assert.Contains("card numbers are never recorded", markdown, StringComparison.Ordinal);
        Assert.Contains("deleted within 28 days", markdown, StringComparison.Ordinal);
        Assert.Contains("- Call recording: 6 months after the call or chat ends", markdown, StringComparison.Ordinal);
        Assert.Contains("the Information Commissioner's Office", markdown, StringComparison.Ordinal);
        Assert.Contains("(Art 6(1)(e))", markdown, StringComparison.Ordinal);
        Assert.Contains("dpo@example.gov.uk", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_IsOnePageWithTheLanguageAndHeadingsInOrder()
    {
        var html = NoticeRenderer.Render(SamplePolicies.Council(), NoticeFormat.Html);

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        var page = XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
        Assert.Equal("en-GB", page.Root!.Attribute("lang")!.Value);
        Assert.NotNull(page.Descendants("meta").SingleOrDefault(m => (string?)m.Attribute("name") == "viewport"));
        var headings = page.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3").Select(e => e.Name.LocalName).ToList();
        Assert.Equal("h1", headings[0]);
        Assert.All(headings.Skip(1), h => Assert.Equal("h2", h));
        var anchors = page.Descendants("a").Select(a => a.Attribute("href")!.Value).Where(h => h.StartsWith('#')).Select(h => h[1..]).ToList();
        Assert.Equal(page.Descendants("section").Select(s => s.Attribute("id")!.Value), anchors);
        Assert.Empty(page.Descendants("script"));
        Assert.Empty(page.Descendants("link")); // self-contained: nothing fetched
    }

    [Fact]
    public void Render_Html_EmailAndWebAddressesAreLinksAndNoneIsLeftAsPlainText()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Wording = new TenantWording { Introduction = "Questions? Write to help@example.gov.uk, or see www.example.gov.uk/privacy." } };

        var page = XDocument.Parse(NoticeRenderer.Render(policy, NoticeFormat.Html)["<!DOCTYPE html>\n".Length..]);
        var links = page.Descendants("a").Where(a => !a.Attribute("href")!.Value.StartsWith('#')).Select(a => (a.Attribute("href")!.Value, a.Value)).ToList();

        Assert.Contains(("mailto:privacy@example.gov.uk", "privacy@example.gov.uk"), links); // the controller
        Assert.Contains(("mailto:dpo@example.gov.uk", "dpo@example.gov.uk"), links); // the data protection officer
        Assert.Contains(("https://ico.org.uk/", "https://ico.org.uk/"), links); // the regulator's site
        // The tenant's own words: the sentence's punctuation stays outside the link; a www. address opens over https.
        Assert.Contains(("mailto:help@example.gov.uk", "help@example.gov.uk"), links);
        Assert.Contains(("https://www.example.gov.uk/privacy", "www.example.gov.uk/privacy"), links);
        var unlinked = page.DescendantNodes().OfType<XText>().Where(t => t.Parent!.Name != "a").Select(t => t.Value);
        Assert.DoesNotContain(unlinked, t => t.Contains('@', StringComparison.Ordinal) || t.Contains("www.", StringComparison.Ordinal) || t.Contains("https://", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Html_TelephoneNumbersAreTelLinksInInternationalForm()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            Complaints = council.Complaints! with { Phone = "0303 123 1113" },
            Wording = new TenantWording { Introduction = "Call us on 01225 477000 or +44 (0)20 7946 0123, quoting case 20261201; we reply by 31 December 2026." },
        };

        var page = XDocument.Parse(NoticeRenderer.Render(policy, NoticeFormat.Html)["<!DOCTYPE html>\n".Length..]);
        var links = page.Descendants("a").Select(a => (a.Attribute("href")!.Value, a.Value)).ToList();

        Assert.Contains(("tel:+443031231113", "0303 123 1113"), links); // the regulator's helpline
        Assert.Contains(("tel:+441225477000", "01225 477000"), links); // the tenant's own words
        Assert.Contains(("tel:+442079460123", "+44 (0)20 7946 0123"), links);
        // A case reference and a date are not telephone numbers.
        Assert.Equal(3, links.Count(l => l.Item1.StartsWith("tel:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_TextFromThePolicy_IsEscapedInEveryFormat()
    {
        var policy = SamplePolicies.Council() with { Title = "<script>alert(1)</script> # [x](http://evil)" };

        var html = NoticeRenderer.Render(policy, NoticeFormat.Html);
        var markdown = NoticeRenderer.Render(policy, NoticeFormat.Markdown);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(@"\[x\](http://evil)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TenantWording_ReplacesTheOpeningButKeepsTheFacts()
    {
        var policy = SamplePolicies.Council() with
        {
            Wording = new TenantWording { Sections = System.Collections.Immutable.ImmutableDictionary<NoticeSectionId, string>.Empty.Add(NoticeSectionId.Retention, "We follow our records management policy.") },
        };

        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.Contains("We follow our records management policy.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("We keep information only as long as set out here", text, StringComparison.Ordinal);
        Assert.Contains("  * Call recording: 6 months after the call or chat ends", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PlainText_UnderlinesEachHeading()
    {
        var text = NoticeRenderer.Render(SamplePolicies.Council(), NoticeFormat.PlainText);

        Assert.StartsWith("CONTACT CENTRE PRIVACY NOTICE\n", text, StringComparison.Ordinal);
        Assert.Contains("How long we keep it\n-------------------\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChannelsAndRetentionTriggers_ReadAsPeopleSayThem()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            Channels = [Channel.VoiceCall, Channel.Sms, Channel.WhatsApp],
            Recording = council.Recording! with { Channels = [Channel.VoiceCall, Channel.Sms, Channel.SocialMedia] },
            Retention = [new RetentionEntry { RecordClass = "enquiry", Trigger = "created", Period = NodaTime.Period.FromYears(2) },
                         new RetentionEntry { RecordClass = "customer_record", Trigger = "relationship_ended", Period = NodaTime.Period.FromYears(6) }],
        };

        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.Contains("  * phone\n  * text message\n  * WhatsApp\n", text, StringComparison.Ordinal);
        Assert.Contains("We record phone calls, text messages and social media messages.", text, StringComparison.Ordinal);
        Assert.Contains("  * Enquiry: 2 years from when we receive it", text, StringComparison.Ordinal);
        Assert.Contains("  * Customer record: 6 years after our relationship with you ends", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhatAPolicyAdds_IsNotDropped()
    {
        var council = SamplePolicies.Council();
        var policy = council with
        {
            Categories = council.Categories.SetItem(1, council.Categories[1] with { Requirement = new RequirementStatement { Required = false, Consequence = "we cannot check what was agreed" } }),
            Processors = [council.Processors[0] with { Permissions = [new PermissionEntry { Permission = ContactKit.Consent.AppPermission.Address, UsedFor = "finding your bin day", Revocable = true }] }],
            Recording = council.Recording! with { WhoIsTold = NoticeAudience.EveryParty },
            Marketing = council.Marketing! with { Screening = new ScreeningStatement { Registers = [ContactKit.Consent.TelephonePreferenceRegisters.Tps, ContactKit.Consent.TelephonePreferenceRegisters.Ctps] } },
        };

        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.Contains("You do not have to provide it, but if you do not, we cannot check what was agreed.", text, StringComparison.Ordinal);
        Assert.Contains("it asks to use your address, for finding your bin day (you can withdraw this)", text, StringComparison.Ordinal);
        Assert.Contains("Everyone on the call or chat is told at the start", text, StringComparison.Ordinal);
        Assert.Contains("we check the TPS and CTPS registers", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoRecipientsAtAll_LeavesTheSharingSectionOut()
    {
        var policy = SamplePolicies.Council() with { Sharing = null, Processors = [] };

        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.DoesNotContain("Who we share it with", text, StringComparison.Ordinal);
        Assert.Contains(PolicyLint.Check(policy), f => f.Code == PoliciesErrorCodes.NoticeMissingRecipients);
    }

    [Fact]
    public void Announcement_CouncilPolicy_SaysWhyAndThatCardsAreNotRecorded()
    {
        var announcement = RecordingAnnouncement.From(SamplePolicies.Council())!;

        Assert.Equal("Example Council records calls for quality monitoring and training. Recording stops while you give card details. If you would rather not be recorded, please tell the person you speak to. Our privacy notice explains how we use recordings and how long we keep them.", announcement.Text);
        var ssml = XDocument.Parse(announcement.Ssml);
        Assert.Equal("speak", ssml.Root!.Name.LocalName);
        Assert.Equal(4, ssml.Root.Elements().Count());
        Assert.Contains("Never type card details here", announcement.ChatBanner, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnnouncementAndBannerQuoted_TheirPointerToTheNoticeIsToldNotQuoted()
    {
        var council = SamplePolicies.Council();
        var policy = council with { Recording = council.Recording! with { HowTold = [NoticeMedium.SpokenAnnouncement, NoticeMedium.ChatBanner] } };

        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.Contains("What we say at the start of a call: “Example Council records calls for quality monitoring and training. Recording stops while you give card details. If you would rather not be recorded, please tell the person you speak to.” We then tell callers that this notice explains how we use recordings and how long we keep them.", text, StringComparison.Ordinal);
        Assert.Contains("What a chat shows at the start: “This chat is recorded. Never type card details here: we will send you a secure payment link.” The banner then points to this notice for how we use the chat.", text, StringComparison.Ordinal);
        // The notice never quotes itself being recommended.
        Assert.DoesNotContain("Our privacy notice explains", text, StringComparison.Ordinal);
        Assert.DoesNotContain("See our privacy notice", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Announcement_PolicyThatDoesNotRecord_IsNull()
    {
        Assert.Null(RecordingAnnouncement.From(SamplePolicies.Minimal()));
    }
}
