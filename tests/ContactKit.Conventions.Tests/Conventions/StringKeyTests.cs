using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ContactKit.Interactions;
using ContactKit.Retention;

namespace ContactKit.Conventions.Tests.Conventions;

/// <summary>
/// Every string key of the suite (audit actions, record classes, purposes, data categories, triggers, JSON type
/// discriminators) is written one way: lower-case words of letters and digits joined by single underscores, with dotted
/// prefixes where a key belongs to a family (<c>recording.access_granted</c>, <c>retention.hold_placed</c>,
/// <c>case_record</c>).
/// </summary>
public sealed partial class StringKeyTests
{
    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*)*$")]
    private static partial Regex KeyStyle();

    // A literal in the source that looks like a dotted key (an audit action, a field path): lower-case, a dot, no spaces.
    [GeneratedRegex("\"([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)\"")]
    private static partial Regex DottedLiteral();

    // A dictionary key set in an initialiser or by index, as the details of an audit entry are: ["due_at"] = ...
    [GeneratedRegex("\\[\"([a-z][a-z0-9_-]*)\"\\]\\s*=[^=]")]
    private static partial Regex IndexedKey();

    /// <summary>The key types and how to read a key from a value of each.</summary>
    private static readonly Dictionary<Type, Func<object, string>> KeyTypes = new()
    {
        [typeof(Purpose)] = v => ((Purpose)v).Value,
        [typeof(DataCategoryKey)] = v => ((DataCategoryKey)v).Value,
        [typeof(DataCategory)] = v => ((DataCategory)v).Key.Value,
        [typeof(RecordClass)] = v => ((RecordClass)v).Value,
        [typeof(RetentionTrigger)] = v => ((RetentionTrigger)v).Value,
    };

    [Theory]
    [InlineData("recording.access_granted")] // an audit action: family prefix, then words joined by underscores
    [InlineData("case_record")]              // a record class: no prefix
    [InlineData("identifier.national_insurance_number")] // a data category nested two deep
    [InlineData("v2_event")]                 // digits inside a word
    public void KeyStyle_WellFormedKeys_Match(string key) => Assert.Matches(KeyStyle(), key);

    [Theory]
    [InlineData("retention.hold-placed")] // hyphens were the old style of retention's keys
    [InlineData("Case_Record")]           // upper case
    [InlineData("case__record")]          // a doubled underscore
    [InlineData("case_record_")]          // a trailing underscore
    [InlineData("recording..paused")]     // an empty segment
    [InlineData("1st_contact")]           // a leading digit
    public void KeyStyle_OtherSpellings_DoNotMatch(string key) => Assert.DoesNotMatch(KeyStyle(), key);

    [Fact]
    public void PublicKeys_ConstantsAndPredefinedValues_FollowTheKeyStyle()
    {
        var keys = new List<(string Where, string Key)>();
        foreach (var type in Suite.PublicTypes)
        {
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;

            // Audit action constants, such as RetentionService.HoldPlacedAction.
            keys.AddRange(type.GetFields(Flags)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Action", StringComparison.Ordinal))
                .Select(f => ($"{type.Name}.{f.Name}", (string)f.GetRawConstantValue()!)));

            // Predefined values of the key types, such as Purpose.QualityMonitoring and RecordClass.CaseRecord.
            keys.AddRange(type.GetProperties(Flags)
                .Where(p => KeyTypes.ContainsKey(p.PropertyType) && p.GetIndexParameters().Length == 0)
                .Select(p => ($"{type.Name}.{p.Name}", KeyTypes[p.PropertyType](p.GetValue(null)!))));
            keys.AddRange(type.GetFields(Flags)
                .Where(f => KeyTypes.ContainsKey(f.FieldType))
                .Select(f => ($"{type.Name}.{f.Name}", KeyTypes[f.FieldType](f.GetValue(null)!))));
        }

        // The record classes the interaction layer gives each artefact unless the host says otherwise.
        var interactions = new InteractionsOptions();
        keys.AddRange(interactions.RecordClasses.Select(pair => ($"InteractionsOptions.RecordClasses[{pair.Key}]", pair.Value)));
        keys.Add(("InteractionsOptions.ChatTranscriptRecordClass", interactions.ChatTranscriptRecordClass));

        Assert.Contains(keys, k => k.Key == "retention.hold_placed");
        Assert.Contains(keys, k => k.Key == RecordClass.CaseRecord.Value);
        Assert.Contains(keys, k => k.Key == Purpose.QualityMonitoring.Value);
        Assert.Contains(keys, k => k.Key == DataCategories.NationalInsuranceNumber.Key.Value);
        AssertAllFollowTheStyle(keys);
    }

    [Fact]
    public void JsonDiscriminators_EveryDerivedType_FollowsTheKeyStyle()
    {
        var keys = Suite.Packages
            .SelectMany(p => p.GetTypes())
            .SelectMany(t => t.GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false).Select(a => (t, a)))
            .Select(x => ($"{x.t.Name} -> {x.a.DerivedType.Name}", x.a.TypeDiscriminator as string ?? $"(not a string: {x.a.TypeDiscriminator})"))
            .ToList();

        Assert.Contains(keys, k => k.Item2 == "interaction_started");
        AssertAllFollowTheStyle(keys);
    }

    [Fact]
    public void SourceLiterals_AuditActionsAndDetailKeysInThePackages_FollowTheKeyStyle()
    {
        // Audit actions and the keys of their details are mostly written where the entry is made ("erasure.item_kept",
        // ["due_at"] = ...); read them from the source.
        // The testing packages are left out: their literals are sample data, not keys the suite defines.
        var src = Path.Combine(Suite.RepositoryRoot, "src");
        var keys = Suite.PackageNames
            .Where(name => !name.StartsWith("ContactKit.Testing", StringComparison.Ordinal))
            .SelectMany(name => Directory.EnumerateFiles(Path.Combine(src, name), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).SelectMany((line, i) => DottedLiteral().Matches(line).Concat(IndexedKey().Matches(line))
                .Select(m => ($"{Path.GetRelativePath(Suite.RepositoryRoot, file)}:{i + 1}", m.Groups[1].Value))))
            .ToList();

        Assert.Contains(keys, k => k.Item2 == "erasure.item_kept");
        Assert.Contains(keys, k => k.Item2 == "due_at");
        AssertAllFollowTheStyle(keys);
    }

    private static void AssertAllFollowTheStyle(IEnumerable<(string Where, string Key)> keys)
    {
        var wrong = keys.Where(k => !KeyStyle().IsMatch(k.Key)).Select(k => $"{k.Where} = '{k.Key}'").ToList();
        Assert.True(
            wrong.Count == 0,
            $"Keys not in the suite's style (lower-case words joined by underscores, dotted prefixes, e.g. 'retention.hold_placed'): {string.Join("; ", wrong)}.");
    }
}
