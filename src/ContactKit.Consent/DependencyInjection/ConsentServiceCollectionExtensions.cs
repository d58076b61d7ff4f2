using ContactKit;
using ContactKit.Consent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <c>ContactKit.Consent</c> to a ContactKit registration.</summary>
public static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the consent services: <see cref="ConsentOptions"/> validated at start-up, the <see cref="RecordingRuleSet"/>
    /// (the shipped rules with the host's overrides), <see cref="PrivacyNoticePublisher"/>, <see cref="ConsentLedger"/>,
    /// <see cref="MarketingCallScreener"/>, <see cref="MarketingPermissions"/> (each tenant's marketing channel rules), <see cref="CallingListScreenings"/> and
    /// <see cref="IRecordingAnnouncements"/> (each tenant's recording announcements, <see cref="ConsentOptions.TenantAnnouncements"/>). The host registers <see cref="IConsentStore"/> and <see cref="ITelephonePreferenceService"/>
    /// (or calls <c>UseInMemoryStores()</c> in tests). Safe to call more than once: nothing is registered twice.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Consent</c> section (<see cref="ConsentOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddConsent(this ContactKitBuilder builder, Action<ConsentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<ConsentOptions, ConsentOptionsValidator>(configure, ConsentOptions.SectionName);
        var services = builder.Services;
        services.TryAddSingleton(static provider => BuildRules(provider.GetRequiredService<IOptions<ConsentOptions>>().Value));
        services.TryAddSingleton<PrivacyNoticePublisher>();
        services.TryAddSingleton<ConsentLedger>();
        services.TryAddSingleton<MarketingCallScreener>();
        services.TryAddSingleton<MarketingPermissions>();
        services.TryAddSingleton<CallingListScreenings>();
        services.TryAddSingleton<IRecordingAnnouncements, RecordingAnnouncements>();
        builder.Require<IConsentStore>("AddConsent()").Require<IAuditTrail>("AddConsent()")
            .Require<ITelephonePreferenceService>("AddConsent()", ".UseInMemoryStores() (ContactKit.Testing) in tests, or your TPS/CTPS screening provider");
        return builder;
    }

    private static RecordingRuleSet BuildRules(ConsentOptions options)
    {
        var rules = RecordingRuleSet.Default;
        foreach (var o in options.RecordingRules)
        {
            rules = rules.With(new RecordingRule(Jurisdiction.Parse(o.Jurisdiction), o.Requirement, string.IsNullOrWhiteSpace(o.Summary) ? "host rule" : o.Summary, o.Source) { Reason = string.IsNullOrWhiteSpace(o.Reason) ? null : o.Reason });
        }

        return rules;
    }
}
