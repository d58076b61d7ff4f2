using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactKit.Cli;

/// <summary>One finding of the lint, or one problem that stops a policy loading.</summary>
/// <param name="Code">The stable code, such as <c>CK0870</c>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Path">The JSON path of the place in the document.</param>
/// <param name="Message">The rule that is broken and how to fix it.</param>
internal sealed record FindingReport(string Code, string Severity, string Path, string Message);

/// <summary>What <c>lint</c> writes with <c>--json</c>; also what any command writes when its policy does not load.</summary>
/// <param name="File">The policy file as given.</param>
/// <param name="Loaded">Whether the document loaded (when not, the findings are the problems that stop it loading).</param>
/// <param name="Errors">How many findings are errors.</param>
/// <param name="Warnings">How many findings are warnings.</param>
/// <param name="Findings">Every finding, in the lint's order.</param>
internal sealed record LintReport(string File, bool Loaded, int Errors, int Warnings, IReadOnlyList<FindingReport> Findings);

/// <summary>What <c>render</c> writes with <c>--json</c>.</summary>
/// <param name="File">The policy file as given.</param>
/// <param name="Format"><c>md</c>, <c>html</c> or <c>txt</c>.</param>
/// <param name="Output">The file the notice was written to, when <c>--output</c> was given.</param>
/// <param name="Content">The notice, when it was not written to a file.</param>
internal sealed record RenderReport(string File, string Format, string? Output, string? Content);

/// <summary>One change between two policy versions.</summary>
/// <param name="Section">The notice section, such as <c>retention</c>.</param>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Path">The JSON path of the statement.</param>
/// <param name="Description">The change in plain words.</param>
internal sealed record ChangeReport(string Section, string Kind, string Path, string Description);

/// <summary>What <c>diff</c> writes with <c>--json</c>.</summary>
/// <param name="Old">The older policy file as given.</param>
/// <param name="New">The newer policy file as given.</param>
/// <param name="Changes">Every change, in notice section order; empty when nothing a caller reads has changed.</param>
internal sealed record DiffReport(string Old, string New, IReadOnlyList<ChangeReport> Changes);

/// <summary>What <c>schedule dry-run</c> writes with <c>--json</c>.</summary>
/// <param name="File">The policy file as given.</param>
/// <param name="Tenant">The policy's tenant, whose stored items were read.</param>
/// <param name="Schedule">The name of the schedule made from the policy.</param>
/// <param name="Mode">How the change was counted: <c>retroactive</c> (the default) or <c>future_only</c> (<c>--future-only</c>).</param>
/// <param name="EvaluatedAt">The instant that decides what becomes due, in ISO form.</param>
/// <param name="ShorteningAllowed">Whether stored items were allowed to move earlier (<c>--allow-shortening</c>).</param>
/// <param name="Items">How many stored items, not yet disposed of, were read.</param>
/// <param name="Unchanged">How many keep their disposal date.</param>
/// <param name="Earlier">How many would be re-planned to be disposed of earlier.</param>
/// <param name="Later">How many would be re-planned to be kept longer.</param>
/// <param name="Held">How many a legal hold covers (never brought forward, never disposed of).</param>
/// <param name="KeptByNoShortening">How many the policy would dispose of earlier but keep their date because shortening is not allowed.</param>
/// <param name="KeptByHold">How many the policy would dispose of earlier but keep their date because a legal hold covers them.</param>
/// <param name="KeptByFutureOnly">How many the policy would plan differently but keep their date because the change is future only.</param>
/// <param name="BecomeDue">How many become due at <paramref name="EvaluatedAt"/> because of the change.</param>
/// <param name="ByRecordClass">The counts for each record class of the stored items.</param>
internal sealed record DryRunReport(
    string File,
    string Tenant,
    string Schedule,
    string Mode,
    string EvaluatedAt,
    bool ShorteningAllowed,
    int Items,
    int Unchanged,
    int Earlier,
    int Later,
    int Held,
    int KeptByNoShortening,
    int KeptByHold,
    int KeptByFutureOnly,
    int BecomeDue,
    IReadOnlyDictionary<string, DryRunClassCounts> ByRecordClass);

/// <summary>The counts of <c>schedule dry-run</c> for one record class.</summary>
/// <param name="Items">How many stored items of the class were read.</param>
/// <param name="Unchanged">How many keep their disposal date.</param>
/// <param name="Earlier">How many would be re-planned to be disposed of earlier.</param>
/// <param name="Later">How many would be re-planned to be kept longer.</param>
/// <param name="Held">How many a legal hold covers.</param>
internal sealed record DryRunClassCounts(int Items, int Unchanged, int Earlier, int Later, int Held);

/// <summary>The tool's JSON output: snake_case names, indented, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(LintReport))]
[JsonSerializable(typeof(RenderReport))]
[JsonSerializable(typeof(DiffReport))]
[JsonSerializable(typeof(DryRunReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the tool writes with: as the attributes say, and with quotes and apostrophes left as they are
    /// (the output is read by people and pipelines, never embedded in a web page).
    /// </summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A name as the JSON output writes it: <c>WhoWeAre</c> becomes <c>who_we_are</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The snake_case name.</returns>
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
