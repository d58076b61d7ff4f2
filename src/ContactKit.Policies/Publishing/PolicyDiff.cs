using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Policies;

/// <summary>How one statement of a policy changed between two versions.</summary>
public enum PolicyChangeKind
{
    /// <summary>The newer version states something the older did not.</summary>
    Added = 1,

    /// <summary>The newer version no longer states something the older did.</summary>
    Removed = 2,

    /// <summary>The statement is in both versions with a different value.</summary>
    Changed = 3,
}

/// <summary>One change between two versions of a policy, worded for the people the notice is for.</summary>
/// <param name="Section">The section of the notice the change belongs to.</param>
/// <param name="Kind">Whether the statement was added, removed or changed.</param>
/// <param name="Path">The JSON path of the statement: in the newer document, or in the older one for a removal.</param>
/// <param name="Description">The change in plain words, such as "Call recording records are now kept 12 months instead of 6 months."</param>
public sealed record PolicyChange(NoticeSectionId Section, PolicyChangeKind Kind, string Path, string Description);

/// <summary>Compares two versions of a policy document and says what changed for callers, section by section.</summary>
public static class PolicyDiff
{
    /// <summary>Lists what changed between <paramref name="previous"/> and <paramref name="next"/>, in notice section order.</summary>
    /// <param name="previous">The policy in force.</param>
    /// <param name="next">The policy that replaces it.</param>
    /// <returns>The changes, in the order of the notice's sections; empty when nothing a caller reads has changed.</returns>
    public static ImmutableArray<PolicyChange> Compare(PolicyDocument previous, PolicyDocument next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var diff = new Changes();
        Controller(diff, previous, next);
        Roles(diff, previous, next);
        Categories(diff, previous, next);
        Derived(diff, previous, next);
        Recording(diff, previous.Recording, next.Recording);
        Automated(diff, previous.AutomatedDecisions, next.AutomatedDecisions);
        Processors(diff, previous, next);
        Sharing(diff, previous.Sharing, next.Sharing);
        Transfers(diff, previous, next);
        Retention(diff, previous, next);
        Marketing(diff, previous.Marketing, next.Marketing);
        Rights(diff, previous.Rights, next.Rights);
        Complaints(diff, previous.Complaints, next.Complaints);
        NoticeChanges(diff, previous.Changes, next.Changes);
        return [.. diff.List.OrderBy(c => c.Section)];
    }

    private sealed class Changes
    {
        public List<PolicyChange> List { get; } = [];

        public void Add(NoticeSectionId section, PolicyChangeKind kind, string path, string description) =>
            List.Add(new PolicyChange(section, kind, path, description));
    }

    private static void Controller(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        var (a, b) = (previous.Controller, next.Controller);
        const NoticeSectionId s = NoticeSectionId.WhoWeAre;
        if (a?.Name != b?.Name)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.controller.name", b?.Name is { } name ? $"The organisation responsible for your information is now {name}." : "The notice no longer names the organisation responsible for your information.");
        }

