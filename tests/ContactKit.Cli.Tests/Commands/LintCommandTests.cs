using ContactKit.Policies;

namespace ContactKit.Cli.Tests.Commands;

public sealed class LintCommandTests
{
    [Fact]
    public async Task Lint_PolicyStatingEverything_ExitsZeroAndSaysSo()
    {
        var result = await CliRun.RunAsync("lint", CliRun.Policy("council.policy.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("council.policy.json: 0 errors, 0 warnings.", result.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Lint_WarningsAlone_ExitZeroAndNameThePlace()
    {
        var result = await CliRun.RunAsync("lint", CliRun.Policy("warnings.policy.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warnings.policy.json: warning CK0851 $.controller.dpo: ", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 1 warning.", result.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_SampleWithErrors_ExitsOneAndListsEveryFinding()
    {
        var path = CliRun.Sample("breckland-customer-service.policy.json");
        var expected = PolicyLint.Check(PolicyLoader.Load(File.ReadAllText(path)).Document!);

        var result = await CliRun.RunAsync("lint", path);

        Assert.Equal(1, result.ExitCode);
        foreach (var finding in expected)
        {
            var severity = finding.Severity == PolicyFindingSeverity.Error ? "error" : "warning";
            Assert.Contains($"{path}: {severity} {finding.Code} {finding.Path}: {finding.Message}", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lint_Json_GivesCountsAndEachFindingWithCodeSeverityPathAndMessage()
    {
        var path = CliRun.Sample("breckland-customer-service.policy.json");
        var expected = PolicyLint.Check(PolicyLoader.Load(File.ReadAllText(path)).Document!);

        var result = await CliRun.RunAsync("lint", path, "--json");
        var json = result.Json;

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(path, json.GetProperty("file").GetString());
        Assert.True(json.GetProperty("loaded").GetBoolean());
        Assert.Equal(expected.Count(f => f.Severity == PolicyFindingSeverity.Error), json.GetProperty("errors").GetInt32());
        Assert.Equal(expected.Count(f => f.Severity == PolicyFindingSeverity.Warning), json.GetProperty("warnings").GetInt32());
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(expected.Length, findings.Count);
        Assert.Equal(
            expected.Select(f => (f.Code, f.Severity == PolicyFindingSeverity.Error ? "error" : "warning", f.Path, f.Message)),
            findings.Select(f => (f.GetProperty("code").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("message").GetString()!)));
    }

    [Fact]
    public async Task Lint_DocumentThatDoesNotLoad_ExitsOneWithTheLoadProblemsAsErrors()
    {
        using var file = TempFile.Write("""{ "tenant": "example-council", "channels": ["carrier_pigeon"] }""");

        var result = await CliRun.RunAsync("lint", file.Path, "--json");
        var json = result.Json;

        Assert.Equal(1, result.ExitCode);
        Assert.False(json.GetProperty("loaded").GetBoolean());
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal(PoliciesErrorCodes.InvalidJson, finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.StartsWith("$.channels", finding.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MissingFile_ExitsTwoNamingTheFileWithNoStackTrace()
    {
        var result = await CliRun.RunAsync("lint", "no-such-policy.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("contactkit: error: no-such-policy.json does not exist.", result.Error.TrimEnd());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Lint_FolderInsteadOfFile_ExitsTwo()
    {
        var result = await CliRun.RunAsync("lint", AppContext.BaseDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a folder", result.Error, StringComparison.Ordinal);
    }
}
