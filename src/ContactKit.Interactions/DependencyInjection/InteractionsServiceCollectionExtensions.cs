using ContactKit;
using ContactKit.Interactions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ContactKit.Interactions, the layer that ties the concepts together.</summary>
public static class InteractionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers one complete pipeline for interactions: the recording lifecycle, retention, consent and data subjects
    /// (each with its own options), and above them the interaction layer with <see cref="InteractionsOptions"/>
    /// validated at start-up. The stores (<see cref="IInteractionStore"/>, <see cref="IArtefactStore"/>,
    /// <see cref="IDeletionRequestStore"/>, <see cref="IArtefactContentProvider"/> and those of the concepts) come from a
    /// provider package, or from <c>UseInMemoryStores()</c> in tests; start-up reports any missing with <c>CK0090</c>.
    /// Safe to call more than once.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Interactions</c> section (<see cref="InteractionsOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddInteractions(this ContactKitBuilder builder, Action<InteractionsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRecording().AddRetention().AddConsent().AddDataSubjects();
        builder.Require<IInteractionStore>("AddInteractions()").Require<IArtefactStore>("AddInteractions()")
            .Require<IDeletionRequestStore>("AddInteractions()").Require<IArtefactContentProvider>("AddInteractions()");
        return builder.AddValidatedOptions<InteractionsOptions, InteractionsOptionsValidator>(configure, InteractionsOptions.SectionName);
    }
}
