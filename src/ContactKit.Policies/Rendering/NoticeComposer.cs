using System.Collections.Immutable;
using System.Globalization;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>One section of a rendered notice: its heading and what it says, as paragraphs and lists.</summary>
internal sealed record NoticeSection(NoticeSectionId Id, string Heading, ImmutableArray<NoticeBlock> Blocks);

/// <summary>A paragraph, or a list when <see cref="Items"/> is not empty (then <see cref="Text"/> introduces it).</summary>
internal sealed record NoticeBlock(string Text, ImmutableArray<string> Items);

/// <summary>What UK GDPR Art 13 and 14 require a notice to tell people; the composer notes each item it writes.</summary>
[Flags]
internal enum NoticeItems
{
    None = 0,
    Controller = 1 << 0,
    Dpo = 1 << 1,
    PurposesAndBases = 1 << 2,
    LegitimateInterests = 1 << 3,
    Recipients = 1 << 4,
    Transfers = 1 << 5,
    Retention = 1 << 6,
    Rights = 1 << 7,
    WithdrawConsent = 1 << 8,
    Complaint = 1 << 9,
    Requirement = 1 << 10,
    AutomatedDecisions = 1 << 11,
    Source = 1 << 12,
}

/// <summary>The notice as ContactKit words it: sections in a fixed order, and the Art 13 and 14 items it covers.</summary>
internal sealed record ComposedNotice(string Title, string Language, string? Introduction, ImmutableArray<NoticeSection> Sections, NoticeItems Covered);

