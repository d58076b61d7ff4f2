using ContactKit.EntityFrameworkCore;
using ContactKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Samples.Worker;

/// <summary>
/// A worker that keeps ContactKit's promises on time: the disposal sweep and the deadline watch as hosted services, every
/// setting read from <c>appsettings.json</c> (and the usual .NET layers over it: <c>appsettings.{Environment}.json</c>,
/// environment variables such as <c>ContactKit__Hosting__Tenants__0</c>, the command line), the stores on SQLite by
/// default or on PostgreSQL when <c>ConnectionStrings:PostgreSql</c> is set, and the <c>ContactKit.*</c> metrics printed
/// to the console.
/// </summary>
public static class WorkerSample
{
    /// <summary>Builds and runs the worker until it is stopped (Ctrl+C, SIGTERM), or until a fake clock reaches its end.</summary>
    /// <param name="args">The command line, read as configuration (<c>--environment FakeClock</c>, <c>--ConnectionStrings:PostgreSql=...</c>).</param>
    /// <param name="logging">Adds logging providers (a test collects every message through it); may be <see langword="null"/>.</param>
    /// <param name="output">Where the metrics and the fake-clock summary are printed; the console when <see langword="null"/>.</param>
    /// <returns>The exit code: 0, or 1 when a fake-clock run did not see what it should have.</returns>
    public static async Task<int> RunAsync(string[] args, Action<ILoggingBuilder>? logging = null, TextWriter? output = null)
    {
        output ??= Console.Out;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        logging?.Invoke(builder.Logging);
        var fake = FakeClockSettings.Read(builder.Configuration);
        var services = builder.Services;

        // A simulated run keeps its SQLite database and media in a folder of its own, removed at the end.
        var scratch = fake is null ? null : Directory.CreateTempSubdirectory("contactkit-worker-");
        if (scratch is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(scratch.FullName, "worker.db")}",
                ["ContactKit:FileSystemMedia:RootPath"] = Directory.CreateDirectory(Path.Combine(scratch.FullName, "media")).FullName,
            });
        }

        try
        {
            return await RunAsync(builder, fake, output);
        }
        finally
        {
            if (scratch is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                scratch.Delete(recursive: true);
            }
        }
    }

    private static async Task<int> RunAsync(HostApplicationBuilder builder, FakeClockSettings? fake, TextWriter output)
    {
        var services = builder.Services;

        if (fake is not null)
        {
            // The clock starts before the seeded disposal date and deadlines; each worker's wait moves it on, until the end.
            var clock = new FakeClock(fake.Start);
            services.AddSingleton<IClock>(clock);
            services.AddSingleton<IWorkerDelay>(sp => new FakeTimeline(clock, workers: 2, fake.Until, sp.GetRequiredService<IHostApplicationLifetime>()));
        }
        else
        {
            services.AddSingleton<IClock>(SystemClock.Instance);
        }

        services.AddSingleton<PagerAlerts>();
        services.AddSingleton<IComplianceAlerts>(sp => sp.GetRequiredService<PagerAlerts>());
        services.AddSingleton(new ConsoleMetrics(output, builder.Configuration.GetValue("Worker:MetricsInterval", TimeSpan.FromMinutes(1))));
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleMetrics>());
        services.AddSingleton<ContactKit.Consent.ITelephonePreferenceService, NoScreening>();

        var postgres = builder.Configuration.GetConnectionString("PostgreSql");
        var sqlite = builder.Configuration.GetConnectionString("Sqlite") ?? "Data Source=contactkit-worker.db";
        services.AddContactKit()
            .AddInteractions()
            .UseFileSystemMedia()
            .AddEntityFrameworkCoreStores(o =>
            {
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    o.UseSqlite(sqlite);
                }
                else
                {
                    o.UseNpgsql(postgres);
                }
            })
            .AddHosting()
            .AddDisposalSweep()
            .AddDeadlineWatch()
            .BindConfiguration(builder.Configuration.GetSection(ContactKitOptions.SectionName));

        using var host = builder.Build();
        await host.Services.MigrateContactKitAsync();
        var seeded = fake is { SeedSampleData: true } ? await SampleData.SeedAsync(host.Services) : null;

        // Not RunAsync, which disposes of the host: a simulated run still reads the stores and health checks afterwards.
        await host.StartAsync();
        await host.WaitForShutdownAsync();

        if (fake is null)
        {
            return 0;
        }

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        foreach (var (name, entry) in health.Entries)
        {
            await output.WriteLineAsync($"health {name}: {entry.Status} ({entry.Description})");
        }

        return seeded is null ? 0 : await SampleData.CheckAsync(host.Services, seeded, output);
    }

}

/// <summary>The <c>Worker:FakeClock</c> settings: a simulated run from <see cref="Start"/> to <see cref="Until"/>.</summary>
/// <param name="Start">Where the clock starts.</param>
/// <param name="Until">Where the run stops.</param>
/// <param name="SeedSampleData">Whether to store a few interactions and requests at the start, and check what became of them at the end.</param>
internal sealed record FakeClockSettings(Instant Start, Instant Until, bool SeedSampleData)
{
    public static FakeClockSettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Worker:FakeClock");
        if (!section.GetValue("Enabled", false))
        {
            return null;
        }

        var start = NodaTime.Text.InstantPattern.ExtendedIso.Parse(section["Start"] ?? string.Empty);
        var until = NodaTime.Text.InstantPattern.ExtendedIso.Parse(section["Until"] ?? string.Empty);
        if (!start.Success || !until.Success || until.Value <= start.Value)
        {
            throw new InvalidOperationException("Worker:FakeClock needs Start and Until as ISO instants (such as 2026-01-05T09:00:00Z), Until after Start.");
        }

        return new FakeClockSettings(start.Value, until.Value, section.GetValue("SeedSampleData", false));
    }
}
