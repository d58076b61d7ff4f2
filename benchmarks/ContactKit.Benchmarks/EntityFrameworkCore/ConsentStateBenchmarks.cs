using System.Data.Common;
using BenchmarkDotNet.Attributes;
using ContactKit.Consent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// The current marketing consent of one subject, read through the consent ledger from the EF Core store over
/// 1,000,000 ledger records (<see cref="ConsentLedgerDatabase"/>; the subject has 100,000 of them). Budget: under 1
/// millisecond, by index. The setup prints the query plans of the store's two statements (the latest record covering the
/// subject and purpose, then that record) and stops the run if either scans a table instead of using an index.
/// </summary>
[MeasuredJob(warmupCount: 3, iterationCount: 10, perSecond: "Lookups/s", invocationCount: 0)]
public class ConsentStateBenchmarks
{
    private ServiceProvider _host = null!;
    private ConsentLedger _ledger = null!;

    /// <summary>The database.</summary>
    [Params(BenchmarkDatabases.Sqlite, BenchmarkDatabases.Postgres)]
    public string Database { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        var database = ConsentLedgerDatabase.Open(Database);
        BenchmarkDatabases.WithConnection(database, connection => ShowPlans(connection, Database));
        _host = BenchmarkHost.Build(database, new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0)));
        _ledger = _host.GetRequiredService<ConsentLedger>();
        var state = _ledger.GetStateAsync(ConsentLedgerDatabase.Tenant, ConsentLedgerDatabase.Subject, Purpose.Marketing).AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// consent state of {ConsentLedgerDatabase.Subject} among {ConsentLedgerDatabase.Records:N0} records: {state}");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>The subject's current state for marketing.</summary>
    /// <returns>The state.</returns>
    [Benchmark]
    public ValueTask<ConsentState> GetState() => _ledger.GetStateAsync(ConsentLedgerDatabase.Tenant, ConsentLedgerDatabase.Subject, Purpose.Marketing);

    // The statements of EntityFrameworkCoreConsentStore.GetLatestAsync, with the values in place of the parameters.
    private static void ShowPlans(DbConnection connection, string provider)
    {
        var tenant = ConsentLedgerDatabase.Tenant.Value;
        var subject = ConsentLedgerDatabase.Subject.Value;
        string[] statements =
        [
            $"SELECT MAX(sequence) FROM contactkit_consent_coverage WHERE tenant = '{tenant}' AND subject = '{subject}' AND purpose = '{Purpose.Marketing.Value}' AND category = ''",
            $"SELECT * FROM contactkit_consent_records WHERE tenant = '{tenant}' AND sequence = {ConsentLedgerDatabase.SubjectRecords} LIMIT 2",
        ];
        foreach (var statement in statements)
        {
            var plan = BenchmarkDatabases.Lines(connection, (provider == BenchmarkDatabases.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement);
            Console.WriteLine($"// {provider} plan of: {statement}");
            foreach (var line in plan)
            {
                Console.WriteLine("//   " + line);
            }

            var scans = plan.Any(l => l.Contains("Seq Scan", StringComparison.Ordinal) || (l.Contains("SCAN ", StringComparison.Ordinal) && !l.Contains("USING", StringComparison.Ordinal)));
            if (scans)
            {
                throw new InvalidOperationException($"The {provider} plan scans a table: {string.Join(" / ", plan)}");
            }
        }
    }
}
