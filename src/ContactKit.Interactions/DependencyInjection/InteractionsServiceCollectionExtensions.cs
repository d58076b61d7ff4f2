using ContactKit;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ContactKit.Interactions, the layer that ties the concepts together.</summary>
public static class InteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one complete pipeline for interactions: the recording lifecycle, retention, consent and data subjects
    /// (each with its own options), erasure reading legal holds and retention rules from ContactKit.Retention
    /// (<see cref="UseRetentionForErasure"/>), the recording lifecycle's deletion path reading the same holds
    /// (<see cref="RetentionHoldAuthority"/>, the one hold authority, which replaces any other), and above them the interaction layer
    /// (<see cref="InteractionService"/>, and <see cref="TranscriptService"/>, which redacts every transcript with ContactKit.Redaction
    /// before it is stored), the disposer the disposal sweep uses (<see cref="ArtefactDisposer"/>, which deletes content
    /// and tombstones the recording), the personal-data sources that rights requests reach (<see cref="InteractionPersonalDataSource"/> over
    /// every artefact, <see cref="ConsentLedgerPersonalDataSource"/> over the consent ledger) beside the host's own, with <see cref="InteractionsOptions"/>
    /// validated at start-up. The stores (<see cref="IInteractionStore"/>, <see cref="IArtefactStore"/>,
    /// <see cref="IDeletionRequestStore"/> and those of the concepts) come from a provider package, or from
    /// <c>UseInMemoryStores()</c> in tests; start-up reports any missing with <c>CK0090</c>. A host that stores artefacts
    /// whose content it keeps itself (sentiment, summaries, survey answers, calling line identity) registers an
    /// <see cref="IArtefactContentProvider"/> to delete that content; start-up reports it missing with <c>CK0910</c>.
    /// Safe to call more than once.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Interactions</c> section (<see cref="InteractionsOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddInteractions(this ContactKitBuilder builder, Action<InteractionsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRecording().AddRetention().AddConsent().AddDataSubjects().AddRedaction().UseRetentionForErasure();
        builder.Choose<ILegalHoldAuthority, RetentionHoldAuthority>(); // one registry of holds, whatever else was registered
        builder.Services.TryAddSingleton<InteractionService>();
        builder.Services.TryAddSingleton<TranscriptService>();
        builder.Services.TryAddSingleton<IRetainedItemDisposer>(sp => sp.GetRequiredService<ArtefactDisposer>());
        // Both delete artefact content: through the host's provider, or, when the host keeps none, the media-only one.
        builder.Services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<DeletionRequestService>(sp, MediaOnlyArtefactContent.Or(sp)));
        builder.Services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ArtefactDisposer>(sp, MediaOnlyArtefactContent.Or(sp)));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataSource, InteractionPersonalDataSource>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataSource, ConsentLedgerPersonalDataSource>());
        builder.Services.TryAddSingleton<IInteractionAlerts, NoInteractionAlerts>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InteractionsOptions>, StoredKindsHaveRulesCheck>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InteractionsOptions>, StoredKindsHaveContentProviderCheck>());
        builder.Require<IInteractionStore>("AddInteractions()").Require<IArtefactStore>("AddInteractions()")
            .Require<IDeletionRequestStore>("AddInteractions()");
        return builder.AddValidatedOptions<InteractionsOptions, InteractionsOptionsValidator>(configure, InteractionsOptions.SectionName);
    }

    /// <summary>
    /// Makes erasure decisions of ContactKit.DataSubjects read legal holds and retention rules from ContactKit.Retention
    /// (<see cref="RetentionErasureFacts"/>), which needs <c>AddRetention()</c> and an <c>IRetentionStore</c>. It replaces
    /// any other <see cref="IErasureRetentionFacts"/>, before or after it (the in-memory facts of <c>UseInMemoryStores()</c>
    /// included): no registration order may let erasure ignore legal holds. <see cref="AddInteractions"/> calls it; a
    /// host that uses DataSubjects and Retention without the rest of the layer may call it alone.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder UseRetentionForErasure(this ContactKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Choose<IErasureRetentionFacts, RetentionErasureFacts>(); // wins over the in-memory facts in any call order
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataSubjectsOptions>, RetentionForErasureCheck>());
        return builder;
    }
}
