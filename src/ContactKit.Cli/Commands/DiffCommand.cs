using System.CommandLine;
using System.Text.Json;
using ContactKit.Policies;

namespace ContactKit.Cli;

/// <summary><c>contactkit diff OLD NEW</c>: what changed for callers between two versions of a policy.</summary>
internal static class DiffCommand
{
    public static Command Build(CliEnvironment environment, Option<bool> json)
    {
        var older = new Argument<string>("OLD") { Description = "The policy in force." };
        var newer = new Argument<string>("NEW") { Description = "The policy that replaces it." };
        var command = new Command("diff", "Says what changed for callers between two versions of a policy, section by section of the notice.")
        {
            older,
            newer,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(environment, parsed.GetRequiredValue(older), parsed.GetRequiredValue(newer), parsed.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string olderPath, string newerPath, bool json, CancellationToken cancellationToken)
    {
        var (older, exit) = await PolicyFiles.LoadAsync(environment, olderPath, json, cancellationToken).ConfigureAwait(false);
        if (older is null)
        {
            return exit;
        }

        var (newer, newerExit) = await PolicyFiles.LoadAsync(environment, newerPath, json, cancellationToken).ConfigureAwait(false);
        if (newer is null)
        {
            return newerExit;
        }

        var changes = PolicyDiff.Compare(older, newer)
            .Select(c => new ChangeReport(CliJsonContext.SnakeCase(c.Section.ToString()), CliJsonContext.SnakeCase(c.Kind.ToString()), c.Path, c.Description))
            .ToList();
        if (json)
        {
            var report = new DiffReport(olderPath, newerPath, changes);
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Output.DiffReport).AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Clean;
        }

        if (changes.Count == 0)
        {
            await environment.Output.WriteLineAsync("Nothing a caller reads has changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Clean;
        }

        foreach (var c in changes)
        {
            await environment.Output.WriteLineAsync($"{c.Kind,-8} {c.Section}: {c.Description} ({c.Path})".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await environment.Output.WriteLineAsync((changes.Count == 1 ? "1 change." : $"{changes.Count} changes.").AsMemory(), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Clean;
    }
}