        if (a?.Email != b?.Email || a?.Phone != b?.Phone || a?.Address != b?.Address)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.controller", "The contact details for the organisation have changed.");
        }

        var (da, db) = (a?.Dpo, b?.Dpo);
        if (da is null && db is not null)
        {
            diff.Add(s, PolicyChangeKind.Added, "$.controller.dpo", "You can now contact a data protection officer.");
        }
        else if (da is not null && db is null)
        {
            diff.Add(s, PolicyChangeKind.Removed, "$.controller.dpo", "The notice no longer gives a data protection officer to contact.");
        }
        else if (da is not null && db is not null && da != db)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.controller.dpo", "The data protection officer's contact details have changed.");
        }
    }

    private static void Categories(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        const NoticeSectionId s = NoticeSectionId.WhatWeCollect;
        Keyed(previous.Categories, next.Categories, c => c.Category,
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.categories[{i}]", $"We now collect {W(entry.Category)}{Purposes(entry.Purposes)}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.categories[{i}]", $"We no longer collect {W(entry.Category)}."),
            (a, b, i) =>
            {
                foreach (var purpose in b.Purposes.Except(a.Purposes, StringComparer.Ordinal))
                {
                    diff.Add(s, PolicyChangeKind.Added, $"$.categories[{i}].purposes", $"{Cap(W(b.Category))} is now also used for {W(purpose)}.");
                }

                foreach (var purpose in a.Purposes.Except(b.Purposes, StringComparer.Ordinal))
                {
                    diff.Add(s, PolicyChangeKind.Removed, $"$.categories[{i}].purposes", $"{Cap(W(b.Category))} is no longer used for {W(purpose)}.");
                }

                if (a.LawfulBasis != b.LawfulBasis)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.categories[{i}].lawful_basis", $"The law we rely on to use {W(b.Category)} is now {Basis(b.LawfulBasis)} instead of {Basis(a.LawfulBasis)}.");
                }

                if (a.LegitimateInterest != b.LegitimateInterest && b.LegitimateInterest is not null)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.categories[{i}].legitimate_interest", $"The interest we rely on to use {W(b.Category)} is now described differently.");
                }

                if (a.SpecialCategoryCondition != b.SpecialCategoryCondition)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.categories[{i}].special_category_condition", $"The condition that allows us to use {W(b.Category)} as special category data has changed.");
                }

                if ((a.Requirement?.Required ?? false) != (b.Requirement?.Required ?? false))
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.categories[{i}].requirement", b.Requirement?.Required == true ? $"You now have to give {W(b.Category)}." : $"You no longer have to give {W(b.Category)}.");
                }

                if (a.Source != b.Source)
                {
                    diff.Add(NoticeSectionId.Sources, PolicyChangeKind.Changed, $"$.categories[{i}].source", $"Where we get {W(b.Category)} from has changed.");
                }
            });
    }

    private static void Derived(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        const NoticeSectionId s = NoticeSectionId.WhatWeCollect;
        Keyed(previous.DerivedData, next.DerivedData, d => d.Name,
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.derived_data[{i}]", $"We now work out {W(entry.Name)} from what you tell us."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.derived_data[{i}]", $"We no longer work out {W(entry.Name)}."),
            (a, b, i) =>
            {
                if (a.FeedsAutomatedDecision != b.FeedsAutomatedDecision)
                {
                    diff.Add(NoticeSectionId.AutomatedDecisions, PolicyChangeKind.Changed, $"$.derived_data[{i}].feeds_automated_decision", b.FeedsAutomatedDecision ? $"{Cap(W(b.Name))} is now used in automated decisions." : $"{Cap(W(b.Name))} is no longer used in automated decisions.");
                }

                if (a.UsedForProfiling != b.UsedForProfiling)
                {
                    diff.Add(NoticeSectionId.AutomatedDecisions, PolicyChangeKind.Changed, $"$.derived_data[{i}].used_for_profiling", b.UsedForProfiling ? $"{Cap(W(b.Name))} is now used to build a profile of you." : $"{Cap(W(b.Name))} is no longer used to build a profile of you.");
                }

                if (a.StoredAgainstIdentity != b.StoredAgainstIdentity)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.derived_data[{i}].stored_against_identity", b.StoredAgainstIdentity ? $"{Cap(W(b.Name))} is now kept with your name." : $"{Cap(W(b.Name))} is no longer kept with your name.");
                }
            });
    }

    private static void Recording(Changes diff, RecordingStatement? a, RecordingStatement? b)
    {
        const NoticeSectionId s = NoticeSectionId.Recording;
        if (a is null && b is null)
        {
            return;
        }

        if (a is null)
        {
            diff.Add(s, PolicyChangeKind.Added, "$.recording", "We now record calls and chats.");
            return;
        }

        if (b is null)
        {
            diff.Add(s, PolicyChangeKind.Removed, "$.recording", "We no longer record calls and chats.");
            return;
        }

        if (a.Plan != b.Plan)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.recording.plan", b.Plan == RecordingPlan.Always ? "Every call and chat is now recorded." : "Calls and chats are now recorded only where the service plan says so.");
        }

        foreach (var channel in b.Channels.Except(a.Channels))
        {
            diff.Add(s, PolicyChangeKind.Added, "$.recording.channels", $"We now record {W(channel.ToString())} contacts.");
        }

        foreach (var channel in a.Channels.Except(b.Channels))
        {
            diff.Add(s, PolicyChangeKind.Removed, "$.recording.channels", $"We no longer record {W(channel.ToString())} contacts.");
        }

        Flag(diff, s, "$.recording.record_bot_phase", a.RecordBotPhase, b.RecordBotPhase, "The part of a contact handled by an automated assistant is now recorded.", "The part of a contact handled by an automated assistant is no longer recorded.");
        Flag(diff, s, "$.recording.secure_pause_for_payments", a.SecurePauseForPayments, b.SecurePauseForPayments, "Recording now pauses while you give card details.", "Recording no longer pauses while you give card details.");
        if (a.Consent != b.Consent)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.recording.consent", b.Consent switch
            {
                ConsentModel.ExplicitAlways => "We now ask for your agreement before every recording.",
                ConsentModel.ExplicitWhereRequired => "We now ask for your agreement before recording where the law requires it.",
                _ => "We now tell you about recording and no longer ask for your agreement; you can end the contact if you do not want to be recorded.",
            });
        }

        Flag(diff, s, "$.recording.copy_on_request", a.CopyOnRequest, b.CopyOnRequest, "You can now ask for a copy of a recording.", "You can no longer ask for a copy of a recording.");
        if (a.DeleteOnRequestWithin != b.DeleteOnRequestWithin)
        {
            diff.Add(s, b.DeleteOnRequestWithin is null ? PolicyChangeKind.Removed : PolicyChangeKind.Changed, "$.recording.delete_on_request_within", (a.DeleteOnRequestWithin, b.DeleteOnRequestWithin) switch
            {
                (null, { } now) => $"A recording you ask us to delete is now deleted within {P(now)}.",
                ({ }, null) => "The notice no longer says how soon a recording is deleted when you ask.",
                var (was, now) => $"A recording you ask us to delete is now deleted within {P(now!)} instead of {P(was!)}.",
            });
        }

        if (a.AccessRestrictedTo != b.AccessRestrictedTo)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.recording.access_restricted_to", "Who can listen to recordings has changed.");
        }

        if (a.WhoIsTold != b.WhoIsTold || !a.HowTold.SequenceEqual(b.HowTold) || a.Announcement != b.Announcement)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.recording.how_told", "How we tell you that a contact is recorded has changed.");
        }
    }

    private static void Automated(Changes diff, AutomatedDecisionStatement? a, AutomatedDecisionStatement? b)
    {
        if ((a?.Used ?? false) != (b?.Used ?? false))
        {
            diff.Add(NoticeSectionId.AutomatedDecisions, PolicyChangeKind.Changed, "$.automated_decisions.used", b?.Used == true ? "We now make decisions about you by automated means." : "We no longer make decisions about you by automated means.");
        }
        else if (a?.Logic != b?.Logic && b?.Used == true)
        {
            diff.Add(NoticeSectionId.AutomatedDecisions, PolicyChangeKind.Changed, "$.automated_decisions.logic", "How our automated decisions are made is now described differently.");
        }
    }

    private static void Processors(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        const NoticeSectionId s = NoticeSectionId.Sharing;
        Keyed(previous.Processors, next.Processors, p => p.Name,
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.processors[{i}]", $"A new processor, {entry.Name}, receives {List(entry.Receives)}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.processors[{i}]", $"{entry.Name} no longer receives your information."),
            (a, b, i) =>
            {
                var added = b.Receives.Except(a.Receives, StringComparer.Ordinal).ToList();
                if (added.Count > 0)
                {
                    diff.Add(s, PolicyChangeKind.Added, $"$.processors[{i}].receives", $"{b.Name} now also receives {List(added)}.");
                }

                var removed = a.Receives.Except(b.Receives, StringComparer.Ordinal).ToList();
                if (removed.Count > 0)
                {
                    diff.Add(s, PolicyChangeKind.Removed, $"$.processors[{i}].receives", $"{b.Name} no longer receives {List(removed)}.");
                }

                foreach (var permission in b.Permissions.Select(p => p.Permission).Except(a.Permissions.Select(p => p.Permission)))
                {
                    diff.Add(s, PolicyChangeKind.Added, $"$.processors[{i}].permissions", $"{b.Name} now asks for the {W(permission.ToString())} permission.");
                }

                foreach (var permission in a.Permissions.Select(p => p.Permission).Except(b.Permissions.Select(p => p.Permission)))
                {
                    diff.Add(s, PolicyChangeKind.Removed, $"$.processors[{i}].permissions", $"{b.Name} no longer asks for the {W(permission.ToString())} permission.");
                }
            });
    }

    private static void Sharing(Changes diff, SharingStatement? a, SharingStatement? b)
    {
        const NoticeSectionId s = NoticeSectionId.Sharing;
        foreach (var (list, name) in new[] { ("internal", "internal"), ("external", "external") })
        {
            var before = list == "internal" ? a?.Internal ?? [] : a?.External ?? [];
            var after = list == "internal" ? b?.Internal ?? [] : b?.External ?? [];
            Keyed(before, after, r => r.Name,
                (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.sharing.{name}[{i}]", $"We now share information with {entry.Name}{(entry.OnlyWithConsent ? ", only with your consent" : string.Empty)}."),
                (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.sharing.{name}[{i}]", $"We no longer share information with {entry.Name}."),
                (x, y, i) => Flag(diff, s, $"$.sharing.{name}[{i}].only_with_consent", x.OnlyWithConsent, y.OnlyWithConsent, $"We now share information with {y.Name} only with your consent.", $"We now share information with {y.Name} without asking for your consent."));
        }

        Flag(diff, s, "$.sharing.sold_or_used_for_third_party_marketing", a?.SoldOrUsedForThirdPartyMarketing ?? false, b?.SoldOrUsedForThirdPartyMarketing ?? false, "Your information may now be sold or used for other organisations' marketing.", "Your information is no longer sold or used for other organisations' marketing.");
    }

    // The roles the organisation plays, and the channels it handles for clients: who answers a caller's rights requests.
    private static void Roles(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        Keyed(previous.Roles, next.Roles, r => r.Role.ToString(),
            (role, i) => diff.Add(NoticeSectionId.WhoWeAre, PolicyChangeKind.Added, $"$.roles[{i}]", $"We now act as {NoticeComposer.Describe(role.Role)}{(role.Scope is { } scope ? $" for {scope}" : string.Empty)}."),
            (role, i) => diff.Add(NoticeSectionId.WhoWeAre, PolicyChangeKind.Removed, $"$.roles[{i}]", $"We no longer act as {NoticeComposer.Describe(role.Role)}."),
            (_, _, _) => { });
        var before = NoticeComposer.ProcessorChannels(previous);
        var after = NoticeComposer.ProcessorChannels(next);
        foreach (var channel in after.Except(before))
        {
            diff.Add(NoticeSectionId.Rights, PolicyChangeKind.Added, ChannelPath(next, channel), $"Requests about your information from {NoticeComposer.ChannelName(channel, plural: true)} are now passed to the client we run that service for, who decides them.");
        }

        foreach (var channel in before.Except(after))
        {
            diff.Add(NoticeSectionId.Rights, PolicyChangeKind.Removed, ChannelPath(previous, channel), $"We now answer requests about your information from {NoticeComposer.ChannelName(channel, plural: true)} ourselves, instead of passing them to a client.");
        }

        static string ChannelPath(PolicyDocument policy, Channel channel)
        {
            for (var i = 0; i < policy.Roles.Length; i++)
            {
                var j = policy.Roles[i].Channels.IndexOf(channel);
                if (j >= 0 && policy.Roles[i].Role is ProcessingRole.Processor or ProcessingRole.SubProcessor)
                {
                    return $"$.roles[{i}].channels[{j}]";
                }
            }

            return "$.roles";
        }
    }

    private static void Transfers(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        const NoticeSectionId s = NoticeSectionId.Transfers;
        Keyed(previous.Transfers, next.Transfers, t => $"{t.Destination}\u0001{t.Recipient}",
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.transfers[{i}]", $"Information is now sent to {entry.Recipient ?? "a recipient"} in {entry.Destination ?? "another country"}{Safeguard(entry.Safeguard)}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.transfers[{i}]", $"Information is no longer sent to {entry.Recipient ?? "a recipient"} in {entry.Destination ?? "another country"}."),
            (a, b, i) =>
            {
                if (a.Safeguard != b.Safeguard)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.transfers[{i}].safeguard", $"Information sent to {b.Destination ?? "another country"} is now protected by {(b.Safeguard is { } g ? W(g.ToString()) : "no stated safeguard")}.");
                }
            });
    }

    private static void Retention(Changes diff, PolicyDocument previous, PolicyDocument next)
    {
        const NoticeSectionId s = NoticeSectionId.Retention;
        Keyed(previous.Retention, next.Retention, r => r.RecordClass,
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.retention[{i}]", $"{Cap(W(entry.RecordClass))} records are now kept{(entry.Period is { } p ? $" {P(p)}" : " as the notice describes")}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.retention[{i}]", $"The notice no longer says how long {W(entry.RecordClass)} records are kept."),
            (a, b, i) =>
            {
                if (a.Period != b.Period)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.retention[{i}].period", (a.Period, b.Period) switch
                    {
                        ({ } was, { } now) => $"{Cap(W(b.RecordClass))} records are now kept {P(now)} instead of {P(was)}.",
                        (null, { } now) => $"{Cap(W(b.RecordClass))} records are now kept {P(now)}.",
                        _ => $"{Cap(W(b.RecordClass))} records no longer have a fixed period; they are kept as the notice describes.",
                    });
                }
                else if (a.Criteria != b.Criteria || a.ReviewOn != b.ReviewOn)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.retention[{i}].criteria", $"How we decide how long {W(b.RecordClass)} records are kept has changed.");
                }

                if (a.Trigger != b.Trigger)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.retention[{i}].trigger", $"The time {W(b.RecordClass)} records are kept is now counted from a different event.");
                }

                if (a.Action != b.Action)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.retention[{i}].action", $"At the end of the period, {W(b.RecordClass)} records are now handled differently ({W(b.Action.ToString())}).");
                }
            });
    }

    private static void Marketing(Changes diff, MarketingStatement? a, MarketingStatement? b)
    {
        const NoticeSectionId s = NoticeSectionId.Marketing;
        Keyed(a?.Channels ?? [], b?.Channels ?? [], c => c.Channel.ToString(),
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.marketing.channels[{i}]", $"We now send marketing by {W(entry.Channel.ToString())}{(entry.OptIn ? ", only if you opt in" : string.Empty)}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.marketing.channels[{i}]", $"We no longer send marketing by {W(entry.Channel.ToString())}."),
            (x, y, i) => Flag(diff, s, $"$.marketing.channels[{i}].opt_in", x.OptIn, y.OptIn, $"Marketing by {W(y.Channel.ToString())} is now sent only if you opt in.", $"Marketing by {W(y.Channel.ToString())} is now sent unless you opt out."));
        Keyed(a?.OptOut ?? [], b?.OptOut ?? [], o => o.Route.ToString(),
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.marketing.opt_out[{i}]", $"You can now stop marketing by {W(entry.Route.ToString())}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.marketing.opt_out[{i}]", $"You can no longer stop marketing by {W(entry.Route.ToString())}."),
            (_, _, _) => { });
        var (ra, rb) = (a?.Screening?.Registers ?? [], b?.Screening?.Registers ?? []);
        if (!ra.SequenceEqual(rb))
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.marketing.screening.registers", rb.IsEmpty ? "We no longer check telephone preference registers before marketing calls." : "The telephone preference registers we check before marketing calls have changed.");
        }
    }

    private static void Rights(Changes diff, RightsStatement? a, RightsStatement? b)
    {
        const NoticeSectionId s = NoticeSectionId.Rights;
        Keyed(a?.Rights ?? [], b?.Rights ?? [], r => r.Right.ToString(),
            (entry, i) => diff.Add(s, PolicyChangeKind.Added, $"$.rights.rights[{i}]", $"The notice now explains your right {Right(entry.Right)}."),
            (entry, i) => diff.Add(s, PolicyChangeKind.Removed, $"$.rights.rights[{i}]", $"The notice no longer explains your right {Right(entry.Right)}."),
            (x, y, i) =>
            {
                if (x.How != y.How)
                {
                    diff.Add(s, PolicyChangeKind.Changed, $"$.rights.rights[{i}].how", $"How to use your right {Right(y.Right)} has changed.");
                }
            });
        if (a?.RespondWithin != b?.RespondWithin)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.rights.respond_within", (a?.RespondWithin, b?.RespondWithin) switch
            {
                ({ } was, { } now) => $"We now answer a request within {P(now)} instead of {P(was)}.",
                (null, { } now) => $"We now answer a request within {P(now)}.",
                _ => "The notice no longer says how soon we answer a request.",
            });
        }

        if (a?.RespondWithinWorkingDays != b?.RespondWithinWorkingDays)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.rights.respond_within_working_days", (a?.RespondWithinWorkingDays, b?.RespondWithinWorkingDays) switch
            {
                ({ } was, { } now) => $"We now answer a request within {now} working days instead of {was}.",
                (null, { } now) => $"We now answer a request within {now} working days.",
                _ => "The notice no longer says within how many working days we answer a request.",
            });
        }

        if (a?.WithdrawConsent != b?.WithdrawConsent)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.rights.withdraw_consent", b?.WithdrawConsent is null ? "The notice no longer says how to withdraw your consent." : "How to withdraw your consent has changed.");
        }

        if (a?.Contact != b?.Contact)
        {
            diff.Add(s, PolicyChangeKind.Changed, "$.rights.contact", "Where to send a request about your rights has changed.");
        }
    }

    private static void Complaints(Changes diff, ComplaintsStatement? a, ComplaintsStatement? b)
    {
        if (a?.Regulator != b?.Regulator || a?.Website != b?.Website || a?.Phone != b?.Phone)
        {
            diff.Add(NoticeSectionId.Complaints, PolicyChangeKind.Changed, "$.complaints", "The details of the regulator you can complain to have changed.");
        }
    }

    private static void NoticeChanges(Changes diff, ChangeStatement? a, ChangeStatement? b)
    {
        if (a?.NoticePeriod != b?.NoticePeriod)
        {
            diff.Add(NoticeSectionId.Changes, PolicyChangeKind.Changed, "$.changes.notice_period", b?.NoticePeriod is { } now
                ? $"We now tell you about changes to this notice {P(now)} before they apply{(a?.NoticePeriod is { } was ? $" instead of {P(was)}" : string.Empty)}."
                : "The notice no longer says how far ahead we tell you about changes.");
        }
    }

    // Matches entries by key (first occurrence wins; entries with no key are ignored) and reports them in document order.
    private static void Keyed<T>(ImmutableArray<T> before, ImmutableArray<T> after, Func<T, string?> key, Action<T, int> added, Action<T, int> removed, Action<T, T, int> both)
    {
        var old = new Dictionary<string, (T Entry, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < before.Length; i++)
        {
            if (key(before[i]) is { } k)
            {
                old.TryAdd(k, (before[i], i));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < after.Length; i++)
        {
            if (key(after[i]) is not { } k || !seen.Add(k))
            {
                continue;
            }

            if (old.TryGetValue(k, out var was))
            {
                both(was.Entry, after[i], i);
            }
            else
            {
                added(after[i], i);
            }
        }

        foreach (var (k, was) in old.OrderBy(p => p.Value.Index))
        {
            if (!seen.Contains(k))
            {
                removed(was.Entry, was.Index);
            }
        }
    }

    private static void Flag(Changes diff, NoticeSectionId section, string path, bool before, bool after, string nowTrue, string nowFalse)
    {
        if (before != after)
        {
            diff.Add(section, PolicyChangeKind.Changed, path, after ? nowTrue : nowFalse);
        }
    }

    private static string W(string? key) => key is null ? "unnamed" : NoticeComposer.Words(key);

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string P(Period period) => NoticeComposer.Describe(period);

    private static string List(IEnumerable<string> keys)
    {
        var words = keys.Select(W).ToList();
        return words.Count switch
        {
            0 => "no personal data",
            1 => words[0],
            _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
        };
    }

    private static string Purposes(ImmutableArray<string> purposes) => purposes.IsEmpty ? string.Empty : $" for {List(purposes)}";

    private static string Basis(LawfulBasis? basis) => basis is { } b ? W(b.ToString()) : "no stated basis";

    private static string Right(DataSubjectRight right) => W(right.ToString()) switch
    {
        "objection to direct marketing" => "to object to direct marketing",
        var words => $"of {words}",
    };

    private static string Safeguard(TransferSafeguard? safeguard) => safeguard is { } g ? $", protected by {W(g.ToString())}" : string.Empty;
}
