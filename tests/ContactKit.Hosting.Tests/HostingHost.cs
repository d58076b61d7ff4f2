using System.Runtime.CompilerServices;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Hosting.Tests;

/// <summary>The hosted workers wired as a host wires them, on in-memory stores, a fake clock, fake logs and real metrics.</summary>
internal sealed class HostingHost : IDisposable
{
    public const string ScheduleJson = """
        {
          "name": "Recordings six months",
          "rules": [
            { "name": "recordings-six-months", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" }
          ]
        }
        """;

    public static readonly Instant Start = Instant.FromUtc(2026, 1, 14, 10, 30);
    public static readonly TenantId Council = TenantId.Parse("council");
    public static readonly TenantId Bureau = TenantId.Parse("bureau");

    private readonly ServiceProvider _provider;

    public HostingHost(Action<DisposalSweepOptions>? sweep = null, Action<IServiceCollection>? services = null, Action<DeadlineWatchOptions>? watch = null, int batchSize = 100)
    {
        Clock = new FakeClock(Start);
        Delay = new ClockDelay(Clock);
        var collection = new ServiceCollection().AddSingleton<IClock>(Clock).AddSingleton<IWorkerDelay>(Delay).AddSingleton<IRetainedItemDisposer>(Disposer);
        collection.AddFakeLogging().AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        collection.AddMetrics();
        collection.AddContactKit()
            .AddRetention(o => { o.Schedule = RetentionScheduleJson.ParseText(ScheduleJson).Value; o.BatchSize = batchSize; })
            .AddHosting(o => { o.Tenants.Add("council"); o.Tenants.Add("bureau"); })
            .AddDisposalSweep(o => { o.WorkerId = "sweeper-1"; sweep?.Invoke(o); })
            .AddDeadlineWatch(watch)
            .UseInMemoryStores();
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        _provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
    }

    public FakeClock Clock { get; }

    public ClockDelay Delay { get; }

    public CountingDisposer Disposer { get; } = new();

    /// <summary>
    /// Starts the hosted sweep and asks it to stop while the disposer is destroying item <paramref name="id"/>; that item
    /// then goes on, and this returns once the stop has finished.
    /// </summary>
    public async Task StopWhileDestroyingAsync(string id)
    {
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Disposer.Before = async (item, _) =>
        {
            if (item.Id.Value == id)
            {
                inside.TrySetResult();
                await release.Task;
            }
        };

        await Sweep.StartAsync(CancellationToken.None);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = Sweep.StopAsync(CancellationToken.None);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public IServiceProvider Services => _provider;

    public DisposalSweep Sweep => _provider.GetRequiredService<DisposalSweep>();

    public DeadlineWatch Watch => _provider.GetRequiredService<DeadlineWatch>();

    public RetentionService Retention => _provider.GetRequiredService<RetentionService>();

    public IRetentionStore Store => _provider.GetRequiredService<IRetentionStore>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public async Task TrackAsync(TenantId tenant, string id, Instant ended)
    {
        var item = new RetainedItem
        {
            Tenant = tenant,
            Id = RetainedItemId.Parse(id),
            RecordClass = RecordClass.CallRecording,
            CreatedAt = ended,
            Subject = DataSubjectId.Parse("caller-7781"),
            Interaction = InteractionId.Parse($"call-{id}"),
        }.WithTrigger(RetentionTrigger.InteractionEnded, ended);
        var tracked = await Retention.TrackAsync(item);
        Assert.True(tracked.IsSuccess, tracked.Error?.ToString());
    }

    public async Task<bool> IsDisposedAsync(TenantId tenant, string id)
    {
        var item = await Store.GetAsync(tenant, RetainedItemId.Parse(id));
        Assert.True(item.IsSuccess, item.Error?.ToString());
        return item.Value.IsDisposed;
    }

    public void Dispose() => _provider.Dispose();
}

/// <summary>Destroys items in memory, counting each, and can be told to fail or to wait.</summary>
internal sealed class CountingDisposer : IRetainedItemDisposer
{
    private readonly Lock _lock = new();

    public List<RetainedItemId> Destroyed { get; } = [];

    public bool FailAll { get; set; }

    public Func<StoredRetainedItem, CancellationToken, Task>? Before { get; set; }

    public async ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        if (Before is { } before)
        {
            await before(item, cancellationToken);
        }

        if (FailAll)
        {
            return new ContactKitError("CK0908", "media store offline");
        }

        lock (_lock)
        {
            Destroyed.Add(item.Id);
        }

        return new DestructionReceipt($"sha256:{item.Id.Value}", "test-media");
    }
}

/// <summary>
/// Waits by advancing the fake clock, so no test sleeps. After <see cref="Limit"/> waits it parks until the host stops,
/// and <see cref="Parked"/> completes so the test knows the worker is idle.
/// </summary>
internal sealed class ClockDelay(FakeClock clock) : IWorkerDelay
{
    private readonly Lock _lock = new();

    public List<Duration> Waits { get; } = [];

    public int Limit { get; set; } = int.MaxValue;

    public TaskCompletionSource Parked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask WaitAsync(Duration delay, CancellationToken cancellationToken)
    {
        bool park;
        lock (_lock)
        {
            Waits.Add(delay);
            park = Waits.Count >= Limit;
        }

        if (park)
        {
            Parked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        clock.Advance(delay);
        await Task.Yield();
    }
}

/// <summary>
/// A retention store that throws on claims while <see cref="Failing"/> is above zero, as a store whose connection is
/// refused, and that honours cancellation as a database store does.
/// </summary>
internal sealed class FlakyRetentionStore(IRetentionStore inner) : IRetentionStore
{
    public int Failing { get; set; }

    public ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default)
    {
        if (Failing > 0)
        {
            Failing--;
            throw new InvalidOperationException("connection refused");
        }

        return inner.ClaimDueAsync(tenant, now, max, worker, claimFor, cancellationToken);
    }

    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default) => inner.SaveAsync(item, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default) => inner.GetAsync(tenant, id, cancellationToken);

    public IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadAllAsync(tenant, cancellationToken);

    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default) => inner.AddHoldAsync(hold, cancellationToken);

    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default) => inner.ReleaseHoldAsync(tenant, id, releasedBy, releasedAt, cancellationToken);

    // Refuses a cancelled call at once, as a database store does (the in-memory one does not look at the token).
    public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.ReadHoldsAsync(tenant, cancellationToken);
    }

    public IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, CancellationToken cancellationToken = default) => inner.ReadActiveHoldsAsync(tenant, targets, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) => inner.BeginDisposalAsync(tenant, id, worker, startedAt, cancellationToken);

    public ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default) => inner.BeginDisposalsAsync(tenant, ids, worker, startedAt, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default) => inner.BeginErasureAsync(tenant, id, alsoHeldBy, worker, startedAt, claimFor, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) => inner.CompleteDisposalAsync(tenant, id, worker, disposedAt, cancellationToken);

    public ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default) => inner.CompleteDisposalsAsync(tenant, disposals, worker, disposedAt, cancellationToken);

    public ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default) => inner.ReleaseClaimAsync(tenant, id, worker, cancellationToken);
}
