using ContactKit.Benchmarks.Interactions;
using ContactKit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// A host as a vendor registers it: the interaction layer and every concept over ContactKit's EF Core stores on one
/// database, the council's retention schedule, and a fake clock. In-memory fakes only where no EF Core store exists
/// (recording media, which a host keeps in its media store).
/// </summary>
public static class BenchmarkHost
{
    /// <summary>Builds the host's services over the database <paramref name="database"/> chooses.</summary>
    /// <param name="database">Chooses the provider and the database.</param>
    /// <param name="clock">The host's clock.</param>
    /// <returns>The services.</returns>
    public static ServiceProvider Build(Action<DbContextOptionsBuilder> database, FakeClock clock)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit()
            .AddRetention(o => o.Schedule = WholeCall.Schedule)
            .AddInteractions()
            .AddEntityFrameworkCoreStores(database)
            .UseInMemoryStores();
        return services.BuildServiceProvider();
    }
}
