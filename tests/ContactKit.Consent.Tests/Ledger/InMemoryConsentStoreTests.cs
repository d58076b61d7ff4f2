using ContactKit.Consent.Ledger;
using ContactKit.Testing;

namespace ContactKit.Consent.Tests.Ledger;

public sealed class InMemoryConsentStoreTests : ConsentStoreContractTests
{
    protected override IConsentStore CreateStore() => new InMemoryConsentStore();
}
