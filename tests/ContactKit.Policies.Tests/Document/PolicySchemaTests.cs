using System.Text.Json.Nodes;

namespace ContactKit.Policies.Tests.Document;

public sealed class PolicySchemaTests
{
    [Fact]
    public void ShippedSchema_EqualsTheSchemaGeneratedFromTheTypes()
    {
        var generated = PolicyJson.GenerateSchema();
        var file = Repository.PathOf("src/ContactKit.Policies/" + PolicyJson.SchemaFileName);
        if (Environment.GetEnvironmentVariable("CONTACTKIT_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(file, generated);
        }

        Assert.True(
            generated == PolicyJson.ShippedSchema(),
            $"{PolicyJson.SchemaFileName} is out of date: run the tests once with CONTACTKIT_UPDATE_SCHEMA=1 and rebuild.");
        Assert.Equal(generated, File.ReadAllText(file));
    }

    [Fact]
    public void GenerateSchema_NamesPropertiesAndEnumValuesInSnakeCase()
    {
        var schema = JsonNode.Parse(PolicyJson.GenerateSchema())!;
        var properties = schema["properties"]!.AsObject();
        Assert.Contains("derived_data", properties.Select(p => p.Key));
        Assert.Contains("automated_decisions", properties.Select(p => p.Key));
        var channels = properties["channels"]!["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains("voice_call", channels);
        Assert.Contains("whats_app", channels);
    }

    [Fact]
    public void GenerateSchema_DescribesPeriodsAndDatesAsText()
    {
        var text = PolicyJson.GenerateSchema();
        Assert.Contains("\"format\": \"date\"", text, StringComparison.Ordinal);
        Assert.Contains("ISO 8601 period", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ThenLoad_GivesTheSamePolicy()
    {
        var policy = SamplePolicies.Minimal();
        var again = PolicyLoader.Load(PolicyJson.Serialize(policy));
        Assert.True(again.IsLoaded, string.Join("; ", again.Errors));
        Assert.Equal(PolicyJson.Serialize(policy), PolicyJson.Serialize(again.Document!));
    }
}
