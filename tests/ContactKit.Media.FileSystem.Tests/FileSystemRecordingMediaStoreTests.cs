using System.Security.Cryptography;
using System.Text;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Media.FileSystem.Tests;

public sealed class FileSystemRecordingMediaStoreTests : IDisposable
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly RecordingId Recording = RecordingId.Parse("rec-1");

    private readonly MediaFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PutAsync_Media_IsNamedByItsChecksumInTheTenantsFolderAndLeavesNoTemporaryFile()
    {
        var store = _folder.CreateStore();
        var bytes = Encoding.UTF8.GetBytes("agent: how can I help?");

        var media = (await store.PutAsync(Council, Recording, MediaKind.Transcript, new MemoryStream(bytes))).Value;

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal($"fs://rec-1/transcript/{sha256}", media.Location);
        Assert.Equal([$"council/media/rec-1/transcript/{sha256}"], _folder.Files());
    }

    [Fact]
    public async Task OpenReadAsync_LeftoverTemporaryFile_IsNeverReadAsContent()
    {
        // A crash after writing the temporary file but before the rename leaves it in .incoming with the right checksum.
        var store = _folder.CreateStore();
        var bytes = Encoding.UTF8.GetBytes("half a recording");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var incoming = Path.Combine(_folder.Root, "council", ".incoming");
        Directory.CreateDirectory(incoming);
        await File.WriteAllBytesAsync(Path.Combine(incoming, sha256), bytes);
        await File.WriteAllBytesAsync(Path.Combine(incoming, "0123.tmp"), bytes);

        foreach (var location in new[] { $"fs://rec-1/audio/{sha256}", $"fs://.incoming/audio/{sha256}", "fs://.incoming/0123.tmp" })
        {
            var open = await store.OpenReadAsync(Council, location);
            Assert.True(open.Error?.Code is ErrorCodes.NotFound or FileSystemMediaErrorCodes.InvalidLocation, location);
        }
    }

    [Fact]
    public async Task PutAsync_ContentFailsPartWay_KeepsThePreviousMediaAndNoTemporaryFile()
    {
        var store = _folder.CreateStore();
        var first = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;

        var failed = await store.PutAsync(Council, Recording, MediaKind.Audio, new FailingStream(100_000));

        Assert.Equal(FileSystemMediaErrorCodes.StorageFailed, failed.Error?.Code);
        Assert.Equal([1, 2, 3], await ReadAsync(store, Council, first.Location));
        Assert.Equal([$"council/media/rec-1/audio/{first.Sha256}"], _folder.Files());
    }

    [Fact]
    public async Task OpenReadAsync_BytesChangedOnDisk_IsChecksumMismatch()
    {
        var store = _folder.CreateStore();
        var media = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;
        await File.WriteAllBytesAsync(Path.Combine(_folder.Root, "council", "media", "rec-1", "audio", media.Sha256), [1, 2, 4]);

        var open = await store.OpenReadAsync(Council, media.Location);

        Assert.Equal(RecordingErrorCodes.MediaChecksumMismatch, open.Error?.Code);
    }

    [Fact]
    public async Task PutAsync_TenantsDifferingOnlyInCaseOrPunctuation_GetTheirOwnFolders()
    {
        // On a case-insensitive share "Tenant-A" and "tenant-a" would be one folder if the id were used as it is.
        var store = _folder.CreateStore();
        TenantId[] tenants = [TenantId.Parse("tenant-a"), TenantId.Parse("Tenant-A"), TenantId.Parse("tenant.a"), TenantId.Parse("tenant_a")];
        var stored = new List<RecordingMedia>();
        for (var i = 0; i < tenants.Length; i++)
        {
            stored.Add((await store.PutAsync(tenants[i], Recording, MediaKind.Audio, new MemoryStream([(byte)i]))).Value);
        }

        var folders = Directory.GetDirectories(_folder.Root).Select(Path.GetFileName).ToList();
        Assert.Equal(tenants.Length, folders.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        for (var i = 0; i < tenants.Length; i++)
        {
            Assert.Equal([(byte)i], await ReadAsync(store, tenants[i], stored[i].Location));
            foreach (var other in tenants.Where(t => t != tenants[i]))
            {
                Assert.Equal(ErrorCodes.NotFound, (await store.OpenReadAsync(other, stored[i].Location)).Error?.Code);
            }
        }
    }

    [Theory]
    [InlineData("fs://../audio/0000000000000000000000000000000000000000000000000000000000000000")] // a parent folder as the recording
    [InlineData("fs://rec-1/audio/../../../other/media/rec-1/audio")] // climbing out of the kind folder
    [InlineData("fs://rec-1/audio/0000000000000000000000000000000000000000000000000000000000000000/..")] // a fourth segment
    [InlineData("fs://rec-1\\..\\..\\other/audio/0000000000000000000000000000000000000000000000000000000000000000")] // Windows separators
    [InlineData("fs:///etc/audio/0000000000000000000000000000000000000000000000000000000000000000")] // an absolute path
    [InlineData("/etc/passwd")] // a bare path
    [InlineData("fs://%2e%2e/audio/0000000000000000000000000000000000000000000000000000000000000000")] // URL-encoded dots
    [InlineData("fs://rec-1/video/0000000000000000000000000000000000000000000000000000000000000000")] // an unknown kind
    [InlineData("fs://rec-1/audio/0000000000000000000000000000000000000000000000000000000000000000.json")] // a proof file
    [InlineData("fs://rec-1/audio/ABCDEF0000000000000000000000000000000000000000000000000000000000")] // upper-case hex
    [InlineData("memory://rec-1/audio")] // another store's location
    [InlineData("")]
    public async Task Locations_NotIssuedByTheStore_AreRefusedWithoutTouchingTheFileSystem(string location)
    {
        var store = _folder.CreateStore();

        Assert.Equal(FileSystemMediaErrorCodes.InvalidLocation, (await store.OpenReadAsync(Council, location)).Error?.Code);
        Assert.Equal(FileSystemMediaErrorCodes.InvalidLocation, (await store.DeleteAsync(Council, location)).Error?.Code);
        Assert.Equal(FileSystemMediaErrorCodes.InvalidLocation, (await store.GetDeletionProofAsync(Council, location)).Error?.Code);
        Assert.Empty(_folder.Files());
    }

    [Fact]
    public async Task Locations_OtherTenantsFolderNamedInTheLocation_IsRefused()
    {
        var store = _folder.CreateStore();
        var other = TenantId.Parse("other");
        var media = (await store.PutAsync(other, Recording, MediaKind.Audio, new MemoryStream([9]))).Value;

        var climbing = media.Location.Replace("fs://rec-1/", "fs://../other/media/rec-1/", StringComparison.Ordinal);

        Assert.Equal(FileSystemMediaErrorCodes.InvalidLocation, (await store.OpenReadAsync(Council, climbing)).Error?.Code);
        Assert.Equal([9], await ReadAsync(store, other, media.Location));
    }

    [Fact]
    public async Task DeleteAsync_Media_RemovesTheBytesAndLeavesProofOfWhatAndWhen()
    {
        var store = _folder.CreateStore();
        var media = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream(new byte[300]))).Value;
        _folder.Clock.Advance(Duration.FromDays(183));

        var deleted = (await store.DeleteAsync(Council, media.Location)).Value;
        var proof = (await store.GetDeletionProofAsync(Council, media.Location)).Value;

        Assert.Equal(media, deleted);
        Assert.Equal(new MediaDeletionProof(media, _folder.Clock.GetCurrentInstant()), proof);
        Assert.Equal([$"council/deleted/rec-1/audio/{media.Sha256}.json"], _folder.Files());
        Assert.Equal(ErrorCodes.NotFound, (await store.GetDeletionProofAsync(TenantId.Parse("other"), media.Location)).Error?.Code);
    }

    [Fact]
    public async Task PutAsync_SameKindAgain_ReplacesTheOldMediaWithProof()
    {
        var store = _folder.CreateStore();
        var old = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream([1]))).Value;
        var transcript = (await store.PutAsync(Council, Recording, MediaKind.Transcript, new MemoryStream([2]))).Value;

        var replacement = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream([3]))).Value;

        Assert.Equal(ErrorCodes.NotFound, (await store.OpenReadAsync(Council, old.Location)).Error?.Code);
        Assert.Equal(old, (await store.GetDeletionProofAsync(Council, old.Location)).Value.Media);
        Assert.Equal([3], await ReadAsync(store, Council, replacement.Location));
        Assert.Equal([2], await ReadAsync(store, Council, transcript.Location));
    }

    [Fact]
    public async Task GetDeletionProofAsync_ProofFileDamaged_IsUnreadableProof()
    {
        var store = _folder.CreateStore();
        var media = (await store.PutAsync(Council, Recording, MediaKind.Audio, new MemoryStream([1]))).Value;
        await store.DeleteAsync(Council, media.Location);
        await File.WriteAllTextAsync(Path.Combine(_folder.Root, "council", "deleted", "rec-1", "audio", media.Sha256 + ".json"), "{\"media\":");

        var proof = await store.GetDeletionProofAsync(Council, media.Location);

        Assert.Equal(FileSystemMediaErrorCodes.UnreadableDeletionProof, proof.Error?.Code);
    }

    private static async Task<byte[]> ReadAsync(FileSystemRecordingMediaStore store, TenantId tenant, string location)
    {
        await using var stream = (await store.OpenReadAsync(tenant, location)).Value;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A content stream that fails after some bytes, as a dropped upload would.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("The upload was cut off.");
            }

            var n = Math.Min(count, failAfter - _read);
            Array.Clear(buffer, offset, n);
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
