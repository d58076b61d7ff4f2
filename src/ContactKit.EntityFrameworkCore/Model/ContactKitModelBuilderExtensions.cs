using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>Adds ContactKit's entities to a host's own <see cref="DbContext"/>.</summary>
public static class ContactKitModelBuilderExtensions
{
    /// <summary>
    /// Adds every ContactKit table (audit trail, recording sessions and events, retention, consent, rights requests,
    /// interactions) to the model, so that a host's own context can hold them beside its tables. Call it from
    /// <c>OnModelCreating</c>, then register the stores with <c>AddEntityFrameworkCoreStores&lt;TContext&gt;()</c>.
    /// </summary>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder UseContactKit(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ContactKitModel.Configure(modelBuilder);
        return modelBuilder;
    }
}
