using System.Reflection;

namespace ContactKit.Conventions.Tests.Conventions;

/// <summary>
/// One way to read text in every package: <c>ParseText</c> returns a result for input that may be wrong, <c>Parse</c>
/// throws a <see cref="FormatException"/> naming the rule, and the type is <see cref="ISpanParsable{TSelf}"/> so that
/// configuration and route binding read it.
/// </summary>
public sealed class ParsingTests
{
    private const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void PublicParseMethods_NeverReturnAResult_TheResultFormIsParseText()
    {
        var wrong = Suite.PublicTypes
            .SelectMany(t => t.GetMethods(PublicStatic).Where(m => m.Name == "Parse" && IsResult(m.ReturnType)).Select(m => $"{t.Name}.{m.Name}"))
            .ToList();

        Assert.True(wrong.Count == 0, $"Parse returns a result in {string.Join(", ", wrong)}: name the result form ParseText and let Parse throw a FormatException.");
    }

    [Fact]
    public void PublicValueTypes_WithAParseTextOfTheirOwn_AreTextValuesAndSpanParsable()
    {
        var types = Suite.PublicTypes
            .Where(t => t.IsValueType && t.GetMethods(PublicStatic).Any(m => m.Name == "ParseText" && m.ReturnType == typeof(Result<>).MakeGenericType(t) &&
                m.GetParameters() is [{ ParameterType: var p }] && p == typeof(string)))
            .ToList();
        var wrong = types
            .Where(t => !TextValues.Types.Contains(t) || !typeof(ISpanParsable<>).MakeGenericType(t).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ToList();

        Assert.NotEmpty(types);
        Assert.True(wrong.Count == 0, $"These types read text with ParseText but are not ITextValue<T> (so not ISpanParsable<T>): {string.Join(", ", wrong)}.");
    }

    [Fact]
    public void TextValues_EveryOne_HasAPublicThrowingParse()
    {
        var missing = TextValues.Types
            .Where(t => t.GetMethod("Parse", PublicStatic, [typeof(string)]) is not { } m || m.ReturnType != t)
            .Select(t => t.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"No public static {{T}} Parse(string) on {string.Join(", ", missing)}.");
    }

    public static TheoryData<Type> Types() => [.. TextValues.Types];

    [Theory]
    [MemberData(nameof(Types))]
    public void TextValue_BadText_ParseThrowsTheRuleAndTryParseSaysNo(Type type) =>
        typeof(ParsingTests).GetMethod(nameof(CheckBadText), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);

    private static void CheckBadText<T>()
        where T : ITextValue<T>
    {
        foreach (var bad in new[] { string.Empty, "\u0001" })
        {
            var refused = T.ParseText(bad);
            Assert.False(refused.IsSuccess, $"{typeof(T).Name} accepted {bad}");
            var thrown = Assert.Throws<ContactKitFormatException>(() => T.Parse(bad, null));
            Assert.Equal(refused.Error.Code, thrown.Error.Code);
            Assert.Contains(refused.Error.Message, thrown.Message, StringComparison.Ordinal);
            Assert.Throws<ContactKitFormatException>(() => T.Parse(bad.AsSpan(), null));
            Assert.False(T.TryParse(bad, null, out _));
            Assert.False(T.TryParse(bad.AsSpan(), null, out _));
        }
    }

    private static bool IsResult(Type type) => (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>));
}
