using System.Diagnostics.Metrics;
using ContactKit.Hosting;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Npgsql;

namespace ContactKit.EntityFrameworkCore.SweepWorker;

/// <summary>
/// ContactKit.Hosting's disposal sweep as a user runs it: the real <see cref="DisposalSweep"/> background service under
/// <c>Host.CreateApplicationBuilder</c>, over the EF Core stores on PostgreSQL, configured from the command line
/// (<c>--ConnectionStrings:PostgreSql=...</c>, <c>--ContactKit:Hosting:Tenants:0=...</c>,
/// <c>--ContactKit:DisposalSweep:...</c>, <c>--ContactKit:Retention:...</c>), so that SIGTERM goes through the host's
/// graceful shutdown and SIGKILL ends it anywhere. What the test needs besides: <c>--Sweep:Now</c> (an ISO instant) starts
/// a fake clock, which moves only by the sweep's own waits; <c>--Sweep:Step=true</c> makes each step wait for the
/// test's reply; <c>--Sweep:ShutdownTimeout</c> (a time span) is the host's shutdown timeout; <c>--Sweep:Gate=true</c>
/// makes it wait for a reply to "ready" before the host starts, so that several instances start sweeping together.
/// </summary>
/// <remarks>
/// Each item's content is a row of sweep_content; the disposer deletes it and writes sweep_proof in one transaction.
/// Written to standard output (see <see cref="Protocol"/>): the store's steps (claimed, begun, completed, recorded,
/// released), the disposer's (destroying, destroyed, or already-gone for content a run killed earlier had destroyed),
/// "waiting" with the sweep's health before each of its waits, "stopping" when the host begins to stop, and every
/// ContactKit log event ("log &lt;id&gt; &lt;level&gt; &lt;message&gt;") and measurement ("metric &lt;name&gt; &lt;value&gt;").
/// </remarks>
internal static class HostedSweep
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = builder.Configuration.GetSection("Sweep");
        var now = InstantPattern.ExtendedIso.Parse(settings["Now"] ?? string.Empty).GetValueOrThrow();
        var connectionString = builder.Configuration.GetConnectionString("PostgreSql") ?? throw new InvalidOperationException("--ConnectionStrings:PostgreSql is needed.");
        var protocol = new Protocol(settings.GetValue("Step", false));
        var clock = new FakeClock(now);

        builder.Logging.ClearProviders().AddFilter((category, level) => category?.StartsWith("ContactKit", StringComparison.Ordinal) == true && level >= LogLevel.Information);
        builder.Logging.AddProvider(new LineLoggerProvider(protocol));
        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(30)));
        services.AddSingleton(protocol);
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<IRetainedItemDisposer, TableDisposer>();
        services.AddSingleton<IWorkerDelay>(sp => new ControlledDelay(clock, protocol, sp.GetRequiredService<HealthCheckService>()));
        services.AddContactKit()
            .AddEntityFrameworkCoreStores(o => o.UseNpgsql(connectionString))
            .AddDisposalSweep()
            .BindConfiguration(builder.Configuration.GetSection(ContactKitOptions.SectionName));

        // The EF Core retention store, its disposal calls reported as they return.
        var store = services.Single(d => d.ServiceType == typeof(IRetentionStore));
        services.Remove(store);
        services.AddSingleton<IRetentionStore>(sp => new SteppingRetentionStore((IRetentionStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), protocol));

        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() => protocol.Tell("stopping"));
        protocol.Start(lifetime.StopApplication);
        if (settings.GetValue("Gate", false))
        {
            // Several instances wait here until all have started, with the store's model built and a connection open.
            await foreach (var _ in host.Services.GetRequiredService<IRetentionStore>().ReadHoldsAsync(TenantId.Parse("tenant-a")))
            {
            }

            await protocol.AskAsync("ready", CancellationToken.None);
        }

        using var metrics = Listen(protocol);
        await host.RunAsync();
        protocol.Tell("stopped");
        return 0;
    }

    // Every long measurement of the ContactKit.Hosting meter, as an exporter would see it.
    private static MeterListener Listen(Protocol protocol)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "ContactKit.Hosting")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => protocol.Tell($"metric {instrument.Name} {value}"));
        listener.Start();
        return listener;
    }

    /// <summary>
    /// The sweep's wait between runs: it reports the sweep's health check and the wait, then waits for the test's reply
    /// and moves the fake clock on by the wait. Once standard input has closed it waits until the host stops.
    /// </summary>
    private sealed class ControlledDelay(FakeClock clock, Protocol protocol, HealthCheckService health) : IWorkerDelay
    {
        public async ValueTask WaitAsync(Duration delay, CancellationToken cancellationToken)
        {
            var report = await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.DisposalSweep, cancellationToken);
            var entry = report.Entries[HostingHealthChecks.DisposalSweep];
            if (!await protocol.AskAsync($"waiting {Iso(delay)} {entry.Status}: {entry.Description}", cancellationToken))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            clock.Advance(delay);
        }
    }

    // A duration as configuration writes it: PT5S, PT5M.
    private static string Iso(Duration duration) => PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(duration.ToInt64Nanoseconds()).Normalize());

    /// <summary>Deletes an item's content and writes its proof, at once; content already gone was proved when it went.</summary>
    private sealed class TableDisposer(NpgsqlDataSource content, Protocol protocol, IOptions<DisposalSweepOptions> options) : IRetainedItemDisposer
    {
        public async ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
        {
            await protocol.StepAsync($"destroying {item.Id}", cancellationToken);
            bool deleted;
            await using (var connection = await content.OpenConnectionAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await using var delete = new NpgsqlCommand("DELETE FROM sweep_content WHERE tenant = $1 AND id = $2", connection, transaction);
                delete.Parameters.Add(new NpgsqlParameter { Value = item.Tenant.Value });
                delete.Parameters.Add(new NpgsqlParameter { Value = item.Id.Value });
                deleted = await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
                if (deleted)
                {
                    await using var proof = new NpgsqlCommand("INSERT INTO sweep_proof (tenant, id, worker) VALUES ($1, $2, $3)", connection, transaction);
                    proof.Parameters.Add(new NpgsqlParameter { Value = item.Tenant.Value });
                    proof.Parameters.Add(new NpgsqlParameter { Value = item.Id.Value });
                    proof.Parameters.Add(new NpgsqlParameter { Value = options.Value.WorkerId ?? "unnamed" });
                    await proof.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            await protocol.StepAsync(deleted ? $"destroyed {item.Id}" : $"already-gone {item.Id}", cancellationToken);
            return new DestructionReceipt(Provider: "sweep-content");
        }
    }

    /// <summary>Writes each log event as one line: its id, level and message, with the exception's type.</summary>
    private sealed class LineLoggerProvider(Protocol protocol) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new LineLogger(protocol);

        public void Dispose()
        {
        }

        private sealed class LineLogger(Protocol protocol) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var error = exception is null ? string.Empty : " [" + exception.GetType().Name + "]";
                protocol.Tell($"log {eventId.Id} {logLevel} {formatter(state, exception)}{error}");
            }
        }
    }
}
