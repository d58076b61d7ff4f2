using System.Globalization;
using BenchmarkDotNet.Attributes;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Benchmarks.Interactions;

/// <summary>
/// One whole interaction through the interaction layer on the in-memory stores: start with the caller, notice given,
/// handover from the bot to an agent, capture, a secure-payment pause and its end, a transfer, the end, the audio stored
/// and its retained item created. Budget: under 50 microseconds and 32 KB allocated.
/// </summary>
/// <remarks>
/// Each iteration starts from a new host with empty stores, warmed by one interaction before the measurement, and runs
/// <see cref="InteractionsPerIteration"/> interactions, reported per interaction; otherwise every operation would add one more interaction to the same stores and the run
/// would measure the growth of the fakes rather than the layer.
/// </remarks>
[MemoryDiagnoser]
[MeasuredJob(warmupCount: 5, iterationCount: 20)]
public class InteractionBenchmarks
{
    /// <summary>How many interactions one iteration runs through one fresh host.</summary>
    public const int InteractionsPerIteration = 2_000;

    private ServiceProvider? _provider;
    private InteractionService _service = null!;
    private RecordingService _recordings = null!;
    private int _next;

    /// <summary>A new host with empty in-memory stores, before each iteration.</summary>
    [IterationSetup]
    public void Setup()
    {
        _provider?.Dispose();
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(Instant.FromUtc(2026, 3, 2, 9, 0), Duration.FromSeconds(1)));
        services.AddContactKit().AddRetention(o => o.Schedule = WholeCall.Schedule).AddInteractions().UseInMemoryStores();
        _provider = services.BuildServiceProvider();
        _service = _provider.GetRequiredService<InteractionService>();
        _recordings = _provider.GetRequiredService<RecordingService>();

        // One call before the measurement builds what a host builds once (options, validators, the singletons behind the
        // services), which a running host has long since paid for; the measured calls are the interactions themselves.
        OneInteraction().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    /// <summary>The interactions of one iteration, one after another.</summary>
    /// <returns>The last interaction's stored audio.</returns>
    [Benchmark(OperationsPerInvoke = InteractionsPerIteration)]
    public async Task<StoredArtefact> WholeInteraction()
    {
        StoredArtefact last = null!;
        for (var i = 0; i < InteractionsPerIteration; i++)
        {
            last = await OneInteraction();
        }

        return last;
    }

    private Task<StoredArtefact> OneInteraction() => WholeCall.RunAsync(_service, _recordings, (_next++).ToString(CultureInfo.InvariantCulture));
}