/// <summary>
/// Writes the notice from the policy, in ContactKit's own wording. Where the tenant gives its own wording for a section,
/// that text takes the place of the section's opening paragraph; the facts the policy states (lists of purposes,
/// recipients, periods, rights) are always written, so the notice cannot leave out what the policy promises.
/// </summary>
internal static class NoticeComposer
{
    public static ComposedNotice Compose(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var covered = NoticeItems.None;
        var sections = ImmutableArray.CreateBuilder<NoticeSection>();
        var controller = policy.Controller?.Name ?? "We";

        void Add(NoticeSectionId id, string heading, string opening, IEnumerable<NoticeBlock> blocks)
        {
            var own = policy.Wording?.Sections.GetValueOrDefault(id);
            var all = ImmutableArray.CreateBuilder<NoticeBlock>();
            if (!string.IsNullOrWhiteSpace(own ?? opening))
            {
                all.Add(Paragraph(own ?? opening));
            }

            all.AddRange(blocks.Where(b => !string.IsNullOrWhiteSpace(b.Text) || !b.Items.IsEmpty));
            if (all.Count > 0)
            {
                sections.Add(new NoticeSection(id, heading, all.ToImmutable()));
            }
        }

        // Who we are (Art 13(1)(a) and (b)).
        var who = new List<NoticeBlock>();
        if (policy.Controller is { Name: not null } c)
        {
            covered |= NoticeItems.Controller;
            who.Add(List("You can contact us:", Contact(c.Address, c.Email, c.Phone, c.Website?.ToString())));
            if (c.CompanyNumber is { } number)
            {
                who.Add(Paragraph($"Company number {number}."));
            }

            if (c.Dpo is { } dpo && (dpo.Email ?? dpo.Phone ?? dpo.Address) is not null)
            {
                covered |= NoticeItems.Dpo;
                who.Add(List($"Our data protection officer{(dpo.Name is { } n ? $", {n}" : string.Empty)}, can be reached:", Contact(dpo.Address, dpo.Email, dpo.Phone, null)));
            }
        }

        foreach (var role in policy.Roles)
        {
            who.Add(Paragraph($"{controller} acts as {Describe(role.Role)}{(role.Scope is { } scope ? $" for {scope}" : string.Empty)}{(role.Channels.IsEmpty ? string.Empty : $", on {Join(role.Channels.Select(ch => ChannelName(ch, plural: true)))}")}."));
        }

        Add(NoticeSectionId.WhoWeAre, "Who we are", $"{controller} is responsible for the personal data described in this notice.", who);

        // Who this notice covers.
        Add(NoticeSectionId.WhoThisCovers, "Who this notice covers", "This notice is for people who contact us or whom we contact.",
        [
            List("It covers:", policy.DataSubjects.Select(g => Capitalise(g.Description ?? Words(g.Kind.ToString()) + "s"))),
            List("It applies when you contact us by:", policy.Channels.Select(ch => ChannelName(ch, plural: false))),
        ]);

        // What we collect, why, and on what basis (Art 13(1)(c) and (d), 13(2)(e), 14(1)(d)).
        var collect = new List<NoticeBlock>();
        foreach (var category in policy.Categories)
        {
            var name = category.Description ?? CategoryHeading(category.Category ?? "data");
            var facts = new List<string>();
            if (!category.Purposes.IsEmpty)
            {
                facts.Add($"Why: {string.Join(", ", category.Purposes.Select(Words))}.");
            }

            if (category.LawfulBasis is { } basis)
            {
                facts.Add($"Lawful basis: {Describe(basis)} ({basis.Article()}).");
            }

            if (category.LegitimateInterest is { } interest)
            {
                facts.Add($"Our legitimate interest: {interest}.");
            }

            if (category.SpecialCategoryCondition is { } condition)
            {
                facts.Add($"As special category data, it is used under {condition.Article()} ({Words(condition.ToString())}).");
            }

            if (category.Requirement is { } requirement)
            {
                facts.Add(requirement.Required
                    ? $"You must provide it{(requirement.Basis is { } b ? $" ({b})" : string.Empty)}{(requirement.Consequence is { } q ? $"; if you do not, {q}" : string.Empty)}."
                    : $"You do not have to provide it{(requirement.Consequence is { } unless ? $", but if you do not, {unless}" : string.Empty)}.");
            }

            if (category.Source is { } source)
            {
                facts.Add($"Where it comes from when not from you: {source}.");
            }

            collect.Add(List(Capitalise(name), facts));
        }

        if (policy.Categories.Length > 0 && policy.Categories.All(cat => !cat.Purposes.IsEmpty && cat.LawfulBasis is not null))
        {
            covered |= NoticeItems.PurposesAndBases;
        }

        if (policy.Categories.All(cat => cat.LawfulBasis != LawfulBasis.LegitimateInterests || !string.IsNullOrWhiteSpace(cat.LegitimateInterest)))
        {
            covered |= NoticeItems.LegitimateInterests;
        }

        if (policy.Categories.Length > 0 && policy.Categories.All(cat => cat.Requirement is not null))
        {
            covered |= NoticeItems.Requirement;
        }

        if (policy.Categories.Any(cat => cat.Source is not null))
        {
            covered |= NoticeItems.Source;
        }

        foreach (var derived in policy.DerivedData)
        {
            var uses = new List<string>();
            if (!derived.DerivedFrom.IsEmpty)
            {
                uses.Add($"Made from: {string.Join(", ", derived.DerivedFrom.Select(CategoryName))}.");
            }

            uses.Add(derived.StoredAgainstIdentity ? "It is kept with your details." : "It is not kept with your details.");
            uses.Add(derived.FeedsAutomatedDecision ? "It is used in an automated decision." : "No decision about you is made from it automatically.");
            if (derived.UsedForProfiling)
            {
                uses.Add("It is used to build a profile.");
            }

            collect.Add(List(Capitalise(derived.Description ?? Words(derived.Name ?? "derived data")), uses));
        }

        Add(NoticeSectionId.WhatWeCollect, "What we collect and why", "For each kind of information we hold: why we use it, the law that allows it, and whether you have to give it.", collect);

        // Recording of calls and chats.
        if (policy.Recording is { } recording)
        {
            var recorded = recording.Channels.IsEmpty ? "calls and chats" : Join(recording.Channels.Select(ch => ChannelName(ch, plural: true)));
            var facts = new List<string>
            {
                recording.Plan == RecordingPlan.Always ? $"We record {recorded}." : $"We record {recorded} where the service you use includes recording.",
            };

            if (!recording.Purposes.IsEmpty)
            {
                facts.Add($"Why: {string.Join(", ", recording.Purposes.Select(Words))}.");
            }

            facts.Add(recording.RecordBotPhase ? "The automated menu or assistant is recorded too." : "The automated menu or assistant is not recorded.");
            if (recording.SecurePauseForPayments)
            {
                facts.Add("Recording stops while you give card details, so card numbers are never recorded.");
            }

            facts.Add($"{(recording.WhoIsTold == NoticeAudience.EveryParty ? "Everyone on the call or chat is told at the start" : "You are told at the start, as is every other person outside our organisation who joins")}{(recording.HowTold.IsEmpty ? string.Empty : $", by {string.Join(" or ", recording.HowTold.Select(m => Words(m.ToString())))}")}.");
            // What is played or shown, word for word: the announcement a host configured from the policy gives
            // (IRecordingAnnouncements), stated only where the policy says people are told that way. ContactKit's wording
            // ends by pointing to this notice; the notice quotes the words before that sentence and says the rest in its
            // own voice, so that it does not quote itself being recommended.
            var spoken = recording.HowTold.Any(m => m is NoticeMedium.SpokenAnnouncement or NoticeMedium.AutoAttendant);
            if (RecordingAnnouncement.From(policy) is { } announcement)
            {
                if (spoken)
                {
                    facts.Add(RecordingAnnouncement.BeforePointer(announcement.Text) is { } said
                        ? $"What we say at the start of a call: “{said}” We then tell callers that this notice explains how we use recordings and how long we keep them."
                        : $"What we say at the start of a call: “{announcement.Text}”");
                }

                if (recording.HowTold.Contains(NoticeMedium.ChatBanner))
                {
                    facts.Add(RecordingAnnouncement.BeforePointer(announcement.ChatBanner) is { } shown
                        ? $"What a chat shows at the start: “{shown}” The banner then points to this notice for how we use the chat."
                        : $"What a chat shows at the start: “{announcement.ChatBanner}”");
                }
            }

            facts.Add(recording.Consent switch
            {
                ConsentModel.ExplicitAlways => "We ask for your agreement before we record.",
                ConsentModel.ExplicitWhereRequired => $"We ask for your agreement where the law requires it{(recording.ExplicitConsentIn.IsEmpty ? string.Empty : $" ({string.Join(", ", recording.ExplicitConsentIn)})")}.",
                _ => "If you carry on after being told, the call or chat is recorded.",
            });
            if (recording.AccessRestrictedTo is { } access)
            {
                facts.Add($"Only {access} can listen to or read recordings.");
            }

            if (recording.CopyOnRequest)
            {
                facts.Add("You can ask for a copy of a recording.");
            }

            if (recording.DeleteOnRequestWithin is { } within)
            {
                facts.Add($"You can ask us to delete a recording; once agreed, it is deleted within {Describe(within)}.");
            }

            if (recording.CallingLineIdentityCaptured)
            {
                facts.Add("We keep the number you called from.");
            }

            // The tenant's own announcement opens the section, unless it is already quoted as what we say.
            Add(NoticeSectionId.Recording, "Recording calls and chats", spoken ? string.Empty : recording.Announcement ?? string.Empty, [List(string.Empty, facts)]);
        }

        // Automated decisions (Art 13(2)(f)).
        if (policy.AutomatedDecisions is { } automated)
        {
            covered |= NoticeItems.AutomatedDecisions;
            Add(NoticeSectionId.AutomatedDecisions, "Automated decisions",
                automated.Used ? $"We make some decisions automatically{(automated.Logic is { } logic ? $": {logic}" : ".")} You can ask for a person to review any such decision." : "We make no decision about you by automated means alone, and we do not profile you.",
                []);
        }

        // Sharing (Art 13(1)(e)).
        var sharing = new List<NoticeBlock>();
        if (policy.Sharing is { } share)
        {
            sharing.Add(List("Within our organisation:", share.Internal.Select(Recipient)));
            sharing.Add(List("Outside it:", share.External.Select(Recipient)));
            sharing.Add(Paragraph(share.SoldOrUsedForThirdPartyMarketing ? "We may share your details with others for their marketing." : "We never sell your details or share them for anyone else's marketing."));
            if (share.LegalDisclosures is { } legal)
            {
                sharing.Add(Paragraph(legal));
            }
        }

        sharing.Add(List("Organisations that handle data for us:", policy.Processors.Select(p =>
            $"{p.Name}{(p.Service is { } s ? $" ({s})" : string.Empty)}{(p.Receives.IsEmpty ? string.Empty : $": {string.Join(", ", p.Receives.Select(CategoryName))}")}" +
            (p.Permissions.IsEmpty ? string.Empty : $"; it asks to use your {string.Join("; your ", p.Permissions.Select(x => Words(x.Permission.ToString()) + (x.UsedFor is { } use ? $", for {use}" : string.Empty) + (x.Revocable ? " (you can withdraw this)" : string.Empty)))}"))));
        if (policy.Sharing is not null || !policy.Processors.IsEmpty)
        {
            covered |= NoticeItems.Recipients;
        }

        Add(NoticeSectionId.Sharing, "Who we share it with", sharing.Any(b => !string.IsNullOrWhiteSpace(b.Text) || !b.Items.IsEmpty) ? "We share information only as set out here." : string.Empty, sharing);

        // Transfers (Art 13(1)(f)).
        if (policy.Transfers.All(t => t.Safeguard is not null))
        {
            covered |= NoticeItems.Transfers;
        }

        Add(NoticeSectionId.Transfers, "Transfers outside the UK",
            policy.Transfers.IsEmpty ? "We keep your information in the UK." : "Some information is sent outside the UK, with these safeguards:",
            [List(string.Empty, policy.Transfers.Select(t => $"{t.Recipient ?? "A recipient"} in {t.Destination ?? "another country"}: {(t.Safeguard is { } g ? Words(g.ToString()) : "no safeguard stated")}{(t.CopyFrom is { } copy ? $" (for a copy: {copy})" : string.Empty)}"))]);

        // Retention (Art 13(2)(a)).
        if (!policy.Retention.IsEmpty && policy.Retention.All(r => r.Period is not null || !string.IsNullOrWhiteSpace(r.Criteria)))
        {
            covered |= NoticeItems.Retention;
        }

        Add(NoticeSectionId.Retention, "How long we keep it", "We keep information only as long as set out here, then delete or anonymise it.",
            [List(string.Empty, policy.Retention.Select(Retention))]);

        // Marketing. With no channel listed (or no marketing section) no channel is used for marketing, and the notice
        // says so, as a fact that the tenant's own wording for the section cannot leave out.
        if (policy.Marketing is not { Channels.IsEmpty: false })
        {
            Add(NoticeSectionId.Marketing, "Marketing", string.Empty, [Paragraph("We do not use your details for marketing.")]);
        }
        else if (policy.Marketing is { } marketing)
        {
            var facts = marketing.Channels.Select(m => $"{Capitalise(Words(m.Channel.ToString()))}: {(m.OptIn ? "only if you have said yes" : "unless you have said no")}{(m.Audience is { } who2 ? $" ({who2})" : string.Empty)}").ToList();
            if (marketing.Screening is { Registers.IsEmpty: false } screening)
            {
                facts.Add($"Before we call for marketing we check the {string.Join(" and ", screening.Registers.Select(r => r.ToString().ToUpperInvariant()))} register{(screening.Registers.Length > 1 ? "s" : string.Empty)}{(screening.RescreenAfter is { } again ? $", and check again after {Describe(again)}" : string.Empty)}.");
            }

            Add(NoticeSectionId.Marketing, "Marketing", "We send marketing only as set out here, and you can stop it at any time.",
                [List(string.Empty, facts), List("To stop it:", marketing.OptOut.Select(o => Capitalise(Words(o.Route.ToString())) + (o.Detail is { } d ? $": {d}" : string.Empty)))]);
        }

        // Rights (Art 13(2)(b) and (c)).
        if (policy.Rights is { } rights)
        {
            if (!rights.Rights.IsEmpty)
            {
                covered |= NoticeItems.Rights;
            }

            if (!string.IsNullOrWhiteSpace(rights.WithdrawConsent))
            {
                covered |= NoticeItems.WithdrawConsent;
            }

            Add(NoticeSectionId.Rights, "Your rights", $"You have these rights over your information{(rights.RespondWithinWorkingDays is { } working ? $"; we answer within {working} working day{(working == 1 ? string.Empty : "s")}" : rights.RespondWithin is { } days ? $"; we answer within {Describe(days)}" : string.Empty)}.",
            [
                List(string.Empty, rights.Rights.Select(r => $"{Capitalise(Describe(r.Right))} ({r.Right.Article()}){(r.How is { } how ? $": {how}" : string.Empty)}")),
                Paragraph(rights.WithdrawConsent is { } withdraw ? $"Where we rely on your consent, you can withdraw it at any time: {withdraw}" : string.Empty),
                // What a host configured from the policy does: what it holds from these channels is referred, not answered.
                Paragraph(ProcessorChannels(policy) is { Count: > 0 } forClients
                    ? $"For {Join(forClients.Select(ch => ChannelName(ch, plural: true)))} we handle for a client, as its processor, the client decides how your information is used: if you ask us to use your rights over that information, we pass your request to the client and help them answer it."
                    : string.Empty),
                List("To use your rights, contact:", rights.Contact is { } contact ? Contact(contact.Address, contact.Email, contact.Phone, null) : []),
            ]);
        }

        // Complaints (Art 13(2)(d)).
        if (policy.Complaints is { Regulator: not null } complaints)
        {
            covered |= NoticeItems.Complaint;
            Add(NoticeSectionId.Complaints, "Complaints",
                $"{(complaints.ContactUsFirst ? "Please tell us first, so that we can put things right. " : string.Empty)}You can complain to {complaints.Regulator}.",
                [List(string.Empty, Contact(null, null, complaints.Phone, complaints.Website?.ToString()))]);
        }

        // Changes to this notice.
        if (policy.Changes is { } changes)
        {
            Add(NoticeSectionId.Changes, "Changes to this notice",
                $"We tell you about changes{(changes.NoticePeriod is { } period ? $" at least {Describe(period)} before they apply" : string.Empty)}{(changes.How is { } how ? $", {how}" : string.Empty)}.{(changes.ShorterWhereLegalGrounds ? " Where the law requires a change sooner, we make it sooner and say why." : string.Empty)}",
                []);
        }

        var title = policy.Title ?? "Privacy notice";
        var intro = policy.Wording?.Introduction ?? (policy.EffectiveFrom is { } from ? $"This notice applies from {from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}." : null);
        return new ComposedNotice(title, policy.Language, intro, sections.ToImmutable(), covered);
    }

