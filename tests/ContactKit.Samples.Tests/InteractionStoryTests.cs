using ContactKit.Samples.ContactCentre;
using Microsoft.Data.Sqlite;

namespace ContactKit.Samples.Tests;

public sealed class InteractionStoryTests
{
    [Fact]
    public async Task Story_GivenADatabaseFile_FollowsTheCallToDisposalAndLeavesItsRecordsInTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("contactkit-story-");
        try
        {
            var database = Path.Combine(folder.FullName, "kept.db");
            using var output = new StringWriter();

            await InteractionStory.RunAsync(output, database);

            var text = output.ToString();
            Assert.Contains("Captured 4 minutes of 6.", text, StringComparison.Ordinal);
            Assert.Contains("1 recording with 1 to review for the officer's voice before release", text, StringComparison.Ordinal);
            Assert.Matches(@"disposed of call-1:audio under rule recordings, proof sha256:[0-9a-f]{8}\.\.\.", text);
            Assert.Contains("Recording call-1.voice is Deleted; reading its transcript now gives CK0010.", text, StringComparison.Ordinal);

            // The caller from California is recorded only after agreeing, and the complaint's hold keeps the call from
            // erasure and from the first sweep, until it is released.
            Assert.Contains("recording before the caller agrees is refused: CK0114.", text, StringComparison.Ordinal);
            Assert.Contains("their consent to recording is Given in the ledger.", text, StringComparison.Ordinal);
            Assert.Contains("Erased (0):", text, StringComparison.Ordinal);
            Assert.Matches(@"Audio 'audio' of interaction call-2 \(media.call_recording in interactions\): kept under legal hold", text);
            var released = text.IndexOf("The complaint is closed and its hold released.", StringComparison.Ordinal);
            Assert.InRange(text.IndexOf("disposed of call-1:transcript", StringComparison.Ordinal), 0, released);
            Assert.True(text.IndexOf("disposed of call-2:audio", StringComparison.Ordinal) > released, text);
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM contactkit_retained_items WHERE tenant = 'council' AND is_disposed = 1";
            Assert.Equal(3L, await command.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
