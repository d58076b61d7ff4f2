using System.Reflection;
using ContactKit.Recording;

namespace ContactKit.Recording.Tests;

public class RecordingErrorCodesTests
{
    private static readonly FieldInfo[] Codes = typeof(RecordingErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void Codes_AreUniqueAndInTheRecordingRange()
    {
        var values = Codes.Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, v => Assert.InRange(int.Parse(v[2..], System.Globalization.CultureInfo.InvariantCulture), 100, 199));
    }

    [Fact]
    public void Codes_EachIsDocumentedInErrorsMdWithItsName()
    {
        var errors = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "errors.md"));

        Assert.All(Codes, f => Assert.Contains($"| {f.GetRawConstantValue()} | {f.Name} |", errors, StringComparison.Ordinal));
    }
}
