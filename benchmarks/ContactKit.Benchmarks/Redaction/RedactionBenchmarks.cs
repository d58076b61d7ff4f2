using System.Text;
using BenchmarkDotNet.Attributes;
using ContactKit.Redaction;
using ContactKit.Testing;
using Microsoft.Extensions.Options;

namespace ContactKit.Benchmarks.Redaction;

/// <summary>
/// Chat-text throughput of the redactor on one thread. <see cref="ChatWithEntities"/> is the verification kit's webchat
/// conversations (about a third of lines hold a value to remove, far denser than real chat); <see cref="ChatWithoutEntities"/>
/// is the same volume of everyday lines with no digits. Throughput is <see cref="Bytes"/> (UTF-16 text, counted as UTF-8
/// bytes) divided by the mean time; allocation should follow the output (the redacted strings and span arrays).
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private static readonly TenantId Tenant = TenantId.Parse("tenant-1");
    private readonly Redactor _redactor = new(new Monitor(new RedactionOptions()));
    private List<IReadOnlyList<TranscriptMessage>> _withEntities = null!;
    private List<IReadOnlyList<TranscriptMessage>> _withoutEntities = null!;

    /// <summary>The UTF-8 size of each corpus, about 0.57 MB.</summary>
    public static int Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _withEntities = [.. RedactionCorpus.Generate(17, 40_000).Where(c => c.Messages[0].Channel == Channel.Webchat).Select(c => c.Messages)];
        Bytes = _withEntities.Sum(c => c.Sum(m => Encoding.UTF8.GetByteCount(m.Text)));
        var plain = _withEntities.SelectMany(c => c).Where(m => !m.Text.Any(char.IsAsciiDigit) && !m.Text.Contains('@', StringComparison.Ordinal)).ToList();
        _withoutEntities = [];
        var size = 0;
        while (size < Bytes)
        {
            var conversation = plain.Skip(_withoutEntities.Count * 10 % plain.Count).Take(10).ToList();
            _withoutEntities.Add(conversation);
            size += conversation.Sum(m => Encoding.UTF8.GetByteCount(m.Text));
        }
    }

    [Benchmark(Baseline = true)]
    public int ChatWithEntities() => Run(_withEntities);

    [Benchmark]
    public int ChatWithoutEntities() => Run(_withoutEntities);

    private int Run(List<IReadOnlyList<TranscriptMessage>> conversations)
    {
        var removed = 0;
        foreach (var conversation in conversations)
        {
            var stream = _redactor.Start(Tenant);
            foreach (var message in conversation)
            {
                removed += stream.Add(message).Value.Count;
            }

            removed += stream.Complete().Count;
        }

        return removed;
    }

    private sealed class Monitor(RedactionOptions value) : IOptionsMonitor<RedactionOptions>
    {
        public RedactionOptions CurrentValue => value;

        public RedactionOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RedactionOptions, string?> listener) => null;
    }
}