    private static NoticeBlock Paragraph(string text) => new(text, []);

    // A list with nothing in it is left out, introduction and all.
    private static NoticeBlock List(string intro, IEnumerable<string> items)
    {
        ImmutableArray<string> listed = [.. items.Where(i => !string.IsNullOrWhiteSpace(i))];
        return listed.IsEmpty ? new(string.Empty, []) : new(intro, listed);
    }

    // A data category by its name in ContactKit's taxonomy ("contact.phone" reads "telephone number").
    private static string CategoryName(string key) =>
        DataCategoryTaxonomy.Default.Resolve(key) is { IsSuccess: true } known ? known.Value.Name.ToLowerInvariant() : Words(key);

    // A data category as a heading: its name as the taxonomy writes it ("National Insurance number").
    private static string CategoryHeading(string key) =>
        DataCategoryTaxonomy.Default.Resolve(key) is { IsSuccess: true } known ? known.Value.Name : Words(key);

    private static IEnumerable<string> Contact(string? address, string? email, string? phone, string? website)
    {
        if (address is not null)
        {
            yield return $"by post: {address}";
        }

        if (email is not null)
        {
            yield return $"by email: {email}";
        }

        if (phone is not null)
        {
            yield return $"by phone: {phone}";
        }

        if (website is not null)
        {
            yield return $"online: {website}";
        }
    }

