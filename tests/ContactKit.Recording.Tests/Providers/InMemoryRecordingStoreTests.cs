using ContactKit.Recording;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Recording.Tests.Providers;

public sealed class InMemoryRecordingStoreTests : RecordingStoreContractTests
{
    protected override IAuditTrail AuditTrail { get; } = new InMemoryAuditTrail();

    protected override IRecordingStore CreateStore() => new InMemoryRecordingStore(AuditTrail);
}

public sealed class InMemoryRecordingMediaStoreTests : RecordingMediaStoreContractTests
{
    protected override IRecordingMediaStore CreateStore() => new InMemoryRecordingMediaStore();

    [Fact]
    public async Task OpenReadAsync_BytesChangedAfterStoring_IsRefusedWithChecksumMismatch()
    {
        var store = new InMemoryRecordingMediaStore();
        var tenant = TenantId.Parse("council");
        var media = (await store.PutAsync(tenant, RecordingId.Parse("rec-1"), MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;

        Assert.True(store.Corrupt(tenant, media.Location));
        var open = await store.OpenReadAsync(tenant, media.Location);

        Assert.Equal(RecordingErrorCodes.MediaChecksumMismatch, open.Error?.Code);
    }
}
