using System.Diagnostics.CodeAnalysis;
using ContactKit.DataSubjects;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IPersonalDataSourceRegistry"/> must show: sources kept in the order registered, found
/// by name, and names unique and valid. Inherit it and return a fresh, empty registry from <see cref="CreateRegistry"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class PersonalDataSourceRegistryContractTests
{
    /// <summary>Creates a new, empty registry for one test.</summary>
    /// <returns>The registry under test.</returns>
    protected abstract IPersonalDataSourceRegistry CreateRegistry();

    /// <summary>Sources are listed in the order registered and found by name.</summary>
    [Fact]
    public void Register_SeveralSources_ListedInOrderAndFoundByName()
    {
        var registry = CreateRegistry();
        var recorder = new InMemoryPersonalDataSource("call-recorder");
        var crm = new InMemoryPersonalDataSource("crm");

        registry.Register(recorder);
        registry.Register(crm);

        Assert.Equal(["call-recorder", "crm"], registry.Sources.Select(s => s.Name));
        Assert.Same(crm, registry.Get("crm").Value);
    }

    /// <summary>A second source with a taken name is refused and the first is kept.</summary>
    [Fact]
    public void Register_DuplicateName_RefusedAndFirstKept()
    {
        var registry = CreateRegistry();
        var first = new InMemoryPersonalDataSource("crm");
        registry.Register(first);

        var second = registry.Register(new InMemoryPersonalDataSource("crm"));

        Assert.Equal(DataSubjectsErrorCodes.DuplicateDataSource, second.Error?.Code);
        Assert.Same(first, Assert.Single(registry.Sources));
    }

    /// <summary>A name that breaks the id rule is refused; an unknown name is not found.</summary>
    [Fact]
    public void RegisterAndGet_BadOrUnknownName_Refused()
    {
        var registry = CreateRegistry();

        var bad = registry.Register(new InMemoryPersonalDataSource("call recorder"));
        var unknown = registry.Get("nowhere");

        Assert.Equal(ErrorCodes.InvalidId, bad.Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
        Assert.Empty(registry.Sources);
    }
}
