using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Recording.Tests.DependencyInjection;

public class RecordingConfigurationTests
{
    private const string Json = """
        { "ContactKit": { "Recording": {
            "MaxSecurePause": "PT8M",
            "AccessRules": [ { "Role": "quality_team", "Kinds": "Play, Download", "Purposes": [ "quality_monitoring" ] } ],
            "Tenants": {
              "reseller-basic": { "RecordingEnabled": false },
              "council": { "MaxSecurePause": "PT2M30S", "CaptureBotPhase": true } } } } }
        """;

    [Fact]
    public void BindConfiguration_RecordingSection_BindsIsoDurationsPlansAndAccessRules()
    {
        var options = AppSettings.Bind<RecordingOptions>(Json, ck => ck.AddRecording().UseInMemoryStores());

        Assert.Equal(Duration.FromMinutes(8), options.PolicyFor(TenantId.Parse("other")).MaxSecurePause);
        Assert.Equal(Duration.FromSeconds(150), options.PolicyFor(TenantId.Parse("council")).MaxSecurePause);
        Assert.True(options.PolicyFor(TenantId.Parse("council")).CaptureBotPhase);
        Assert.False(options.PolicyFor(TenantId.Parse("reseller-basic")).RecordingEnabled);
        Assert.Equal(Duration.FromMinutes(8), options.PolicyFor(TenantId.Parse("reseller-basic")).MaxSecurePause); // inherited
        var rule = Assert.Single(options.AccessRules);
        Assert.Equal(("quality_team", RecordingAccessKind.Play | RecordingAccessKind.Download), (rule.Role, rule.Kinds));
        Assert.Equal(["quality_monitoring"], rule.Purposes);
    }

    [Fact]
    public void StartupValidation_DurationInWords_FailsNamingTheKeyAndTheIsoForm()
    {
        var failures = AppSettings.StartupFailures(
            """{ "ContactKit": { "Recording": { "Tenants": { "council": { "MaxSecurePause": "eight minutes" } } } } }""",
            ck => ck.AddRecording().UseInMemoryStores());

        var failure = Assert.Single(failures);
        Assert.StartsWith(ErrorCodes.InvalidOptions, failure, StringComparison.Ordinal);
        Assert.Contains("ContactKit:Recording:Tenants:council:MaxSecurePause", failure, StringComparison.Ordinal);
        Assert.Contains("ISO 8601 duration such as PT10M", failure, StringComparison.Ordinal);
    }
}
