using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ContactKit;
using CsCheck;
using Microsoft.Extensions.Configuration;

namespace ContactKit.Abstractions.Tests.Identifiers;

// Convention tests: every id type found by reflection is held to the same rules, so a new id cannot miss one.
public class IdConventionTests
{
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:";

    private static readonly Gen<string> ValidText =
        Gen.Select(Gen.Char[Allowed[..62]], Gen.String[Gen.Char[Allowed], 0, 127], (first, rest) => first + rest);

    private static readonly Type[] IdTypes = [.. typeof(TenantId).Assembly.GetExportedTypes()
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IContactKitId<>)))
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type> Ids() => [.. IdTypes];

    [Fact]
    public void IdTypes_FoundByReflection_AreTheFifteenIdsOfTheSuite()
    {
        Assert.Equal(
            ["ActorId", "CaseId", "ConsentRecordId", "CorrelationId", "DataSubjectId", "DeletionRequestId", "EventId", "InteractionId", "LegalHoldId",
             "PartyId", "PrivacyNoticeId", "RecordingId", "RetainedItemId", "RightsRequestId", "TenantId"],
            IdTypes.Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void IdType_ByReflection_IsAnImmutableValue(Type type)
    {
        Assert.True(type.IsValueType, $"{type.Name} is a value type");
        Assert.True(type.IsDefined(typeof(IsReadOnlyAttribute)), $"{type.Name} is a readonly struct");
        Assert.All(type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), f => Assert.True(f.IsInitOnly, $"{type.Name}.{f.Name} is readonly"));
        Assert.All(type.GetProperties(BindingFlags.Instance | BindingFlags.Public), p => Assert.Null(p.GetSetMethod()));
        Assert.Null(type.GetConstructor(BindingFlags.Instance | BindingFlags.Public, [typeof(string)]));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void IdType_AnyValidText_RoundTripsThroughEveryParseFormJsonAndTheTypeConverter(Type type) =>
        Run(nameof(RoundTrip), type);

    [Theory]
    [MemberData(nameof(Ids))]
    public void IdType_AnyText_EveryParseFormAgrees(Type type) => Run(nameof(Agree), type);

    [Theory]
    [MemberData(nameof(Ids))]
    public void IdType_ForRouteBinding_HasThePublicStaticTryParseThatMinimalApisLookFor(Type type)
    {
        // ASP.NET Core minimal APIs bind a route value through a public static bool TryParse(string, out T) on the type itself.
        var method = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);

        Assert.NotNull(method);
        Assert.Equal(typeof(bool), method.ReturnType);
    }

    [Fact]
    public void ConfigurationBinding_IdsInAppSettings_BindThroughTheirValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenant"] = "council",
            ["Recordings:0"] = "rec-1",
            ["Recordings:1"] = "rec-2",
        }).Build();

        var settings = configuration.Get<IdSettings>()!;

        Assert.Equal(TenantId.Parse("council"), settings.Tenant);
        Assert.Equal([RecordingId.Parse("rec-1"), RecordingId.Parse("rec-2")], settings.Recordings);
    }

    [Fact]
    public void ConfigurationBinding_MalformedId_FailsWithTheIdRule()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tenant"] = "bad tenant" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => configuration.Get<IdSettings>());

        var format = Assert.IsType<ContactKitFormatException>(ex.InnerException);
        Assert.Equal(ErrorCodes.InvalidId, format.Error.Code);
    }

    [Fact]
    public void ParseText_MalformedId_IsAResultNamingTheRuleAndNeverEchoesControlCharacters()
    {
        var result = TenantId.ParseText("bad\r\nINFO forged line");

        Assert.Equal(ErrorCodes.InvalidId, result.Error?.Code);
        Assert.DoesNotContain('\n', result.Error!.Message);
        Assert.Contains("may hold only", result.Error.Message, StringComparison.Ordinal);
    }

    private static void Run(string check, Type type) =>
        typeof(IdConventionTests).GetMethod(check, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);

    private static void RoundTrip<TId>()
        where TId : struct, IContactKitId<TId>
    {
        var converter = TypeDescriptor.GetConverter(typeof(TId));
        ValidText.Sample(text =>
        {
            var id = TId.ParseText(text).Value;
            Assert.Equal(text, id.Value);
            Assert.Equal(id, TId.Parse(text, null));
            Assert.Equal(id, TId.Parse(text.AsSpan(), null));
            Assert.True(TId.TryParse(text.AsSpan(), null, out var fromSpan));
            Assert.Equal(id, fromSpan);
            Assert.Equal(id, TId.ParseText(id.ToString()).Value);
            Assert.Equal(id, (TId)converter.ConvertFromInvariantString(text)!);
            Assert.Equal(text, converter.ConvertToInvariantString(id));
            var json = JsonSerializer.Serialize(id, typeof(TId), ContactKitJson.Options);
            Assert.Equal(JsonSerializer.Serialize(text), json);
            Assert.Equal(id, (TId)JsonSerializer.Deserialize(json, typeof(TId), ContactKitJson.Options)!);
        }, iter: 1_000);
    }

    private static void Agree<TId>()
        where TId : struct, IContactKitId<TId>
    {
        Gen.String.Sample(text =>
        {
            var result = TId.ParseText(text);
            Assert.Equal(result.IsSuccess, TId.TryParse(text, null, out var parsed));
            Assert.Equal(result.IsSuccess, TId.TryParse(text.AsSpan(), null, out var fromSpan));
            if (result.IsSuccess)
            {
                Assert.Equal(result.Value, parsed);
                Assert.Equal(result.Value, fromSpan);
            }
            else
            {
                Assert.Equal(ErrorCodes.InvalidId, result.Error.Code);
                Assert.Equal(result.Error, Assert.Throws<ContactKitFormatException>(() => TId.Parse(text, null)).Error);
            }
        }, iter: 1_000);
    }

    private sealed class IdSettings
    {
        public TenantId Tenant { get; set; }

        public List<RecordingId> Recordings { get; } = [];
    }
}
