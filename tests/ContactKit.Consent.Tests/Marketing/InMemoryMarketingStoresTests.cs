using ContactKit.Consent;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Consent.Tests.Marketing;

public sealed class InMemoryCallingListScreeningStoreTests : CallingListScreeningStoreContractTests
{
    protected override ICallingListScreeningStore CreateStore() => new InMemoryCallingListScreeningStore();
}

public sealed class InMemoryMarketingPreferenceStoreTests : MarketingPreferenceStoreContractTests
{
    protected override IMarketingPreferenceStore CreateStore() => new InMemoryMarketingPreferenceStore();
}
