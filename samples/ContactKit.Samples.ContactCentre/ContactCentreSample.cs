namespace ContactKit.Samples.ContactCentre;

/// <summary>The whole sample: each part shows one ContactKit package at work and prints a readable account.</summary>
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

        await Section(output, "One call from the first ring to disposal, on SQLite", () => InteractionStory.RunAsync(output, database));
        await Section(output, "Quick start", () => QuickStart.RunAsync(output));
        await Section(output, "Configuration: every package's settings from appsettings.json", () => ConfigurationDemo.RunAsync(output));
        await Section(output, "The vocabulary: one council's contact-centre notice as data", () => VocabularyDemo.RunAsync(output));
        await Section(output, "Consent: notices, recording announcements and telemarketing screening", () => ConsentDemo.RunAsync(output));
        await Section(output, "Recording: three calls and their capture reports", () => RecordingDemo.RunAsync(output));
        await Section(output, "Retention: six months of recordings, a legal hold and a disposal sweep", () => RetentionDemo.RunAsync(output));
        await Section(output, "Data subjects: a caller asks for a copy of their recording and erasure of their enquiry", () => DataSubjectsDemo.RunAsync(output));

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
