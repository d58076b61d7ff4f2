using System.Globalization;
using BenchmarkDotNet.Attributes;
using ContactKit.Benchmarks.Interactions;
using ContactKit.Interactions;
using ContactKit.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// Whole interactions written through the EF Core stores by the interaction layer (<see cref="WholeCall"/>: start,
/// notice, handover, capture, secure pause, transfer, end, media stored, retained item created) by
/// <see cref="Writers"/> concurrent writers, each taking its own calls. Reported per recording event
/// (<see cref="WholeCall.RecordingEvents"/> a call; the audit entries, the interaction, its artefact and retained item are
/// written beside them). Budgets: at least 1,000 events a second on SQLite; on PostgreSQL, throughput that grows with
/// the writers from 1 to 8.
/// </summary>
[MeasuredJob(warmupCount: 1, iterationCount: 3, perSecond: "Events/s")]
public class IngestBenchmarks
{
    /// <summary>How many calls each iteration writes, shared between the writers.</summary>
    public const int CallsPerIteration = 240;

    private ServiceProvider _host = null!;
    private InteractionService _service = null!;
    private RecordingService _recordings = null!;
    private string _run = null!;
    private int _iteration;

    /// <summary>The database.</summary>
    [Params(BenchmarkDatabases.Sqlite, BenchmarkDatabases.SqliteNormal, BenchmarkDatabases.Postgres)]
    public string Database { get; set; } = null!;

    /// <summary>How many writers write calls at once.</summary>
    [Params(1, 2, 4, 8)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var database = BenchmarkDatabases.Open(Database, "ingest", (_, _) => { });
        _host = BenchmarkHost.Build(database, new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0), Duration.FromSeconds(1)));
        _service = _host.GetRequiredService<InteractionService>();
        _recordings = _host.GetRequiredService<RecordingService>();

        // Every process writes calls of its own into the run's one database.
        _run = Guid.NewGuid().ToString("N")[..8];
        var first = $"{_run}-check";
        WholeCall.RunAsync(_service, _recordings, first).GetAwaiter().GetResult();
        var events = _host.GetRequiredService<IRecordingStore>().ReadEventsAsync(WholeCall.Tenant, WholeCall.Ids(first).Recording).CountAsync().AsTask().GetAwaiter().GetResult();
        if (events != WholeCall.RecordingEvents)
        {
            throw new InvalidOperationException($"A call wrote {events} recording events; WholeCall.RecordingEvents says {WholeCall.RecordingEvents}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>The writers' calls, per recording event.</summary>
    /// <returns>How many calls were written.</returns>
    [Benchmark(OperationsPerInvoke = CallsPerIteration * WholeCall.RecordingEvents)]
    public async Task<int> WriteCalls()
    {
        var iteration = _iteration++;
        var next = -1;
        async Task WriteAsync()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < CallsPerIteration)
            {
                await WholeCall.RunAsync(_service, _recordings, string.Create(CultureInfo.InvariantCulture, $"{_run}-{iteration}-{n}"));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)));
        return CallsPerIteration;
    }
}
