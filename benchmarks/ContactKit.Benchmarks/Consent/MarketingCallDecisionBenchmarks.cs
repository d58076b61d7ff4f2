using BenchmarkDotNet.Attributes;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Benchmarks.Consent;

/// <summary>
/// One marketing call decision against an index of 1,000,000 numbers: screened, some on TPS or CTPS, some suppressed.
/// Budget: under 1 microsecond and no allocation per decision.
/// </summary>
[MemoryDiagnoser]
public class MarketingCallDecisionBenchmarks
{
    private const int Size = 1_000_000;
    private const int Probes = 1024;

    private static readonly LocalDate Today = new(2026, 3, 31);

    private MarketingCallIndex _index = null!;
    private TelephoneNumber[] _probes = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var builder = new MarketingCallIndex.Builder();
        var numbers = new TelephoneNumber[Size];
        for (var i = 0; i < Size; i++)
        {
            numbers[i] = TelephoneNumber.FromDigits(447_000_000_000UL + ((ulong)i * 997));
            builder.AddScreening(numbers[i], (TelephonePreferenceRegisters)random.Next(0, 4), Today.PlusDays(-random.Next(0, 40)));
            if (i % 10 == 0)
            {
                builder.Suppress(numbers[i], SuppressionReason.OptedOut);
            }
        }

        _index = builder.Build();
        _probes = [.. Enumerable.Range(0, Probes).Select(i => i % 4 == 0 ? TelephoneNumber.FromDigits(448_000_000_000UL + (ulong)i) : numbers[random.Next(Size)])];
    }

    /// <summary>One decision, on a number that is in the index three times in four.</summary>
    /// <returns>The decision.</returns>
    [Benchmark]
    public CallDecision Decide()
    {
        var number = _probes[_next++ & (Probes - 1)];
        return _index.Decide(number, Today);
    }
}
