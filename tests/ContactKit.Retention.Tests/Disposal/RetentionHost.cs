using ContactKit;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Retention.Tests.Disposal;

/// <summary>The retention package wired as a host would wire it, on in-memory stores and a fake clock.</summary>
internal sealed class RetentionHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly Schedules _schedules;

    public RetentionHost(RetentionSchedule schedule, Instant now)
    {
        Clock = new FakeClock(now);
        _schedules = new Schedules { Current = schedule };
        var services = new ServiceCollection().AddSingleton<IClock>(Clock).AddSingleton<IRetentionScheduleProvider>(_schedules);
        services.AddContactKit().AddRetention(o => o.Schedule = schedule).UseInMemoryStores();
        _provider = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; }

    /// <summary>The schedule the host has configured for every tenant; a test sets it as a host changes its configuration.</summary>
    public RetentionSchedule Schedule
    {
        get => _schedules.Current;
        set => _schedules.Current = value;
    }

    public RetentionService Service => _provider.GetRequiredService<RetentionService>();

    public DisposalPlanner Planner => _provider.GetRequiredService<DisposalPlanner>();

    public IRetentionStore Store => _provider.GetRequiredService<IRetentionStore>();

    public IAuditTrail Audit => _provider.GetRequiredService<IAuditTrail>();

    public async Task<List<AuditEntry>> AuditEntriesAsync(TenantId tenant)
    {
        var list = new List<AuditEntry>();
        await foreach (var entry in Audit.ReadByTenantAsync(tenant))
        {
            list.Add(entry);
        }

        return list;
    }

    public void Dispose() => _provider.Dispose();

    private sealed class Schedules : IRetentionScheduleProvider
    {
        public required RetentionSchedule Current { get; set; }

        public RetentionSchedule GetSchedule(TenantId tenant) => Current;
    }
}

/// <summary>A disposer that records what it destroyed and can be told to fail.</summary>
internal sealed class RecordingDisposer : IRetainedItemDisposer
{
    public List<RetainedItemId> Destroyed { get; } = [];

    public HashSet<RetainedItemId> FailFor { get; } = [];

    public ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        if (FailFor.Contains(item.Id))
        {
            return new(new ContactKitError("CK0299", "storage offline"));
        }

        Destroyed.Add(item.Id);
        return new(new DestructionReceipt($"sha256:{item.Id.Value}", "test-storage"));
    }
}
