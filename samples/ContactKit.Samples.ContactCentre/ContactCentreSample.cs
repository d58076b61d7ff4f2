namespace ContactKit.Samples.ContactCentre;

/// <summary>The whole sample: the council's story, then its settings and its notice's vocabulary, each printing a readable account.</summary>
public static class ContactCentreSample
{
    /// <summary>Runs every part of the sample.</summary>
    /// <param name="output">Where the account is written.</param>
    /// <param name="database">The SQLite file the story keeps ContactKit's tables in; a temporary one when <see langword="null"/>.</param>
    /// <returns>The process exit code: 0 when every part ran.</returns>
    public static async Task<int> RunAsync(TextWriter output, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("ContactKit contact-centre sample");
        await output.WriteLineAsync("================================");

        await Section(output, "A council's calls from the first ring to disposal, on SQLite", () => InteractionStory.RunAsync(output, database));
        await Section(output, "Configuration: every package's settings from appsettings.json", () => ConfigurationDemo.RunAsync(output));
        await Section(output, "The vocabulary: one council's contact-centre notice as data", () => VocabularyDemo.RunAsync(output));

        await output.WriteLineAsync();
        await output.WriteLineAsync("Sample finished.");
        return 0;
    }

    private static async Task Section(TextWriter output, string title, Func<Task> run)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"## {title}");
        await output.WriteLineAsync();
        await run();
    }
}
