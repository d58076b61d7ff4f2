using ContactKit.Retention;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using NodaTime;
using static ContactKit.Hosting.Tests.HostingHost;

namespace ContactKit.Hosting.Tests.Disposal;

public sealed class DisposalSweepTests
{
    [Fact]
    public async Task SweepOnceAsync_ItemsDueInTwoTenants_DisposesEachOnceWithProofAndCountsThem()
    {
        using var host = new HostingHost();
        await host.TrackAsync(Council, "c-1", Start);
        await host.TrackAsync(Council, "c-2", Start.Plus(Duration.FromDays(1)));
        await host.TrackAsync(Bureau, "b-1", Start);
        await host.TrackAsync(Council, "not-yet", Start.Plus(Duration.FromDays(100)));
        using var disposals = Collector<long>(host, "contactkit.hosting.disposals");
        using var lag = Collector<double>(host, "contactkit.hosting.disposal.lag");
        host.Clock.AdvanceDays(200);

        var report = await host.Sweep.SweepOnceAsync();

        Assert.Equal(["c-1", "c-2", "b-1"], host.Disposer.Destroyed.Select(i => i.Value));
        Assert.Equal((3, 0, 0), (report.Disposed, report.NotDisposed, report.FailedTenants));
        Assert.Equal(3, disposals.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(2, disposals.GetMeasurementSnapshot().Count(m => m.Tags["contactkit.tenant"] as string == "council"));
        Assert.All(lag.GetMeasurementSnapshot(), m => Assert.True(m.Value > 0));
        Assert.Equal(report.LongestLag.TotalSeconds, lag.GetMeasurementSnapshot().Max(m => m.Value), 3);
        Assert.False(await host.IsDisposedAsync(Council, "not-yet"));
        Assert.True(await host.IsDisposedAsync(Council, "c-1"));
    }

    [Fact]
    public async Task SweepOnceAsync_MoreDueThanOneBatch_DrainsTheTenantInOneRun()
    {
        using var host = new HostingHost(batchSize: 3);
        for (var i = 0; i < 7; i++)
        {
            await host.TrackAsync(Council, $"r-{i}", Start.Plus(Duration.FromHours(i)));
        }

        host.Clock.AdvanceDays(200);

        var report = await host.Sweep.SweepOnceAsync();

        Assert.Equal(7, report.Disposed);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r-{i}"), host.Disposer.Destroyed.Select(i => i.Value));
    }

    [Fact]
    public async Task Run_StoreRefusesConnections_BacksOffDoublingReportsUnhealthyAndRecoversWithoutLosingWork()
    {
        FlakyRetentionStore? flaky = null;
        using var host = new HostingHost(
            sweep: o => { o.RetryInitialDelay = Duration.FromSeconds(5); o.RetryMaxDelay = Duration.FromSeconds(30); o.MaxLag = Duration.FromDays(60); },
            services: s => s.AddSingleton<IRetentionStore>(sp => flaky = new FlakyRetentionStore(new ContactKit.Testing.InMemoryRetentionStore())));
        await host.TrackAsync(Council, "c-1", Start);
        host.Clock.AdvanceDays(200);
        flaky!.Failing = 5;
        using var failures = Collector<long>(host, "contactkit.hosting.sweep.failures");
        host.Delay.Limit = 3;
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.Sweep.StartAsync(CancellationToken.None);
        await host.Delay.Parked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var during = await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.DisposalSweep);
        await host.Sweep.StopAsync(CancellationToken.None);

        // Five refused claims: council's and bureau's in the first two runs, council's in the third.
        Assert.Equal([Duration.FromSeconds(5), Duration.FromSeconds(10), Duration.FromSeconds(20)], host.Delay.Waits);
        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Contains(HostingErrorCodes.SweepFailed, during.Entries[HostingHealthChecks.DisposalSweep].Description, StringComparison.Ordinal);
        Assert.Equal(5, failures.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Empty(host.Disposer.Destroyed);
        Assert.Equal(1, (await host.Sweep.SweepOnceAsync()).Disposed);
        var after = await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.DisposalSweep);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Run_DisposerRefusesEveryItem_BacksOffAndLeavesTheItemsToBeTakenAgain()
    {
        using var host = new HostingHost();
        await host.TrackAsync(Council, "c-1", Start);
        await host.TrackAsync(Council, "c-2", Start);
        host.Clock.AdvanceDays(200);
        host.Disposer.FailAll = true;
        host.Delay.Limit = 2;

        await host.Sweep.StartAsync(CancellationToken.None);
        await host.Delay.Parked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Sweep.StopAsync(CancellationToken.None);

        Assert.Equal([Duration.FromSeconds(5), Duration.FromSeconds(10)], host.Delay.Waits);
        Assert.False(await host.IsDisposedAsync(Council, "c-1"));
        Assert.False(await host.IsDisposedAsync(Council, "c-2"));
        host.Disposer.FailAll = false;
        host.Clock.AdvanceDays(1);
        Assert.Equal(2, (await host.Sweep.SweepOnceAsync()).Disposed);
    }

    [Fact]
    public async Task StopAsync_MidBatch_FinishesTheBatchInHandAndTakesNoOther()
    {
        using var host = new HostingHost(batchSize: 2);
        for (var i = 0; i < 5; i++)
        {
            await host.TrackAsync(Council, $"r-{i}", Start.Plus(Duration.FromHours(i)));
        }

        host.Clock.AdvanceDays(200);
        await host.StopWhileDestroyingAsync("r-0");

        Assert.Equal(["r-0", "r-1"], host.Disposer.Destroyed.Select(i => i.Value));
        Assert.True(await host.IsDisposedAsync(Council, "r-1"));
        Assert.False(await host.IsDisposedAsync(Council, "r-2"));
        Assert.Equal(3, (await host.Sweep.SweepOnceAsync()).Disposed);
    }

    // Regression: with an exporter listening to the holds gauge, a graceful stop read the holds with the cancelled
    // stopping token, and the stop was logged as a failed run (CK0700), its disposals uncounted, the health check unhealthy.
    [Fact]
    public async Task StopAsync_MidBatchWithMetricsListening_ReportsTheRunAsDoneAndNoFailure()
    {
        using var host = new HostingHost(
            sweep: o => o.MaxLag = Duration.FromDays(60),
            services: s => s.AddSingleton<IRetentionStore>(new FlakyRetentionStore(new ContactKit.Testing.InMemoryRetentionStore())),
            batchSize: 2);
        await host.TrackAsync(Council, "r-0", Start);
        await host.TrackAsync(Council, "r-1", Start);
        await host.TrackAsync(Council, "r-2", Start);
        host.Clock.AdvanceDays(200);
        using var holds = Collector<long>(host, "contactkit.hosting.holds.active");
        using var failures = Collector<long>(host, "contactkit.hosting.sweep.failures");
        await host.StopWhileDestroyingAsync("r-0");
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == HostingHealthChecks.DisposalSweep);

        Assert.Equal(["r-0", "r-1"], host.Disposer.Destroyed.Select(i => i.Value));
        Assert.Empty(failures.GetMeasurementSnapshot());
        Assert.Equal(0, holds.LastMeasurement?.Value);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 705 && r.Message.StartsWith("Disposal sweep run disposed of 2 items, 0 not disposed of", StringComparison.Ordinal));
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutEndsMidBatch_ClaimsLapseAndAnotherRunDisposesOfEachItemOnce()
    {
        using var host = new HostingHost(batchSize: 2);
        await host.TrackAsync(Council, "r-0", Start);
        await host.TrackAsync(Council, "r-1", Start);
        host.Clock.AdvanceDays(200);
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Disposer.Before = async (item, cancellationToken) =>
        {
            if (item.Id.Value == "r-1")
            {
                // The content store hangs until the host's shutdown timeout cancels the call.
                inside.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        };

        await host.Sweep.StartAsync(CancellationToken.None);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();
        await host.Sweep.StopAsync(timeout.Token);

        // The batch in hand records what it had already destroyed (r-0) before it ends.
        await Task.WhenAny(host.Sweep.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(30));
        host.Disposer.Before = null;
        Assert.True(await host.IsDisposedAsync(Council, "r-0"));
        Assert.False(await host.IsDisposedAsync(Council, "r-1"));
        host.Clock.Advance(Duration.FromMinutes(11)); // past the ten-minute claim timeout: another worker takes it
        var second = await host.Services.GetRequiredService<DisposalPlanner>().RunOnceAsync(Council, ActorId.Parse("sweeper-2"), host.Disposer);

        Assert.Equal(["r-0", "r-1"], host.Disposer.Destroyed.Select(i => i.Value));
        Assert.Single(second.Proofs);
        Assert.True(await host.IsDisposedAsync(Council, "r-0"));
        Assert.True(await host.IsDisposedAsync(Council, "r-1"));
    }

    [Fact]
    public async Task HealthCheck_LastRunLaggedPastMaxLag_IsUnhealthyWithTheLagCode()
    {
        using var host = new HostingHost(sweep: o => o.MaxLag = Duration.FromHours(2));
        await host.TrackAsync(Council, "c-1", Start);
        host.Clock.AdvanceDays(200);
        await host.Sweep.SweepOnceAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == HostingHealthChecks.DisposalSweep);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith(HostingErrorCodes.SweepLagging, report.Entries[HostingHealthChecks.DisposalSweep].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_NoRunFinishedForLongerThanMaxLag_IsUnhealthy()
    {
        using var host = new HostingHost(sweep: o => o.MaxLag = Duration.FromHours(1));
        await host.Sweep.SweepOnceAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries[HostingHealthChecks.DisposalSweep].Status);

        host.Clock.Advance(Duration.FromMinutes(61));

        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Entries[HostingHealthChecks.DisposalSweep].Status);
    }

