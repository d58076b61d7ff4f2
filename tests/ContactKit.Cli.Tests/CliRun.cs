using System.Text.Json;

namespace ContactKit.Cli.Tests;

/// <summary>What one run of the tool gave: its exit code and what it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}

/// <summary>Runs the tool in-process, as the installed command would, with its output captured.</summary>
internal static class CliRun
{
    /// <summary>A test policy file shipped with the tests (under <c>policies/</c>).</summary>
    public static string Policy(string name) => Path.Combine(AppContext.BaseDirectory, "policies", name);

    /// <summary>A sample policy of the repository (under <c>samples/policies/</c>).</summary>
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static async Task<CliResult> RunAsync(params string[] args) => await RunAsync(e => e, args);

    public static async Task<CliResult> RunAsync(Func<CliEnvironment, CliEnvironment> configure, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = configure(new CliEnvironment { Output = output, Error = error });
        var exit = await ContactKitCommandLine.RunAsync(args, environment, CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
