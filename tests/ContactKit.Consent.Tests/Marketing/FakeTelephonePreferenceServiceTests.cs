using ContactKit.Consent;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Consent.Tests.Marketing;

/// <summary>Runs the telephone preference service contract against the fake in ContactKit.Testing.</summary>
public sealed class FakeTelephonePreferenceServiceTests : TelephonePreferenceServiceContractTests
{
    protected override ITelephonePreferenceService CreateService(IReadOnlyDictionary<TelephoneNumber, TelephonePreferenceRegisters> registered)
    {
        var fake = new FakeTelephonePreferenceService();
        foreach (var (number, registers) in registered)
        {
            fake.Register(number, registers);
        }

        return fake;
    }
}
