using ContactKit;
using ContactKit.Recording;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ContactKit.Recording.</summary>
public static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recording options (validated at start-up), the options-driven <see cref="IRecordingAccessPolicy"/>
    /// unless the host registered its own, <see cref="RecordingService"/> and <see cref="RecordingAccessService"/>.
    /// The stores (<see cref="IRecordingStore"/>, <see cref="IRecordingMediaStore"/>) come from a provider package,
    /// or from <c>UseInMemoryStores()</c> in tests; the deletion path reads legal holds through an
    /// <see cref="ILegalHoldAuthority"/>, which <c>AddInteractions()</c> registers over ContactKit.Retention's hold registry.
    /// Start-up validation reports any of them (and <see cref="IAuditTrail"/>) missing with code <c>CK0090</c>. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddRecording(this ContactKitBuilder builder, Action<RecordingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<RecordingOptions, RecordingOptionsValidator>(configure);
        builder.Services.TryAddSingleton<IRecordingAccessPolicy, OptionsRecordingAccessPolicy>();
        builder.Services.TryAddSingleton<RecordingService>();
        builder.Services.TryAddSingleton<RecordingAccessService>();
        builder.Require<IRecordingStore>("AddRecording()").Require<IRecordingMediaStore>("AddRecording()").Require<IAuditTrail>("AddRecording()")
            .Require<ILegalHoldAuthority>("AddRecording()", ".AddInteractions() (ContactKit.Interactions, which reads the holds of ContactKit.Retention), or .UseInMemoryStores() (ContactKit.Testing) in tests");
        return builder;
    }
}
