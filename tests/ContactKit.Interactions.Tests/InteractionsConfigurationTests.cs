using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactKit.Interactions.Tests;

public class InteractionsConfigurationTests
{
    [Fact]
    public void BindConfiguration_InteractionsSection_BindsRecordClassesStoredKindsAndTheDeletionPeriod()
    {
        var options = AppSettings.Bind<InteractionsOptions>("""
            { "ContactKit": { "Interactions": {
                "RecordClasses": { "Summary": "case_summary" },
                "ChatTranscriptRecordClass": "webchat_transcript",
                "StoredKinds": [ "Summary" ],
                "DeletionPeriodDays": 20 } } }
            """, ck => ck.AddInteractions().UseInMemoryStores());

        Assert.Equal("case_summary", options.RecordClasses[ArtefactKind.Summary]);
        Assert.Equal("webchat_transcript", options.ChatTranscriptRecordClass);
        Assert.Equal([ArtefactKind.Audio, ArtefactKind.Transcript, ArtefactKind.Summary], options.StoredKinds.Order());
        Assert.Equal(20, options.DeletionPeriodDays);
    }

    [Fact]
    public void StartupValidation_DeletionPeriodInWords_FailsNamingTheKey()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "Interactions": { "DeletionPeriodDays": "four weeks" } } }""", ck => ck.AddInteractions().UseInMemoryStores());

        Assert.Contains(failures, f => f.StartsWith(ErrorCodes.InvalidOptions, StringComparison.Ordinal) && f.Contains("ContactKit:Interactions:DeletionPeriodDays", StringComparison.Ordinal));
    }
}
