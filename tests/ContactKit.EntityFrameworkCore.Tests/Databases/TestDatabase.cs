using ContactKit.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// One database for one test class: the ContactKit schema created once, every table emptied before each test, and the
/// stores resolved from a service provider registered the way a host registers them.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    private readonly Lazy<ServiceProvider> _services;

    protected TestDatabase() => _services = new Lazy<ServiceProvider>(Build);

    /// <summary>The stores' service provider.</summary>
    public IServiceProvider Services => _services.Value;

    /// <summary>Chooses the provider for the context.</summary>
    protected abstract void UseProvider(DbContextOptionsBuilder options);

    /// <summary>Empties every ContactKit table and returns the provider's <typeparamref name="T"/>.</summary>
    public T Fresh<T>()
        where T : notnull
    {
        using (var context = NewContext())
        {
            foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
            {
#pragma warning disable EF1002 // The table names come from the model, not from input.
                context.Database.ExecuteSqlRaw($"DELETE FROM {table}");
#pragma warning restore EF1002
            }
        }

        return Services.GetRequiredService<T>();
    }

    /// <summary>A new context on the database, for tests that read or damage rows directly.</summary>
    public ContactKitDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContext();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }

    /// <summary>Prepares a database the shipped migrations have just brought to the current schema.</summary>
    protected virtual void Prepare(ContactKitDbContext context)
    {
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(UseProvider);
        var provider = services.BuildServiceProvider();
        provider.MigrateContactKitAsync().GetAwaiter().GetResult(); // the schema as a host gets it: by the shipped migrations
        using var context = provider.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContext();
        Prepare(context);
        return provider;
    }
}

/// <summary>A SQLite database in a file of its own in a temporary folder, deleted with the fixture.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("contactkit-sqlite-").FullName;

    /// <summary>The database file.</summary>
    public string Path => System.IO.Path.Combine(_folder, "contactkit.db");

    /// <inheritdoc />
    protected override void UseProvider(DbContextOptionsBuilder options) => options.UseSqlite($"Data Source={Path}");

    /// <inheritdoc />
    protected override void Prepare(ContactKitDbContext context) => context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finished test is left to the system's temporary-folder clean-up.
        }
    }
}
