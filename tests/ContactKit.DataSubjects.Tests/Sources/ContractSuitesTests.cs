using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.DataSubjects.Tests.Sources;

public sealed class InMemoryRightsRequestStoreTests : RightsRequestStoreContractTests
{
    protected override IRightsRequestStore CreateStore() => new InMemoryRightsRequestStore();
}

public sealed class InMemoryPersonalDataSourceTests : PersonalDataSourceContractTests
{
    protected override IPersonalDataSource CreateSource(string name, IReadOnlyList<PersonalDataSeed> seed)
    {
        var source = new InMemoryPersonalDataSource(name);
        foreach (var s in seed)
        {
            source.Add(s.Tenant, s.Subject, s.Record);
        }

        return source;
    }
}

public sealed class PersonalDataSourceRegistryTests : PersonalDataSourceRegistryContractTests
{
    protected override IPersonalDataSourceRegistry CreateRegistry(IReadOnlyList<IPersonalDataSource> sources) => new PersonalDataSourceRegistry(sources);
}
