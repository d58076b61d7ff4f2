using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Hosting.Tests.Deadlines;

public sealed class DeadlineWatchTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30); // a Wednesday in London (UTC in winter)
    private static readonly LocalDate Today = new(2026, 1, 14);
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly ActorId Officer = ActorId.Parse("officer-1");

    [Fact]
    public async Task Run_FakeClockCrossesEveryDeadline_RaisesEachAlertOnceOnTheDayItsConditionBegins()
    {
        using var host = new WatchHost();
        var rights = await host.ReceiveRightsRequestAsync();
        await host.AuthoriseDeletionAsync("del-1", dueBy: Today.PlusDays(10));
        await host.OpenSecurePauseAsync("rec-paid");
        host.PublishCallingList("spring-renewals", screenedOn: Today); // valid 28 days: stale from 12 February
        using var raisedMetric = new MetricCollector<long>(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), HostingTelemetry.Name, "contactkit.hosting.alerts");
        host.Delay.Limit = 60; // sixty daily runs, 14 January to 14 March, then the watch parks

        await host.Watch.StartAsync(CancellationToken.None);
        await host.Delay.Parked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await host.Watch.StopAsync(CancellationToken.None);

        var dueSoonDays = host.Services.GetRequiredService<IOptions<DataSubjectsOptions>>().Value.DueSoonWithinDays;
        var expected = new (ComplianceAlertKind Kind, string Reference, LocalDate DueOn, LocalDate RaisedOn)[]
        {
            (ComplianceAlertKind.SecurePauseOverdue, "rec-paid", Today, Today.PlusDays(1)), // open ten minutes at the second run
            (ComplianceAlertKind.DeletionRequestDueSoon, "del-1", Today.PlusDays(10), Today.PlusDays(5)),
            (ComplianceAlertKind.DeletionRequestOverdue, "del-1", Today.PlusDays(10), Today.PlusDays(11)),
            (ComplianceAlertKind.ExtensionNoticeDue, rights.Id.Value, rights.ExtensionNoticeDueOn, rights.ExtensionNoticeDueOn.PlusDays(-5)),
            (ComplianceAlertKind.ScreeningGoingStale, "spring-renewals", new LocalDate(2026, 2, 12), new LocalDate(2026, 2, 9)),
            (ComplianceAlertKind.RightsRequestDueSoon, rights.Id.Value, rights.DueOn, rights.DueOn.PlusDays(-dueSoonDays)),
            (ComplianceAlertKind.RightsRequestOverdue, rights.Id.Value, rights.DueOn, rights.DueOn.PlusDays(1)),
        };
        var raised = host.Alerts.Raised.Select(a => (a.Kind, a.Reference, a.DueOn, RaisedOn: a.RaisedAt.InUtc().Date)).ToList();
        Assert.Equal(expected.OrderBy(e => e.RaisedOn).ThenBy(e => e.Kind), raised.OrderBy(e => e.RaisedOn).ThenBy(e => e.Kind));
        Assert.All(host.Alerts.Raised, a => Assert.Equal(Council, a.Tenant));
        Assert.Equal(7, raisedMetric.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Single(raisedMetric.GetMeasurementSnapshot(), m => m.Tags["contactkit.alert.kind"] as string == nameof(ComplianceAlertKind.ScreeningGoingStale));
    }

    [Fact]
    public async Task CheckOnceAsync_SameConditionsTwice_RaisesNothingTheSecondTimeButStillCountsThem()
    {
        using var host = new WatchHost();
        await host.AuthoriseDeletionAsync("del-1", dueBy: Today.PlusDays(-1));
        await host.OpenSecurePauseAsync("rec-paid");
        host.Clock.Advance(Duration.FromMinutes(11));

        var first = await host.Watch.CheckOnceAsync();
        var second = await host.Watch.CheckOnceAsync();

        Assert.Equal((2, 1, 1), (first.AlertsRaised, first.DeletionRequestsOverdue, first.SecurePausesOverdue));
        Assert.Equal((0, 1, 1), (second.AlertsRaised, second.DeletionRequestsOverdue, second.SecurePausesOverdue));
        Assert.Equal(2, host.Alerts.Raised.Count);
    }

    [Fact]
    public async Task CheckOnceAsync_SecurePauseResumedWithinItsLimit_RaisesNothing()
    {
        using var host = new WatchHost();
        var session = await host.OpenSecurePauseAsync("rec-paid");
        host.Clock.Advance(Duration.FromMinutes(4));
        await host.ApplyAsync(session, new CaptureResumed(EventId.Parse("resumed"), UncapturedReason.SecurePayment));
        host.Clock.Advance(Duration.FromHours(2));

        var report = await host.Watch.CheckOnceAsync();

        Assert.Equal(0, report.SecurePausesOverdue);
        Assert.Empty(host.Alerts.Raised);
    }

    [Fact]
    public async Task CheckOnceAsync_CallingListScreenedAgainAfterTheAlert_RaisesTheNextStaleDateOnceWhenItComes()
    {
        using var host = new WatchHost();
        host.PublishCallingList("spring-renewals", screenedOn: Today);
        host.Clock.AdvanceDays(26); // 9 February: stale from 12 February, within three days
        await host.Watch.CheckOnceAsync();

        host.PublishCallingList("spring-renewals", screenedOn: new LocalDate(2026, 2, 9)); // re-screened: stale from 10 March
        var rescreened = await host.Watch.CheckOnceAsync();
        host.Clock.AdvanceDays(26); // 7 March: stale from 10 March, within three days
        var later = await host.Watch.CheckOnceAsync();

        Assert.Equal(0, rescreened.AlertsRaised);
        Assert.Equal(1, later.AlertsRaised);
        Assert.Equal([new LocalDate(2026, 2, 12), new LocalDate(2026, 3, 10)], host.Alerts.Raised.Select(a => a.DueOn));
    }

    [Fact]
    public async Task CheckOnceAsync_AlertReceiverThrows_RaisesTheAlertAgainAtTheNextRun()
    {
        using var host = new WatchHost();
        await host.AuthoriseDeletionAsync("del-1", dueBy: Today.PlusDays(-1));
        host.Alerts.FailNext = 1;

        var failed = await host.Watch.CheckOnceAsync();
        var next = await host.Watch.CheckOnceAsync();

        Assert.Equal(0, failed.AlertsRaised);
        Assert.Equal(1, next.AlertsRaised);
        Assert.Single(host.Alerts.Raised);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 714);
    }

    [Fact]
    public async Task HealthCheck_OverdueRightsRequest_IsUnhealthyWithTheOverdueCodeAndHealthyBefore()
    {
        using var host = new WatchHost();
        var rights = await host.ReceiveRightsRequestAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.Deadlines)).Status); // not run yet
        await host.Watch.CheckOnceAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.Deadlines)).Status);

        host.Clock.AdvanceDays(Period.Between(Today, rights.DueOn.PlusDays(1), PeriodUnits.Days).Days); // the day after it was due
        await host.Watch.CheckOnceAsync();
        var report = await health.CheckHealthAsync(r => r.Name == HostingHealthChecks.Deadlines);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.StartsWith(HostingErrorCodes.DeadlineOverdue, report.Entries[HostingHealthChecks.Deadlines].Description, StringComparison.Ordinal);
        Assert.Equal(1, report.Entries[HostingHealthChecks.Deadlines].Data["rightsRequestsOverdue"]);
    }

    [Fact]
    public async Task HealthCheck_StoreUnreachable_IsDegradedWithTheWatchFailedCode()
    {
        using var host = new WatchHost(s => s.AddSingleton<IDeletionRequestStore, UnreachableDeletionRequestStore>());

        var run = await host.Watch.CheckOnceAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == HostingHealthChecks.Deadlines);

        Assert.Equal(1, run.FailedTenants);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.StartsWith(HostingErrorCodes.WatchFailed, report.Entries[HostingHealthChecks.Deadlines].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckOnceAsync_OpenRequests_RecordsTheGaugesPerTenant()
    {
        using var host = new WatchHost();
        await host.ReceiveRightsRequestAsync();
        await host.ReceiveRightsRequestAsync();
        var meters = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var open = new MetricCollector<long>(meters, HostingTelemetry.Name, "contactkit.hosting.rights_requests.open");
        using var overdue = new MetricCollector<long>(meters, HostingTelemetry.Name, "contactkit.hosting.rights_requests.overdue");

        await host.Watch.CheckOnceAsync();

        Assert.Equal(2, open.LastMeasurement?.Value);
        Assert.Equal("council", open.LastMeasurement?.Tags["contactkit.tenant"] as string);
        Assert.Equal(0, overdue.LastMeasurement?.Value);
    }

    /// <summary>The deadline watch of one tenant on in-memory stores, a fake clock, collected alerts and fake logs.</summary>
    private sealed class WatchHost : IDisposable
    {
        private readonly ServiceProvider _provider;

        public WatchHost(Action<IServiceCollection>? services = null)
        {
            Clock = new FakeClock(Start);
            Delay = new ClockDelay(Clock);
            var collection = new ServiceCollection().AddSingleton<IClock>(Clock).AddSingleton<IWorkerDelay>(Delay).AddSingleton<IComplianceAlerts>(Alerts);
            collection.AddFakeLogging();
            collection.AddMetrics();
            collection.AddContactKit()
                .AddDataSubjects()
                .AddConsent()
                .AddHosting(o => o.Tenants.Add("council"))
                .AddDeadlineWatch(o => o.Interval = Duration.FromDays(1))
                .UseInMemoryStores();
            services?.Invoke(collection);
            _provider = collection.BuildServiceProvider();
            _provider.GetRequiredService<IStartupValidator>().Validate();
        }

        public FakeClock Clock { get; }

        public ClockDelay Delay { get; }

        public CollectingAlerts Alerts { get; } = new();

        public IServiceProvider Services => _provider;

        public DeadlineWatch Watch => _provider.GetRequiredService<DeadlineWatch>();

        public Microsoft.Extensions.Logging.Testing.FakeLogCollector Logs => _provider.GetFakeLogCollector();

        public async Task<RightsRequest> ReceiveRightsRequestAsync()
        {
            var intake = new RequestIntake { Channel = Channel.Email, Description = "A copy of the recording of my call." };
            var received = await _provider.GetRequiredService<RightsRequestService>().ReceiveAsync(Council, DataSubjectId.Parse("caller-7781"), DataSubjectRight.Access, intake, Officer);
            Assert.True(received.IsSuccess, received.Error?.ToString());
            return received.Value;
        }

        public async Task<DeletionRequest> AuthoriseDeletionAsync(string id, LocalDate dueBy)
        {
            var saved = await _provider.GetRequiredService<IDeletionRequestStore>().SaveAsync(new DeletionRequest
            {
                Id = DeletionRequestId.Parse(id),
                Tenant = Council,
                Recording = RecordingId.Parse($"rec-{id}"),
                Interaction = InteractionId.Parse($"call-{id}"),
                RequestedBy = Officer,
                Reason = "the caller asked",
                RequestedAt = Clock.GetCurrentInstant(),
                State = DeletionRequestState.Authorised,
                DecidedBy = Officer,
                DecidedAt = Clock.GetCurrentInstant(),
                DueBy = dueBy,
            });
            Assert.True(saved.IsSuccess, saved.Error?.ToString());
            return saved.Value;
        }

        public async Task<RecordingSession> OpenSecurePauseAsync(string id)
        {
            var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
            var started = new InteractionStarted(EventId.Parse("started"), Council, RecordingId.Parse(id), Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
            var session = RecordingLifecycle.Begin(started, Clock.GetCurrentInstant()).Value;
            var saved = await _provider.GetRequiredService<IRecordingStore>().SaveAsync(session, new RecordedEvent(1, Clock.GetCurrentInstant(), started), 0, AuditOf(session));
            Assert.True(saved.IsSuccess, saved.Error?.ToString());
            return await ApplyAsync(session, new CapturePaused(EventId.Parse("paused"), UncapturedReason.SecurePayment));
        }

        public async Task<RecordingSession> ApplyAsync(RecordingSession session, RecordingEvent @event)
        {
            var at = Clock.GetCurrentInstant();
            var next = RecordingLifecycle.Apply(session, @event, at).Value;
            var saved = await _provider.GetRequiredService<IRecordingStore>().SaveAsync(next, new RecordedEvent(next.Version, at, @event), session.Version, AuditOf(next));
            Assert.True(saved.IsSuccess, saved.Error?.ToString());
            return saved.Value;
        }

        private static AuditEntry AuditOf(RecordingSession session) => new()
        {
            Tenant = session.Tenant, OccurredAt = session.LastChangedAt, Actor = ActorId.Parse("test"), Action = "recording.changed", Resource = ResourceRef.Recording(session.Id),
        };

        public void PublishCallingList(string name, LocalDate screenedOn)
        {
            var index = new MarketingCallIndex.Builder()
                .AddScreening(TelephoneNumber.Parse("07700 900001"), TelephonePreferenceRegisters.None, screenedOn)
                .AddScreening(TelephoneNumber.Parse("07700 900002"), TelephonePreferenceRegisters.Tps, screenedOn)
                .Build();
            Assert.True(_provider.GetRequiredService<CallingListScreenings>().Publish(Council, name, index).IsSuccess);
        }

        public void Dispose() => _provider.Dispose();
    }

    private sealed class CollectingAlerts : IComplianceAlerts
    {
        private readonly Lock _lock = new();

        public List<ComplianceAlert> Raised { get; } = [];

        public int FailNext { get; set; }

        public ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default)
        {
            lock (_lock)
            {
                if (FailNext > 0)
                {
                    FailNext--;
                    throw new InvalidOperationException("pager offline");
                }

                Raised.Add(alert);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class UnreachableDeletionRequestStore : IDeletionRequestStore
    {
        public ValueTask<Result<DeletionRequest>> GetAsync(TenantId tenant, DeletionRequestId request, CancellationToken cancellationToken = default) => throw Refused();

        public ValueTask<Result<DeletionRequest>> SaveAsync(DeletionRequest request, CancellationToken cancellationToken = default) => throw Refused();

        public IAsyncEnumerable<DeletionRequest> ReadOpenAsync(TenantId tenant, CancellationToken cancellationToken = default) => throw Refused();

        private static InvalidOperationException Refused() => new("connection refused");
    }
}
