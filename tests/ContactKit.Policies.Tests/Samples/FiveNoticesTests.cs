using System.Xml.Linq;

namespace ContactKit.Policies.Tests.Samples;

/// <summary>
/// The five reference notices of ContactKit's first customers, expressed as policy documents in
/// <c>samples/policies/</c>. Each one loads, lints with exactly the findings its original notice deserves, renders in
/// every format, and its rendered text states every commitment the product design lists for that notice.
/// </summary>
public sealed class FiveNoticesTests
{
    public const string Bath = "bath-contact-centre.policy.json";
    public const string Breckland = "breckland-customer-service.policy.json";
    public const string BetterComms = "better-comms.policy.json";
    public const string CallHandling = "call-handling-services.policy.json";
    public const string TelephoneOffice = "telephone-office-recording.policy.json";

    private static readonly string[] All = [Bath, Breckland, BetterComms, CallHandling, TelephoneOffice];

    public static TheoryData<string> Files => new(All);

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "samples", file);

    private static PolicyDocument Load(string file)
    {
        var loaded = PolicyLoader.Load(File.ReadAllText(PathOf(file)));
        Assert.True(loaded.IsLoaded, string.Join("; ", loaded.Errors));
        return loaded.Document!;
    }

    private static string Text(string file) => NoticeRenderer.Render(Load(file), NoticeFormat.PlainText);

    private static string[] Findings(string file) => [.. PolicyLint.Check(Load(file)).Select(f => $"{f.Code} {f.Path}")];

    // "Whether giving it is required" is said for no category: one CK0860 warning per category.
    private static IEnumerable<string> RequirementNotSaid(params int[] categories) =>
        categories.Select(i => $"{PoliciesErrorCodes.NoticeMissingRequirement} $.categories[{i}].requirement");

    private static IEnumerable<string> RightsNotMentioned(int count) =>
        Enumerable.Repeat($"{PoliciesErrorCodes.NoticeMissingRight} $.rights.rights", count);

    [Fact]
    public void Folder_HoldsTheFiveNoticesAndAReadme()
    {
        var folder = Repository.PathOf("samples/policies");
        var files = Directory.GetFiles(folder, "*.policy.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(All.Order(StringComparer.Ordinal), files);
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        Assert.All(All, f => Assert.Contains(f, readme, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_LoadsWithoutProblems(string file)
    {
        var loaded = PolicyLoader.Load(File.ReadAllText(PathOf(file)));

        Assert.True(loaded.IsLoaded, string.Join("; ", loaded.Errors));
        Assert.Empty(PolicyLoader.Validate(loaded.Document!));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_RendersInEveryFormat(string file)
    {
        var policy = Load(file);

        var markdown = NoticeRenderer.Render(policy, NoticeFormat.Markdown);
        var html = NoticeRenderer.Render(policy, NoticeFormat.Html);
        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);

        Assert.StartsWith($"# {policy.Title}\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## Who we are", markdown, StringComparison.Ordinal);
        var page = XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
        Assert.Equal("en-GB", page.Root!.Attribute("lang")!.Value);
        Assert.Equal(policy.Title, page.Descendants("h1").Single().Value);
        Assert.StartsWith(policy.Title!.ToUpperInvariant() + "\n", text, StringComparison.Ordinal);
        if (policy.Recording is not null)
        {
            Assert.NotNull(RecordingAnnouncement.From(policy));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_EveryFormatListsTheSameFacts(string file)
    {
        var policy = Load(file);
        var text = NoticeRenderer.Render(policy, NoticeFormat.PlainText);
        var html = XDocument.Parse(NoticeRenderer.Render(policy, NoticeFormat.Html)["<!DOCTYPE html>\n".Length..]);
        var markdown = NoticeRenderer.Render(policy, NoticeFormat.Markdown);

        var facts = text.Split('\n').Where(l => l.StartsWith("  * ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        var htmlItems = html.Descendants("li").Select(li => li.Value).ToHashSet(StringComparer.Ordinal);
        var markdownItems = markdown.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Replace("\\", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(facts);
        Assert.All(facts, fact => Assert.Contains(fact, htmlItems));
        Assert.All(facts, fact => Assert.Contains(fact, markdownItems));
    }

    [Fact]
    public void Bath_Lint_FindsWhatTheNoticeLeavesOut()
    {
        string[] expected =
        [
            // The notice gives a general email address but no data protection officer.
            $"{PoliciesErrorCodes.NoticeMissingDpo} $.controller.dpo",
            // It never says whether any of the eleven categories must be given.
            .. RequirementNotSaid(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            // Everything is kept "as long as it is needed", with no period and no review date.
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[0]",
            // It speaks of "your data subject rights" but names none of the five everyone has.
            .. RightsNotMentioned(5),
        ];

        Assert.Equal(expected, Findings(Bath));
    }

    [Fact]
    public void Bath_Notice_StatesEachCommitment()
    {
        var text = Text(Bath);

        // Channels handled, and what the platform does with a contact.
        Assert.Contains("calls, chats, texts, emails, social media and WhatsApp messages", text, StringComparison.Ordinal);
        Assert.Contains("recorded and transcribed as they happen", text, StringComparison.Ordinal);
        Assert.Contains("rate the service afterwards", text, StringComparison.Ordinal);
        Assert.Contains("forward or transfer your call", text, StringComparison.Ordinal);
        foreach (var channel in new[] { "phone", "webchat", "text message", "email", "social media", "WhatsApp" })
        {
            Assert.Contains($"  * {channel}\n", text, StringComparison.Ordinal);
        }

        // What is collected.
        foreach (var item in new[] { "Name", "Username", "Recordings and transcripts of calls and messages", "Vehicle registration", "Email address", "Postal address", "Telephone number", "Date of birth", "National Insurance number", "Reason for contact" })
        {
            Assert.Contains($"\n{item}\n", text, StringComparison.Ordinal);
        }

        // Sentiment and summaries, kept against the caller's identity and used in no decision.
        Assert.Contains("how each call went: positive, neutral or negative", text, StringComparison.Ordinal);
        Assert.Contains("A summary of each call, chat or message", text, StringComparison.Ordinal);
        Assert.Contains("It is kept with your details.", text, StringComparison.Ordinal);
        Assert.Contains("No decision about you is made from it automatically.", text, StringComparison.Ordinal);

        // Lawful basis Art 6(1)(c), Art 9(2)(b) for special category data; no profiling or automated decisions.
        Assert.Contains("Lawful basis: a legal obligation (Art 6(1)(c)).", text, StringComparison.Ordinal);
        Assert.Contains("Art 9(2)(b)", text, StringComparison.Ordinal);
        Assert.Contains("We make no decision about you by automated means alone, and we do not profile you.", text, StringComparison.Ordinal);
        Assert.Contains("the Information Commissioner's Office", text, StringComparison.Ordinal);
        Assert.Contains("0303 123 1113", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Breckland_Lint_FindsWhatTheNoticeLeavesOut()
    {
        string[] expected =
        [
            // No category says whether it must be given.
            .. RequirementNotSaid(0, 1, 2, 3, 4, 5),
            // The notice is silent on automated decisions and profiling.
            $"{PoliciesErrorCodes.NoticeMissingAutomatedDecisions} $.automated_decisions",
            // Only access and correction are named; erasure, restriction and objection are not.
            .. RightsNotMentioned(3),
            // It never says people may complain to the regulator.
            $"{PoliciesErrorCodes.NoticeMissingComplaint} $.complaints.regulator",
        ];

        Assert.Equal(expected, Findings(Breckland));
    }

    [Fact]
    public void Breckland_Notice_StatesEachCommitment()
    {
        var text = Text(Breckland);

        Assert.Contains("Lawful basis: a task in the public interest (Art 6(1)(e)).", text, StringComparison.Ordinal);
        // Card details are never recorded, on the phone or in webchat.
        Assert.Contains("We record phone calls and webchats.", text, StringComparison.Ordinal);
        Assert.Contains("Recording stops while you give card details, so card numbers are never recorded.", text, StringComparison.Ordinal);
        // The chatbot is not recorded; recording starts with an officer.
        Assert.Contains("The automated menu or assistant is not recorded.", text, StringComparison.Ordinal);
        // The webchat processor and the voice-assistant skill with its revocable permissions.
        Assert.Contains("Ubisend (chatbot and webchat platform)", text, StringComparison.Ordinal);
        Assert.Contains("Amazon Alexa skill", text, StringComparison.Ordinal);
        Assert.Contains("your name, for greeting you by name (you can withdraw this)", text, StringComparison.Ordinal);
        Assert.Contains("your address, for giving your bin collection days without asking each time (you can withdraw this)", text, StringComparison.Ordinal);
        Assert.Contains("your email, for sending you a link you ask for (you can withdraw this)", text, StringComparison.Ordinal);
        // Passed to the internal service concerned and nowhere else.
        Assert.Contains("  * Licensing, when your query is about a licence", text, StringComparison.Ordinal);
        Assert.Contains("  * Garden waste, when you buy a garden bin service", text, StringComparison.Ordinal);
        Assert.Contains("more widely only where the law gives us the power to", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Outside it:", text, StringComparison.Ordinal);
        // Recordings and transcripts six months; case records six years.
        Assert.Contains("  * Call recordings and their transcripts: 6 months after the call or chat ends", text, StringComparison.Ordinal);
        Assert.Contains("  * Webchat transcripts: 6 months after the call or chat ends", text, StringComparison.Ordinal);
        Assert.Contains("  * Your details on our case management system: 6 years after the case is closed", text, StringComparison.Ordinal);
        Assert.Contains("legal@breckland.gov.uk", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BetterComms_Lint_FindsWhatTheNoticeLeavesOut()
    {
        string[] expected =
        [
            // A support address, but no data protection officer.
            $"{PoliciesErrorCodes.NoticeMissingDpo} $.controller.dpo",
            // No lawful basis is given for anything; whether giving it is required is said only for job applications.
            .. Enumerable.Range(0, 10).SelectMany(i => i == 8
                ? [$"{PoliciesErrorCodes.CategoryWithoutPurpose} $.categories[{i}].lawful_basis"]
                : new[] { $"{PoliciesErrorCodes.CategoryWithoutPurpose} $.categories[{i}].lawful_basis", $"{PoliciesErrorCodes.NoticeMissingRequirement} $.categories[{i}].requirement" }),
            // Silent on automated decisions.
            $"{PoliciesErrorCodes.NoticeMissingAutomatedDecisions} $.automated_decisions",
            // Call recordings and complaints are kept "for the duration of the relationship": no period, no review date.
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[2]",
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[3]",
            // Customers "may receive marketing" by email with no opt-in, only an opt-out box.
            $"{PoliciesErrorCodes.MarketingWithoutOptIn} $.marketing.channels[1].opt_in",
            // Only subject access is described.
            .. RightsNotMentioned(4),
            // No word on complaining to the regulator.
            $"{PoliciesErrorCodes.NoticeMissingComplaint} $.complaints.regulator",
        ];

        Assert.Equal(expected, Findings(BetterComms));
    }

    [Fact]
    public void BetterComms_Notice_StatesEachCommitment()
    {
        var text = Text(BetterComms);

        // Enquirers who become customers: the relationship plus six years; those who do not: two years.
        Assert.Contains("  * Details of enquirers who become customers: 6 years after our relationship with you ends", text, StringComparison.Ordinal);
        Assert.Contains("  * Details of enquirers who do not become customers: 2 years from when we receive it", text, StringComparison.Ordinal);
        // Telemarketing screened against TPS and CTPS, and again when the data is over 28 days old.
        Assert.Contains("we check the TPS and CTPS registers", text, StringComparison.Ordinal);
        Assert.Contains("check again after 28 days", text, StringComparison.Ordinal);
        // A recording deleted or stopped on request within 28 days once authorised.
        Assert.Contains("You can ask us to delete a recording; once agreed, it is deleted within 28 days.", text, StringComparison.Ordinal);
        // Calling line identity for reporting; the recording notice in the auto attendant.
        Assert.Contains("We keep the number you called from.", text, StringComparison.Ordinal);
        Assert.Contains("Calling line identity\n\n  * Why: reporting.", text, StringComparison.Ordinal);
        Assert.Contains("by auto attendant", text, StringComparison.Ordinal);
        // Unsuccessful applicants six months; employees six years after employment ends.
        Assert.Contains("  * Applications that do not succeed: 6 months after the application is decided", text, StringComparison.Ordinal);
        Assert.Contains("  * Employment records: 6 years after employment ends", text, StringComparison.Ordinal);
        // Nothing is passed to another organisation.
        Assert.Contains("we pass it to no other organisation", text, StringComparison.Ordinal);
        // A job applicant may refuse, knowing what follows.
        Assert.Contains("You do not have to provide it, but if you do not, your application may not be able to go ahead.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CallHandling_Lint_FindsWhatTheNoticeLeavesOut()
    {
        string[] expected =
        [
            // No category says whether it must be given.
            .. RequirementNotSaid(0, 1, 2, 3, 4, 5, 6, 7, 8),
            // Silent on automated decisions.
            $"{PoliciesErrorCodes.NoticeMissingAutomatedDecisions} $.automated_decisions",
            // Data "may be situated inside or outside the EEA", with no safeguard named.
            $"{PoliciesErrorCodes.NoticeMissingTransferSafeguard} $.transfers[0].safeguard",
            // Customer records, unsuccessful applications and employee files: criteria only, no period, no review date.
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[0]",
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[1]",
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[2]",
            // It points to the regulator for information, but never says people may complain to it.
            $"{PoliciesErrorCodes.NoticeMissingComplaint} $.complaints.regulator",
        ];

        Assert.Equal(expected, Findings(CallHandling));
    }

    [Fact]
    public void CallHandling_Notice_StatesEachCommitment()
    {
        var text = Text(CallHandling);

        // Controller for some data, processor for clients' data.
        Assert.Contains("acts as a processor, acting on our clients' instructions", text, StringComparison.Ordinal);
        Assert.Contains("acts as the controller for our own business relationships", text, StringComparison.Ordinal);
        // Marketing only with opt-in; opt-out by reply, link, post or phone; partners only with consent.
        Assert.Contains("  * Email: only if you have said yes", text, StringComparison.Ordinal);
        Assert.Contains("  * Unsubscribe reply: ", text, StringComparison.Ordinal);
        Assert.Contains("  * Unsubscribe link: ", text, StringComparison.Ordinal);
        Assert.Contains("  * Letter: Call Handling Services, 167-169 Great Portland Street", text, StringComparison.Ordinal);
        Assert.Contains("  * Phone call: 0333 321 0888", text, StringComparison.Ordinal);
        Assert.Contains("Strategic partners", text, StringComparison.Ordinal);
        Assert.Contains("(only with your consent)", text, StringComparison.Ordinal);
        // At least 30 days' notice of a revised notice.
        Assert.Contains("at least 30 days before they apply", text, StringComparison.Ordinal);
        // Copies, rectification, erasure, objection, no direct marketing, restriction, subject access.
        foreach (var right in new[] { "(Art 15)", "(Art 16)", "(Art 17)", "(Art 18)", "(Art 21(1))", "(Art 21(2))" })
        {
            Assert.Contains(right, text, StringComparison.Ordinal);
        }

        // Transfers inside or outside the EEA.
        Assert.Contains("Some information is sent outside the UK", text, StringComparison.Ordinal);
        Assert.Contains("outside the European Economic Area", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TelephoneOffice_Lint_FindsWhatTheNoticeLeavesOut()
    {
        string[] expected =
        [
            // Contact details, but no data protection officer.
            $"{PoliciesErrorCodes.NoticeMissingDpo} $.controller.dpo",
            // No lawful basis for recording is given, nor whether a caller must accept it.
            $"{PoliciesErrorCodes.CategoryWithoutPurpose} $.categories[0].lawful_basis",
            .. RequirementNotSaid(0),
            // Silent on automated decisions.
            $"{PoliciesErrorCodes.NoticeMissingAutomatedDecisions} $.automated_decisions",
            // It never says who, if anyone, receives recordings.
            $"{PoliciesErrorCodes.NoticeMissingRecipients} $.sharing",
            // "A specified period, as required by law", but not which.
            $"{PoliciesErrorCodes.OpenEndedRetention} $.retention[0]",
            // Only a copy of a recording is offered; none of the five rights is named.
            .. RightsNotMentioned(5),
            // No word on complaining to the regulator.
            $"{PoliciesErrorCodes.NoticeMissingComplaint} $.complaints.regulator",
        ];

        Assert.Equal(expected, Findings(TelephoneOffice));
    }

    [Fact]
    public void TelephoneOffice_Notice_StatesEachCommitment()
    {
        var text = Text(TelephoneOffice);

        // Recording is an optional feature enabled per plan; everyone is told; carrying on is consent.
        Assert.Contains("We record phone calls where the service you use includes recording.", text, StringComparison.Ordinal);
        Assert.Contains("Everyone on the call or chat is told at the start, by spoken announcement.", text, StringComparison.Ordinal);
        Assert.Contains("If you carry on after being told, the call or chat is recorded.", text, StringComparison.Ordinal);
        // Kept for a set period, then deleted; only authorised staff with a business need.
        Assert.Contains("  * Call recordings: for the period the law requires, then deleted", text, StringComparison.Ordinal);
        Assert.Contains("Only authorised staff with a business need can listen to or read recordings.", text, StringComparison.Ordinal);
        // A participant may ask for a copy.
        Assert.Contains("You can ask for a copy of a recording.", text, StringComparison.Ordinal);
        Assert.Contains("This notice applies from 1 October 2023.", text, StringComparison.Ordinal);
        // No recipient is named, so the notice does not pretend to a sharing section (the lint reports CK0854).
        Assert.DoesNotContain("Who we share it with", text, StringComparison.Ordinal);
    }
}
