using ContactKit;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Policies;
using ContactKit.Recording;
using ContactKit.Retention;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures the ContactKit packages from a tenant's privacy policy.</summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Configures every package from the policy, so that nothing it states is set twice: the tenant's retention
    /// schedule (ContactKit.Retention), its recording plan (whether it records, the bot phase, who is told), the
    /// jurisdictions where recording needs explicit consent, the notice period for changes, the tenant's marketing
    /// channels (each listed channel with or without opt-in, every other channel not used) and its recording
    /// announcements (the text the rendered notice states, <see cref="RecordingAnnouncement"/>; ContactKit.Consent), the
    /// re-screening age for marketing calls, the tenant's deletion period on request and the period it promises for answering
    /// rights requests (ContactKit.DataSubjects), and for
    /// the interaction layer the controller, the lawful basis of recordings, the record class of each kind of derived
    /// data and the channels the tenant handles as a processor for clients, from the <c>channels</c> of its processor
    /// roles, whose artefacts a rights request refers to the client (<see cref="InteractionsOptions"/>).
    /// Settings made in code or configuration that contradict the policy stop start-up with <c>CK0877</c>, naming the
    /// setting; settings the policy does not speak about are left alone.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="policy">The policy, as loaded by <see cref="PolicyLoader"/>. It must name its tenant.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// A retention entry kept "as long as needed" (criteria, with neither a period nor a review date; the lint warns,
    /// <c>CK0873</c>) becomes a review a year after its trigger: the records are kept, never disposed of
    /// automatically, and the disposal sweep reminds the tenant when the review is due.
    /// </remarks>
    /// <exception cref="ContactKitException">The policy breaks a rule of the document (the first is given).</exception>
    public static ContactKitBuilder AddPolicy(this ContactKitBuilder builder, PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        var settings = PolicySettings.From(policy);
        builder.AddRetention().AddRecording().AddConsent().AddDataSubjects();
        var services = builder.Services;
        var tenant = settings.Tenant.Value;
        var announcements = RecordingAnnouncement.Wording(policy);

        services.PostConfigure<RetentionOptions>(o =>
        {
            if (o.TenantSchedules.TryGetValue(tenant, out var configured) && !configured.Equals(settings.Schedule))
            {
                throw Contradiction($"Retention:TenantSchedules:{tenant}", "the tenant's retention schedule is set in code or configuration and differs from the policy's retention entries");
            }

            o.TenantSchedules[tenant] = settings.Schedule;
        });

        services.PostConfigure<RecordingOptions>(o =>
        {
            if (o.Tenants.TryGetValue(tenant, out var configured) && !settings.SamePlan(configured))
            {
                throw Contradiction($"Recording:Tenants:{tenant}", "the tenant's recording plan is set in code or configuration and differs from the policy's recording statement");
            }

            o.Tenants[tenant] = settings.Plan(configured);
        });

        services.PostConfigure<ConsentOptions>(o =>
        {
            if (settings.NoticePeriod is { } notice)
            {
                o.NoticePeriod = Agreed(o.NoticePeriod, notice, new ConsentOptions().NoticePeriod, "Consent:NoticePeriod", "changes.notice_period");
            }

            if (settings.ScreeningValidity is { } screening)
            {
                o.ScreeningValidity = Agreed(o.ScreeningValidity, screening, new ConsentOptions().ScreeningValidity, "Consent:ScreeningValidity", "marketing.screening.rescreen_after");
            }

            // The channels the tenant markets on and whether each needs an opt-in; the rest are not used for marketing.
            var marketing = settings.MarketingRules();
            if (o.TenantMarketingChannels.TryGetValue(tenant, out var channels) && channels is not null && !channels.SameAs(marketing))
            {
                throw Contradiction($"Consent:TenantMarketingChannels:{tenant}", "it is set in code or configuration and differs from the policy's marketing.channels");
            }

            o.TenantMarketingChannels[tenant] = marketing;

            // The recording announcement: the text the rendered notice states, which IRecordingAnnouncements plays. The
            // values the policy's wording does not use (the accept key) stay the host's.
            if (announcements is not null)
            {
                o.TenantAnnouncements.TryGetValue(tenant, out var own);
                var key = $"Consent:TenantAnnouncements:{tenant}";
                o.TenantAnnouncements[tenant] = new AnnouncementOptions
                {
                    SpokenNotice = Same(own?.SpokenNotice, announcements.SpokenNotice!, $"{key}:SpokenNotice", "recording.announcement (or the announcement ContactKit words from the recording statement)"),
                    SpokenPrompt = Same(own?.SpokenPrompt, announcements.SpokenPrompt!, $"{key}:SpokenPrompt", "recording.announcement, asked as a question"),
                    BannerNotice = Same(own?.BannerNotice, announcements.BannerNotice!, $"{key}:BannerNotice", "chat banner"),
                    BannerPrompt = Same(own?.BannerPrompt, announcements.BannerPrompt!, $"{key}:BannerPrompt", "chat banner, asking for consent"),
                    SsmlLanguage = Same(own?.SsmlLanguage, announcements.SsmlLanguage!, $"{key}:SsmlLanguage", "language"),
                    Organisation = own?.Organisation,
                    Purposes = own?.Purposes,
                    NoticeUrl = own?.NoticeUrl,
                    AcceptKey = own?.AcceptKey ?? new AnnouncementOptions().AcceptKey,
                };
            }

            foreach (var jurisdiction in settings.ExplicitConsentIn.Where(j => !o.RecordingRules.Any(r => r.Jurisdiction == j.Value)))
            {
                o.RecordingRules.Add(new RecordingRuleOverride
                {
                    Jurisdiction = jurisdiction.Value,
                    Requirement = CaptureRequirement.ExplicitConsent,
                    Summary = "Recording needs the explicit consent of every party.",
                    Source = $"Privacy policy of tenant {tenant}",
                });
            }
        });

        // The interaction layer: who the consent ledger names as controller, the lawful basis rights requests report for
        // recordings, and the record class of the derived data the policy lists. Only what the policy states is set.
        services.PostConfigure<InteractionsOptions>(o =>
        {
            // The tenant's own settings: another tenant's policy, or the host's settings for every tenant, are left alone.
            var own = o.Tenants.TryGetValue(tenant, out var configured) && configured is not null ? configured : new InteractionsTenantOptions();
            var key = $"Interactions:Tenants:{tenant}";
            if (settings.Controller is { } controller)
            {
                own.Controller = Same(own.Controller, controller, $"{key}:Controller", "controller.name");
            }

            if (settings.RecordingLawfulBasis is { } basis)
            {
                own.LawfulBasis = Same(own.LawfulBasis, basis, $"{key}:LawfulBasis", "lawful basis for media.call_recording");
            }

            foreach (var (kind, recordClass) in settings.RecordClasses)
            {
                own.RecordClasses[kind] = Same(own.RecordClasses.TryGetValue(kind, out var set) ? set : null, recordClass, $"{key}:RecordClasses:{kind}", "record class of derived data or of a retention entry's artefacts");
            }

            if (settings.ChatTranscriptRecordClass is { } chats)
            {
                own.ChatTranscriptRecordClass = Same(own.ChatTranscriptRecordClass, chats, $"{key}:ChatTranscriptRecordClass", "record class of the retention entry covering chat_transcript");
            }

            // The channels handled as a processor for clients: rights requests about their interactions go to the client.
            if (!settings.ProcessorChannels.IsEmpty)
            {
                if (own.ProcessorChannels.Count > 0 && !own.ProcessorChannels.SetEquals(settings.ProcessorChannels))
                {
                    throw Contradiction($"{key}:ProcessorChannels", "it is set in code or configuration and differs from the channels of the policy's processor roles");
                }

                own.ProcessorChannels.UnionWith(settings.ProcessorChannels);
            }

            o.Tenants[tenant] = own;
        });

        if (settings.DeletionPeriodDays is { } days)
        {
            services.PostConfigure<DataSubjectsOptions>(o =>
            {
                if (o.TenantDeletionPeriodDays.TryGetValue(tenant, out var configured) && configured != days)
                {
                    throw Contradiction($"DataSubjects:TenantDeletionPeriodDays:{tenant}", "it is set in code or configuration and differs from the policy's recording.delete_on_request_within");
                }

                o.TenantDeletionPeriodDays[tenant] = days;
            });
        }

        // The period the notice promises for answering rights requests: a shorter promise becomes the due date of the
        // tenant's requests; a policy that says one month (or nothing) leaves the statutory month.
        if (settings.StatesResponsePeriod)
        {
            services.PostConfigure<DataSubjectsOptions>(o =>
            {
                var stated = settings.ResponsePromise is { } promise ? new RightsResponsePromise { Days = promise.Days, WorkingDays = promise.WorkingDays } : null;
                o.TenantResponsePromises.TryGetValue(tenant, out var configured);
                if (configured is not null && !configured.SameAs(stated))
                {
                    throw Contradiction($"DataSubjects:TenantResponsePromises:{tenant}", "it is set in code or configuration and differs from the policy's rights.respond_within");
                }

                if (stated is not null)
                {
                    o.TenantResponsePromises[tenant] = stated;
                }
            });
        }

        return builder;
    }

    /// <summary>Loads the policy from a JSON file and configures every package from it (<see cref="AddPolicy(ContactKitBuilder, PolicyDocument)"/>).</summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="path">The policy file.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ContactKitException">The file is not a valid policy: the first problem is given, with its code and JSON path, and the message counts the rest.</exception>
    public static ContactKitBuilder AddPolicy(this ContactKitBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var loaded = PolicyLoader.Load(File.ReadAllText(path));
        if (!loaded.IsLoaded)
        {
            var first = loaded.Errors[0];
            throw new ContactKitException(new ContactKitError(
                first.Code,
                $"The policy file is not valid: {first.Message}{(loaded.Errors.Length > 1 ? $" ({loaded.Errors.Length - 1} more problems; run the lint or PolicyLoader.Load for all of them.)" : string.Empty)}",
                first.Field));
        }

        return builder.AddPolicy(loaded.Document!);
    }

    // A setting left at its default takes the policy's value; one set to another value contradicts the policy.
    // A tenant's setting left unset takes the policy's; one set in code to something else contradicts it.
    private static T Same<T>(T? configured, T stated, string key, string field)
        where T : notnull =>
        configured is null || configured.Equals(stated) ? stated : throw Contradiction(key, $"it is set in code or configuration and differs from the policy's {field}");

    private static LawfulBasis Same(LawfulBasis? configured, LawfulBasis stated, string key, string field) =>
        configured is null || configured == stated ? stated : throw Contradiction(key, $"it is set in code or configuration and differs from the policy's {field}");

    private static T Agreed<T>(T configured, T stated, T byDefault, string key, string field)
        where T : notnull =>
        configured.Equals(byDefault) || configured.Equals(stated)
            ? stated
            : throw Contradiction(key, $"it is set in code or configuration and differs from the policy's {field}");

    private static ContactKitException Contradiction(string key, string what) =>
        new(new ContactKitError(PoliciesErrorCodes.HostContradictsPolicy, $"{key} contradicts the tenant's privacy policy: {what}. Remove the setting and let the policy decide, or change the policy.", key));
}
