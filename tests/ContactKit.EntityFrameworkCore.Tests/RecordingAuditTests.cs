using ContactKit.Recording;
using ContactKit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>Each recording change's audit entry goes to the audit trail the host registered, with the event.</summary>
public sealed class RecordingAuditTests : IDisposable
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly RecordingId Recording = RecordingId.Parse("rec-1");
    private readonly string _folder = Directory.CreateTempSubdirectory("contactkit-recording-audit-").FullName;

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SaveAsync_AuditTrailOfTheStoresOrTheHosts_GetsEachEntryOnceWithItsEvent(bool hostTrail)
    {
        var hosts = new InMemoryAuditTrail();
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(o => o.UseSqlite($"Data Source={Path.Combine(_folder, $"{hostTrail}.db")}"));
        if (hostTrail)
        {
            services.AddSingleton<IAuditTrail>(hosts);
        }

        await using var provider = services.BuildServiceProvider();
        await provider.MigrateContactKitAsync();
        var store = provider.GetRequiredService<IRecordingStore>();
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), Tenant, Recording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var session = RecordingLifecycle.Begin(started, at).Value;
        var entry = new AuditEntry { Tenant = Tenant, OccurredAt = at, Actor = ActorId.Parse("officer-1"), Action = "recording.interaction_started", Resource = ResourceRef.Recording(Recording) };

        Assert.True((await store.SaveAsync(session, new RecordedEvent(1, at, started), 0, entry)).IsSuccess);
        Assert.True((await store.SaveAsync(session, new RecordedEvent(1, at, started), 0, entry)).IsFailure);

        await using var context = await provider.GetRequiredService<IDbContextFactory<ContactKitDbContext>>().CreateDbContextAsync();
        var inTable = await context.Database.SqlQueryRaw<string>("SELECT action AS \"Value\" FROM contactkit_audit_entries").ToListAsync();
        var inHosts = (await hosts.ReadByTenantAsync(Tenant).ToListAsync()).Select(e => e.Action).ToList();
        Assert.Equal(["recording.interaction_started"], hostTrail ? inHosts : inTable);
        Assert.Empty(hostTrail ? inTable : inHosts);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
