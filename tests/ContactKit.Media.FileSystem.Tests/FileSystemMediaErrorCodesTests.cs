using System.Globalization;
using System.Reflection;

namespace ContactKit.Media.FileSystem.Tests;

public sealed class FileSystemMediaErrorCodesTests
{
    private static readonly FieldInfo[] Codes = typeof(FileSystemMediaErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void Codes_AreUniqueAndInTheMediaRange()
    {
        var values = Codes.Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, v => Assert.InRange(int.Parse(v[2..], CultureInfo.InvariantCulture), 1100, 1199));
    }

    [Fact]
    public void Codes_EachIsDocumentedInErrorsMdWithItsName()
    {
        var errors = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "errors.md"));

        Assert.All(Codes, f => Assert.Contains($"| {f.GetRawConstantValue()} | {f.Name} |", errors, StringComparison.Ordinal));
    }
}
