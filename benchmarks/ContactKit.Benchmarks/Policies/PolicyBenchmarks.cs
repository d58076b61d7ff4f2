using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ContactKit.Policies;

namespace ContactKit.Benchmarks.Policies;

/// <summary>
/// A policy the size of the largest reference notice: the largest of the sample policies (embedded in this assembly from
/// <c>samples/policies</c>, chosen by size at set-up). Budgets: load, validate and render the notice under 10 ms; the
/// lint under 50 ms. <see cref="LoadAndValidate"/> shows how much of the first is reading and checking the document.
/// </summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private string _json = null!;
    private PolicyDocument _policy = null!;

    /// <summary>The sample that was chosen, for the report.</summary>
    public static string Sample { get; private set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var assembly = typeof(PolicyBenchmarks).Assembly;
        var samples = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".policy.json", StringComparison.Ordinal)).ToList();
        var texts = samples.ToDictionary(n => n, n =>
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
            return reader.ReadToEnd();
        });
        var largest = texts.MaxBy(t => t.Value.Length);
        Sample = largest.Key;
        _json = largest.Value;
        var loaded = PolicyLoader.Load(_json);
        _policy = loaded.IsLoaded ? loaded.Document! : throw new InvalidOperationException($"The sample {Sample} does not load: {loaded.Errors[0]}");
    }

    [Benchmark]
    public PolicyDocument? LoadAndValidate() => PolicyLoader.Load(_json).Document;

    [Benchmark(Baseline = true)]
    public string LoadValidateAndRenderHtml() => NoticeRenderer.Render(PolicyLoader.Load(_json).Document!, NoticeFormat.Html);

    [Benchmark]
    public string LoadValidateAndRenderMarkdown() => NoticeRenderer.Render(PolicyLoader.Load(_json).Document!, NoticeFormat.Markdown);

    [Benchmark]
    public ImmutableArray<PolicyFinding> Lint() => PolicyLint.Check(_policy);
}
