using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ContactKit.Samples.Worker.Tests;

public sealed class WorkerSampleTests
{
    [Fact]
    public async Task FakeClockRun_SevenMonthsOfSweepsAndWatches_DisposesRaisesEachAlertOnceAndLogsNoPersonalData()
    {
        var logs = new FakeLogCollector();
        using var output = new StringWriter();

        var exitCode = await WorkerSample.RunAsync(
            ["--environment", "FakeClock"],
            logging => logging.AddProvider(new FakeLoggerProvider(logs)).AddFilter<FakeLoggerProvider>("ContactKit", LogLevel.Trace),
            output);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("transcript disposed: True; deletion on request: Completed", text, StringComparison.Ordinal);
        Assert.Contains("contactkit.hosting.disposals{contactkit.action=Delete,contactkit.tenant=council}", text, StringComparison.Ordinal);

        // Every message the run logged, at every level, with its exception: the inputs' personal data appears in none.
        var records = logs.GetSnapshot();
        // The run logged what the check below must read: the sweep's and the watch's runs, and the alerts paged.
        Assert.Contains(records, r => r.Id.Id == 705 && r.Message.Contains("disposed of 1 items", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Id.Id == 715);
        Assert.Contains(records, r => r.Category == typeof(PagerAlerts).FullName && r.Message.Contains(nameof(ContactKit.Hosting.ComplianceAlertKind.RightsRequestOverdue), StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == typeof(PagerAlerts).FullName && r.Message.Contains(nameof(ContactKit.Hosting.ComplianceAlertKind.CardDataSeenOutsidePause), StringComparison.Ordinal));
        foreach (var record in records)
        {
            var logged = record.Message + " " + record.Exception;
            foreach (var personal in SampleData.PersonalData)
            {
                Assert.False(logged.Contains(personal, StringComparison.OrdinalIgnoreCase), $"Log message {record.Id} of {record.Category} holds personal data from the run's inputs: {logged}");
            }
        }
    }
}
