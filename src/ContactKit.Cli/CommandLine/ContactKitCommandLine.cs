using System.CommandLine;

namespace ContactKit.Cli;

/// <summary>The <c>contactkit</c> command line: its commands, and running one with the exit codes of <see cref="ExitCodes"/>.</summary>
internal static class ContactKitCommandLine
{
    /// <summary>Builds the root command with every command of the tool.</summary>
    /// <param name="environment">Where the commands write and what they run against.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Build(CliEnvironment environment)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Write the result as JSON on standard output, for CI pipelines.",
            Recursive = true,
        };
        var root = new RootCommand("Lints, renders and compares ContactKit privacy policies, prints their JSON Schema, and dry-runs their retention schedule against a store.")
        {
            json,
            LintCommand.Build(environment, json),
            RenderCommand.Build(environment, json),
            DiffCommand.Build(environment, json),
            SchemaCommand.Build(environment),
            ScheduleCommand.Build(environment, json),
        };
        return root;
    }

    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="environment">Where the command writes and what it runs against.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C in the installed tool).</param>
    /// <returns>The exit code: 0 clean, 1 policy errors, 2 usage errors.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var parsed = Build(environment).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The parser's own error action exits with 1, which this tool keeps for policy errors.
            foreach (var error in parsed.Errors)
            {
                await environment.Error.WriteLineAsync($"contactkit: {error.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await environment.Error.WriteLineAsync($"Run '{HelpFor(parsed)} --help' for usage.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = environment.Output, Error = environment.Error };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static string HelpFor(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "contactkit" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
