using ContactKit.Policies;

namespace ContactKit.Cli.Tests.Commands;

public sealed class RenderCommandTests
{
    private static readonly string Council = CliRun.Policy("council.policy.json");

    private static PolicyDocument CouncilPolicy => PolicyLoader.Load(File.ReadAllText(Council)).Document!;

    [Theory]
    [InlineData("md", NoticeFormat.Markdown)] // the default, for a README or a CMS
    [InlineData("html", NoticeFormat.Html)] // the page people read
    [InlineData("txt", NoticeFormat.PlainText)] // for an email or an IVR script
    public async Task Render_EachFormat_WritesTheNoticeTheRendererGives(string format, NoticeFormat expected)
    {
        var result = await CliRun.RunAsync("render", Council, "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(NoticeRenderer.Render(CouncilPolicy, expected), result.Output);
    }

    [Fact]
    public async Task Render_NoFormat_IsMarkdown()
    {
        var result = await CliRun.RunAsync("render", Council);

        Assert.Equal(NoticeRenderer.Render(CouncilPolicy, NoticeFormat.Markdown), result.Output);
    }

    [Fact]
    public async Task Render_Output_WritesTheFileAndNothingOnStandardOutput()
    {
        using var folder = TempFile.Write(string.Empty);
        var target = Path.Combine(folder.Folder, "notice.html");

        var result = await CliRun.RunAsync("render", Council, "--format", "html", "--output", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal(NoticeRenderer.Render(CouncilPolicy, NoticeFormat.Html), File.ReadAllText(target));
    }

    [Fact]
    public async Task Render_Json_CarriesTheNotice()
    {
        var result = await CliRun.RunAsync("render", Council, "--format", "txt", "--json");
        var json = result.Json;

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Council, json.GetProperty("file").GetString());
        Assert.Equal("txt", json.GetProperty("format").GetString());
        Assert.Equal(NoticeRenderer.Render(CouncilPolicy, NoticeFormat.PlainText), json.GetProperty("content").GetString());
        Assert.False(json.TryGetProperty("output", out _));
    }

    [Fact]
    public async Task Render_JsonWithOutput_NamesTheFileInsteadOfCarryingTheNotice()
    {
        using var folder = TempFile.Write(string.Empty);
        var target = Path.Combine(folder.Folder, "notice.md");

        var result = await CliRun.RunAsync("render", Council, "--output", target, "--json");

        Assert.Equal(target, result.Json.GetProperty("output").GetString());
        Assert.False(result.Json.TryGetProperty("content", out _));
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Render_UnknownFormat_ExitsTwoListingTheFormats()
    {
        var result = await CliRun.RunAsync("render", Council, "--format", "pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'pdf'", result.Error, StringComparison.Ordinal);
        Assert.Contains("'html'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Render_OutputInMissingFolder_ExitsTwoNamingTheOption()
    {
        var target = Path.Combine(Path.GetTempPath(), "contactkit-no-such-folder", "notice.md");

        var result = await CliRun.RunAsync("render", Council, "--output", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"contactkit: error: --output {target} cannot be written: its folder does not exist.", result.Error.TrimEnd());
    }

    [Fact]
    public async Task Render_PolicyThatDoesNotLoad_ExitsOneWithItsProblemsOnStandardError()
    {
        using var file = TempFile.Write("""{ "tenant": "example-council" }""");

        var result = await CliRun.RunAsync("render", file.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains($"{file.Path}: error {PoliciesErrorCodes.Missing} ", result.Error, StringComparison.Ordinal);
        Assert.Contains(": the policy does not load (", result.Error, StringComparison.Ordinal);
    }
}
