using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ContactKit.Consent;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Policies;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [
        typeof(LocalDateJsonConverter), typeof(PeriodJsonConverter),
        typeof(SnakeCaseEnumConverter<Channel>), typeof(SnakeCaseEnumConverter<ProcessingRole>),
        typeof(SnakeCaseEnumConverter<DataSubjectKind>), typeof(SnakeCaseEnumConverter<LawfulBasis>),
        typeof(SnakeCaseEnumConverter<SpecialCategoryCondition>), typeof(SnakeCaseEnumConverter<DataSubjectRight>),
        typeof(SnakeCaseEnumConverter<AppPermission>), typeof(SnakeCaseEnumConverter<MarketingChannel>),
        typeof(SnakeCaseEnumConverter<OptOutRoute>), typeof(SnakeCaseEnumConverter<TelephonePreferenceRegisters>),
        typeof(SnakeCaseEnumConverter<DisposalAction>), typeof(SnakeCaseEnumConverter<RetentionReason>), typeof(SnakeCaseEnumConverter<RecordingPlan>),
        typeof(SnakeCaseEnumConverter<NoticeAudience>), typeof(SnakeCaseEnumConverter<NoticeMedium>),
        typeof(SnakeCaseEnumConverter<ConsentModel>), typeof(SnakeCaseEnumConverter<TransferSafeguard>),
        typeof(SnakeCaseEnumConverter<NoticeSectionId>), typeof(SnakeCaseEnumConverter<InteractionArtefact>)])]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;

/// <summary>Reads and writes enum values as snake_case text (<c>voice_call</c>, <c>legal_obligation</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>The JSON form of a policy document: source-generated metadata and the JSON Schema editors use.</summary>
public static class PolicyJson
{
    /// <summary>The name of the schema file shipped with the package (embedded and as a content file).</summary>
    public const string SchemaFileName = "policy.schema.json";

    /// <summary>The resolver for the policy types.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => PolicyJsonContext.Default;

    /// <summary>The serializer options a policy is read and written with (snake_case names, ISO 8601 dates and periods).</summary>
    public static JsonSerializerOptions Options => PolicyJsonContext.Default.Options;

    /// <summary>Writes a policy as indented JSON.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return JsonSerializer.Serialize(policy, PolicyJsonContext.Default.PolicyDocument);
    }

    /// <summary>Generates the JSON Schema of a policy document from its types.</summary>
    /// <returns>The schema as indented JSON text, ending with a line feed.</returns>
    public static string GenerateSchema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Describe,
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(PolicyJsonContext.Default.PolicyDocument, exporter);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://contactkit.dev/schemas/" + SchemaFileName,
            ["title"] = "ContactKit privacy policy",
            ["description"] = "One tenant's privacy policy: what its notice tells people and what ContactKit enforces.",
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            root[name] = value?.DeepClone();
        }

        root["required"] = new JsonArray("tenant", "title", "controller");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The schema shipped with the package.</summary>
    /// <returns>The schema text.</returns>
    public static string ShippedSchema()
    {
        using var stream = typeof(PolicyJson).Assembly.GetManifestResourceStream("ContactKit.Policies." + SchemaFileName)
            ?? throw new InvalidOperationException("The policy schema is missing from the assembly's resources.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        var nullable = type != context.TypeInfo.Type;
        JsonObject? replaced = null;
        if (type == typeof(LocalDate))
        {
            replaced = new JsonObject { ["type"] = "string", ["format"] = "date" };
        }
        else if (type == typeof(Period))
        {
            replaced = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$",
                ["description"] = "An ISO 8601 period of years, months, weeks and days, for example P6M or P6Y.",
            };
        }

        if (replaced is not null)
        {
            if (nullable)
            {
                replaced["type"] = new JsonArray("string", "null");
            }

            schema = replaced;
        }

        if (schema is JsonObject obj && context.PropertyInfo is { } property && Descriptions.TryGetValue(property.Name, out var description) && !obj.ContainsKey("description"))
        {
            obj["description"] = description;
        }

        return schema;
    }

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["tenant"] = "The ContactKit tenant id the policy belongs to.",
        ["category"] = "A data category key such as contact.phone or identifier.national_insurance_number.",
        ["purposes"] = "Purpose keys such as service_delivery, training, quality_monitoring.",
        ["record_class"] = "A retention record class such as call_recording or case_record.",
        ["trigger"] = "The event a retention period runs from: created, interaction_ended, relationship_ended, case_closed, application_decided, employment_ended.",
        ["criteria"] = "How the period is decided when no fixed period is given; needs review_on.",
        ["receives"] = "Data category keys the processor receives; each must be in categories.",
        ["explicit_consent_in"] = "Jurisdiction codes (GB, US-CA, ...) where explicit consent to recording is asked for.",
        ["source"] = "Where the data comes from when it is not from the person (Art 14).",
    };
}
