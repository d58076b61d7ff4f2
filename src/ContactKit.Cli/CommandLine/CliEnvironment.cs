using NodaTime;

namespace ContactKit.Cli;

/// <summary>Where the tool writes and what it runs against: the console for the real tool, captured writers in tests.</summary>
internal sealed record CliEnvironment
{
    /// <summary>Where results go (text or JSON).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Where errors and the progress indicator go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Whether <see cref="Error"/> is a terminal: the progress indicator is shown only then.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock that decides what is due in a schedule dry run.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>Registers the retention store named by <c>--database</c>: EF Core over SQLite or PostgreSQL unless replaced.</summary>
    public RetentionStoreWiring Stores { get; init; } = RetentionDatabase.Wire;

    /// <summary>The environment of the installed tool: the process's console.</summary>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromConsole() => new()
    {
        Output = Console.Out,
        Error = Console.Error,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
