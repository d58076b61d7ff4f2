using ContactKit;
using ContactKit.Redaction;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ContactKit.Redaction to a ContactKit registration.</summary>
public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="Redactor"/> with <see cref="RedactionOptions"/> validated at start-up.
    /// Safe to call more than once: nothing is registered twice.
    /// </summary>
    /// <param name="builder">The ContactKit builder.</param>
    /// <param name="configure">Sets the options in code, after any configuration read by <c>BindConfiguration()</c> from the <c>ContactKit:Redaction</c> section (<see cref="RedactionOptions.SectionName"/>); may be <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static ContactKitBuilder AddRedaction(this ContactKitBuilder builder, Action<RedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<Redactor>();
        return builder.AddValidatedOptions<RedactionOptions, RedactionOptionsValidator>(configure, RedactionOptions.SectionName);
    }
}
