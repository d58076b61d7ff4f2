namespace ContactKit.Calendars.Tests.Calendars;

/// <summary>Finds the published bank-holiday feed kept beside the repository (never inside it).</summary>
internal static class ReferenceFeed
{
    private const string RelativePath = "shared/reference/uk-bank-holidays.json";

    public static readonly string? Path = Find();

    public const string MissingReason =
        "The published feed 'shared/reference/uk-bank-holidays.json' was not found beside the clone or above the test " +
        "binaries; the calendars were not compared with it.";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, RelativePath), System.IO.Path.Combine(dir.FullName, "..", RelativePath) })
            {
                if (File.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}

/// <summary>A theory that is skipped, with the reason, when the published feed is absent.</summary>
internal sealed class ReferenceFeedTheoryAttribute : TheoryAttribute
{
    public ReferenceFeedTheoryAttribute()
    {
        if (ReferenceFeed.Path is null)
        {
            Skip = ReferenceFeed.MissingReason;
        }
    }
}
