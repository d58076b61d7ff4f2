using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ContactKit.Benchmarks;

/// <summary>What the command line asked for, as far as the benchmarks' own settings depend on it.</summary>
public static class BenchmarkArguments
{
    /// <summary>The environment variable that scales the benchmarks' database sizes down, for a quick check that they run.</summary>
    public const string ScaleVariable = "CONTACTKIT_BENCHMARK_SCALE";

    /// <summary>The arguments of this run.</summary>
    public static IReadOnlyList<string> Arguments { get; set; } = [];

    /// <summary>Whether the command line chose a job (<c>--job dry</c>), which then replaces the benchmarks' own.</summary>
    public static bool ChoosesJob => Arguments.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));

    /// <summary>The factor applied to database sizes: 1 unless <see cref="ScaleVariable"/> says otherwise.</summary>
    public static double Scale =>
        double.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale is > 0 and <= 1 ? scale : 1;

    /// <summary><paramref name="count"/> scaled by <see cref="Scale"/>, at least 10.</summary>
    public static int Scaled(int count) => Math.Max(10, (int)(count * Scale));
}

/// <summary>
/// The job of a benchmark whose state must be put back before each iteration (a large database, fresh stores): one launch, few iterations, each a single invocation after an
/// <c>[IterationSetup]</c> that puts the state back. Ignored when the command line chooses a job (<c>--job dry</c>),
/// so that a quick check runs that job alone. Adds a column of operations per second.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MeasuredJobAttribute : Attribute, IConfigSource
{
    /// <summary>Sets the job.</summary>
    /// <param name="warmupCount">Warm-up iterations.</param>
    /// <param name="iterationCount">Measured iterations.</param>
    /// <param name="perSecond">The name of the per-second column (for example <c>Disposals/s</c>), or <see langword="null"/> for none.</param>
    /// <param name="invocationCount">Invocations per iteration; 0 lets BenchmarkDotNet choose, for operations far below a millisecond.</param>
    public MeasuredJobAttribute(int warmupCount, int iterationCount, string? perSecond = null, int invocationCount = 1)
    {
        var config = ManualConfig.CreateEmpty();
        if (perSecond is not null)
        {
            config.AddColumn(new PerSecondColumn(perSecond));
        }

        if (!BenchmarkArguments.ChoosesJob)
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(warmupCount).WithIterationCount(iterationCount);
            config.AddJob((invocationCount > 0 ? job.WithInvocationCount(invocationCount).WithUnrollFactor(1) : job).WithId("Measured"));
        }

        Config = config;
    }

    /// <inheritdoc />
    public IConfig Config { get; }
}

/// <summary>Operations per second from the mean time per operation (set the benchmark's <c>OperationsPerInvoke</c>).</summary>
/// <param name="name">The column's name.</param>
public sealed class PerSecondColumn(string name) : IColumn
{
    /// <inheritdoc />
    public string Id => "PerSecond." + name;

    /// <inheritdoc />
    public string ColumnName => name;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => $"{name}: operations per second, from the mean time per operation";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds and > 0
            ? (1e9 / nanoseconds).ToString("N0", CultureInfo.InvariantCulture)
            : "NA";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
