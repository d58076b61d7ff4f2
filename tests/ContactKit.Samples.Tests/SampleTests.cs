using ContactKit.Samples.ContactCentre;

namespace ContactKit.Samples.Tests;

public class SampleTests
{
    [Fact]
    public async Task Sample_RunsEndToEnd_AndPrintsEachPart()
    {
        using var output = new StringWriter();

        var exitCode = await ContactCentreSample.RunAsync(output);

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("Lawful basis: LegalObligation (Art 6(1)(c))", text, StringComparison.Ordinal);
        Assert.Contains("Recording call-1.voice is Deleted", text, StringComparison.Ordinal);
        Assert.Contains("Read appsettings.json: every package's settings passed the start-up checks.", text, StringComparison.Ordinal);
        Assert.Contains("Sample finished.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadmeQuickStart_BuildsAndRunsAsItStandsInANewConsoleApp()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var program = Between(readme, "## Quick start\n", "\n```\n");
        program = program[(program.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length)..];
        var repository = Repository.Root;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var folder = Directory.CreateTempSubdirectory("contactkit-quickstart-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Program.cs"), program);
            File.Copy(Path.Combine(repository, "nuget.config"), Path.Combine(folder.FullName, "nuget.config"));
            File.WriteAllText(Path.Combine(folder.FullName, "QuickStart.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{repository}/src/ContactKit.Interactions/ContactKit.Interactions.csproj" />
                    <ProjectReference Include="{repository}/src/ContactKit.Testing/ContactKit.Testing.csproj" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
                  </ItemGroup>
                </Project>
                """);

            // The packages are the ones this test run was built with, so they are not built again.
            var (code, output) = await DotnetAsync(folder.FullName, "run", "-c", configuration, "-p:BuildProjectReferences=false");

            Assert.True(code == 0, output);
            Assert.Contains("Recording call-1.voice is Available.", output, StringComparison.Ordinal);
            Assert.Matches(@"Its audio is kept until \d{4}-\d{2}-\d{2} under rule call-recordings, then deleted with proof\.", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> DotnetAsync(string folder, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    // The text between the first start marker and the end marker after it, with line ends as \n.
    internal static string Between(string text, string start, string end)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start.Trim()}' not found");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
