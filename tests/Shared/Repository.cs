namespace ContactKit;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContactKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (holding ContactKit.sln) was not found above the test output.");
    }
}
