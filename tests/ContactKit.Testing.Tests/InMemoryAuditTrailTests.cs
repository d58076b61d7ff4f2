using ContactKit;
using ContactKit.Testing.Conformance;

namespace ContactKit.Testing.Tests;

// Runs the audit-trail contract suite against the in-memory fake.
public sealed class InMemoryAuditTrailTests : AuditTrailContractTests
{
    protected override IAuditTrail CreateTrail() => new InMemoryAuditTrail();
}
