using System.Text.Json;
using System.Text.Json.Serialization;
using ContactKit.DataSubjects.Tests.Identifiers;
using ContactKit;

namespace ContactKit.DataSubjects.Tests;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter)])]
[JsonSerializable(typeof(IdentifierExamplesTests.Holder))]
[JsonSerializable(typeof(NationalInsuranceNumber))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal static class TestJson
{
    public static JsonSerializerOptions Options => TestJsonContext.Default.Options;
}
