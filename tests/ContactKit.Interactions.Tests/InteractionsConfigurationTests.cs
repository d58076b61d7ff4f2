using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Interactions.Tests;

public class InteractionsConfigurationTests
{
    [Fact]
    public void BindConfiguration_InteractionsSection_BindsRecordClassesAndStoredKinds()
    {
        var options = AppSettings.Bind<InteractionsOptions>("""
            { "ContactKit": { "Interactions": {
                "RecordClasses": { "Summary": "case_summary" },
                "ChatTranscriptRecordClass": "webchat_transcript",
                "StoredKinds": [ "Summary" ] } } }
            """, ck => ck.AddInteractions().UseInMemoryStores());

        Assert.Equal("case_summary", options.RecordClasses[ArtefactKind.Summary]);
        Assert.Equal("webchat_transcript", options.ChatTranscriptRecordClass);
        Assert.Equal([ArtefactKind.Audio, ArtefactKind.Transcript, ArtefactKind.Summary], options.StoredKinds.Order());
    }

    [Fact]
    public void StartupValidation_UnknownArtefactKind_FailsNamingTheKey()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Interactions": { "StoredKinds": [ "Hologram" ] } } }""", ck => ck.AddInteractions().UseInMemoryStores());

        Assert.Contains(failures, f => f.StartsWith(ErrorCodes.InvalidOptions, StringComparison.Ordinal) && f.Contains("ContactKit:Interactions:StoredKinds", StringComparison.Ordinal));
    }
}
