using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace ContactKit.Samples.Worker;

/// <summary>
/// Prints every <c>ContactKit.*</c> instrument to the console: counters summed, gauges and histograms as their last
/// value, per set of tags, every <c>Worker:MetricsInterval</c> and once more when the worker stops. A deployment would
/// export the same meters with OpenTelemetry (<c>AddMeter("ContactKit.*")</c>) instead.
/// </summary>
internal sealed class ConsoleMetrics : BackgroundService
{
    private readonly ConcurrentDictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _sums = new(StringComparer.Ordinal);
    private readonly TextWriter _output;
    private readonly TimeSpan _interval;
    private readonly MeterListener _listener;

    // Listening starts at once, so what the worker does before the host starts (a simulated run's seeding) is counted.
    public ConsoleMetrics(TextWriter output, TimeSpan interval)
    {
        _output = output;
        _interval = interval;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("ContactKit.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _listener.Dispose();
        await PrintAsync("at stop");
    }

    public override void Dispose()
    {
        _listener.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PrintAsync("every " + _interval.ToString("c", CultureInfo.InvariantCulture));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; StopAsync prints the last values.
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name + Tags(tags) + (instrument.Unit is { Length: > 0 } unit ? " " + unit : string.Empty);
        if (instrument is Counter<long> or Counter<double>)
        {
            _sums[key] = true;
            _values.AddOrUpdate(key, value, (_, sum) => sum + value);
        }
        else
        {
            _values[key] = value;
        }
    }

    private async Task PrintAsync(string when)
    {
        await _output.WriteLineAsync($"metrics ({when}):");
        foreach (var (key, value) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var text = value.ToString(value == Math.Floor(value) ? "0" : "0.###", CultureInfo.InvariantCulture);
            await _output.WriteLineAsync($"  {key} = {text}{(_sums.ContainsKey(key) ? " (total)" : string.Empty)}");
        }
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var parts = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{tag.Key}={tag.Value}"));
        }

        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(",", parts) + "}";
    }
}
