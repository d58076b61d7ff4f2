using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ContactKit.Recording;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IRecordingMediaStore"/> must show. Inherit it in a test project and return a fresh,
/// empty store from <see cref="CreateStore"/>; xunit runs every test below against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class RecordingMediaStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly RecordingId Recording = RecordingId.Parse("rec-1");

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRecordingMediaStore CreateStore();

    /// <summary>What is read back is exactly what was stored, with its size and SHA-256 checksum.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task PutAsync_ThenOpen_ReadsTheSameBytesWithTheirChecksum()
    {
        var store = CreateStore();
        var bytes = Bytes(4096, 7);

        var media = (await store.PutAsync(TenantA, Recording, MediaKind.Audio, new MemoryStream(bytes))).Value;
        var read = await ReadAsync(store, TenantA, media.Location);

        Assert.Equal(bytes, read);
        Assert.Equal(bytes.Length, media.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.Sha256);
        Assert.Equal(MediaKind.Audio, media.Kind);
    }

    /// <summary>The audio and the transcript of one recording are kept apart.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task PutAsync_AudioAndTranscript_AreKeptApart()
    {
        var store = CreateStore();
        var audio = (await store.PutAsync(TenantA, Recording, MediaKind.Audio, new MemoryStream(Bytes(100, 1)))).Value;
        var transcript = (await store.PutAsync(TenantA, Recording, MediaKind.Transcript, new MemoryStream(Bytes(50, 2)))).Value;

        Assert.NotEqual(audio.Location, transcript.Location);
        Assert.Equal(Bytes(100, 1), await ReadAsync(store, TenantA, audio.Location));
        Assert.Equal(Bytes(50, 2), await ReadAsync(store, TenantA, transcript.Location));
    }

    /// <summary>One tenant cannot open or delete another tenant's media.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task OpenAndDelete_OtherTenant_AreNotFoundAndMediaKept()
    {
        var store = CreateStore();
        var media = (await store.PutAsync(TenantA, Recording, MediaKind.Audio, new MemoryStream(Bytes(10, 3)))).Value;

        var open = await store.OpenReadAsync(TenantB, media.Location);
        var delete = await store.DeleteAsync(TenantB, media.Location);

        Assert.Equal(ErrorCodes.NotFound, open.Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, delete.Error?.Code);
        Assert.Equal(Bytes(10, 3), await ReadAsync(store, TenantA, media.Location));
    }

    /// <summary>Another tenant storing media for the same recording id never replaces the first tenant's.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task PutAsync_OtherTenantSameRecording_LeavesFirstTenantsMedia()
    {
        var store = CreateStore();
        var ofA = (await store.PutAsync(TenantA, Recording, MediaKind.Audio, new MemoryStream(Bytes(10, 4)))).Value;

        await store.PutAsync(TenantB, Recording, MediaKind.Audio, new MemoryStream(Bytes(20, 5)));

        Assert.Equal(Bytes(10, 4), await ReadAsync(store, TenantA, ofA.Location));
    }

    /// <summary>Deleted media can no longer be opened, and deleting it again is not found.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task DeleteAsync_ThenOpen_IsNotFound()
    {
        var store = CreateStore();
        var media = (await store.PutAsync(TenantA, Recording, MediaKind.Audio, new MemoryStream(Bytes(10, 6)))).Value;

        var deleted = await store.DeleteAsync(TenantA, media.Location);

        Assert.Equal(media, deleted.Value);
        Assert.Equal(ErrorCodes.NotFound, (await store.OpenReadAsync(TenantA, media.Location)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await store.DeleteAsync(TenantA, media.Location)).Error?.Code);
    }

    /// <summary>Many recordings stored at once are all kept.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task PutAsync_ManyAtOnce_LosesNothing()
    {
        var store = CreateStore();

        var stored = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            (await store.PutAsync(TenantA, RecordingId.Parse($"rec-{i}"), MediaKind.Audio, new MemoryStream(Bytes(64, i)))).Value)));

        for (var i = 0; i < stored.Length; i++)
        {
            Assert.Equal(Bytes(64, i), await ReadAsync(store, TenantA, stored[i].Location));
        }
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + seed);
        }

        return bytes;
    }

    private static async Task<byte[]> ReadAsync(IRecordingMediaStore store, TenantId tenant, string location)
    {
        var stream = (await store.OpenReadAsync(tenant, location)).Value;
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
