using ContactKit.Recording;
using CsCheck;

namespace ContactKit.Media.FileSystem.Tests;

/// <summary>
/// Random sequences of stores, reads and deletes by two tenants over two recordings and both kinds, with contents drawn
/// from a small set so that locations repeat. After every step the store must agree with a plain model: every location
/// ever issued opens, for each tenant, to exactly the bytes the model holds there or is not found; every media deleted or
/// replaced has its proof; and no temporary file is left behind.
/// </summary>
public sealed class FileSystemRecordingMediaStorePropertyTests
{
    private static readonly TenantId[] Tenants = [TenantId.Parse("council"), TenantId.Parse("Council")];
    private static readonly RecordingId[] Recordings = [RecordingId.Parse("rec-1"), RecordingId.Parse("rec.2")];
    private static readonly byte[][] Contents = [[], [1], [1, 2, 3], [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))]];

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[1, 2], Gen.Int[0, Contents.Length - 1])
            .Select((tenant, recording, kind, content) => new Op(OpKind.Put, tenant, recording, (MediaKind)kind, content))),
        (3, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 63]).Select((tenant, issued) => new Op(OpKind.Delete, tenant, 0, MediaKind.Audio, issued))));

    private enum OpKind
    {
        Put,
        Delete,
    }

    [Fact]
    public async Task Store_AnySequenceOfStoresAndDeletes_AgreesWithTheModelAfterEveryStep()
    {
        await Ops.Array[1, 12].SampleAsync(RunAsync, iter: 1_000);
    }

    private static async Task RunAsync(Op[] ops)
    {
        using var folder = new MediaFolder();
        var store = folder.CreateStore();
        var live = new Dictionary<(int Tenant, int Recording, MediaKind Kind), RecordingMedia>();
        var gone = new HashSet<(int Tenant, string Location)>();
        var issued = new List<string>();
        var contentAt = new Dictionary<string, byte[]>();
        foreach (var op in ops)
        {
            if (op.Kind == OpKind.Put)
            {
                var media = (await store.PutAsync(Tenants[op.Tenant], Recordings[op.Recording], op.MediaKind, new MemoryStream(Contents[op.Number]))).Value;
                if (live.TryGetValue((op.Tenant, op.Recording, op.MediaKind), out var replaced) && replaced.Location != media.Location)
                {
                    gone.Add((op.Tenant, replaced.Location));
                }

                live[(op.Tenant, op.Recording, op.MediaKind)] = media;
                gone.Remove((op.Tenant, media.Location));
                if (contentAt.TryAdd(media.Location, Contents[op.Number]))
                {
                    issued.Add(media.Location);
                }
            }
            else if (issued.Count > 0)
            {
                var location = issued[op.Number % issued.Count];
                var deleted = await store.DeleteAsync(Tenants[op.Tenant], location);
                var expected = live.FirstOrDefault(e => e.Key.Tenant == op.Tenant && e.Value.Location == location);
                if (expected.Value is null)
                {
                    Assert.Equal(ErrorCodes.NotFound, deleted.Error?.Code);
                }
                else
                {
                    Assert.Equal(expected.Value, deleted.Value);
                    live.Remove(expected.Key);
                    gone.Add((op.Tenant, location));
                }
            }

            await CheckAsync(store, folder, live, gone, issued, contentAt);
        }
    }

    private static async Task CheckAsync(
        FileSystemRecordingMediaStore store,
        MediaFolder folder,
        Dictionary<(int Tenant, int Recording, MediaKind Kind), RecordingMedia> live,
        HashSet<(int Tenant, string Location)> gone,
        List<string> issued,
        Dictionary<string, byte[]> contentAt)
    {
        for (var tenant = 0; tenant < Tenants.Length; tenant++)
        {
            foreach (var location in issued)
            {
                var expected = live.FirstOrDefault(e => e.Key.Tenant == tenant && e.Value.Location == location);
                var open = await store.OpenReadAsync(Tenants[tenant], location);
                if (expected.Value is null)
                {
                    Assert.Equal(ErrorCodes.NotFound, open.Error?.Code);
                }
                else
                {
                    await using var stream = open.Value;
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    Assert.Equal(contentAt[location], copy.ToArray());
                }

                if (gone.Contains((tenant, location)))
                {
                    Assert.Equal(location, (await store.GetDeletionProofAsync(Tenants[tenant], location)).Value.Media.Location);
                }
            }
        }

        var files = folder.Files();
        Assert.DoesNotContain(files, f => f.Contains("/.incoming/", StringComparison.Ordinal));
        Assert.Equal(live.Count, files.Count(f => f.Contains("/media/", StringComparison.Ordinal)));
    }

    private sealed record Op(OpKind Kind, int Tenant, int Recording, MediaKind MediaKind, int Number);
}
