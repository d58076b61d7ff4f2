using ContactKit.Recording;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;

namespace ContactKit.Recording.Tests.Providers;

public sealed class InMemoryRecordingStoreTests : RecordingStoreContractTests
{
    protected override IAuditTrail AuditTrail { get; } = new InMemoryAuditTrail();

    protected override IRecordingStore CreateStore() => new InMemoryRecordingStore(AuditTrail);

    // Regression: the fake appended a change's audit entry after its save and outside its lock, so the next change to the
    // same session could reach the audit trail first.
    [Fact]
    public async Task SaveAsync_NextChangeWhileAnEntryIsBeingAppended_EntriesKeepTheOrderOfTheEvents()
    {
        var trail = new GatedAuditTrail(new InMemoryAuditTrail());
        var store = new InMemoryRecordingStore(trail);
        var steps = Steps(TenantId.Parse("tenant-a"), advances: 1);
        Assert.True((await store.SaveAsync(steps[0].Session, steps[0].Event, 0, Entry(steps[0].Session))).IsSuccess);

        var gate = trail.HoldNextAppend();
        var second = store.SaveAsync(steps[1].Session, steps[1].Event, 1, Entry(steps[1].Session)).AsTask();
        var third = store.SaveAsync(steps[2].Session, steps[2].Event, 2, Entry(steps[2].Session)).AsTask();
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(200)));
        gate.SetResult();
        var saved = await Task.WhenAll(second, third);
        var entries = new List<AuditEntry>();
        await foreach (var entry in trail.ReadByTenantAsync(TenantId.Parse("tenant-a")))
        {
            entries.Add(entry);
        }

        Assert.All(saved, s => Assert.True(s.IsSuccess));
        Assert.Equal(["1", "2", "3"], entries.Select(e => e.Details["version"]));
    }

    private static AuditEntry Entry(RecordingSession session) => new()
    {
        Tenant = session.Tenant,
        OccurredAt = session.LastChangedAt,
        Actor = ActorId.Parse("officer-1"),
        Action = "recording.test",
        Resource = ResourceRef.Recording(session.Id),
        Details = AuditDetails.Of(new KeyValuePair<string, string>("version", session.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    };

    // An audit trail whose next append waits until the test lets it go.
    private sealed class GatedAuditTrail(IAuditTrail inner) : IAuditTrail
    {
        private TaskCompletionSource? _gate;

        public TaskCompletionSource HoldNextAppend() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<AuditEntry> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _gate, null) is { } gate)
            {
                await gate.Task;
            }

            return await inner.AppendAsync(entry, cancellationToken);
        }

        public IAsyncEnumerable<AuditEntry> ReadByTenantAsync(TenantId tenant, CancellationToken cancellationToken = default) => inner.ReadByTenantAsync(tenant, cancellationToken);

        public IAsyncEnumerable<AuditEntry> ReadByResourceAsync(TenantId tenant, ResourceRef resource, CancellationToken cancellationToken = default) => inner.ReadByResourceAsync(tenant, resource, cancellationToken);

        public IAsyncEnumerable<AuditEntry> ReadBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) => inner.ReadBySubjectAsync(tenant, subject, cancellationToken);
    }
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
