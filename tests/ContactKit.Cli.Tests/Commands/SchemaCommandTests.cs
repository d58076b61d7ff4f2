using System.Text.Json;
using ContactKit.Policies;

namespace ContactKit.Cli.Tests.Commands;

public sealed class SchemaCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the schema is JSON already: --json changes nothing
    public async Task Schema_PrintsTheShippedSchema(bool json)
    {
        var result = json ? await CliRun.RunAsync("schema", "--json") : await CliRun.RunAsync("schema");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(PolicyJson.ShippedSchema().TrimEnd(), result.Output.TrimEnd());
        Assert.Equal(JsonValueKind.Object, result.Json.ValueKind);
    }
}
