using System.CommandLine;
using ContactKit.Policies;

namespace ContactKit.Cli;

/// <summary><c>contactkit lint FILE</c>: the policy's load problems or lint findings, exit 1 when any is an error.</summary>
internal static class LintCommand
{
    public static Command Build(CliEnvironment environment, Option<bool> json)
    {
        var file = new Argument<string>("FILE") { Description = "The policy's JSON file." };
        var command = new Command("lint", "Checks a policy: every problem that stops it loading, or every lint finding (UK GDPR Art 13 and 14 completeness, drift between what is collected and what is promised). Exits 1 when any is an error; warnings alone exit 0.")
        {
            file,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(environment, parsed.GetRequiredValue(file), parsed.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string path, bool json, CancellationToken cancellationToken)
    {
        var text = await PolicyFiles.ReadAsync(environment, path, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return ExitCodes.Usage;
        }

        var loaded = PolicyLoader.Load(text);
        IReadOnlyList<FindingReport> findings = loaded.IsLoaded
            ? [.. PolicyLint.Check(loaded.Document!).Select(f => new FindingReport(f.Code, f.Severity == PolicyFindingSeverity.Error ? "error" : "warning", f.Path, f.Message))]
            : PolicyFiles.LoadProblems(loaded.Errors);

        // The lint's job is to list problems, so those that stop the policy loading go to standard output too.
        await PolicyFiles.WriteFindingsAsync(environment, path, json, loaded.IsLoaded, findings, environment.Output, cancellationToken).ConfigureAwait(false);
        return findings.Any(f => f.Severity == "error") ? ExitCodes.PolicyErrors : ExitCodes.Clean;
    }
}
