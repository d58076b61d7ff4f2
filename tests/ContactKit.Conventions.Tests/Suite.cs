using System.Reflection;

namespace ContactKit.Conventions.Tests;

/// <summary>The packages of the suite, as the tests read them: every project under <c>src/</c>.</summary>
internal static class Suite
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The name of every package: one folder under <c>src/</c> holding a project of the same name.</summary>
    public static IReadOnlyList<string> PackageNames { get; } = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src"))
        .Select(Path.GetFileName)
        .Where(name => File.Exists(Path.Combine(RepositoryRoot, "src", name!, name + ".csproj")))
        .Select(name => name!)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every package's assembly; fails when this test project does not reference one of them.</summary>
    public static IReadOnlyList<Assembly> Packages { get; } = PackageNames.Select(Load).ToList();

    /// <summary>Every public type of every package, nested types included.</summary>
    public static IEnumerable<Type> PublicTypes => Packages.SelectMany(a => a.GetExportedTypes());

    /// <summary>The namespace a package's public types live in: the package name, and <c>ContactKit</c> for Abstractions.</summary>
    public static string NamespaceOf(Assembly package) =>
        package.GetName().Name is "ContactKit.Abstractions" ? "ContactKit" : package.GetName().Name!;

    public static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static Assembly Load(string name) =>
        TryLoad(name) ?? throw new InvalidOperationException(
            $"The package {name} is not referenced by ContactKit.Conventions.Tests: add a ProjectReference to it, so the suite's conventions are checked on it too.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ContactKit.sln) was not found above the test binaries.");
    }
}
