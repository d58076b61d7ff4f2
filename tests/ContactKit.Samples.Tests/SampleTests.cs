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
        Assert.Contains("National Insurance number maps to https://w3id.org/dpv/pd#NationalIdentificationNumber", text, StringComparison.Ordinal);
        Assert.Contains("CK0002: 'contact.fax' is not a data category", text, StringComparison.Ordinal);
        Assert.Contains("Audit entry 1: inventory.reviewed by dpo", text, StringComparison.Ordinal);
        Assert.Contains("Lawful basis: LegalObligation (Art 6(1)(c))", text, StringComparison.Ordinal);
        Assert.Contains("Sample finished.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeQuickStart_IsTheCodeInQuickStartCs()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "QuickStart.cs"));

        var fromReadme = Between(readme, "## Quick start\n\n```csharp\n", "```");
        var fromSource = Between(source, "// <quick-start>\n", "        // </quick-start>");

        Assert.Equal(Unindent(fromSource).Trim(), fromReadme.Trim());
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

    // The README shows the code without the method body's eight spaces of indentation.
    private static string Unindent(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.StartsWith("        ", StringComparison.Ordinal) ? line[8..] : line));
}
