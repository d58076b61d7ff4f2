using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Redaction.Tests;

public sealed class AddRedactionTests
{
    [Fact]
    public void AddRedaction_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddRedaction();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddRedaction();
        twice.AddContactKit().AddRedaction();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddRedaction_SettingsFromConfiguration_AreBoundPerTenant()
    {
        const string json = """
            { "Redaction": {
                "Default": { "Marker": "[redacted]" },
                "Tenants": { "bank-1": { "CardPolicy": "Conservative", "Disabled": [ "Postcode" ] } } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.Configure<RedactionOptions>(configuration.GetSection("Redaction"));
        services.AddContactKit().AddRedaction();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var redactor = provider.GetRequiredService<Redactor>();
        var bank = redactor.Redact(TenantId.Parse("bank-1"), [TestRedactor.C("4111 1111 1111 1112 at SW1A 1AA")]).Value;
        var other = redactor.Redact(TenantId.Parse("shop-1"), [TestRedactor.C("4111 1111 1111 1111 at SW1A 1AA")]).Value;

        Assert.Equal("[redacted] at SW1A 1AA", bank.Messages[0].Text.Replace("[card-number]", "[redacted]", StringComparison.Ordinal));
        Assert.Equal("[redacted] at [redacted]", other.Messages[0].Text);
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnce()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRedaction(o =>
        {
            o.Default.Marker = "[x1]";
            o.Default.Disabled.Add(RedactionEntity.CardNumber);
            o.Tenants["bad tenant"] = new RedactionSettings();
            o.Tenants["shop"] = new RedactionSettings { Marker = " ", CardPolicy = (CardPolicy)9 };
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.All(ex.Failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(RedactionErrorCodes.InvalidMarker + ": Marker must hold no digits", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(RedactionErrorCodes.CardRedactionRequired, StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'bad tenant'", StringComparison.Ordinal) || f.Contains("\"bad tenant\"", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains(RedactionErrorCodes.InvalidMarker + ": Marker must be 1 to 64", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("CardPolicy '9'", StringComparison.Ordinal));
    }

    private static string[] Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}").Order(StringComparer.Ordinal)];
}
