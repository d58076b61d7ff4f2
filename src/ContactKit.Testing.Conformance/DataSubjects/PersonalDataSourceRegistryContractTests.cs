using System.Diagnostics.CodeAnalysis;
using ContactKit.DataSubjects;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IPersonalDataSourceRegistry"/> must show: sources kept in the order given, found by
/// name, and names unique and valid. Inherit it and return a registry holding the given sources from
/// <see cref="CreateRegistry"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class PersonalDataSourceRegistryContractTests
{
    /// <summary>Creates a registry holding the given sources, refusing a duplicate or invalid name.</summary>
    /// <param name="sources">The sources, in order.</param>
    /// <returns>The registry under test.</returns>
    /// <exception cref="ContactKitException">A name is taken twice or is not a valid id.</exception>
    protected abstract IPersonalDataSourceRegistry CreateRegistry(IReadOnlyList<IPersonalDataSource> sources);

    /// <summary>Sources are listed in the order given and found by name.</summary>
    [SkippableFact]
    public void Sources_SeveralSources_ListedInOrderAndFoundByName()
    {
        var recorder = new InMemoryPersonalDataSource("call-recorder");
        var crm = new InMemoryPersonalDataSource("crm");

        var registry = CreateRegistry([recorder, crm]);

        Assert.Equal(["call-recorder", "crm"], registry.Sources.Select(s => s.Name));
        Assert.Same(crm, registry.Get("crm").Value);
    }

    /// <summary>Two sources with one name are refused, naming the rule.</summary>
    [SkippableFact]
    public void Create_DuplicateName_Refused()
    {
        var ex = Assert.Throws<ContactKitException>(
            () => CreateRegistry([new InMemoryPersonalDataSource("crm"), new InMemoryPersonalDataSource("crm")]));

        Assert.Equal(DataSubjectsErrorCodes.DuplicateDataSource, ex.Error.Code);
    }

    /// <summary>A name that breaks the id rule is refused; an unknown name is not found.</summary>
    [SkippableFact]
    public void CreateAndGet_BadOrUnknownName_Refused()
    {
        var bad = Assert.Throws<ContactKitException>(() => CreateRegistry([new InMemoryPersonalDataSource("call recorder")]));
        var unknown = CreateRegistry([new InMemoryPersonalDataSource("crm")]).Get("nowhere");

        Assert.Equal(ErrorCodes.InvalidId, bad.Error.Code);
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
    }
}
