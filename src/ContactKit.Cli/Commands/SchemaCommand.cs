using System.CommandLine;
using ContactKit.Policies;

namespace ContactKit.Cli;

/// <summary><c>contactkit schema</c>: the JSON Schema of a policy document, the one shipped in ContactKit.Policies.</summary>
internal static class SchemaCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var command = new Command("schema", $"Prints the JSON Schema of a policy document ({PolicyJson.SchemaFileName}), for editors and CI checks. It is JSON with or without --json.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await environment.Output.WriteLineAsync(PolicyJson.ShippedSchema().TrimEnd().AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Clean;
        });
        return command;
    }
}
