using System.Globalization;
using System.Reflection;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class EntityFrameworkCoreErrorCodesTests
{
    private static readonly FieldInfo[] Codes = typeof(EntityFrameworkCoreErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static);

    [SkippableFact]
    public void Codes_AreUniqueAndInTheStoresRange()
    {
        var values = Codes.Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, v => Assert.InRange(int.Parse(v[2..], CultureInfo.InvariantCulture), 1000, 1099));
    }

    [SkippableFact]
    public void Codes_EachIsDocumentedInErrorsMdWithItsName()
    {
        var errors = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "errors.md"));

        Assert.All(Codes, f => Assert.Contains($"| {f.GetRawConstantValue()} | {f.Name} |", errors, StringComparison.Ordinal));
    }
}
