using ContactKit.Testing;

namespace ContactKit.Retention.Tests.Storage;

public sealed class InMemoryRetentionStoreTests : RetentionStoreContractTests
{
    protected override IRetentionStore CreateStore() => new InMemoryRetentionStore();
}
