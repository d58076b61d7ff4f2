namespace ContactKit.Cli;

/// <summary>The exit codes of the tool, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; the lint found no errors (warnings alone are clean).</summary>
    public const int Clean = 0;

    /// <summary>The policy has errors: the lint found some, or the document does not load.</summary>
    public const int PolicyErrors = 1;

    /// <summary>The command line is wrong (an unknown option, a missing argument) or a file or database cannot be read.</summary>
    public const int Usage = 2;
}
