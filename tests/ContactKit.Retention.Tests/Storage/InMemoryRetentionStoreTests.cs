using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Retention.Tests.Storage;

public sealed class InMemoryRetentionStoreTests : RetentionStoreContractTests
{
    protected override IRetentionStore CreateStore() => new InMemoryRetentionStore();
}
