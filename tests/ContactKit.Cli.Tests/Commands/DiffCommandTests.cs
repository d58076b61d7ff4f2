namespace ContactKit.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    private static readonly string V1 = CliRun.Policy("council.policy.json");
    private static readonly string V2 = CliRun.Policy("council-v2.policy.json");

    [Fact]
    public async Task Diff_LongerRecordingRetention_SaysSoInPlainWords()
    {
        var result = await CliRun.RunAsync("diff", V1, V2);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "changed  retention: Call recording records are now kept 12 months instead of 6 months. ($.retention[0].period)\n1 change.",
            result.Output.TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Diff_SameVersion_SaysNothingChanged()
    {
        var result = await CliRun.RunAsync("diff", V1, V1);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Nothing a caller reads has changed.", result.Output.TrimEnd());
    }

    [Fact]
    public async Task Diff_Json_GivesEachChangeWithSectionKindPathAndDescription()
    {
        var result = await CliRun.RunAsync("diff", V1, V2, "--json");
        var json = result.Json;

        Assert.Equal(V1, json.GetProperty("old").GetString());
        Assert.Equal(V2, json.GetProperty("new").GetString());
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray());
        Assert.Equal("retention", change.GetProperty("section").GetString());
        Assert.Equal("changed", change.GetProperty("kind").GetString());
        Assert.Equal("$.retention[0].period", change.GetProperty("path").GetString());
        Assert.Equal("Call recording records are now kept 12 months instead of 6 months.", change.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Diff_OneArgument_ExitsTwo()
    {
        var result = await CliRun.RunAsync("diff", V1);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NEW", result.Error, StringComparison.Ordinal);
        Assert.Contains("contactkit diff --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_NewerFileMissing_ExitsTwoNamingIt()
    {
        var result = await CliRun.RunAsync("diff", V1, "v3.policy.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("contactkit: error: v3.policy.json does not exist.", result.Error.TrimEnd());
    }
}
