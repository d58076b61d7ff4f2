using System.Collections.Immutable;
using System.Text.Json;
using ContactKit.Policies;

namespace ContactKit.Cli;

/// <summary>Reading policy files for every command, and writing what is wrong with them.</summary>
internal static class PolicyFiles
{
    /// <summary>Reads and loads a policy file.</summary>
    /// <param name="environment">Where errors go.</param>
    /// <param name="path">The file as given on the command line.</param>
    /// <param name="json">Whether problems are written as JSON on standard output.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or the exit code to stop with: <see cref="ExitCodes.Usage"/> when the file cannot be read,
    /// <see cref="ExitCodes.PolicyErrors"/> when it does not load (the problems are written).</returns>
    public static async Task<(PolicyDocument? Document, int ExitCode)> LoadAsync(CliEnvironment environment, string path, bool json, CancellationToken cancellationToken)
    {
        var text = await ReadAsync(environment, path, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, ExitCodes.Usage);
        }

        var loaded = PolicyLoader.Load(text);
        if (loaded.IsLoaded)
        {
            return (loaded.Document, ExitCodes.Clean);
        }

        await WriteFindingsAsync(environment, path, json, loaded: false, LoadProblems(loaded.Errors), environment.Error, cancellationToken).ConfigureAwait(false);
        return (null, ExitCodes.PolicyErrors);
    }

    /// <summary>Reads a text file, or writes why it cannot be read.</summary>
    /// <param name="environment">Where the error goes.</param>
    /// <param name="path">The file as given on the command line.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text, or <see langword="null"/> when the file cannot be read (the error is written).</returns>
    public static async Task<string?> ReadAsync(CliEnvironment environment, string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            await UsageErrorAsync(environment, path, "is a folder; give the policy's JSON file", cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await UsageErrorAsync(environment, path, "does not exist", cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            await UsageErrorAsync(environment, path, "cannot be read: permission denied", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await UsageErrorAsync(environment, path, $"cannot be read: {e.GetType().Name}", cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Writes a usage error naming the file or setting at fault: <c>contactkit: error: policy.json does not exist</c>.</summary>
    /// <param name="environment">Where the error goes.</param>
    /// <param name="subject">The file or option the error is about.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task UsageErrorAsync(CliEnvironment environment, string subject, string problem, CancellationToken cancellationToken) =>
        environment.Error.WriteLineAsync($"contactkit: error: {subject} {problem}.".AsMemory(), cancellationToken);

    /// <summary>The problems that stop a policy loading, as findings.</summary>
    /// <param name="errors">The loader's errors.</param>
    /// <returns>The findings, all errors.</returns>
    public static ImmutableArray<FindingReport> LoadProblems(ImmutableArray<ContactKitError> errors) =>
        [.. errors.Select(e => new FindingReport(e.Code, "error", e.Field ?? "$", e.Message))];

    /// <summary>Writes findings: one line each (<c>file: error CK0870 $.categories[0]: message</c>) and a count, or the JSON report.</summary>
    /// <param name="environment">Where the JSON report goes (standard output).</param>
    /// <param name="path">The policy file as given.</param>
    /// <param name="json">Whether to write the JSON report.</param>
    /// <param name="loaded">Whether the document loaded.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="text">Where the text lines go: standard output for the lint, standard error for a command whose policy does not load.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static async Task WriteFindingsAsync(CliEnvironment environment, string path, bool json, bool loaded, IReadOnlyList<FindingReport> findings, TextWriter text, CancellationToken cancellationToken)
    {
        var errors = findings.Count(f => f.Severity == "error");
        var warnings = findings.Count - errors;
        if (json)
        {
            var report = new LintReport(path, loaded, errors, warnings, findings);
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Output.LintReport).AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var f in findings)
        {
            await text.WriteLineAsync($"{path}: {f.Severity} {f.Code} {f.Path}: {f.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        var summary = loaded
            ? $"{path}: {Count(errors, "error")}, {Count(warnings, "warning")}."
            : $"{path}: the policy does not load ({Count(errors, "error")}).";
        await text.WriteLineAsync(summary.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
