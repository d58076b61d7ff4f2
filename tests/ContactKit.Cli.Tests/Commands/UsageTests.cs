namespace ContactKit.Cli.Tests.Commands;

public sealed class UsageTests
{
    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var result = await CliRun.RunAsync("publish", "policy.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("publish", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo()
    {
        var result = await CliRun.RunAsync("lint", CliRun.Policy("council.policy.json"), "--strict");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--strict", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndExitsZero()
    {
        var result = await CliRun.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "lint", "render", "diff", "schema", "schedule" })
        {
            Assert.Contains($"  {command} ", result.Output, StringComparison.Ordinal);
        }
    }
}
