namespace ContactKit.Conventions.Tests;

public sealed class NamingTests
{
    [Fact]
    public void Suite_EveryPackageUnderSrc_IsReadByTheseTests()
    {
        // Loading throws, naming the package, when a project under src/ is not referenced by this test project.
        Assert.Equal(Suite.PackageNames.Count, Suite.Packages.Count);
        Assert.Contains("ContactKit.Recording", Suite.PackageNames);
    }

    [Fact]
    public void PublicTypes_Names_AreUniqueAcrossTheSuite()
    {
        var shared = Suite.PublicTypes
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(t => t.FullName))})")
            .ToList();

        Assert.True(shared.Count == 0, $"Public types share a name: {string.Join("; ", shared)}. Give each concept its own word, or move the shared one into ContactKit.Abstractions.");
    }

    [Fact]
    public void PublicTypes_Namespace_IsTheirPackageName()
    {
        // One namespace per package; registration extensions go where hosts look for them, beside AddLogging and AddOptions.
        var misplaced = Suite.Packages
            .SelectMany(package => package.GetExportedTypes()
                .Where(t => t.Namespace != Suite.NamespaceOf(package) &&
                    !(t.Namespace == "Microsoft.Extensions.DependencyInjection" && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Extensions", StringComparison.Ordinal)))
                .Select(t => $"{t.FullName} (in {package.GetName().Name})"))
            .ToList();

        Assert.True(misplaced.Count == 0, $"Public types outside their package's namespace: {string.Join("; ", misplaced)}.");
    }

    [Fact]
    public void PublicTypes_OptionsValidators_AreInternal()
    {
        // Hosts never call a validator: start-up runs them. Keeping them internal keeps the surface to what hosts use.
        var validators = Suite.PublicTypes
            .Where(t => IsValidator(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(validators.Count == 0, $"Public validators: {string.Join("; ", validators)}. Make them internal.");
    }

    private static bool IsValidator(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition().FullName == "FluentValidation.AbstractValidator`1")
            {
                return true;
            }
        }

        return false;
    }
}
