using System.CommandLine;
using System.Text.Json;
using ContactKit.Policies;

namespace ContactKit.Cli;

/// <summary><c>contactkit render FILE --format md|html|txt [--output PATH]</c>: the privacy notice the policy promises.</summary>
internal static class RenderCommand
{
    public static Command Build(CliEnvironment environment, Option<bool> json)
    {
        var file = new Argument<string>("FILE") { Description = "The policy's JSON file." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The notice's format: md (Markdown), html (one self-contained page) or txt (plain text).",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "html", "txt");
        var output = new Option<string?>("--output", "-o") { Description = "Write the notice to this file instead of standard output." };
        var command = new Command("render", "Renders the privacy notice of a policy as Markdown, HTML or plain text.")
        {
            file,
            format,
            output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            environment, parsed.GetRequiredValue(file), parsed.GetRequiredValue(format), parsed.GetValue(output), parsed.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, string path, string format, string? output, bool json, CancellationToken cancellationToken)
    {
        var (policy, exit) = await PolicyFiles.LoadAsync(environment, path, json, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return exit;
        }

        var notice = NoticeRenderer.Render(policy, format switch
        {
            "html" => NoticeFormat.Html,
            "txt" => NoticeFormat.PlainText,
            _ => NoticeFormat.Markdown,
        });

        if (output is not null)
        {
            try
            {
                await File.WriteAllTextAsync(output, notice, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            {
                var problem = e is DirectoryNotFoundException ? "cannot be written: its folder does not exist" : "cannot be written";
                await PolicyFiles.UsageErrorAsync(environment, $"--output {output}", problem, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        if (json)
        {
            var report = new RenderReport(path, format, output, output is null ? notice : null);
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Output.RenderReport).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        else if (output is null)
        {
            await environment.Output.WriteAsync(notice.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Clean;
    }
}
