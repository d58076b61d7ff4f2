using ContactKit.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Redaction.Tests;

public class RedactionConfigurationTests
{
    [Fact]
    public void BindConfiguration_RedactionSection_BindsTheDefaultAndEveryTenantsSettings()
    {
        var options = AppSettings.Bind<RedactionOptions>("""
            { "ContactKit": { "Redaction": {
                "Default": { "Marker": "[removed {entity}]" },
                "Tenants": { "council": { "CardPolicy": "Conservative", "Disabled": [ "Postcode", "EmailAddress" ] } } } } }
            """, ck => ck.AddRedaction());

        Assert.Equal("[removed card-number]", options.For(TenantId.Parse("other")).MarkerFor(RedactionEntity.CardNumber));
        var council = options.For(TenantId.Parse("council"));
        Assert.Equal(CardPolicy.Conservative, council.CardPolicy);
        Assert.False(council.IsEnabled(RedactionEntity.Postcode));
        Assert.False(council.IsEnabled(RedactionEntity.EmailAddress));
    }

    [Fact]
    public void StartupValidation_UnknownCardPolicy_FailsNamingTheKey()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Redaction": { "Default": { "CardPolicy": "Strict" } } } }""", ck => ck.AddRedaction());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:Redaction:Default:CardPolicy", failure, StringComparison.Ordinal);
    }
}