    private static string Recipient(RecipientEntry r) => $"{r.Name}{(r.Why is { } why ? $", {why}" : string.Empty)}{(r.OnlyWithConsent ? " (only with your consent)" : string.Empty)}";

    private static string Retention(RetentionEntry r)
    {
        var what = Capitalise(r.Description ?? Words(r.RecordClass ?? "records"));
        var how = r.Period is { } period
            ? $"{Describe(period)}{(r.Trigger is { } trigger ? " " + Since(trigger) : string.Empty)}"
            : r.Criteria ?? "no period stated";
        var review = r.ReviewOn is { } on ? $", reviewed by {on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : string.Empty;
        var action = r.Action == ContactKit.Retention.DisposalAction.Anonymise ? ", then anonymised" : string.Empty;
        return $"{what}: {how}{review}{action}";
    }

    // The event a retention period runs from, as the notice says it ("6 years after our relationship with you ends").
    private static string Since(string trigger) => trigger switch
    {
        "created" => "from when we receive it",
        "interaction_ended" => "after the call or chat ends",
        "relationship_ended" => "after our relationship with you ends",
        "case_closed" => "after the case is closed",
        "application_decided" => "after the application is decided",
        "employment_ended" => "after employment ends",
        _ => $"after {Words(trigger)}",
    };

