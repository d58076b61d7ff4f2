using System.Reflection;

namespace ContactKit.Calendars.Tests.Architecture;

public sealed class ConceptDependencyTests
{
    // The concept packages. Each may reference ContactKit.Abstractions and ContactKit.Calendars, never another concept.
    private static readonly string[] Concepts =
    [
        "ContactKit.Consent", "ContactKit.Recording", "ContactKit.Retention", "ContactKit.DataSubjects", "ContactKit.Redaction",
    ];

    // The one reference still allowed between concepts. DataSubjects reads legal holds and retention rules for its
    // erasure decisions (RetentionErasureFacts); those erasure facts move to the layer above the concepts (the
    // interaction layer, issue 12), and this exception goes with them. No other pair may be added here.
    private static readonly (string From, string To)[] KnownExceptions =
    [
        ("ContactKit.DataSubjects", "ContactKit.Retention"),
    ];

    [Fact]
    public void ConceptPackages_References_NeverReachAnotherConceptExceptTheKnownErasureFacts()
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

        // The four packages that exist today must all have been read; Redaction is checked once it exists.
        Assert.Subset(checkedConcepts.ToHashSet(), new HashSet<string> { "ContactKit.Consent", "ContactKit.Recording", "ContactKit.Retention", "ContactKit.DataSubjects" });
        var unexpected = found.Except(KnownExceptions).ToList();
        Assert.True(unexpected.Count == 0, $"A concept package references another: {string.Join(", ", unexpected.Select(p => $"{p.From} -> {p.To}"))}. Move what ties them together above the concepts, or into ContactKit.Abstractions or ContactKit.Calendars.");
        var stale = KnownExceptions.Except(found).ToList();
        Assert.True(stale.Count == 0, $"The known exception {string.Join(", ", stale.Select(p => $"{p.From} -> {p.To}"))} is gone: remove it from {nameof(KnownExceptions)}.");
    }

    [Theory]
    [InlineData("ContactKit.Retention")] // its disposal dates need no working days, so it leans on nothing but Abstractions
    [InlineData("ContactKit.DataSubjects")] // its rights-request and erasure deadlines count on the one calendar source
    public void ConceptPackages_ThatCountDeadlines_TakeClocksFromCalendarsAlone(string concept)
    {
        var references = Load(concept)!.GetReferencedAssemblies().Select(r => r.Name).ToList();

        Assert.DoesNotContain(references, r => r is not null && r.StartsWith("ContactKit.", StringComparison.Ordinal) &&
            r is not ("ContactKit.Abstractions" or "ContactKit.Calendars") && !KnownExceptions.Contains((concept, r)));
    }

    [Fact]
    public void Calendars_References_OnlyAbstractionsAmongContactKitPackages()
    {
        var references = typeof(ITenantCalendars).Assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(r => r.StartsWith("ContactKit.", StringComparison.Ordinal));

        Assert.Equal(["ContactKit.Abstractions"], references);
    }

    private static Assembly? Load(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
