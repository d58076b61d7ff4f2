using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Retention.Tests.Storage;

public sealed class InMemoryRetentionStoreTests : RetentionStoreContractTests
{
    private readonly InMemoryAuditTrail _audit = new();

    protected override IAuditTrail AuditTrail => _audit;

    protected override IRetentionStore CreateStore() => new InMemoryRetentionStore(_audit);
}