    // A channel as people name it: "text messages", "WhatsApp", "phone calls".
    internal static string ChannelName(Channel channel, bool plural) => channel switch
    {
        Channel.VoiceCall => plural ? "phone calls" : "phone",
        Channel.Webchat => plural ? "webchats" : "webchat",
        Channel.Chatbot => plural ? "chatbot conversations" : "chatbot",
        Channel.Sms => plural ? "text messages" : "text message",
        Channel.Email => plural ? "emails" : "email",
        Channel.SocialMedia => plural ? "social media messages" : "social media",
        Channel.WhatsApp => plural ? "WhatsApp messages" : "WhatsApp",
        Channel.VoiceAssistant => plural ? "voice assistant conversations" : "voice assistant",
        Channel.WebForm => plural ? "web forms" : "web form",
        Channel.Post => plural ? "letters" : "post",
        _ => Words(channel.ToString()) + (plural ? "s" : string.Empty),
    };

    // "a, b and c".
    internal static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }

    internal static List<Channel> ProcessorChannels(PolicyDocument policy) =>
        [.. policy.Roles.Where(r => r.Role is ProcessingRole.Processor or ProcessingRole.SubProcessor).SelectMany(r => r.Channels).Distinct()];

    internal static string Describe(ProcessingRole role) => role switch
    {
        ProcessingRole.Processor => "a processor, acting on our clients' instructions",
        ProcessingRole.JointController => "a joint controller",
        ProcessingRole.SubProcessor => "a sub-processor",
        _ => "the controller",
    };

    private static string Describe(LawfulBasis basis) => basis switch
    {
        LawfulBasis.Consent => "your consent",
        LawfulBasis.Contract => "a contract with you",
        LawfulBasis.LegalObligation => "a legal obligation",
        LawfulBasis.VitalInterests => "protecting someone's life",
        LawfulBasis.PublicTask => "a task in the public interest",
        _ => "our legitimate interests",
    };

    private static string Describe(DataSubjectRight right) => right switch
    {
        DataSubjectRight.Access => "to get a copy of your information",
        DataSubjectRight.Rectification => "to have it corrected",
        DataSubjectRight.Erasure => "to have it deleted",
        DataSubjectRight.Restriction => "to have its use limited",
        DataSubjectRight.Portability => "to have it given to you or another organisation in a usable form",
        DataSubjectRight.Objection => "to object to its use",
        DataSubjectRight.ObjectionToDirectMarketing => "to stop marketing",
        _ => "to have an automated decision reviewed by a person",
    };

    internal static string Describe(Period period)
    {
        var parts = new List<string>();
        void Part(int n, string unit)
        {
            if (n != 0)
            {
                parts.Add($"{n} {unit}{(n == 1 ? string.Empty : "s")}");
            }
        }

        Part(period.Years, "year");
        Part(period.Months, "month");
        Part(period.Weeks, "week");
        Part(period.Days, "day");
        return parts.Count == 0 ? "no time" : string.Join(" and ", parts);
    }

    // "service_delivery" and "VoiceCall" read as "service delivery" and "voice call".
    internal static string Words(string key)
    {
        var text = new System.Text.StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var ch = key[i];
            if (ch is '_' or '.' or '-')
            {
                text.Append(' ');
            }
            else if (char.IsUpper(ch) && i > 0 && !char.IsUpper(key[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(ch));
            }
            else
            {
                text.Append(i == 0 ? char.ToLowerInvariant(ch) : ch);
            }
        }

        return text.ToString();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