    [Fact]
    public async Task Logs_FullRun_NameNoSubjectAndUseStableEventIds()
    {
        using var host = new HostingHost();
        await host.TrackAsync(Council, "c-1", Start);
        host.Clock.AdvanceDays(200);
        host.Delay.Limit = 1;

        await host.Sweep.StartAsync(CancellationToken.None);
        await host.Delay.Parked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Sweep.StopAsync(CancellationToken.None);

        var records = host.Logs.GetSnapshot().Where(r => r.Category == typeof(DisposalSweep).FullName).ToList();
        Assert.Equal([700, 701, 701, 705, 706], records.Select(r => r.Id.Id));
        Assert.DoesNotContain(records, r => r.Message.Contains("caller-7781", StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_AnyFailureCount_DoublesFromTheFirstDelayAndNeverPassesTheMaximum()
    {
        Gen.Select(Gen.Int[1, 3600], Gen.Int[1, 86_400], Gen.Int[1, 200]).Sample(t =>
        {
            var (first, extra, failures) = t;
            var options = new DisposalSweepOptions { RetryInitialDelay = Duration.FromSeconds(first), RetryMaxDelay = Duration.FromSeconds(first + extra) };
            var wait = DisposalSweep.Backoff(options, failures);
            var next = DisposalSweep.Backoff(options, failures + 1);
            return wait >= options.RetryInitialDelay && wait <= options.RetryMaxDelay && next >= wait &&
                (next == options.RetryMaxDelay || next == wait + wait) && DisposalSweep.Backoff(options, 1) == options.RetryInitialDelay;
        });
    }

    [Fact]
    public async Task SweepOnceAsync_ItemKeptUnderAReviewRuleComesDue_DestroysNothingKeepsItAndRaisesOneReviewAlert()
    {
        // A record kept "as long as needed": reviewed a year after the call, never deleted by the sweep.
        const string review = """
            { "name": "Kept as long as needed", "rules": [ { "name": "recordings-reviewed", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "P1Y", "action": "review", "reason": "legitimate_interests" } ] }
            """;
        var raised = new List<ComplianceAlert>();
        using var host = new HostingHost(services: s => s
            .AddSingleton<IComplianceAlerts>(new CollectingAlerts(raised))
            .PostConfigure<RetentionOptions>(o => o.Schedule = RetentionScheduleJson.ParseText(review).Value));
        await host.TrackAsync(Council, "kept", Start);
        host.Clock.AdvanceDays(300);
        var early = await host.Sweep.SweepOnceAsync();
        host.Clock.AdvanceDays(100);

        var due = await host.Sweep.SweepOnceAsync();
        host.Clock.AdvanceDays(30);
        var later = await host.Sweep.SweepOnceAsync();

        Assert.Empty(host.Disposer.Destroyed);
        Assert.Equal(0, early.Disposed + due.Disposed + later.Disposed + early.NotDisposed + due.NotDisposed + later.NotDisposed);
        var alert = Assert.Single(raised);
        Assert.Equal((ComplianceAlertKind.RetentionReviewDue, Council, "kept", new LocalDate(2027, 1, 14)), (alert.Kind, alert.Tenant, alert.Reference, alert.DueOn));
        Assert.False(await host.IsDisposedAsync(Council, "kept"));
    }

    [Fact]
    public async Task SweepOnceAsync_ReviewAlertCannotBeRaised_TheItemStaysDueAndTheAlertIsRaisedOnTheNextRun()
    {
        const string review = """
            { "name": "Kept as long as needed", "rules": [ { "name": "recordings-reviewed", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "P1Y", "action": "review", "reason": "legitimate_interests" } ] }
            """;
        var raised = new List<ComplianceAlert>();
        var alerts = new CollectingAlerts(raised) { FailuresLeft = 1 };
        using var host = new HostingHost(services: s => s
            .AddSingleton<IComplianceAlerts>(alerts)
            .PostConfigure<RetentionOptions>(o => o.Schedule = RetentionScheduleJson.ParseText(review).Value));
        await host.TrackAsync(Council, "kept", Start);
        host.Clock.AdvanceDays(400);

        var failed = await host.Sweep.SweepOnceAsync();
        var kept = (await host.Services.GetRequiredService<IRetentionStore>().GetAsync(Council, RetainedItemId.Parse("kept"))).Value;
        var retried = await host.Sweep.SweepOnceAsync();
        var after = await host.Sweep.SweepOnceAsync();

        Assert.Equal(1, failed.NotDisposed);
        Assert.NotNull(kept.DisposeAt); // still due: the review waits to be handed on
        Assert.Null(kept.ClaimedBy);
        Assert.Equal((0, 0), (retried.NotDisposed, after.NotDisposed));
        var alert = Assert.Single(raised);
        Assert.Equal((ComplianceAlertKind.RetentionReviewDue, "kept"), (alert.Kind, alert.Reference));
        Assert.Empty(host.Disposer.Destroyed);
    }

    private static MetricCollector<T> Collector<T>(HostingHost host, string instrument)
        where T : struct =>
        new(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), HostingTelemetry.Name, instrument);

    private sealed class CollectingAlerts(List<ComplianceAlert> raised) : IComplianceAlerts
    {
        // How many calls throw, as an alert sink that is down would, before alerts are collected.
        public int FailuresLeft { get; set; }

        public ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new HttpRequestException("alert sink unavailable");
            }

            raised.Add(alert);
            return ValueTask.CompletedTask;
        }
    }
}
