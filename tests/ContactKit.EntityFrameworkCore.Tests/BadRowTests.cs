using ContactKit.Recording;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class BadRowTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");

    [Fact]
    public async Task ReadByTenantAsync_DamagedAuditJson_ThrowsCorruptRowNamingTheRow()
    {
        var trail = database.Fresh<IAuditTrail>();
        await trail.AppendAsync(new AuditEntry { Tenant = Tenant, OccurredAt = Instant.FromUtc(2026, 3, 2, 9, 0), Actor = ActorId.Parse("agent-1"), Action = "recording.started", Resource = new ResourceRef("recording", "rec-1") });
        using (var context = database.NewContext())
        {
            await context.Set<AuditEntryRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Json, "{\"tenant\":"));
        }

        var error = await Assert.ThrowsAsync<ContactKitException>(async () => await trail.ReadByTenantAsync(Tenant).ToListAsync());

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, error.Error.Code);
        Assert.Contains("tenant-a/1", error.Error.Message, StringComparison.Ordinal);
        Assert.Contains(AuditEntryRow.Table, error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_EventFromANewerContract_IsUnknownRowVersionNotACrash()
    {
        var store = database.Fresh<IRecordingStore>();
        using (var context = database.NewContext())
        {
            context.Add(new RecordingSessionRow { Tenant = Tenant.Value, Recording = "rec-1", Version = 1 });
            context.Add(new RecordingEventRow { Tenant = Tenant.Value, Recording = "rec-1", Version = 1, EventId = "e-1", ContractVersion = RecordingJson.EventContractVersion + 1, Json = "{}" });
            await context.SaveChangesAsync();
        }

        var read = await store.GetAsync(Tenant, RecordingId.Parse("rec-1"));

        Assert.Equal(EntityFrameworkCoreErrorCodes.UnknownRowVersion, read.Error?.Code);
        Assert.Contains("tenant-a/rec-1/1", read.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_DamagedRetainedItemTriggers_IsCorruptRowNamingTheRow()
    {
        var store = database.Fresh<ContactKit.Retention.IRetentionStore>();
        var item = new ContactKit.Retention.RetainedItem { Tenant = Tenant, Id = RetainedItemId.Parse("item-1"), RecordClass = ContactKit.Retention.RecordClass.CallRecording, CreatedAt = Instant.FromUtc(2026, 3, 2, 9, 0) };
        await store.SaveAsync(new ContactKit.Retention.StoredRetainedItem { Item = item });
        using (var context = database.NewContext())
        {
            await context.Set<RetainedItemRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Triggers, "{\"created\":"));
        }

        var read = await store.GetAsync(Tenant, item.Id);

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains("tenant-a/item-1", read.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(RetainedItemRow.Table, read.Error.Message, StringComparison.Ordinal);
    }
}
