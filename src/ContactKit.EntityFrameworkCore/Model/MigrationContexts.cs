using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactKit.EntityFrameworkCore;

// EF Core finds a context's migrations by the context's type, and a migration is written for one provider, so each
// provider's shipped migrations belong to a context of its own. Both hold exactly ContactKitDbContext's model.

/// <summary>ContactKit's tables on SQLite, the context the shipped SQLite migrations are written for.</summary>
internal sealed class ContactKitSqliteContext(DbContextOptions<ContactKitSqliteContext> options) : ContactKitDbContext(options);

/// <summary>ContactKit's tables on PostgreSQL, the context the shipped PostgreSQL migrations are written for.</summary>
internal sealed class ContactKitPostgresContext(DbContextOptions<ContactKitPostgresContext> options) : ContactKitDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> create the SQLite context with no host (see docs/storage.md).</summary>
internal sealed class ContactKitSqliteContextFactory : IDesignTimeDbContextFactory<ContactKitSqliteContext>
{
    public ContactKitSqliteContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ContactKitSqliteContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> create the PostgreSQL context with no host (see docs/storage.md).</summary>
internal sealed class ContactKitPostgresContextFactory : IDesignTimeDbContextFactory<ContactKitPostgresContext>
{
    public ContactKitPostgresContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ContactKitPostgresContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
