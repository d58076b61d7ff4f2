namespace ContactKit.Testing.Tests;

public sealed class PackageDependencyTests
{
    [Fact]
    public void TestingAssembly_References_NoTestFramework()
    {
        var references = typeof(FakeClocks).Assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ConformanceAssembly_HoldsTheContractSuites_AndTestingHoldsNone()
    {
        var testing = typeof(FakeClocks).Assembly.GetExportedTypes();
        var conformance = typeof(Conformance.AuditTrailContractTests).Assembly.GetExportedTypes();

        Assert.DoesNotContain(testing, t => t.Name.EndsWith("ContractTests", StringComparison.Ordinal));
        Assert.All(conformance.Where(t => t.Name.EndsWith("ContractTests", StringComparison.Ordinal)), t => Assert.Equal("ContactKit.Testing.Conformance", t.Namespace));
    }
}
