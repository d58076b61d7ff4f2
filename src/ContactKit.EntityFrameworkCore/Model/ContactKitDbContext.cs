using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// ContactKit's own context, holding only ContactKit's tables, for a host that does not add them to a context of its own.
/// The host chooses the provider (<c>UseSqlite</c>, <c>UseNpgsql</c>) when it registers the stores.
/// </summary>
public class ContactKitDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options, with the provider chosen.</param>
    public ContactKitDbContext(DbContextOptions<ContactKitDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates the context from options built for a derived context.</summary>
    /// <param name="options">The options, with the provider chosen.</param>
    protected ContactKitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseContactKit();
    }
}
