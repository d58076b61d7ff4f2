using System.Reflection;
using System.Text.RegularExpressions;

namespace ContactKit.Conventions.Tests.Architecture;

public sealed class ConceptDependencyTests
{
    // The concept packages. Each may reference ContactKit.Abstractions and ContactKit.Calendars, never another concept.
    private static readonly string[] Concepts =
    [
        "ContactKit.Consent", "ContactKit.Recording", "ContactKit.Retention", "ContactKit.DataSubjects", "ContactKit.Redaction",
    ];

    [Fact]
    public void ConceptPackages_References_NeverReachAnotherConcept()
    {
        var found = new List<(string From, string To)>();
        var checkedConcepts = new List<string>();
        foreach (var concept in Concepts)
        {
            if (Load(concept) is not { } assembly)
            {
                continue;
            }

            checkedConcepts.Add(concept);
            found.AddRange(assembly.GetReferencedAssemblies()
                .Select(r => r.Name!)
                .Where(r => r != concept && Concepts.Contains(r, StringComparer.Ordinal))
                .Select(r => (concept, r)));
        }

        // Every concept package must have been read, so that none escapes the check.
        Assert.Equal(Concepts.Order(StringComparer.Ordinal), checkedConcepts.Order(StringComparer.Ordinal));
        Assert.True(found.Count == 0, $"A concept package references another: {string.Join(", ", found.Select(p => $"{p.From} -> {p.To}"))}. Move what ties them together above the concepts (ContactKit.Interactions), or into ContactKit.Abstractions or ContactKit.Calendars.");
    }

    [Theory]
    [InlineData("ContactKit.Retention")] // its disposal dates need no working days, so it leans on nothing but Abstractions
    [InlineData("ContactKit.DataSubjects")] // its rights-request and erasure deadlines count on the one calendar source
    public void ConceptPackages_ThatCountDeadlines_TakeClocksFromCalendarsAlone(string concept)
    {
        var references = Load(concept)!.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.DoesNotContain(references, r => r is not null && r.StartsWith("ContactKit.", StringComparison.Ordinal) &&
            r is not ("ContactKit.Abstractions" or "ContactKit.Calendars"));
    }

    [Theory]
    [InlineData("ContactKit.Consent")]
    [InlineData("ContactKit.Recording")]
    [InlineData("ContactKit.Retention")]
    [InlineData("ContactKit.DataSubjects")]
    [InlineData("ContactKit.Redaction")]
    public void ConceptPackages_ContactKitReferences_AreAbstractionsAndCalendarsAlone(string concept)
    {
        var references = Load(concept)!.GetReferencedAssemblies().Select(r => r.Name!)
            .Where(r => r.StartsWith("ContactKit.", StringComparison.Ordinal))
            .Except(["ContactKit.Abstractions", "ContactKit.Calendars"])
            .ToList();

        Assert.True(references.Count == 0, $"{concept} references [{string.Join(", ", references)}]; a concept package may reference only ContactKit.Abstractions and ContactKit.Calendars.");
    }

    [Fact]
    public void Calendars_References_OnlyAbstractionsAmongContactKitPackages()
    {
        var references = typeof(ContactKit.Calendars.ITenantCalendars).Assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(r => r.StartsWith("ContactKit.", StringComparison.Ordinal));

        Assert.Equal(["ContactKit.Abstractions"], references);
    }

    [Fact]
    public void ArchitectureDoc_PackageGraph_MatchesTheAssembliesReferences()
    {
        var doc = File.ReadAllText(Path.Combine(Suite.RepositoryRoot, "docs", "architecture.md"));
        var graph = doc[doc.IndexOf("```mermaid\nflowchart TD", StringComparison.Ordinal)..];
        graph = graph[..graph.IndexOf("\n```", 10, StringComparison.Ordinal)];
        var drawn = Regex.Matches(graph, @"^\s*(\w+)\s*(?:-->|-\..*?\.->)\s*(\w+)\s*$", RegexOptions.Multiline)
            .Select(m => ("ContactKit." + m.Groups[1].Value.Replace('_', '.'), "ContactKit." + m.Groups[2].Value.Replace('_', '.')))
            .ToHashSet();
        var nodes = Regex.Matches(graph, @"^\s*(\w+)\[", RegexOptions.Multiline).Select(m => "ContactKit." + m.Groups[1].Value.Replace('_', '.')).ToList();
        var undrawn = Suite.PackageNames.Except(nodes).ToList();
        Assert.True(undrawn.Count == 0, $"docs/architecture.md does not draw the package(s) {string.Join(", ", undrawn)}.");
        var compared = 0;
        foreach (var node in nodes)
        {
                        if (Load(node) is not { } assembly)
            {
                continue;
            }

            compared++;
            var actual = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(r => r.StartsWith("ContactKit.", StringComparison.Ordinal)).ToHashSet();
            var direct = drawn.Where(e => e.Item1 == node).Select(e => e.Item2).ToHashSet();

            // Every drawn edge is a real reference, and every real reference can be followed along the drawn edges (a
            // reference that a drawn path already implies, such as Testing.Conformance to Recording through Testing,
            // need not be drawn twice).
            var notReferenced = direct.Except(actual).Order().ToList();
            Assert.True(notReferenced.Count == 0, $"docs/architecture.md draws {node} -> [{string.Join(", ", notReferenced)}], which it does not reference.");
            var notDrawn = actual.Except(Reachable(node, drawn)).Order().ToList();
            Assert.True(notDrawn.Count == 0, $"{node} references [{string.Join(", ", notDrawn)}], which docs/architecture.md does not draw.");
        }

        Assert.Equal(Suite.PackageNames.Count, compared);
    }

    private static HashSet<string> Reachable(string from, HashSet<(string From, string To)> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([from]);
        while (next.TryPop(out var node))
        {
            foreach (var (_, to) in edges.Where(e => e.From == node))
            {
                if (seen.Add(to))
                {
                    next.Push(to);
                }
            }
        }

        return seen;
    }

    private static Assembly? Load(string name) => Suite.TryLoad(name);
}
