using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ContactKit.Conventions.Tests.Conventions;

/// <summary>
/// Conventions every package keeps, checked by reflection over the public surface: domain types are immutable, async
/// methods can be cancelled, and text values survive JSON and their parse form unchanged.
/// </summary>
public sealed class DomainTypeTests
{
    [Fact]
    public void PublicTypes_ExceptOptionsAndBuilders_HaveNoPublicSetterOrMutableField()
    {
        var mutable = Suite.PublicTypes
            .Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t) && !IsExempt(t))
            .SelectMany(t => MutableMembers(t).Select(m => $"{t.Name}.{m}"))
            .ToList();

        Assert.True(mutable.Count == 0, $"Public domain types must be immutable (init-only properties, readonly fields): {string.Join(", ", mutable)}.");
    }

    [Fact]
    public void PublicAsyncMethods_EveryOne_TakesACancellationToken()
    {
        var missing = Suite.PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && IsAsync(m.ReturnType) && !IsExemptMethod(m))
                .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"Public async methods without a CancellationToken: {string.Join(", ", missing)}.");
    }

    public static TheoryData<Type> TextValueTypes() => [.. TextValues.Types];

    [Theory]
    [MemberData(nameof(TextValueTypes))]
    public void TextValue_Samples_RoundTripThroughJsonAndTheirParseForm(Type type) =>
        typeof(DomainTypeTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);

    private static void RoundTrip<T>()
        where T : ITextValue<T>
    {
        var samples = TextValues.SamplesOf(typeof(T));
        Assert.True(samples.Count > 0, $"{typeof(T).Name} has no sample: give it predefined values or a sample in TextValues.");
        foreach (var text in samples)
        {
            var value = T.Parse(text, null);

            // The parse form: the canonical text reads back to an equal value, by every reading.
            Assert.Equal(value, T.ParseText(value.Value).Value);
            Assert.Equal(value, T.Parse(value.Value, null));
            Assert.Equal(value, T.Parse(value.Value.AsSpan(), null));
            Assert.True(T.TryParse(value.Value, null, out var tried));
            Assert.Equal(value, tried);

            // JSON: written as a string, read back to an equal value, as a value and as a dictionary key.
            var json = JsonSerializer.Serialize(value);
            Assert.Equal(JsonSerializer.Serialize(value.Value), json);
            Assert.Equal(value, JsonSerializer.Deserialize<T>(json));
            var keyed = JsonSerializer.Serialize(new Dictionary<T, int> { [value] = 1 });
            Assert.Equal(value, Assert.Single(JsonSerializer.Deserialize<Dictionary<T, int>>(keyed)!).Key);
        }
    }

    // Options classes and the settings they hold are bound from configuration, builders gather registrations, and the
    // in-memory fakes and test helpers of the testing packages hold the state a test sets: all mutable by design.
    private static readonly HashSet<Type> OptionsParts = FindOptionsParts();

    private static bool IsExempt(Type type) =>
        OptionsParts.Contains(type) ||
        type.Name.EndsWith("Builder", StringComparison.Ordinal) ||
        type.Assembly.GetName().Name!.StartsWith("ContactKit.Testing", StringComparison.Ordinal) ||
        typeof(Exception).IsAssignableFrom(type);

    // Every options class, and every type reachable from one through its properties (lists, sets and dictionaries too).
    private static HashSet<Type> FindOptionsParts()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(Suite.PublicTypes.Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)));
        while (pending.TryPop(out var type))
        {
            if (!found.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var types = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments() : [property.PropertyType];
                foreach (var part in types.Select(t => t.IsArray ? t.GetElementType()! : t).Where(t => t.Assembly.GetName().Name!.StartsWith("ContactKit", StringComparison.Ordinal) && !t.IsEnum))
                {
                    pending.Push(part);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> MutableMembers(Type type)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var property in type.GetProperties(Flags))
        {
            if (property.SetMethod is { IsPublic: true } setter &&
                !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                yield return property.Name;
            }
        }

        foreach (var field in type.GetFields(Flags))
        {
            if (!field.IsInitOnly && !field.IsLiteral)
            {
                yield return field.Name;
            }
        }
    }

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    // Test methods of the contract suites are run by xunit, which cancels them through TestContext; DisposeAsync and
    // InitializeAsync have the shapes their interfaces give them.
    private static bool IsExemptMethod(MethodInfo method) =>
        method.Name is "DisposeAsync" or "InitializeAsync" ||
        method.GetCustomAttributes().Any(a => a is FactAttribute);
}
