namespace ContactKit.Cli.Tests.Packaging;

/// <summary>
/// The tool as users get it: packed, installed from a local feed with <c>dotnet tool install</c>, and run as a process.
/// A tool package carries every assembly it needs, so the feed holds ContactKit.Cli alone.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("contactkit-tool-");

    [Fact]
    public async Task PackedTool_InstalledFromLocalFeed_LintsASamplePolicy()
    {
        // A version no earlier run used, so nothing cached can stand in for this build.
        var version = $"0.1.0-test.t{Guid.NewGuid():N}";
        var feed = Path.Combine(_root.FullName, "feed");
        var tools = Path.Combine(_root.FullName, "tools");
        var project = Repository.PathOf("src/ContactKit.Cli/ContactKit.Cli.csproj");

        // The test project references the tool, so it is built in this configuration already.
        var pack = await ProcessRun.RunAsync("dotnet", ["pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={version}"], _root.FullName);
        Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
        Assert.True(File.Exists(Path.Combine(feed, $"ContactKit.Cli.{version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, $"ContactKit.Cli.{version}.snupkg")));

        var install = await ProcessRun.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "ContactKit.Cli", "--version", version], _root.FullName);
        Assert.True(install.ExitCode == 0, install.Output + install.Error);

        var sample = Repository.PathOf("samples/policies/breckland-customer-service.policy.json");
        var lint = await ProcessRun.RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "contactkit.exe" : "contactkit"), ["lint", sample], _root.FullName);

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains($"{sample}: error {Policies.PoliciesErrorCodes.NoticeMissingComplaint} $.complaints.regulator: ", lint.Output, StringComparison.Ordinal);
        Assert.EndsWith("5 errors, 6 warnings.", lint.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(lint.Error);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
