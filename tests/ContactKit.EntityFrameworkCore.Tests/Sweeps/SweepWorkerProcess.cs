using System.Diagnostics;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// One sweep process (tests/ContactKit.EntityFrameworkCore.SweepWorker), read line by line. Every line it writes is kept
/// in <see cref="Lines"/>; a line that waits for a reply is answered by <see cref="ReplyAsync"/>. The process can be
/// stopped as a service manager stops it (<see cref="TerminateAsync"/>, SIGTERM) or killed (<see cref="Kill"/>, SIGKILL).
/// A process still running when this is disposed of is killed; no read waits longer than a few minutes, so a hung
/// process fails its test instead of the run. With <c>CK_SWEEP_LINES</c> set to a folder, each process's lines are
/// written there when it is disposed of, to see what a failed test's processes did.
/// </summary>
internal sealed class SweepWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(3));

    private SweepWorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The name the test gave the process (its worker id).</summary>
    public string Name { get; }

    /// <summary>Every line the process has written so far.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>What the process wrote to standard error, once it has exited.</summary>
    public Task<string> Errors => _errors;

    /// <summary>Starts the sweep worker with <paramref name="arguments"/>.</summary>
    public static SweepWorkerProcess Start(string name, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new SweepWorkerProcess(name, Process.Start(start) ?? throw new InvalidOperationException("The sweep process did not start."));
    }

    /// <summary>
    /// Starts ContactKit.Hosting's disposal sweep under a .NET host, as worker <paramref name="worker"/> of tenant-a with
    /// its clock at <paramref name="now"/>: batches of <paramref name="batchSize"/>, claims of
    /// <paramref name="claimFor"/>, each step waiting for a reply when <paramref name="step"/>, and any further
    /// configuration (<c>--key=value</c>) in <paramref name="settings"/>.
    /// </summary>
    public static SweepWorkerProcess StartHosted(string connectionString, string worker, Instant now, int batchSize, Duration claimFor, bool step, params string[] settings) =>
        Start(worker, [
            "host",
            $"--ConnectionStrings:PostgreSql={connectionString}",
            "--ContactKit:Hosting:Tenants:0=tenant-a",
            $"--ContactKit:DisposalSweep:WorkerId={worker}",
            string.Create(CultureInfo.InvariantCulture, $"--ContactKit:DisposalSweep:BatchSize={batchSize}"),
            $"--ContactKit:Retention:ClaimTimeout={PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(claimFor.ToInt64Nanoseconds()).Normalize())}",
            $"--Sweep:Now={InstantPattern.ExtendedIso.Format(now)}",
            $"--Sweep:Step={(step ? "true" : "false")}",
            .. settings,
        ]);

    /// <summary>The next line, or <see langword="null"/> once the process has closed its output.</summary>
    public async Task<string?> ReadAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync(_guard.Token);
        if (line is not null)
        {
            Lines.Add(line);
        }

        return line;
    }

    /// <summary>
    /// Reads lines, replying to each that waits, until one matches <paramref name="stop"/>, which is returned unanswered,
    /// or the output ends (<see langword="null"/>).
    /// </summary>
    public async Task<string?> RunUntilAsync(Func<string, bool> stop)
    {
        while (await ReadAsync() is { } line)
        {
            if (stop(line))
            {
                return line;
            }

            if (Waits(line))
            {
                await ReplyAsync();
            }
        }

        return null;
    }

    /// <summary>Reads lines, replying to each that waits, until the process exits; returns its exit code.</summary>
    public async Task<int> RunToExitAsync()
    {
        _ = await RunUntilAsync(_ => false);
        return await WaitForExitAsync();
    }

    /// <summary>Whether the process waits for a reply after <paramref name="line"/> (a hosted sweep marks such lines with "? ").</summary>
    public static bool Waits(string line) => line.StartsWith("? ", StringComparison.Ordinal);

    /// <summary>Lets the process go on from the line it waits at; a process that has exited needs no reply.</summary>
    public async Task ReplyAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync();
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> does: the host shuts down gracefully.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", "TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(_guard.Token);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s TERM exited with {kill.ExitCode}.");
        }
    }

    /// <summary>Sends SIGKILL (what <see cref="Process.Kill()"/> does on Linux): no clean-up runs in the process.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(_guard.Token);
        return _process.ExitCode;
    }

    /// <summary>The ids named by the lines that start with <paramref name="step"/>, such as "destroyed".</summary>
    public IEnumerable<string> Named(string step)
    {
        foreach (var line in Lines)
        {
            var text = line.StartsWith("? ", StringComparison.Ordinal) || line.StartsWith(". ", StringComparison.Ordinal) ? line[2..] : line;
            if (text.StartsWith(step + " ", StringComparison.Ordinal))
            {
                yield return text[(step.Length + 1)..];
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CK_SWEEP_LINES") is { Length: > 0 } folder)
        {
            File.WriteAllLines(Path.Combine(folder, $"{Name}-{_process.Id}.txt"), Lines);
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _guard.Dispose();
    }

    // The worker's build output beside this assembly's: tests/<project>/bin/<configuration>/<framework>/.
    private static string WorkerPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration, tests) = (output.Name, output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.FullName);
        const string name = "ContactKit.EntityFrameworkCore.SweepWorker";
        var path = Path.Combine(tests, name, "bin", configuration, framework, name + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The sweep worker is not built at {path}; build the test project, which builds it.");
    }
}
