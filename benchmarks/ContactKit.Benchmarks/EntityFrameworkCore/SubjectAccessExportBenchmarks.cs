using BenchmarkDotNet.Attributes;
using ContactKit.DataSubjects;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// A subject-access export from SQLite of a subject with 100,000 records (their consent ledger records, among
/// 1,000,000: <see cref="ConsentLedgerDatabase"/>), through every personal-data source the interaction layer registers,
/// written to a stream that keeps nothing. Budgets: under 2 seconds; peak managed memory under 100 MB. BenchmarkDotNet's
/// Allocated column is the total allocated, not the peak, so each iteration samples the managed heap every millisecond
/// and prints its peak (<c>// peak managed heap</c> lines in the log).
/// </summary>
[MemoryDiagnoser]
[MeasuredJob(warmupCount: 1, iterationCount: 3, perSecond: "Exports/s")]
public class SubjectAccessExportBenchmarks
{
    private ServiceProvider _host = null!;
    private SubjectAccessExporter _exporter = null!;
    private Thread? _sampler;
    private volatile bool _sampling;
    private long _before;
    private long _peak;

    [GlobalSetup]
    public void Setup()
    {
        var database = ConsentLedgerDatabase.Open(BenchmarkDatabases.Sqlite);
        _host = BenchmarkHost.Build(database, new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0)));
        _exporter = _host.GetRequiredService<SubjectAccessExporter>();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>Starts sampling the managed heap from a settled baseline.</summary>
    [IterationSetup]
    public void StartSampling()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _before = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _before;
        _sampling = true;
        _sampler = new Thread(() =>
        {
            while (_sampling)
            {
                var now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "heap sampler" };
        _sampler.Start();
    }

    /// <summary>Stops sampling and prints the peak.</summary>
    [IterationCleanup]
    public void PrintPeak()
    {
        _sampling = false;
        _sampler?.Join();
        const double MB = 1024 * 1024;
        Console.WriteLine($"// peak managed heap during the export: {_peak / MB:F1} MB ({(_peak - _before) / MB:F1} MB above the {_before / MB:F1} MB before it)");
    }

    /// <summary>The export of the subject's records.</summary>
    /// <returns>How many records it holds.</returns>
    [Benchmark]
    public async Task<long> Export()
    {
        var summary = await _exporter.ExportAsync(ConsentLedgerDatabase.Tenant, ConsentLedgerDatabase.Subject, Stream.Null);
        return summary.TotalRecords >= ConsentLedgerDatabase.SubjectRecords
            ? summary.TotalRecords
            : throw new InvalidOperationException($"The export held {summary.TotalRecords} records; the subject has {ConsentLedgerDatabase.SubjectRecords}.");
    }
}
